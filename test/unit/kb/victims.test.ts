import { describe, expect, it } from 'vitest';
import { ordinaryWordsOf, toVictimEntities } from '../../../tools/kb-build/victims';
import type { RawIncident } from '../../../tools/kb-build/incidents';

const src = (url: string) => ({ title: 'report', publisher: 'example', url });
function row(victimName: string, targetType: string, amountUsd: number, date = '2023-05-01'): RawIncident {
  return { date, victimName, targetType, amountUsd, chains: [], sources: [src(`https://example.org/${encodeURIComponent(victimName)}/${date}`)] };
}

describe('victim entries from the incident tables', () => {
  const rows = [
    row('Zyqlex', 'CEX', 5_000_000),
    row('QuorraSwap', 'DeFi Protocol', 12_000_000, '2022-01-02'),
    row('QuorraSwap', 'DeFi Protocol', 3_000_000, '2024-03-04'),
    row('Lantern', 'DeFi Protocol', 2_000_000),
    row('Tiny Vault', 'DeFi Protocol', 200_000),
    row('Somebody Else', 'Other', 90_000_000),
  ];
  const out = toVictimEntities(rows, new Set(['lantern']));
  const byName = new Map(out.map((e) => [e.name, e]));

  it('types exchanges and protocols by the table, one entry per victim with every loss listed', () => {
    expect(byName.get('Zyqlex')?.type).toBe('exchange');
    const q = byName.get('QuorraSwap')!;
    expect(q.type).toBe('protocol');
    expect(q.description).toMatch(/2 exploits/);
    expect(q.description).toMatch(/2022/);
    expect(q.description).toMatch(/2024/);
    // the largest loss's primary source first, then the table
    expect(q.sources[0]!.url).toContain('2022-01-02');
    expect(q.sources.at(-1)!.url).toContain('defi_exploits.csv');
  });

  it('leaves out small losses and rows that are not an exchange or a protocol', () => {
    expect(byName.has('Tiny Vault')).toBe(false);
    expect(byName.has('Somebody Else')).toBe(false);
  });

  it('leaves out ordinary words; plain one-word names need context, brand-shaped names do not', () => {
    expect(byName.has('Lantern')).toBe(false); // an ordinary word in running text
    expect(byName.get('Zyqlex')?.ambiguous?.context.length).toBeGreaterThan(0); // plain capitalised word
    expect(byName.get('QuorraSwap')?.ambiguous).toBeUndefined();
  });
});

describe('ordinary words from running text', () => {
  it('counts lower-case words, not link targets, handles or capitalised names', () => {
    const words = ordinaryWordsOf(['The garden was quiet. See https://zyqlex.example/garden and @quorraswap or [x](https://lantern.example). Lantern rose.'], 1);
    expect(words.has('garden')).toBe(true);
    expect(words.has('zyqlex')).toBe(false);
    expect(words.has('quorraswap')).toBe(false);
    expect(words.has('lantern')).toBe(false);
  });
});
