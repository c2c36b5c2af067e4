/**
 * What the popup is told about a tab (one of TAB_STATES, lib/shared/tab-state.ts), as a pure function of what
 * the background knows: the settings, its record of the tab, and what the page's script of ours says.
 */
import type { Analysis } from '../shared/contract';
import type { ContentStatus } from '../shared/messages';
import type { Reason } from '../shared/reasons';
import type { TabAnalysisState } from '../shared/tab-state';
import { isSiteDisabled } from '../settings';
import type { Settings } from '../settings/types';
import { answersFromRecord, clickGranted, hostOf, isWebUrl, recordOf } from './tab-rules';
import type { TabRecord } from './tab-store';

interface TabFacts {
  settings: Settings;
  /** the background's record of the tab (of whichever page it was made for) */
  record: TabRecord | undefined;
  /** what the script of ours in the page says (annotator or gate script); undefined: none answers */
  status: ContentStatus | undefined;
  /** the tab's address, when no script answers and the extension may see it (else undefined) */
  url: string | undefined;
}

/**
 * Why a page the gate let through is not annotated, as codes the popup words (lib/shared/reasons.ts): why it is
 * not an article, or that it is not crypto security and the names it does mention.
 */
function reasonsOf(phase: 'not-article' | 'not-crypto-security', a: Analysis | undefined): Reason[] {
  if (phase === 'not-article') return [a?.articleWhy && !a.isArticle ? a.articleWhy : { code: 'notArticle' }];
  const names = a?.cryptoSecurity.names ?? [];
  return [{ code: 'notCryptoSecurity' }, ...(names.length ? [{ code: 'knownNames' as const, params: names }] : [])];
}

function results(rec: TabRecord & { analysis: Analysis }): TabAnalysisState {
  return { state: 'results', analysis: rec.analysis, annotationsShown: rec.show, ...(rec.forced ? { asked: true as const } : {}) };
}

/**
 * The popup's answer straight from the record, without asking the page, when the record holds finished
 * results for the tab's current document. A new document in the tab deletes the record (tabs.onUpdated
 * 'loading'), and a single-page-app navigation makes the annotator send a new reading, which sets the phase
 * back to 'analysing'.
 */
export function keptResults(settings: Settings, rec: TabRecord | undefined): TabAnalysisState | undefined {
  return rec?.analysis && answersFromRecord(rec, settings) ? results(rec as TabRecord & { analysis: Analysis }) : undefined;
}

/** No script of ours answers in the tab: a browser page, a store, a PDF, or a web page we were not let into. */
function withoutScript({ settings, record, url }: TabFacts): TabAnalysisState {
  // For a page we were not let into (site access "On click") or that loaded before the extension was
  // installed, in either mode, the reader can ask: opening the popup grants activeTab, which lets `annotateTab` in.
  if (!url || !isWebUrl(url)) return { state: 'unavailable' };
  if (!settings.enabled) return { state: 'disabled', reason: 'off' };
  if (isSiteDisabled(settings, hostOf(url))) return { state: 'disabled', reason: 'site-off' };
  const asked = recordOf(record, url);
  if (asked?.requested) return { state: asked.phase === 'analysing' ? 'analysing' : 'unavailable' };
  return { state: 'click-to-annotate' };
}

/** The recorded outcome of the page's latest reading. */
function ofRecord(current: TabRecord): TabAnalysisState {
  const { analysis } = current;
  switch (current.phase) {
    case 'analysing':
      return { state: 'analysing' };
    case 'unavailable':
      return { state: 'unavailable' };
    case 'disabled':
      return { state: 'disabled', reason: current.disabledReason ?? 'off' };
    case 'error':
      return { state: 'not-article', reasons: [{ code: 'error' }] };
    case 'not-article':
    case 'not-crypto-security':
      return { state: current.phase, reasons: reasonsOf(current.phase, analysis), ...(analysis ? { analysis } : {}) };
    case 'results':
      return analysis ? results({ ...current, analysis }) : { state: 'analysing' };
  }
}

export function tabStateOf(facts: TabFacts): TabAnalysisState {
  const { settings, record, status } = facts;
  const kept = keptResults(settings, record);
  if (kept) return kept;
  if (!status) return withoutScript(facts);
  if (!settings.enabled) return { state: 'disabled', reason: 'off' };
  if (isSiteDisabled(settings, hostOf(status.url))) return { state: 'disabled', reason: 'site-off' };
  const current = recordOf(record, status.url);
  if (settings.mode === 'click' && !clickGranted(current)) return { state: 'click-to-annotate' };
  // the reader asked (mode 'click', or "Analyse this page anyway") and the annotator is in the page, but it has
  // not sent a reading yet
  const waiting = current?.requested === true && current.phase === 'analysing' && current.readingId === 0;
  if (!current || waiting) {
    // a page the reader asked to analyse anyway is read whatever the quick gate says
    if (!status.gate.pass && !current?.forced) {
      return {
        state: 'not-crypto-security',
        reasons: [{ code: 'gateFailed' }],
        gateFailed: true,
      };
    }
    if (status.skipped) return { state: 'not-article', reasons: [{ code: 'noText' }] };
    return { state: 'analysing' }; // before its first reading: wait
  }
  return ofRecord(current);
}

/**
 * The page sent a reading but the background holds no record of it (the worker lost it, or a navigation
 * event cleared it): it should be asked to read itself again.
 */
export function readingLost(state: TabAnalysisState, record: TabRecord | undefined, status: ContentStatus | undefined): boolean {
  return state.state === 'analysing' && !!status && !recordOf(record, status.url) && status.readingId > 0;
}
