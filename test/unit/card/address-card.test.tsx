/** The card of a crypto address (components/card/AddressCard.tsx), through EntityCard as the page renders it. */
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { EntityCard } from '../../../components/card/EntityCard';
import { addressCardEntity } from '../../../lib/background/card-data';
import { createLookup, loadKb } from '../../../lib/kb';

afterEach(() => cleanup());
const lookup = createLookup(loadKb().kb);

describe('address card', () => {
  it('shows chain, validity, screening in plain words and links the reader chooses to follow', () => {
    const c = addressCardEntity(lookup, 'address-btc-1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa')!;
    render(<EntityCard entity={c} headingId="h" found={{ mentionText: c.name }} onMute={() => undefined} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa');
    expect(document.body.textContent).toContain('BTC');
    expect(document.body.textContent).toMatch(/Not on the lists we ship \(as of \d{4}-\d{2}-\d{2}\) — this does not mean it is safe\./);
    const explorer = screen.getByRole('link', { name: 'Open in a BTC block explorer' }) as HTMLAnchorElement;
    expect(explorer.href).toBe('https://mempool.space/address/1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa');
    expect(explorer.rel).toContain('noopener');
    expect((screen.getByRole('link', { name: 'OFAC sanctions search' }) as HTMLAnchorElement).href).toBe('https://sanctionssearch.ofac.treas.gov/');
    expect(screen.getByRole('button', { name: "Don't mark on this site" })).toBeTruthy();
  });
  it('a listed address names the designation', () => {
    const listed = lookup.kb.addresses.find((a) => a.entity === 'lazarus-group' && a.chain === 'ETH')!;
    render(<EntityCard entity={addressCardEntity(lookup, `address-eth-${listed.address.toLowerCase()}`)!} />);
    expect(document.body.textContent).toContain('On the US Treasury OFAC sanctions list (designated: Lazarus Group');
  });
});
