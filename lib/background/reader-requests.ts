/**
 * What the reader asks of one tab, from the popup or the keyboard command: annotate it now (mode 'click'),
 * analyse it anyway, show or hide its marks.
 */
import { backgroundApi } from '../shared/channels';
import { getSettings, isSiteDisabled } from '../settings';
import { setBadge } from './badge';
import type { ServiceDeps } from './service-deps';
import { clickGranted, hostOf, isWebUrl, recordOf } from './tab-rules';
import type { TabRecord } from './tab-store';

export function createReaderRequests({ store, queue, inject, addressOf }: ServiceDeps) {
  async function toggle(tabId: number, on?: boolean): Promise<{ ok: boolean; show: boolean }> {
    const rec = await store.get(tabId);
    if (!rec) return { ok: false, show: false };
    const show = on ?? !rec.show;
    await store.set(tabId, { ...rec, show });
    const answer = await backgroundApi.sendToggle(tabId, show);
    return { ok: answer?.ok === true, show };
  }

  /**
   * The reader asked to annotate this tab (mode 'click'; the toolbar click or the keyboard command granted
   * activeTab). Puts the annotator into the top frame; its reading is then analysed and shown (`show: true`),
   * recorded in the history (if on) and counted on the badge, like an automatic one.
   */
  async function annotateTab(tabId: number): Promise<{ ok: boolean }> {
    const settings = await getSettings();
    const status = await backgroundApi.getStatus(tabId);
    const url = status?.url ?? (await addressOf(tabId));
    if (!url || !isWebUrl(url)) return { ok: false };
    const host = hostOf(url);
    if (!settings.enabled || isSiteDisabled(settings, host)) return { ok: false };
    const previous = await store.get(tabId);
    const same = recordOf(previous, url);
    if (same && same.phase !== 'unavailable' && same.phase !== 'disabled') {
      // already read (asked before, or analysed before the switch from 'auto'): just make sure it shows
      if (same.phase === 'results' && !same.show) return { ok: (await toggle(tabId, true)).ok };
      return { ok: true };
    }
    const asked: TabRecord = { url, host, phase: 'analysing', readingId: 0, show: true, requested: true, updatedAt: Date.now() };
    await store.set(tabId, asked);
    try {
      await inject(tabId, 0);
      queue.announce(tabId);
    } catch (err) {
      console.warn('Crypto News Context: could not annotate this tab', err);
      await store.set(tabId, { ...asked, phase: 'unavailable', show: false, updatedAt: Date.now() });
      await setBadge(tabId, null);
      return { ok: false };
    }
    // An annotator was already in the page (let in for an earlier address of this single-page site; its
    // reading of this address was refused): a second copy does not start, so ask the running one to read.
    // A status from the gate script alone has readingId 0 and no `skipped`.
    if (status && (status.readingId > 0 || status.skipped)) void backgroundApi.reread(tabId);
    return { ok: true };
  }

  /**
   * "Analyse this page anyway": the page was not taken as an article or as crypto security, either after it was
   * read or because its quick gate said no (then it was never read, and in mode 'auto' no annotator is in it yet:
   * it is put in). The record is marked `forced` (and asked for, as in mode 'click'), and the annotator is asked
   * to read the page whatever the gate says: that reading is kept as results and marked, shown. Automatic
   * reading still obeys the gate: the request covers this page only.
   */
  async function analyseAnyway(tabId: number): Promise<{ ok: boolean }> {
    const [settings, rec, status] = await Promise.all([getSettings(), store.get(tabId), backgroundApi.getStatus(tabId)]);
    if (!status) return { ok: false };
    const host = hostOf(status.url);
    if (!settings.enabled || isSiteDisabled(settings, host)) return { ok: false };
    const current = recordOf(rec, status.url);
    if (current?.phase === 'results') return { ok: true };
    const missed = (current?.phase === 'not-article' || current?.phase === 'not-crypto-security') && !!current.analysis;
    // never read: the gate failed (in mode 'click' after the reader's request let the annotator in)
    const unread = !status.gate.pass && (!current || (current.requested === true && current.phase === 'analysing' && current.readingId === 0));
    if (!missed && !unread) return { ok: false };
    const forced: TabRecord = { ...(current ?? { url: status.url, host, readingId: 0 }), phase: 'analysing', show: true, requested: true, forced: true, updatedAt: Date.now() };
    await store.set(tabId, forced);
    let answer = await backgroundApi.readAnyway(tabId);
    if (answer === undefined && unread) {
      // only the gate script is in the page: put the annotator in, then ask it
      try {
        await inject(tabId, 0);
        queue.announce(tabId);
        answer = await backgroundApi.readAnyway(tabId);
      } catch (err) {
        console.warn('Crypto News Context: could not analyse this tab', err);
      }
    }
    if (answer?.ok !== true) {
      // nothing was read again: the page stays as it was
      await (current ? store.set(tabId, current) : store.delete(tabId));
      return { ok: false };
    }
    return { ok: true };
  }

  /** The keyboard command `toggle-annotations`: annotate a tab still waiting for a click (mode 'click'), else show/hide. */
  async function command(tabId: number): Promise<void> {
    const settings = await getSettings();
    const [status, rec] = await Promise.all([backgroundApi.getStatus(tabId), store.get(tabId)]);
    const url = status?.url ?? (await addressOf(tabId));
    const current = recordOf(rec, url);
    // Mode 'click': a page not asked for yet. Either mode: a web page where no script of ours runs (site access
    // "On click", a tab older than the install); the command grants activeTab.
    const waiting = settings.mode === 'click' ? !clickGranted(current) : !status && !current;
    if (waiting) await annotateTab(tabId);
    else await toggle(tabId);
  }

  return { toggle, annotateTab, analyseAnyway, command };
}
