/**
 * Everything the popup needs from the rest of the extension, behind one interface so the
 * components can be tested with a fake. The real implementation uses lib/shared/messages's popupApi,
 * the settings and the local reading history.
 */
import { browser } from 'wxt/browser';
import { type CardEntity, type LookupResult, type TabAnalysisState } from '../../lib/shared/messages';
import { POPUP_SECTIONS_KEY } from '../../lib/shared/storage-keys';
import { popupApi } from '../../lib/shared/channels';
import { countOtherArticlesByEntity, otherArticlesAbout, type CurrentArticle, type HistoryEntry } from '../../lib/history';
import { getSettings, saveSettings, setSiteDisabled, watchSettings, type Settings } from '../../lib/settings';
import { parseSectionsOpen, type SectionsOpen } from './sections';

export interface TabInfo {
  id: number;
  url: string | null;
  title: string | null;
}

export interface PopupBackend {
  /**
   * The tab the popup is about: `?tab=<id>`, else the active tab of the current window. Null when the
   * page runs in a tab of its own without `?tab` (the context menu's look-up): there is no page to analyse.
   */
  resolveTab(requested: number | null): Promise<TabInfo | null>;
  /** True when this page is open in a browser tab rather than in the toolbar popup. */
  isInTab(): Promise<boolean>;
  getTabAnalysis(tabId: number): Promise<TabAnalysisState>;
  /**
   * Click mode: read and annotate this tab now. Opening the popup from the toolbar is the reader's click
   * (it grants activeTab). `ok: false`: the browser did not let the extension in, or it is off there.
   */
  annotateTab(tabId: number): Promise<{ ok: boolean }>;
  /**
   * "Analyse this page anyway": the page was read but not taken as an article or as crypto security; analyse
   * and mark it all the same. `ok: false`: the background could not read it again (then nothing changes).
   */
  analyseAnyway(tabId: number): Promise<{ ok: boolean }>;
  /** Which results sections the reader left open (storage.local). */
  sectionsOpen(): Promise<SectionsOpen>;
  saveSectionsOpen(open: SectionsOpen): Promise<void>;
  lookup(query: string, limit?: number): Promise<LookupResult[]>;
  getEntity(id: string): Promise<CardEntity | null>;
  scrollToEntity(tabId: number, entityId: string): Promise<boolean>;
  toggleAnnotations(tabId: number, on: boolean): Promise<{ ok: boolean; show: boolean }>;
  getSettings(): Promise<Settings>;
  watchSettings(cb: (s: Settings) => void): () => void;
  /** Turn the whole extension on, or one site back on. */
  enable(host: string | null): Promise<void>;
  disableSite(host: string): Promise<void>;
  /**
   * entity id -> number of other articles read about it. The background records each analysed
   * article in the local history (lib/history); the popup only reads it.
   */
  historyCounts(entityIds: readonly string[], current: CurrentArticle): Promise<Map<string, number>>;
  otherArticles(entityId: string, current: CurrentArticle): Promise<HistoryEntry[]>;
  openInTab(url: string): Promise<void>;
  openOptions(): Promise<void>;
}

export function createBrowserBackend(): PopupBackend {
  return {
    async resolveTab(requested) {
      try {
        if (requested !== null) {
          const tab = await browser.tabs.get(requested);
          return { id: requested, url: tab.url ?? null, title: tab.title ?? null };
        }
        // both at once: one round trip to the browser instead of two (the popup's time to results counts them)
        const [current, [tab]] = await Promise.all([browser.tabs.getCurrent(), browser.tabs.query({ active: true, currentWindow: true })]);
        if (current) return null; // a tab of our own: the active tab is this page
        if (!tab || tab.id === undefined) return null;
        return { id: tab.id, url: tab.url ?? null, title: tab.title ?? null };
      } catch {
        return requested !== null ? { id: requested, url: null, title: null } : null;
      }
    },
    async isInTab() {
      try {
        return (await browser.tabs.getCurrent()) !== undefined;
      } catch {
        return false;
      }
    },
    getTabAnalysis: (tabId) => popupApi.getTabAnalysis(tabId),
    annotateTab: (tabId) => popupApi.annotateTab(tabId),
    analyseAnyway: (tabId) => popupApi.analyseAnyway(tabId),
    async sectionsOpen() {
      return parseSectionsOpen((await browser.storage.local.get(POPUP_SECTIONS_KEY))[POPUP_SECTIONS_KEY]);
    },
    async saveSectionsOpen(open) {
      await browser.storage.local.set({ [POPUP_SECTIONS_KEY]: open });
    },
    lookup: (q, limit) => popupApi.lookup(q, limit),
    getEntity: (id) => popupApi.getEntity(id),
    scrollToEntity: (tabId, id) => popupApi.scrollToEntity(tabId, id),
    toggleAnnotations: (tabId, on) => popupApi.toggleAnnotations(tabId, on),
    getSettings,
    watchSettings,
    async enable(host) {
      const s = await getSettings();
      if (!s.enabled) await saveSettings({ enabled: true });
      if (host) await setSiteDisabled(host, false);
    },
    async disableSite(host) {
      await setSiteDisabled(host, true);
    },
    historyCounts: (ids, current) => countOtherArticlesByEntity(ids, current),
    otherArticles: (id, current) => otherArticlesAbout(id, current),
    async openInTab(url) {
      await browser.tabs.create({ url });
    },
    async openOptions() {
      await browser.runtime.openOptionsPage();
    },
  };
}
