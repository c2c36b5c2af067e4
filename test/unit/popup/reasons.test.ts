/**
 * The popup words the reasons it is sent (codes and parameters, lib/shared/reasons.ts) through browser.i18n:
 * in English word for word what it said when it read them out of English notes, and from the browser's
 * messages in any other language (no sentence is recognised by its words any more).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { checksNotes, plainReasons } from '../../../components/popup/reasons';
import type { Analysis } from '../../../lib/shared/contract';
import type { Reason } from '../../../lib/shared/reasons';

const i18n = (browser as unknown as { i18n: { getMessage: (k: string, s?: string[]) => string } }).i18n;
/** A browser in another language: each message is its key and its substitutions. */
const keysOnly = () => vi.spyOn(i18n, 'getMessage').mockImplementation((k, s) => `[${[k, ...(s ?? [])].join('|')}]`);

afterEach(() => vi.restoreAllMocks());

const EVERY: Reason[] = [
  { code: 'fewWords', params: [1234] },
  { code: 'mostlyLinks' },
  { code: 'noParagraphs' },
  { code: 'notReaderable', params: ['website'] },
  { code: 'listPage', params: [40] },
  { code: 'notArticle' },
  { code: 'notCryptoSecurity' },
  { code: 'knownNames', params: ['Binance', 'FBI'] },
  { code: 'error' },
  { code: 'gateFailed' },
  { code: 'noText' },
];

describe("the popup's reasons", () => {
  it('in English, as before', () => {
    expect(plainReasons(EVERY)).toEqual([
      'It has only 1,234 words of text, fewer than a news article.',
      'Most of its text is links, as on a home page or a list of stories.',
      'It has no paragraphs of running text, as an article has.',
      'The page describes itself as a section of a website, not as an article.',
      'Its layout does not look like an article’s: it looks more like a home page, a list, a search page or an app.',
      'It does not look like an article.',
      'It says too little about crypto theft, hacking, ransomware, sanctions or laundering to be taken as crypto-security news.',
      'It does name Binance, FBI.',
      'The page could not be analysed.',
      'A quick check of the title and first paragraphs found no crypto-security words, so the page was not analysed.',
      'The page has no article text to read.',
    ]);
    expect(plainReasons([])).toEqual(['It does not look like an article.']);
  });

  it('from the browser’s messages, with the parameters as substitutions', () => {
    keysOnly();
    expect(plainReasons(EVERY)).toEqual([
      '[popWhyFewWords|1,234]',
      '[popWhyLinks]',
      '[popWhyNoParagraphs]',
      '[popWhySection]',
      '[popWhyLayout]',
      '[popWhyNotArticle]',
      '[popWhyTooLittle]',
      '[popWhyNames|Binance, FBI]',
      '[popReasonError]',
      '[popReasonGateFailed]',
      '[popReasonNoText]',
    ]);
  });
});

describe("the checks' own notes (What the extension did)", () => {
  const analysis = {
    isArticle: false,
    articleWhy: { code: 'fewWords', params: [45] },
    cryptoSecurity: { detected: false, score: 0.9, reasons: ['the title is about an attack, theft or crime'], notReported: true },
  } as unknown as Analysis;

  it('the detection’s notes, then why a page that reads as crypto security is not reported, worded from its code', () => {
    expect(checksNotes([{ code: 'fewWords', params: [45] }], analysis)).toEqual([
      'the title is about an attack, theft or crime',
      'not reported: the page does not look like an article (only 45 words)',
    ]);
    keysOnly();
    expect(checksNotes([], analysis)).toEqual(['the title is about an attack, theft or crime', '[uiWhyNotReported|[uiWhy_fewWords|45]]']);
  });

  it('no not-reported note for a page the detection did not take; the background’s reasons when nothing was read', () => {
    expect(checksNotes([], { ...analysis, cryptoSecurity: { ...analysis.cryptoSecurity, notReported: false } })).toEqual(['the title is about an attack, theft or crime']);
    expect(checksNotes([{ code: 'gateFailed' }], undefined)).toEqual(['A quick check of the title and first paragraphs found no crypto-security words, so the page was not analysed.']);
  });
});
