/**
 * The words of an analysis kept as codes (issue 17): the detection's notes (lib/shared/reasons.ts analysisNotes),
 * why a related item is listed and why an inferred name is (lib/shared/analysis-words.ts). In English, word for
 * word what the engine wrote before the move (the analyze command's output); through browser.i18n with the
 * reader's formats in the popup; the words of an analysis stored by an older version as they are; and the
 * popup's check (lib/shared/tab-state.ts) takes only known codes with bounded parameters.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { inferredWhy, relatedWhy, type Formats } from '../../../lib/shared/analysis-words';
import type { RelatedItem } from '../../../lib/shared/contract';
import { t } from '../../../lib/shared/i18n';
import { analysisNotes, type DetectNote } from '../../../lib/shared/reasons';
import { parseTabAnalysisState } from '../../../lib/shared/tab-state';
import { english, englishFormats } from '../../../tools/cli/english';
import { ANALYSIS } from '../popup/fixtures';

const i18n = (browser as unknown as { i18n: { getMessage: (k: string, s?: string[]) => string } }).i18n;
/** A browser in another language: each message is its key and its substitutions. */
const keysOnly = () => vi.spyOn(i18n, 'getMessage').mockImplementation((k, s) => `[${[k, ...(s ?? [])].join('|')}]`);

afterEach(() => vi.restoreAllMocks());

const NOTES: DetectNote[] = [
  { code: 'cryptoSecurity', params: [9, 7] },
  { code: 'dprk', params: [4] },
  { code: 'ransomware', params: [6, 2] },
  { code: 'knownNames', params: ['Lazarus Group', 'Bybit', 'FBI'] },
  { code: 'stolenAmounts', params: [2] },
  { code: 'titleAttack' },
  { code: 'noTopic' },
];

const noted = (notes: DetectNote[] | undefined, reasons: string[] = []) => ({ cryptoSecurity: { reasons, ...(notes ? { notes } : {}) } });

describe('the detection’s notes', () => {
  it('in English, word for word as the engine wrote them', () => {
    expect(analysisNotes(noted(NOTES), english)).toEqual([
      'crypto vocabulary (9 mentions) together with theft/attack/crime vocabulary (7 mentions)',
      'North Korean cyber activity (4 mentions of North Korea or its hacking groups)',
      'ransomware operation (6 ransomware terms, 2 signs of an attack for ransom)',
      'known names: Lazarus Group, Bybit, FBI',
      '2 amount(s) described as stolen or laundered',
      'the title is about an attack, theft or crime',
      'no crypto-security topic found',
    ]);
  });

  it('the popup words them the same way through browser.i18n, counts in the reader’s locale', () => {
    expect(analysisNotes(noted([{ code: 'cryptoSecurity', params: [1234, 7] }]), t, (n) => n.toLocaleString('en-US'))).toEqual([
      'crypto vocabulary (1,234 mentions) together with theft/attack/crime vocabulary (7 mentions)',
    ]);
    keysOnly();
    expect(analysisNotes(noted(NOTES.slice(2, 4)), t)).toEqual(['[uiNote_ransomware|6|2]', '[uiNote_knownNames|Lazarus Group, Bybit, FBI]']);
  });

  it('an analysis stored by an older version shows its words as they are', () => {
    keysOnly();
    expect(analysisNotes(noted(undefined, ['crypto vocabulary (3 mentions) together with theft/attack/crime vocabulary (5 mentions)']), t)).toEqual([
      'crypto vocabulary (3 mentions) together with theft/attack/crime vocabulary (5 mentions)',
    ]);
  });
});

const ITEMS: Pick<RelatedItem, 'why' | 'reason'>[] = [
  { reason: { code: 'incidentSource', params: ['Ronin bridge hack'] } },
  { reason: { code: 'sanctions', params: ['OFAC', 'Lazarus Group', 'DPRK3', '2019-09-13'] } },
  { reason: { code: 'otherIncident', params: ['Lazarus Group'] } },
  { reason: { code: 'otherIncidentAmount', params: ['Lazarus Group', 625_000_000] } },
  { reason: { code: 'background', params: ['Lazarus Group'] } },
  { reason: { code: 'backgroundInferred', params: ['Reconnaissance General Bureau'] } },
];

describe('why a related item is listed', () => {
  it('in English, word for word as the engine wrote it (the analyze command)', () => {
    expect(ITEMS.map((r) => relatedWhy(r, english, englishFormats))).toEqual([
      'source on Ronin bridge hack, which the article mentions',
      'OFAC sanctions on Lazarus Group (DPRK3, 2019-09-13)',
      'another incident attributed to Lazarus Group',
      'another incident attributed to Lazarus Group, about $625 million',
      'background on Lazarus Group',
      'background on Reconnaissance General Bureau (inferred)',
    ]);
  });

  it('in the popup through browser.i18n, dates and amounts in the reader’s formats', () => {
    const formats: Formats = { date: (iso) => `<${iso}>`, usd: (n) => `<${n}>` };
    expect(relatedWhy(ITEMS[1]!, t, formats)).toBe('OFAC sanctions on Lazarus Group (DPRK3, <2019-09-13>)');
    keysOnly();
    expect(ITEMS.map((r) => relatedWhy(r, t, formats))).toEqual([
      '[uiRel_incidentSource|Ronin bridge hack]',
      '[uiRel_sanctions|OFAC|Lazarus Group|DPRK3|<2019-09-13>]',
      '[uiRel_otherIncident|Lazarus Group]',
      '[uiRel_otherIncidentAmount|Lazarus Group|<625000000>]',
      '[uiRel_background|Lazarus Group]',
      '[uiRel_backgroundInferred|Reconnaissance General Bureau]',
    ]);
  });

  it('an item with words and no code (an older version’s, a web search) keeps its words', () => {
    keysOnly();
    expect(relatedWhy({ why: 'background on Lazarus Group' }, t, englishFormats)).toBe('background on Lazarus Group');
    expect(relatedWhy({}, t, englishFormats)).toBe('');
  });
});

