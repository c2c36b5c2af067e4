/** The popup's key facts (components/popup/KeyFacts.tsx, key-facts.ts): one line per fact, in the reader's words. */
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { KeyFacts as KeyFactsData } from '../../../lib/shared/contract';
import { KeyFacts } from '../../../components/popup/KeyFacts';
import { amountLines, hasKeyFacts, keyFactsOf } from '../../../components/popup/key-facts';

afterEach(() => cleanup());

const usd = (text: string, value: number, role: NonNullable<KeyFactsData['amounts']>[number]['role'], by?: string) => ({ text, value, currency: 'USD', usd: value, role, ...(by ? { by } : {}) });
const FACTS: KeyFactsData = {
  event: 'theft',
  victims: [{ id: 'harbor', name: 'Harbor Bridge' }],
  amounts: [usd('$48 million', 48e6, 'stolen'), usd('$20 million', 20e6, 'frozen'), usd('$4.8 million', 4.8e6, 'bounty'), usd('$7 million', 7e6, 'other'), usd('$1.7 billion', 1.7e9, 'aggregate', 'Chainwatch')],
  date: '2025-03-03',
  actors: [{ id: 'lazarus-group', name: 'Lazarus Group', by: ['FBI'], level: 'official', inferred: false }],
  stolen: [],
  dates: [],
};

describe('key facts block', () => {
  it('shows each fact on its own line with its role, the date after the stolen amount', () => {
    render(<KeyFacts facts={FACTS} />);
    const line = (label: string) => screen.getByText(label, { selector: 'dt' }).parentElement!.textContent;
    expect(line('What happened')).toBe('What happenedHack or theft');
    expect(line('Victim')).toContain('Harbor Bridge');
    expect(line('Stolen')).toMatch(/^Stolen\$48M \(Mar 3, 2025\)/);
    expect(line('Frozen')).toMatch(/^Frozen\$20M/);
    expect(line('Bounty offered')).toMatch(/\$4\.8M/);
    expect(line('Total over many incidents')).toMatch(/\$1\.7B.*reported by Chainwatch/);
    expect(line('Attributed to')).toMatch(/Lazarus Group — according to FBI official attribution/);
  });

  it('leaves out what the engine is not sure of: amounts of unknown role, a missing date or event', () => {
    render(<KeyFacts facts={{ ...FACTS, event: null, date: null }} />);
    expect(screen.queryByText('What happened')).toBeNull();
    expect(screen.queryByText('When')).toBeNull();
    expect(screen.queryByText(/\$7M/)).toBeNull();
    expect(amountLines(FACTS).map((l) => l.role)).toEqual(['stolen', 'frozen', 'bounty', 'aggregate']);
  });

  it('shows the date on a line of its own when nothing was taken', () => {
    render(<KeyFacts facts={{ ...FACTS, amounts: [] }} />);
    expect(screen.getByText('When', { selector: 'dt' }).parentElement!.textContent).toBe('WhenMar 3, 2025');
  });

  it('reads an analysis stored before the event frame: its stolen amounts, never its list of dates', () => {
    const old = { stolen: [{ text: '$2 billion', value: 2e9, currency: 'USD', usd: 2e9, role: 'stolen' as const }], actors: [], victims: [], dates: ['2019-08-07', '2016'] };
    const k = keyFactsOf({ keyFacts: old } as never);
    expect(k.amounts?.map((a) => a.role)).toEqual(['stolen']);
    expect(k.date).toBeNull();
    expect(hasKeyFacts({ ...old, amounts: [], date: null })).toBe(false);
  });
});
