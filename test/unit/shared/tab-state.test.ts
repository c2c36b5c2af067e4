/** The tab states, declared once (lib/shared/tab-state.ts): the popup's check knows exactly these. */
import { describe, expect, it } from 'vitest';
import { parseTabAnalysisState, TAB_STATES, type TabAnalysisState } from '../../../lib/shared/tab-state';
import { ANALYSIS } from '../popup/fixtures';

/** One well-formed example of each state. */
const EXAMPLES: { [K in keyof typeof TAB_STATES]: Extract<TabAnalysisState, { state: K }> } = {
  unavailable: { state: 'unavailable' },
  disabled: { state: 'disabled', reason: 'site-off' },
  analysing: { state: 'analysing' },
  'click-to-annotate': { state: 'click-to-annotate' },
  'not-article': { state: 'not-article', reasons: [{ code: 'fewWords', params: [45] }] },
  'not-crypto-security': { state: 'not-crypto-security', reasons: [], analysis: ANALYSIS },
  results: { state: 'results', analysis: ANALYSIS, annotationsShown: true, asked: true },
};

describe('tab states', () => {
  it('the check accepts every state of the table, with its fields', () => {
    for (const example of Object.values(EXAMPLES)) expect(parseTabAnalysisState(example)).toEqual(example);
  });

  it('refuses a state the table does not have, and a state without its fields', () => {
    expect(parseTabAnalysisState({ state: 'loading' })).toBeUndefined();
    expect(parseTabAnalysisState({ state: 'disabled' })).toBeUndefined();
    expect(parseTabAnalysisState({ state: 'results', annotationsShown: true })).toBeUndefined();
    expect(parseTabAnalysisState({ state: 'not-article' })).toBeUndefined();
  });

  it('reasons are codes with their parameters: words, unknown codes and oversized parameters are refused', () => {
    expect(parseTabAnalysisState({ state: 'not-article', reasons: ['mostly links'] })).toBeUndefined();
    expect(parseTabAnalysisState({ state: 'not-article', reasons: [{ code: 'onlyWords' }] })).toBeUndefined();
    expect(parseTabAnalysisState({ state: 'not-article', reasons: [{ code: 'knownNames', params: ['x'.repeat(100_000)] }] })).toBeUndefined();
    expect(parseTabAnalysisState({ state: 'not-article', reasons: [{ code: 'knownNames', params: Array.from({ length: 20 }, () => 'FBI') }] })).toBeUndefined();
    const analysis = { ...ANALYSIS, isArticle: false, articleWhy: { code: 'mostlyLinks' }, cryptoSecurity: { ...ANALYSIS.cryptoSecurity, notReported: true } };
    expect(parseTabAnalysisState({ state: 'not-article', reasons: [{ code: 'mostlyLinks' }], analysis })).toBeDefined();
    expect(parseTabAnalysisState({ state: 'not-article', reasons: [], analysis: { ...analysis, articleWhy: 'mostly links' } })).toBeUndefined();
  });
});