describe('why an inferred name is listed', () => {
  const source = { title: 'Notice', url: 'https://example.org/n' };
  const via = [
    { from: 'apt38', to: 'lazarus', relation: 'part-of', by: 'Mandiant', level: 'vendor' as const, source },
    { from: 'lazarus', to: 'rgb', relation: 'attributed-to', by: 'OFAC', level: 'official' as const, source },
  ];
  const nameOf = (id: string) => (id === 'apt38' ? 'APT38' : id);

  it('the first name of the chain and who says its last link, in English as before', () => {
    expect(inferredWhy({ via }, nameOf, english)).toBe('not named in the article; APT38 is attributed to it by OFAC');
    expect(inferredWhy({ via: [] }, nameOf, english)).toBe('');
  });

  it('words stored by an older version are kept', () => {
    keysOnly();
    expect(inferredWhy({ via, why: 'not named in the article; APT38 is attributed to it by OFAC' }, nameOf, t)).toBe('not named in the article; APT38 is attributed to it by OFAC');
    expect(inferredWhy({ via }, nameOf, t)).toBe('[uiInferredWhy|APT38|OFAC]');
  });
});

describe('the popup’s check of the coded fields', () => {
  const results = (analysis: unknown) => parseTabAnalysisState({ state: 'results', analysis, annotationsShown: true });
  const withNotes = (notes: unknown) => ({ ...ANALYSIS, cryptoSecurity: { ...ANALYSIS.cryptoSecurity, reasons: [], notes } });
  const withRelated = (related: unknown[]) => ({ ...ANALYSIS, related });

  it('takes known codes with short parameters, and the words of older versions', () => {
    expect(results(withNotes(NOTES))).toBeDefined();
    expect(results(withRelated(ITEMS.map((r, i) => ({ title: `T${i}`, url: `https://example.org/${i}`, ...r }))))).toBeDefined();
    expect(results(withRelated([{ title: 'T', url: 'https://example.org/', why: 'background on Lazarus Group' }]))).toBeDefined();
  });

  it('refuses unknown codes, words in place of a code, too many or too long parameters', () => {
    expect(results(withNotes([{ code: 'shout', params: [] }]))).toBeUndefined();
    expect(results(withNotes(['crypto vocabulary']))).toBeUndefined();
    expect(results(withNotes([{ code: 'knownNames', params: Array.from({ length: 20 }, () => 'FBI') }]))).toBeUndefined();
    expect(results(withNotes(Array.from({ length: 50 }, () => ({ code: 'titleAttack' }))))).toBeUndefined();
    const item = { title: 'T', url: 'https://example.org/' };
    expect(results(withRelated([{ ...item, reason: { code: 'sanctions', params: ['x'.repeat(100_000)] } }]))).toBeUndefined();
    expect(results(withRelated([{ ...item, reason: { code: 'gossip' } }]))).toBeUndefined();
    expect(results(withRelated([{ ...item, reason: 'background on X' }]))).toBeUndefined();
  });
});

describe('the popup’s check of disclaimers', () => {
  const results = (disclaimers: unknown[]) => parseTabAnalysisState({ state: 'results', analysis: { ...ANALYSIS, disclaimers }, annotationsShown: true });

  it('takes kinds with short parameters, and the words of older versions', () => {
    expect(results([{ kind: 'informational' }, { kind: 'page-hedged', params: [3, 'Investigators believe so.'] }, { kind: 'attribution', params: ['FBI', 'OFAC'] }])).toBeDefined();
    expect(results([{ kind: 'automatic', text: 'Names, amounts and links were extracted automatically and can be wrong.' }])).toBeDefined();
  });

  it('refuses too many or too long parameters, parameters that are not text or numbers, and overlong words', () => {
    expect(results([{ kind: 'attribution', params: ['A', 'B', 'C', 'D', 'E'] }])).toBeUndefined();
    expect(results([{ kind: 'page-promotional', params: ['x'.repeat(161)] }])).toBeUndefined();
    expect(results([{ kind: 'page-promotional', params: [{ html: '<b>x</b>' }] }])).toBeUndefined();
    expect(results([{ kind: 'page-promotional', params: 'Join our Telegram' }])).toBeUndefined();
    expect(results([{ kind: 'automatic', text: 'x'.repeat(100_000) }])).toBeUndefined();
  });
});
