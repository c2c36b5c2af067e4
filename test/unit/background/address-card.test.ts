import { describe, expect, it } from 'vitest';
import { addressCardEntity } from '../../../lib/background/card-data';
import { EXPLORER_PLACEHOLDERS } from '../../../lib/kb/schema';
import { createLookup, loadKb } from '../../../lib/kb';
import { cardEntitySchema } from '../../../lib/shared/messages';

const lookup = createLookup(loadKb().kb);

describe('address cards', () => {
  it('a listed address: chain, validity, designation, programme and source, an explorer link from the KB template', () => {
    const listed = lookup.kb.addresses.find((a) => a.entity === 'lazarus-group' && a.chain === 'ETH')!;
    const key = listed.address.toLowerCase();
    const c = addressCardEntity(lookup, `address-eth-${key}`)!;
    expect(cardEntitySchema.safeParse(c).success).toBe(true);
    expect(c.type).toBe('address');
    expect(c.address).toMatchObject({ address: key, chain: 'ETH', valid: true, listed: true, designated: 'Lazarus Group' });
    expect(c.address!.source!.url).toBe(listed.source.url);
    const template = lookup.byId('ethereum')!.links!.explorerAddress!;
    expect(c.address!.explorerUrl).toBe(template.replace(EXPLORER_PLACEHOLDERS.explorerAddress, key));
    expect(c.sanctions[0]!.authority).toBe('OFAC');
  });
  it('an address not on the list says so with the list date; an unknown id gets no card', () => {
    const c = addressCardEntity(lookup, 'address-btc-1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa')!;
    expect(c.address).toMatchObject({ chain: 'BTC', valid: true, listed: false, asOf: lookup.kb.addressesAsOf ?? lookup.kb.asOf });
    expect(c.address!.explorerUrl).toBe('https://mempool.space/address/1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa');
    expect(c.sanctions).toEqual([]);
    expect(addressCardEntity(lookup, 'lazarus-group')).toBeNull();
    expect(addressCardEntity(lookup, 'address-btc-notanaddress')).toBeNull();
  });
});
