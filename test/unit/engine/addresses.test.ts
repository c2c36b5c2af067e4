import { describe, expect, it } from 'vitest';
import { addressIndex, checkAddress, findAddresses, scanAddresses } from '../../../lib/engine/addresses';
import { addressEntities } from '../../../lib/engine/entities';
import { TEST_KB } from './kb-fixture';

describe('address validation', () => {
  it.each([
    ['1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', 'BTC'], // base58check P2PKH
    ['3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy', 'BTC'], // P2SH
    ['bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', 'BTC'], // bech32 v0
    ['bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297', 'BTC'], // bech32m v1
    ['0x52908400098527886E0F7030069857D2E4169EE7', 'ETH'], // EIP-55 test vector
    ['0x8617E340B3D01FA5F11F306F4090FD50E238070D', 'ETH'],
    ['0xde709f2102306220921060314715629080e2fb77', 'ETH'], // all lower case: no checksum to check
    ['TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL', 'TRX'],
    ['LaMT348PWRnrqeeWArpwQPbuanpXDZGEUz', 'LTC'],
    ['rEb8TK3gBgk5auZkwc6sHnwrGVJH8DuaLh', 'XRP'],
    ['XpESxaUmonkq8RaLLp46Brx2K39ggQe226', 'DASH'],
    ['bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a', 'BCH'],
  ])('accepts %s as a valid %s address', (addr, chain) => {
    expect(checkAddress(addr)).toMatchObject({ chain, valid: true });
  });

  it('rejects broken checksums', () => {
    expect(checkAddress('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb')).toMatchObject({ chain: 'BTC', valid: false });
    expect(checkAddress('bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdx')).toMatchObject({ chain: 'BTC', valid: false });
    expect(checkAddress('0x52908400098527886E0F7030069857D2E4169Ee7')).toMatchObject({ chain: 'ETH', valid: false });
    expect(checkAddress('bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6c')).toMatchObject({ chain: 'BCH', valid: false });
  });

  it('ignores long words and truncated addresses', () => {
    const idx = addressIndex([]);
    expect(findAddresses('Supercalifragilisticexpialidocious words and 0x62f7... are not addresses.', idx)).toEqual([]);
  });

  it('flags addresses on the sanctions list, whatever their case', () => {
    const idx = addressIndex(TEST_KB.addresses);
    const text = 'Funds went to 0x8589427373d6d84e98730d7795d8f6f8731fda16 and then to 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa.';
    const hits = findAddresses(text, idx);
    expect(hits.map((h) => [h.chain, h.sanctioned])).toEqual([
      ['ETH', true],
      ['BTC', false],
    ]);
    expect(text.slice(hits[0]!.start, hits[0]!.end)).toBe(hits[0]!.text);
    expect(hits[0]!.designated).toBe('tornado-cash');
  });
});

describe('more chains and the one address API (issue 14)', () => {
  const XMR = '884Bz8UH63aYsjVdkfWfScRYWZGGNbjFL7pztqvWNSrtYT4reFSwyvkCj9KEGUtheHhhMUj87ciTBFyzoesrMJ4L1FvSoxL';
  const SOL = 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v';

  it('checks Monero addresses with their Keccak checksum', () => {
    expect(checkAddress(XMR)).toMatchObject({ chain: 'XMR', valid: true, check: 'checksum' });
    // one character changed: the checksum fails
    expect(checkAddress(`${XMR.slice(0, 40)}${XMR[40] === 'A' ? 'B' : 'A'}${XMR.slice(41)}`)).toMatchObject({ chain: 'XMR', valid: false });
  });

  it('finds a Solana address only where the text speaks of Solana', () => {
    expect(scanAddresses(`The attacker moved the SOL to ${SOL} on Solana.`)).toEqual([{ text: SOL, start: 30, end: 30 + SOL.length, chain: 'SOL', valid: true }]);
    // the same 44 characters in a text about nothing on Solana: an identifier, not an address
    expect(scanAddresses(`Reference number ${SOL} was printed on the invoice.`)).toEqual([]);
  });

  it('returns {text, start, end, chain, valid} and nothing for words', () => {
    const text = 'Send to bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq now; Supercalifragilisticexpialidocious is a word.';
    const [a] = scanAddresses(text);
    expect(a).toEqual({ text: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', start: 8, end: 50, chain: 'BTC', valid: true });
    expect(scanAddresses(text)).toHaveLength(1);
  });

  it('names the chain of the OFAC list when one encoding serves several chains', () => {
    const idx = addressIndex([{ address: 'DFFJhnQNZf8rf67tYnesPu7MuGUpYtzv7Z', chain: 'XVG', entity: 'x' }] as never);
    expect(findAddresses('Paid to DFFJhnQNZf8rf67tYnesPu7MuGUpYtzv7Z.', idx)[0]).toMatchObject({ chain: 'DOGE (XVG list)', sanctioned: true, valid: true });
  });

  it('makes valid addresses entities of type address, one per address, and leaves invalid ones out', () => {
    const hits = findAddresses('To 0x8589427373d6d84e98730d7795d8f6f8731fda16, again 0x8589427373D6D84E98730D7795D8F6F8731FDA16, and 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb.', addressIndex(TEST_KB.addresses));
    const ents = addressEntities(hits);
    expect(ents).toHaveLength(1);
    expect(ents[0]).toMatchObject({ type: 'address', chain: 'ETH', valid: true, sanctioned: true, evidence: 'address' });
    expect(ents[0]!.mentions).toHaveLength(2);
  });
});
