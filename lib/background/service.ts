/**
 * The background's message handling: checks who sent a message and hands it to the part that answers it
 * (./readings.ts for the page's side, ./reader-requests.ts for what the reader asks, ./tab-state.ts for what
 * the popup is told). Per-tab state lives in ./tab-store.ts.
 *
 * Trust: `content/*` messages are accepted only from our content script in the top frame of a web page,
 * and act only on that sender's own tab, frame and site (taken from the sender, never from the message);
 * `popup/*` messages only from our own extension pages. Nothing here fetches a URL.
 */
import { browser } from 'wxt/browser';
import { backgroundApi } from '../shared/channels';
import { contentToBackgroundSchema, isExtensionPage, isTopFrameContentScript, parseMessage, popupToBackgroundSchema, type Answers, type CardEntity, type ContentToBackground, type LookupResult, type PopupToBackground, type SenderLike } from '../shared/messages';
import type { TabAnalysisState } from '../shared/tab-state';
import { getSettings, muteEntityEverywhere, muteEntityOnSite, storageErrorMessage, watchSettings } from '../settings';
import { withoutHash } from '../page/address';
import { createAnalysisQueue, type AnalysisQueue } from './analysis-queue';
import { addressCardEntity, toCardEntity } from './card-data';
import { analyze, kb } from './engine';
import { createPlanPusher } from './push-plans';
import { createReaderRequests } from './reader-requests';
import { createReadings } from './readings';
import { injectAnnotator, tabUrl, type InjectAnnotator, type TabUrl } from './service-deps';
import { hostOf } from './tab-rules';
import { keptResults, readingLost, tabStateOf } from './tab-state';
import { createTabStore, type TabStore } from './tab-store';

export type { InjectAnnotator, TabUrl } from './service-deps';

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

export function createBackgroundService(
  store: TabStore = createTabStore(),
  inject: InjectAnnotator = injectAnnotator,
  urlOfTab: TabUrl = tabUrl,
  queue: AnalysisQueue = createAnalysisQueue(analyze),
): BackgroundService {
  const extensionId = browser.runtime.id;
  const origin = browser.runtime.getURL('/');
  /** tab:readingId pairs for which a re-read was already requested (the popup polls while "analysing") */
  const rereadAsked = new Set<string>();
  const addressOf = async (tabId: number): Promise<string | undefined> => {
    const url = await urlOfTab(tabId);
    return url ? withoutHash(url) : undefined;
  };
  const deps = { store, queue, inject, addressOf };
  const readings = createReadings(deps);
  const { pageRead, gatePassed } = readings;
  const { toggle, annotateTab, analyseAnyway, command } = createReaderRequests(deps);
  const pushPlans = createPlanPusher(store);
  watchSettings((s) => void pushPlans(s));

  async function cardEntity(id: string): Promise<CardEntity | null> {
    const lookup = await kb();
    const e = lookup.byId(id);
    return e ? toCardEntity(lookup, e) : addressCardEntity(lookup, id);
  }

  async function tabState(tabId: number): Promise<TabAnalysisState> {
    const [settings, record] = await Promise.all([getSettings(), store.get(tabId)]);
    // Fast path for the popup: finished results are answered from the record without waiting for the page.
    const kept = keptResults(settings, record);
    if (kept) return kept;
    // Otherwise the page decides: the content script's round trip (~20 ms), only when it is needed.
    const status = await backgroundApi.getStatus(tabId);
    const url = status ? status.url : await addressOf(tabId);
    const state = tabStateOf({ settings, record, status, url });
    // Ask a page whose reading was lost to read itself again, once per reading.
    if (status && readingLost(state, record, status) && !rereadAsked.has(`${tabId}:${status.readingId}`)) {
      rereadAsked.add(`${tabId}:${status.readingId}`);
      void backgroundApi.reread(tabId);
    }
    return state;
  }

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
      if (closed) readings.forget(tabId);
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
