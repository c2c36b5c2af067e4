/**
 * The background's message handling and per-tab state.
 *
 * Trust: `content/*` messages are accepted only from our content script in the top frame of a web page,
 * and act only on that sender's own tab, frame and site (taken from the sender, never from the message);
 * `popup/*` messages only from our own extension pages. Nothing here fetches a URL.
 */
import { browser } from 'wxt/browser';
import type { Analysis, AnalysisInput } from '../shared/contract';
import { ANNOTATOR_FILE, type GatePassedAnswer } from '../shared/gate-protocol';
import { recordArticle } from '../history';
import { contentToBackgroundSchema, isExtensionPage, isTopFrameContentScript, parseMessage, popupToBackgroundSchema, type Answers, type CardEntity, type ContentToBackground, type LookupResult, type PageReadAnswer, type PopupToBackground, type SenderLike, type TabAnalysisState } from '../shared/messages';
import { backgroundApi } from '../shared/channels';
import { getSettings, isSiteDisabled, muteEntityEverywhere, muteEntityOnSite, storageErrorMessage, watchSettings } from '../settings';
import type { Settings } from '../settings/types';
import { withoutHash } from '../page/address';
import { setBadge } from './badge';
import { addressCardEntity, toCardEntity } from './card-data';
import { compactAnalysis } from './compact';
import { createAnalysisQueue, type AnalysisQueue } from './analysis-queue';
import { analyze, kb } from './engine';
import { badgeCount, buildPlan } from './plan';
import { createTabStore, type TabRecord, type TabStore } from './tab-store';


function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

const isWebUrl = (url: string): boolean => /^https?:\/\//i.test(url);

/**
 * Mode 'click': may this page be read and analysed? Only when the reader asked for it (`requested`: popup
 * or keyboard command) or when it was already analysed before the reader switched from 'auto' to 'click'
 * (such tabs are left as they are until they load another page; see docs/adr/0005-click-mode.md).
 * `record` must be the tab's record for this very page address (or undefined).
 */
function clickGranted(record: TabRecord | undefined): boolean {
  return !!record && (record.requested === true || (record.phase !== 'disabled' && record.phase !== 'unavailable'));
}

/** The tab's record if it is about the page at `url` (a record of an earlier page in the tab does not apply). */
function recordOf(record: TabRecord | undefined, url: string | undefined): TabRecord | undefined {
  return record && url !== undefined && record.url === url ? record : undefined;
}

/**
 * Whether the record's finished results are the popup's answer as they stand (the extension on, the site not
 * turned off, and in mode 'click' the reader asked): the background then answers from the record without
 * asking the page, and marks it so that the popup can read it without the background (tab-store.ts).
 */
function answersFromRecord(rec: TabRecord, settings: Settings): boolean {
  return rec.phase === 'results' && !!rec.analysis && settings.enabled && !isSiteDisabled(settings, rec.host) && (settings.mode === 'auto' || clickGranted(rec));
}

/**
 * A tab's record with the reader's "Analyse this page anyway" (`popup/analyse-anyway`): `forced` pages are
 * kept as results whatever the article and topic checks say, until the tab loads another page (the record
 * goes then). (A field of TabRecord in tab-store.ts, once that file is free to change.)
 */
type Kept = TabRecord & { forced?: boolean };

/** Why a page the gate let through is not annotated: shown in the popup. */
function reasonsOf(a: Analysis): string[] {
  return a.cryptoSecurity.reasons.length ? a.cryptoSecurity.reasons : ['The page does not read as a crypto-security article.'];
}

export interface BackgroundService {
  onMessage(raw: unknown, sender: SenderLike): Promise<unknown> | undefined;
  toggle(tabId: number, on?: boolean): Promise<{ ok: boolean; show: boolean }>;
  /** Mode 'click': read and annotate the tab's page now (the reader asked: popup opened, keyboard command). */
  annotateTab(tabId: number): Promise<{ ok: boolean }>;
  /** The keyboard command `toggle-annotations`: annotate a tab still waiting for a click (mode 'click'), else show/hide. */
  command(tabId: number): Promise<void>;
  /** The tab loaded another document, or (`closed`) went away: its record and pending analysis are dropped. */
  forgetTab(tabId: number, closed?: boolean): Promise<void>;
  store: TabStore;
  /** Analyses, one at a time: per tab, newest tab first, throttled (./analysis-queue.ts). */
  queue: AnalysisQueue;
}

/** Puts the annotator into one frame of a tab (the frame whose gate script passed). */
export type InjectAnnotator = (tabId: number, frameId: number) => Promise<void>;

