/**
 * The popup words what the engine keeps as codes (issue 17): why each related item is listed (Related.tsx, dates
 * and amounts in the reader's locale) and the checks' own notes (Transparency.tsx), through browser.i18n; the
 * words of an analysis stored by an older version are shown as they are.
 */
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { Related } from '../../../components/popup/Related';
import { SectionsContext } from '../../../components/popup/Section';
import { Transparency } from '../../../components/popup/Transparency';
import { formatDate, formatUsd } from '../../../components/shared/format';
import type { Analysis, RelatedItem } from '../../../lib/shared/contract';
import { ANALYSIS } from './fixtures';

const i18n = (browser as unknown as { i18n: { getMessage: (k: string, s?: string[]) => string } }).i18n;

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const ITEMS: RelatedItem[] = [
  { title: 'OFAC notice', url: 'https://example.org/ofac', reason: { code: 'sanctions', params: ['OFAC', 'Lazarus Group', 'DPRK3', '2019-09-13'] }, date: '2019-09-13', kind: 'source' },
  { title: 'Ronin bridge hack (2022-03-23)', url: 'https://example.org/ronin', reason: { code: 'otherIncidentAmount', params: ['Lazarus Group', 625_000_000] }, date: '2022-03-23', kind: 'incident', amountUsd: 625_000_000 },
  { title: 'Lazarus profile', url: 'https://example.org/lazarus', reason: { code: 'backgroundInferred', params: ['Lazarus Group'] }, kind: 'source' },
  { title: 'Older answer', url: 'https://example.org/old', why: 'background on APT38', kind: 'source' },
];

const metas = () => [...render(<Related items={ITEMS} readBefore={[]} />).container.querySelectorAll('.related-meta')].map((m) => m.textContent);

describe('related coverage', () => {
  it('says why each item is listed, in English as before, with dates and amounts in the reader’s locale', () => {
    expect(metas()).toEqual([
      `${formatDate('2019-09-13')} · OFAC sanctions on Lazarus Group (DPRK3, ${formatDate('2019-09-13')})`,
      `${formatDate('2022-03-23')} · ${formatUsd(625_000_000)} · another incident attributed to Lazarus Group, about ${formatUsd(625_000_000)}`,
      'background on Lazarus Group (inferred)',
      'background on APT38',
    ]);
  });

  it('from the browser’s messages; an older version’s words as they are', () => {
    vi.spyOn(i18n, 'getMessage').mockImplementation((k, s) => `[${[k, ...(s ?? [])].join('|')}]`);
    const m = metas();
    expect(m[2]).toBe('[uiRel_backgroundInferred|Lazarus Group]');
    expect(m[3]).toBe('background on APT38');
  });
});

describe('the checks’ own words', () => {
  const open = { open: { transparency: true }, toggle: () => undefined };
  const notes = (a: Analysis) =>
    [
      ...render(
        <SectionsContext.Provider value={open}>
          <Transparency analysis={a} headline="h" />
        </SectionsContext.Provider>,
      ).container.querySelectorAll('ul ul li'),
    ].map((li) => li.textContent);

  it('worded from the detection’s codes, counts in the reader’s locale', () => {
    const a: Analysis = { ...ANALYSIS, cryptoSecurity: { ...ANALYSIS.cryptoSecurity, reasons: [], notes: [{ code: 'cryptoSecurity', params: [1234, 7] }, { code: 'knownNames', params: ['Bybit', 'FBI'] }] } };
    expect(notes(a)).toEqual([`crypto vocabulary (${(1234).toLocaleString()} mentions) together with theft/attack/crime vocabulary (7 mentions)`, 'known names: Bybit, FBI']);
  });

  it('an analysis stored by an older version shows its notes as they are', () => {
    expect(notes(ANALYSIS)).toEqual(ANALYSIS.cryptoSecurity.reasons);
  });
});
