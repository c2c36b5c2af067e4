/**
 * The popup's disclaimers (issue 17): worded through browser.i18n from the engine's kinds and parameters, the
 * knowledge's date in the reader's locale, the page's sentences as text (never markup); an analysis stored by an
 * older version shows its words as they are; a disclaimer with neither known kind nor words is left out.
 */
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { Disclaimers } from '../../../components/popup/Disclaimers';
import { formatDate } from '../../../components/shared/format';
import type { Disclaimer } from '../../../lib/shared/contract';

const i18n = (browser as unknown as { i18n: { getMessage: (k: string, s?: string[]) => string } }).i18n;

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const ITEMS: Disclaimer[] = [
  { kind: 'informational' },
  { kind: 'attribution', params: ['FBI', 'US Department of Justice'] },
  { kind: 'knowledge-date', params: ['2026-08-06'] },
  { kind: 'page-promotional', params: ['Join our <b>Telegram</b> channel <img src=x onerror=alert(1)>'] },
  { kind: 'page-hedged', params: [1234, 'Investigators believe the group did it.'] },
];

const rows = (items: unknown[]) => {
  const { container } = render(<Disclaimers items={items as Disclaimer[]} />);
  return { container, texts: [...container.querySelectorAll('li')].map((li) => [li.dataset.kind, li.textContent]) };
};

describe('disclaimers in the popup', () => {
  it('in English as the engine wrote them before, the date and count in the reader’s locale, the page’s words as text', () => {
    const { container, texts } = rows(ITEMS);
    expect(texts).toEqual([
      ['informational', 'Informational only: this is not financial, legal or investment advice.'],
      ['attribution', 'Attributions are as stated by the named authority or researcher (FBI; US Department of Justice); they are claims, not findings of this extension.'],
      ['knowledge-date', `Background knowledge as of ${formatDate('2026-08-06')}; later events are not reflected.`],
      ['page-promotional', 'The page contains promotional content: “Join our <b>Telegram</b> channel <img src=x onerror=alert(1)>”'],
      ['page-hedged', `Some claims on the page are hedged (${(1234).toLocaleString()}× "believed", "allegedly", "reportedly" or similar), e.g. “Investigators believe the group did it.”`],
    ]);
    expect(container.querySelector('li b, li img')).toBeNull();
    expect([...container.querySelectorAll('h4')].map((h) => h.textContent)).toEqual(['From Crypto News Context', 'What this page signals']);
  });

  it('from the browser’s messages', () => {
    vi.spyOn(i18n, 'getMessage').mockImplementation((k, s) => `[${[k, ...(s ?? [])].join('|')}]`);
    expect(rows(ITEMS.slice(1, 3)).texts.map(([, x]) => x)).toEqual([
      '[uiDisclaimer_attributionBy|FBI; US Department of Justice]',
      `[uiDisclaimer_knowledgeDate|${formatDate('2026-08-06')}]`,
    ]);
  });

  it('an older version’s words as they are; a kind it does not know, without words, is left out', () => {
    const { texts } = rows([{ kind: 'automatic', text: 'Automatic extraction can be wrong.' }, { kind: 'page-risk-warning', text: 'The page carries an investment risk warning.' }, { kind: 'page-rumour', params: ['x'] }]);
    expect(texts).toEqual([
      ['automatic', 'Automatic extraction can be wrong.'],
      ['page-risk-warning', 'The page carries an investment risk warning.'],
    ]);
  });
});
