/**
 * The look-up with an address (issue 17): what the popup asks, and what the reader reads, with the
 * background's real answer (the knowledge base's search and `addressCardEntity`, which checks and screens
 * with the engine's own `checkAddress` and `addressScreener`).
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Lookup, LOOKUP_LIMIT } from '../../../components/popup/Lookup';
import { addressQueryId } from '../../../lib/shared/address-id';
import { addressShaped } from '../../../components/popup/lookup-address';
import { addressCardEntity, toCardEntity } from '../../../lib/background/card-data';
import { loadKb } from '../../../lib/kb';
import { fakeBackend } from './fixtures';

afterEach(() => cleanup());

const kb = loadKb();
/** The background's answers to popup/lookup and popup/get-entity (lib/background/service.ts). */
function realBackend() {
  const { backend } = fakeBackend();
  backend.lookup.mockImplementation(async (q: string, limit?: number) =>
    kb.search(q, limit).map((r) => ({ entity: toCardEntity(kb, r.entity), score: r.score, matched: r.matched, exact: r.exact })),
  );
  backend.getEntity.mockImplementation(async (id: string) => {
    const e = kb.byId(id);
    return e ? toCardEntity(kb, e) : addressCardEntity(kb, id);
  });
  return backend;
}

const UNLISTED_ETH = '0x52908400098527886E0F7030069857D2E4169EE7';
const listed = kb.kb.addresses.find((a) => a.entity && a.chain === 'ETH' && kb.byId(a.entity))!;

function type(value: string) {
  fireEvent.input(screen.getByRole('searchbox'), { target: { value } });
}

describe('addressShaped: which queries are also asked as addresses', () => {
  it.each([UNLISTED_ETH, 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', 'bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a', ` ${UNLISTED_ETH} `])(
    'an address: %s',
    (q) => expect(addressShaped(q)).toBe(true),
  );
  it.each(['Lazarus Group', 'tornado', 'HiddenCobraLazarusGroupAPTxx', '0x1234', 'CVE-2024-3094 and more text', 'vitalik.eth'])('not an address: %s', (q) =>
    expect(addressShaped(q)).toBe(false),
  );
  it('asks for the address exactly as typed (an EVM address keeps its checksum case)', () => {
    expect(addressQueryId(` ${UNLISTED_ETH}`)).toBe(`address-query-${UNLISTED_ETH}`);
  });
});

describe('look-up of an address the knowledge base does not have', () => {
  it('shows its chain, checksum, the plain screening wording and an explorer link', async () => {
    const backend = realBackend();
    render(<Lookup backend={backend} theme="light" />);
    type(UNLISTED_ETH);
    const card = await screen.findByRole('region', { name: `About ${UNLISTED_ETH}` });
    expect(backend.lookup).toHaveBeenCalledWith(UNLISTED_ETH, LOOKUP_LIMIT);
    expect(backend.getEntity).toHaveBeenCalledWith(`address-query-${UNLISTED_ETH}`);
    expect(screen.getByRole('status').textContent).toBe('ETH address: its checksum, sanctions screening and explorer link are in the card below.');
    const facts = within(card);
    expect(facts.getByText('ETH')).toBeTruthy();
    expect(card.textContent).toMatch(/valid/i);
    const asOf = kb.kb.addressesAsOf ?? kb.kb.asOf;
    expect(card.textContent).toContain(`Not on the lists we ship (as of ${asOf}) — this does not mean it is safe.`);
    const explorer = facts.getByRole('link', { name: /explorer|etherscan/i });
    expect(explorer.getAttribute('href')).toBe(`https://etherscan.io/address/${UNLISTED_ETH}`);
    expect(facts.getByRole('link', { name: /OFAC/ }).getAttribute('href')).toBe('https://sanctionssearch.ofac.treas.gov/');
    // the address is also in the list of matches, pressed, to come back to after opening another
    expect(screen.getByRole('button', { name: new RegExp(UNLISTED_ETH) }).getAttribute('aria-pressed')).toBe('true');
  });

  it('says when the checksum fails (one letter in the wrong case)', async () => {
    const backend = realBackend();
    render(<Lookup backend={backend} theme="light" />);
    const typo = UNLISTED_ETH.slice(0, -2) + 'e7';
    type(typo);
    const card = await screen.findByRole('region', { name: `About ${typo}` });
    expect(card.textContent).toMatch(/checksum fails|fails/i);
  });

  it('Enter opens the address card and moves focus to it', async () => {
    const backend = realBackend();
    render(<Lookup backend={backend} theme="dark" />);
    type('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4');
    fireEvent.submit(screen.getByRole('search'));
    const card = await screen.findByRole('region', { name: 'About bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4' });
    expect(within(card).getByText('BTC')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(card));
  });
});

describe('look-up of a listed address', () => {
  it('says it is on the OFAC list, and lists the designated entry of the knowledge base after it', async () => {
    const backend = realBackend();
    render(<Lookup backend={backend} theme="light" />);
    type(listed.address);
    const card = await screen.findByRole('region', { name: `About ${listed.address}` });
    expect(card.textContent).toContain('On the US Treasury OFAC sanctions list');
    const name = kb.byId(listed.entity!)!.name;
    expect(screen.getByRole('status').textContent).toBe(`ETH address: its checksum, sanctions screening and explorer link are in the card below. 1 match for “${listed.address}”.`);
    const buttons = within(screen.getByRole('list', { name: 'Matches' })).getAllByRole('button');
    expect(buttons.map((b) => b.textContent?.startsWith(listed.address) || b.textContent?.includes(name))).toEqual([true, true]);
    expect(buttons[0]!.textContent).toContain(listed.address);
  });
});

describe('look-up of what is neither', () => {
  it('an address-shaped string that no chain reads gets a clear message', async () => {
    const backend = realBackend();
    render(<Lookup backend={backend} theme="light" />);
    const junk = '0x52908400098527886E0F7030069857D2E4169EE7ff';
    type(junk);
    expect(await screen.findByText(`“${junk}” is not an address of a chain we know, and no name in the knowledge base matches it. Check it for a typing mistake.`)).toBeTruthy();
    expect(screen.queryByRole('region', { name: /^About/ })).toBeNull();
  });

  it('a name is not asked as an address; a failed address check is said as a failure, not as "not an address"', async () => {
    const backend = realBackend();
    render(<Lookup backend={backend} theme="light" />);
    type('garantex');
    expect(await screen.findByRole('button', { name: /Garantex/ })).toBeTruthy();
    expect(backend.getEntity).not.toHaveBeenCalled();
    backend.getEntity.mockRejectedValueOnce(new Error('no background'));
    type(UNLISTED_ETH);
    expect(await screen.findByText('The look-up is not available right now.')).toBeTruthy();
  });
});