export const injectAnnotator: InjectAnnotator = async (tabId, frameId) => {
  // Our own packaged file, never code built from a message. A frame that already runs the annotator
  // ignores the second copy (see entrypoints/annotator.content.ts).
  // injectImmediately: the gate already ran (at DOMContentLoaded or later); do not wait for document_idle.
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [ANNOTATOR_FILE], injectImmediately: true });
};

/** The tab's address, if this extension may see it (host permission or activeTab), else undefined. */
export type TabUrl = (tabId: number) => Promise<string | undefined>;

export const tabUrl: TabUrl = async (tabId) => {
  try {
    const tab = await browser.tabs.get(tabId);
    return tab.url || undefined;
  } catch {
    return undefined; // the tab closed
  }
};

export function createBackgroundService(
  store: TabStore = createTabStore(),
  inject: InjectAnnotator = injectAnnotator,
  urlOfTab: TabUrl = tabUrl,
  queue: AnalysisQueue = createAnalysisQueue(analyze),
): BackgroundService {
  const extensionId = browser.runtime.id;
  /** tab:readingId pairs for which a re-read was already requested (the popup polls while "analysing") */
  const rereadAsked = new Set<string>();
  const origin = browser.runtime.getURL('/');
  const addressOf = async (tabId: number): Promise<string | undefined> => {
    const url = await urlOfTab(tabId);
    return url ? withoutHash(url) : undefined;
  };

  async function pageRead(tabId: number, senderUrl: string, readingId: number, input: AnalysisInput): Promise<PageReadAnswer> {
    const settings = await getSettings();
    const url = withoutHash(senderUrl);
    const host = hostOf(url);
    const previous = await store.get(tabId);
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
    const forced = (same as Kept | undefined)?.forced === true;
    const base: Kept = { url, host, phase: 'analysing', readingId, show, ...(same?.requested ? { requested: true } : {}), ...(forced ? { forced } : {}), updatedAt: Date.now() };
    if (!settings.enabled || isSiteDisabled(settings, host)) {
      await store.set(tabId, { ...base, phase: 'disabled', disabledReason: settings.enabled ? 'site-off' : 'off' });
      await setBadge(tabId, null);
      return { ok: false, reason: 'disabled' };
    }
    await store.set(tabId, base);
    let analysis: Analysis;
    try {
      // The page's own canonical URL is metadata for the engine; what we store is where the tab really is.
      // Queued: other tabs' newer readings may go first, and a restless page waits its throttle interval.
      const outcome = await queue.submit(tabId, input);
      if (outcome.kind === 'stale') return { ok: false, reason: 'stale' }; // a newer reading of this tab replaced it
      analysis = compactAnalysis(outcome.analysis); // what is kept and sent is bounded, whatever the page holds
    } catch (err) {
      console.error('Crypto News Context: analysis failed', err);
      const now = await store.get(tabId);
      if (now && now.readingId === readingId) await store.set(tabId, { ...base, phase: 'error' });
      return { ok: false, reason: 'error' };
    }
    const latest = await store.get(tabId);
    if (latest && latest.readingId !== readingId) return { ok: false, reason: 'stale' };
    const phase = forced ? 'results' : !analysis.isArticle ? 'not-article' : analysis.cryptoSecurity.detected ? 'results' : 'not-crypto-security';
    const done: TabRecord = { ...base, phase, analysis, updatedAt: Date.now() };
    await store.set(tabId, done);
    await store.markPopupAnswer(tabId, answersFromRecord(done, settings) ? done : null);
    if (phase !== 'results') {
      await setBadge(tabId, null);
      return { ok: false, reason: 'not-detected' };
    }
    await setBadge(tabId, badgeCount(analysis));
    const ids = analysis.entities.filter((e) => !e.inferred && e.mentions.length).map((e) => e.id);
    if (settings.history) {
      void recordArticle({ url, title: analysis.title, siteName: analysis.siteName ?? null, entityIds: ids }).catch(() => undefined);
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
      await inject(tabId, frameId);
      queue.announce(tabId); // its first reading comes next: re-readings of other tabs wait for it
      return { ok: true };
    } catch (err) {
      console.error('Crypto News Context: could not inject the annotator', err);
      return { ok: false, reason: 'error' };
    }
  }

  async function cardEntity(id: string): Promise<CardEntity | null> {
    const lookup = await kb();
    const e = lookup.byId(id);
    return e ? toCardEntity(lookup, e) : addressCardEntity(lookup, id);
  }

  async function tabState(tabId: number): Promise<TabAnalysisState> {
    const [settings, rec] = await Promise.all([getSettings(), store.get(tabId)]);
    // Fast path for the popup: finished results for the tab's current document are answered from the record
    // without waiting for the page. A new document in the tab deletes the record (tabs.onUpdated 'loading'), and
    // a single-page-app navigation makes the annotator send a new reading, which sets the phase back to 'analysing'.
    if (rec?.analysis && answersFromRecord(rec, settings)) {
      return { state: 'results', analysis: rec.analysis, annotationsShown: rec.show, ...((rec as Kept).forced ? { asked: true as const } : {}) };
    }
    // Otherwise the page decides: the content script's round trip (~20 ms), only when it is needed.
    const status = await backgroundApi.getStatus(tabId);
    if (!status) {
      // No script of ours answers in the tab: a browser page, a store, a PDF, or an http(s) page we were not
      // let into (site access "On click") or that loaded before the extension was installed. For the latter
      // two, in either mode, the reader can ask: opening the popup grants activeTab, which lets `annotateTab` in.
      const url = await addressOf(tabId);
      if (!url || !isWebUrl(url)) return { state: 'unavailable' };
      if (!settings.enabled) return { state: 'disabled', reason: 'off' };
      if (isSiteDisabled(settings, hostOf(url))) return { state: 'disabled', reason: 'site-off' };
      const asked = recordOf(rec, url);
      if (asked?.requested) return { state: asked.phase === 'analysing' ? 'analysing' : 'unavailable' };
      return { state: 'click-to-annotate' };
    }
    const host = hostOf(status.url);
    if (!settings.enabled) return { state: 'disabled', reason: 'off' };
    if (isSiteDisabled(settings, host)) return { state: 'disabled', reason: 'site-off' };
    const current = recordOf(rec, status.url);
    if (settings.mode === 'click' && !clickGranted(current)) return { state: 'click-to-annotate' };
    // the reader asked (mode 'click') and the annotator is in the page, but it has not sent a reading yet
    const asked = current?.requested === true && current.phase === 'analysing' && current.readingId === 0;
    if (!status.gate.pass && (!current || asked)) {
      return {
        state: 'not-crypto-security',
        reasons: ['A quick check of the title and first paragraphs found no crypto-security words, so the page was not analysed.'],
      };
    }
    if (!current || asked) {
      if (status.skipped) return { state: 'not-article', reasons: ['The page has no article text to read.'] };
      // The page sent a reading but we hold no record of it (the worker lost it, or a navigation event
      // cleared it): ask it to read itself again, once per reading. Before its first reading: just wait.
      if (!current && status.readingId > 0 && !rereadAsked.has(`${tabId}:${status.readingId}`)) {
        rereadAsked.add(`${tabId}:${status.readingId}`);
        void backgroundApi.reread(tabId);
      }
      return { state: 'analysing' };
    }
    if (current.phase === 'analysing') return { state: 'analysing' };
    switch (current.phase) {
      case 'unavailable':
        return { state: 'unavailable' };
      case 'disabled':
        return { state: 'disabled', reason: current.disabledReason ?? 'off' };
      case 'error':
        return { state: 'not-article', reasons: ['The page could not be analysed.'] };
      case 'not-article':
        return { state: 'not-article', reasons: current.analysis ? reasonsOf(current.analysis) : [], ...(current.analysis ? { analysis: current.analysis } : {}) };
      case 'not-crypto-security':
        return {
          state: 'not-crypto-security',
          reasons: current.analysis ? reasonsOf(current.analysis) : [],
          ...(current.analysis ? { analysis: current.analysis } : {}),
        };
      case 'results':
        return current.analysis
          ? { state: 'results', analysis: current.analysis, annotationsShown: current.show, ...((current as Kept).forced ? { asked: true as const } : {}) }
          : { state: 'analysing' };
    }
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
   * "Analyse this page anyway": the page was read and analysed but not taken as an article or as crypto
   * security. Its record is marked `forced` (and asked for, as in mode 'click'), and the annotator in the page
   * reads it again: that reading is kept as results and marked, shown. Pages whose quick gate failed have no
   * annotator (and no analysis): `ok: false`.
   */
  async function analyseAnyway(tabId: number): Promise<{ ok: boolean }> {
    const [settings, rec, status] = await Promise.all([getSettings(), store.get(tabId), backgroundApi.getStatus(tabId)]);
    const current = status ? recordOf(rec, status.url) : undefined;
    if (!current || !settings.enabled || isSiteDisabled(settings, current.host)) return { ok: false };
    if (current.phase === 'results') return { ok: true };
    if ((current.phase !== 'not-article' && current.phase !== 'not-crypto-security') || !current.analysis) return { ok: false };
    const forced: Kept = { ...current, phase: 'analysing', show: true, requested: true, forced: true, updatedAt: Date.now() };
    await store.set(tabId, forced);
    const answer = await backgroundApi.reread(tabId);
    if (answer?.ok !== true) {
      await store.set(tabId, current); // nothing was read again: the page stays as it was
      return { ok: false };
    }
    return { ok: true };
  }

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

  async function toggle(tabId: number, on?: boolean): Promise<{ ok: boolean; show: boolean }> {
    const rec = await store.get(tabId);
    if (!rec) return { ok: false, show: false };
    const show = on ?? !rec.show;
    await store.set(tabId, { ...rec, show });
    const answer = await backgroundApi.sendToggle(tabId, show);
    return { ok: answer?.ok === true, show };
  }

  /**
   * The mode at the last settings change this worker saw. Unknown after the worker (re)starts: an MV3 worker
   * is often woken by the very change that switched the mode, so the first change seen in mode 'auto' is
   * treated as a switch from 'click' (harmless: a page with no record is one whose gate failed, and checking
   * it again costs microseconds).
   */
  let lastMode: Settings['mode'] | undefined;

  async function pushPlans(settings: Settings): Promise<void> {
    const records = await store.all();
    if (lastMode !== 'auto' && settings.mode === 'auto') {
      // Pages left waiting for a click are now annotated like any other: each tab's gate script checks its
      // page again (tabs.query without the `tabs` permission gives ids only; no addresses are read).
      const tabs = await browser.tabs.query({}).catch(() => []);
      for (const tab of tabs) if (tab.id !== undefined && tab.id >= 0 && !records.has(tab.id)) void backgroundApi.reread(tab.id);
    }
    lastMode = settings.mode;
    for (const [tabId, rec] of records) {
      const active = settings.enabled && !isSiteDisabled(settings, rec.host);
      void store.markPopupAnswer(tabId, answersFromRecord(rec, settings) ? rec : null);
      // switched back on for a page that was never analysed: let it read itself now
      if (rec.phase === 'disabled' && active) void backgroundApi.reread(tabId);
      if (rec.phase !== 'results' || !rec.analysis) continue;
      const plan = buildPlan(rec.analysis, settings, rec.host, rec.show && active, rec.readingId);
      void backgroundApi.sendPlan(tabId, plan);
    }
  }
  watchSettings((s) => void pushPlans(s));

  async function fromContent(msg: ContentToBackground, tabId: number, frameId: number, senderUrl: string): Promise<Answers[ContentToBackground['type']]> {
    switch (msg.type) {
      case 'content/gate-passed':
        return gatePassed(tabId, frameId, senderUrl);
      case 'content/page-read':
        return pageRead(tabId, senderUrl, msg.readingId, msg.input);
      case 'content/get-entity':
        return cardEntity(msg.id);
      case 'content/mute-entity': {
        const host = hostOf(senderUrl);
        try {
          // settings watchers push the new plan to every tab
          await (msg.scope === 'everywhere' ? muteEntityEverywhere(msg.id) : muteEntityOnSite(host, msg.id));
          return { ok: true };
        } catch (err) {
          // the card shows these words (quota full, sync limits...) and stays open
          const failed: { ok: false; message: string } = { ok: false, message: storageErrorMessage(err) };
          return failed;
        }
      }
    }
  }

  async function fromPopup(msg: PopupToBackground): Promise<Answers[PopupToBackground['type']]> {
    switch (msg.type) {
      case 'popup/get-tab-analysis':
        return tabState(msg.tabId);
      case 'popup/lookup': {
        const lookup = await kb();
        const results: LookupResult[] = msg.query.trim()
          ? lookup.search(msg.query, msg.limit ?? 10).map((r) => ({ entity: toCardEntity(lookup, r.entity), score: r.score, matched: r.matched, exact: r.exact }))
          : [];
        return results;
      }
      case 'popup/get-entity':
        return cardEntity(msg.id);
      case 'popup/toggle-annotations':
        return toggle(msg.tabId, msg.on);
      case 'popup/annotate-tab':
        return annotateTab(msg.tabId);
      case 'popup/analyse-anyway':
        return analyseAnyway(msg.tabId);
    }
  }

  return {
    store,
    queue,
    toggle,
    annotateTab,
    command,
    async forgetTab(tabId, closed = false) {
      queue.forget(tabId, { closed });
      await store.delete(tabId);
    },
    onMessage(raw, sender) {
      const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
      if (typeof type !== 'string') return undefined;
      if (type.startsWith('content/')) {
        if (!isTopFrameContentScript(sender, extensionId, origin)) return undefined;
        const msg = parseMessage(contentToBackgroundSchema, raw);
        return msg ? fromContent(msg, sender.tab!.id!, sender.frameId ?? 0, sender.url!) : undefined;
      }
      if (type.startsWith('popup/')) {
        if (!isExtensionPage(sender, extensionId, origin)) return undefined;
        const msg = parseMessage(popupToBackgroundSchema, raw);
        return msg ? fromPopup(msg) : undefined;
      }
      return undefined;
    },
  };
}
