/**
 * The page's side of the background: the gate script says a page passed (the annotator is let in), and the
 * annotator sends its reading (analysed, kept, counted, answered with a plan to paint).
 */
import type { Analysis, AnalysisInput } from '../shared/contract';
import type { GatePassedAnswer } from '../shared/gate-protocol';
import type { PageReadAnswer } from '../shared/messages';
import { recordArticle } from '../history';
import { getSettings, isSiteDisabled } from '../settings';
import { withoutHash } from '../page/address';
import { setBadge } from './badge';
import { compactAnalysis } from './compact';
import { warmEngine } from './engine';
import { badgeCount, buildPlan } from './plan';
import type { ServiceDeps } from './service-deps';
import { answersFromRecord, clickGranted, hostOf, recordOf } from './tab-rules';
import type { TabRecord } from './tab-store';

export function createReadings({ store, queue, inject }: ServiceDeps) {
  /** each tab's newest reading (its readingId), set when it arrives: an older one's result is stale */
  const newest = new Map<number, number>();

  async function pageRead(tabId: number, senderUrl: string, readingId: number, input: AnalysisInput): Promise<PageReadAnswer> {
    const [settings, previous] = await Promise.all([getSettings(), store.get(tabId)]);
    const url = withoutHash(senderUrl);
    const host = hostOf(url);
    const same = recordOf(previous, url);
    if (settings.mode === 'click' && !clickGranted(same)) {
      // An annotator the reader let in for an earlier address of this tab (a single-page site moved on):
      // the new page waits for its own click. Nothing is analysed or kept.
      await store.delete(tabId);
      await setBadge(tabId, null);
      return { ok: false, reason: 'disabled' };
    }
    // The toggle survives re-reads of the same page; a new page starts from the settings.
    const show = same ? same.show : settings.mode === 'auto';
    const forced = same?.forced === true;
    const base: TabRecord = { url, host, phase: 'analysing', readingId, show, ...(same?.requested ? { requested: true } : {}), ...(forced ? { forced } : {}), updatedAt: Date.now() };
    if (!settings.enabled || isSiteDisabled(settings, host)) {
      await store.set(tabId, { ...base, phase: 'disabled', disabledReason: settings.enabled ? 'site-off' : 'off' });
      await setBadge(tabId, null);
      return { ok: false, reason: 'disabled' };
    }
    // Written while the engine works: the store reads it back before the write is done (./tab-store.ts).
    newest.set(tabId, readingId);
    void store.set(tabId, base);
    let analysis: Analysis;
    try {
      // The page's own canonical URL is metadata for the engine; what we store is where the tab really is.
      // Queued: other tabs' newer readings may go first, and a restless page waits its throttle interval.
      const outcome = await queue.submit(tabId, input);
      if (outcome.kind === 'stale') return { ok: false, reason: 'stale' }; // a newer reading of this tab replaced it
      analysis = compactAnalysis(outcome.analysis); // what is kept and sent is bounded, whatever the page holds
    } catch (err) {
      console.error('Crypto News Context: analysis failed', err);
      if (newest.get(tabId) === readingId) await store.set(tabId, { ...base, phase: 'error' });
      return { ok: false, reason: 'error' };
    }
    if (newest.get(tabId) !== readingId) return { ok: false, reason: 'stale' };
    const phase = forced ? 'results' : !analysis.isArticle ? 'not-article' : analysis.cryptoSecurity.detected ? 'results' : 'not-crypto-security';
    const done: TabRecord = { ...base, phase, analysis, updatedAt: Date.now() };
    // The page's answer goes first: the record (with the analysis, the largest write, which the browser would
    // handle before the answer) is written in the next task, the store reading it back meanwhile; the history
    // then too. The popup's mark and the badge are small calls, made now (the popup's first script takes the
    // mark only with the very record it names: lib/shared/storage-keys.ts).
    const answered = new Promise<void>((r) => setTimeout(r, 0));
    void store.markPopupAnswer(tabId, answersFromRecord(done, settings) ? done : null);
    void store.set(tabId, done, answered);
    if (phase !== 'results') {
      void setBadge(tabId, null);
      return { ok: false, reason: 'not-detected' };
    }
    void setBadge(tabId, badgeCount(analysis));
    const ids = analysis.entities.filter((e) => !e.inferred && e.mentions.length).map((e) => e.id);
    if (settings.history) {
      void answered.then(() => recordArticle({ url, title: analysis.title, siteName: analysis.siteName ?? null, entityIds: ids })).catch(() => undefined);
    }
    return { ok: true, plan: buildPlan(analysis, settings, host, show, readingId) };
  }

  /**
   * The gate script says the page passed: inject the annotator unless annotations are off (everywhere or
   * on this site). Then the tab is recorded as disabled, as a page-read would have recorded it, and
   * switching back on asks the page to gate again (`pushPlans` -> reread).
   */
  async function gatePassed(tabId: number, frameId: number, senderUrl: string): Promise<GatePassedAnswer> {
    const settings = await getSettings();
    const url = withoutHash(senderUrl);
    const host = hostOf(url);
    if (settings.mode === 'click') {
      const previous = await store.get(tabId);
      if (!clickGranted(recordOf(previous, url))) {
        // Mode 'click': the gate's verdict is not acted on until the reader asks (popup/annotate-tab).
        if (previous) await store.delete(tabId);
        return { ok: false, reason: 'disabled' };
      }
    }
    if (!settings.enabled || isSiteDisabled(settings, host)) {
      const same = recordOf(await store.get(tabId), url);
      const show = same ? same.show : settings.mode === 'auto';
      const readingId = same ? same.readingId : 0;
      await store.set(tabId, { url, host, phase: 'disabled', disabledReason: settings.enabled ? 'site-off' : 'off', readingId, show, updatedAt: Date.now() });
      await setBadge(tabId, null);
      return { ok: false, reason: 'disabled' };
    }
    try {
      const injected = inject(tabId, frameId);
      // While the annotator is injected, compiled and reads the page, the engine gets ready (once per worker).
      void warmEngine();
      await injected;
      queue.announce(tabId); // its first reading comes next: re-readings of other tabs wait for it
      return { ok: true };
    } catch (err) {
      console.error('Crypto News Context: could not inject the annotator', err);
      return { ok: false, reason: 'error' };
    }
  }

  /** The tab closed: its readings are over. */
  function forget(tabId: number): void {
    newest.delete(tabId);
  }

  return { pageRead, gatePassed, forget };
}
