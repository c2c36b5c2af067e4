/**
 * The popup's first questions, asked by the page's first script (entrypoints/popup/first.ts) before the
 * Preact app has loaded, with the browser's own `browser.*`/`chrome.*` (no polyfill, no zod: that script
 * stays one small file). Nothing here is checked or drawn: the app checks every answer with the same schema
 * as its own messages (`parseTabAnalysisState`, lib/shared/messages.ts) and renders it with the components.
 * See docs/performance.md, section 6.
 */
import { POPUP_SECTIONS_KEY, popupAnswerKey, tabRecordKey } from '../../lib/shared/storage-keys';

interface RawTab {
  id?: number;
  url?: string;
  title?: string;
}

type RawArea = { get(keys: string[]): Promise<Record<string, unknown>> };

export interface RawApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  /** `session`: the extension's memory-only storage (Chrome 102+, Firefox 115+); the popup only reads it */
  storage?: { session?: RawArea; local?: RawArea };
  tabs: {
    get(tabId: number): Promise<RawTab>;
    getCurrent(): Promise<RawTab | undefined>;
    query(query: { active: boolean; currentWindow: boolean }): Promise<RawTab[]>;
  };
}

/** `browser` where it exists (Firefox: promises), else `chrome` (Chrome MV3: promises too); null outside an extension. */
export function rawApi(scope: unknown = globalThis): RawApi | null {
  const g = scope as { browser?: Partial<RawApi>; chrome?: Partial<RawApi> };
  for (const api of [g.browser, g.chrome]) if (api?.runtime?.sendMessage && api.tabs?.get) return api as RawApi;
  return null;
}

interface FirstTab {
  id: number;
  url: string | null;
  title: string | null;
}

export interface FirstLoad {
  /** the tab the popup is about; null: none (a look-up page of its own) */
  tab: Promise<FirstTab | null>;
  /** the background's answer as it came (unchecked); `raw` undefined: no answer or an error. Null: no tab. Never rejects. */
  state: Promise<{ tabId: number; raw: unknown } | null>;
  /** the results the background keeps for the tab in `storage.session`, unchecked; null when it keeps none. Never rejects. */
  kept: Promise<unknown>;
  /** which of the results' sections the reader left open (`storage.local`, unchecked); null when unknown. Never rejects. */
  sections: Promise<unknown>;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * The tab's results as the background keeps them in `storage.session`, read without a message, so that a
 * stopped service worker need not start first: only when the background's mark (`popup:<tab>`) names this
 * very record (same reading, same address). In the shape of the background's answer; not checked here.
 */
export async function readKeptAnswer(api: RawApi, tabId: number): Promise<unknown> {
  try {
    const session = api.storage?.session;
    if (!session) return null;
    const got = await session.get([tabRecordKey(tabId), popupAnswerKey(tabId)]);
    const mark = got[popupAnswerKey(tabId)];
    const rec = got[tabRecordKey(tabId)];
    if (!isObj(mark) || !isObj(rec) || rec.phase !== 'results' || typeof rec.url !== 'string') return null;
    if (mark.readingId !== rec.readingId || mark.url !== rec.url) return null;
    return { state: 'results', analysis: rec.analysis, annotationsShown: rec.show, ...(rec.forced === true ? { asked: true } : {}) };
  } catch {
    return null;
  }
}

const tabInfo = (id: number, t: RawTab | undefined): FirstTab => ({ id, url: typeof t?.url === 'string' ? t.url : null, title: typeof t?.title === 'string' ? t.title : null });

/** With `?tab=<id>` everything is asked at once, alongside `tabs.get`; without it, after finding the active tab. */
export function startFirstLoad(api: RawApi, requested: number | null): FirstLoad {
  // the kept answer is asked first: it is what the first render usually shows, and the browser's process
  // answers these calls in the order they were made
  const keptNow = requested !== null ? readKeptAnswer(api, requested) : null;
  const tab: Promise<FirstTab | null> =
    requested !== null
      ? api.tabs.get(requested).then(
          (t) => tabInfo(requested, t),
          () => tabInfo(requested, undefined),
        )
      : Promise.all([api.tabs.getCurrent(), api.tabs.query({ active: true, currentWindow: true })]).then(
          ([current, [t]]) => (current || typeof t?.id !== 'number' ? null : tabInfo(t.id, t)), // a tab of our own: no page to analyse
          () => null,
        );
  const about = <T>(ask: (tabId: number) => Promise<T>): Promise<T | null> => (requested !== null ? ask(requested) : tab.then((t) => (t ? ask(t.id) : null)));
  const state = about(async (tabId) => {
    try {
      return { tabId, raw: await api.runtime.sendMessage({ type: 'popup/get-tab-analysis', tabId }) };
    } catch {
      return { tabId, raw: undefined };
    }
  });
  const sections = (async () => (await api.storage?.local?.get([POPUP_SECTIONS_KEY]))?.[POPUP_SECTIONS_KEY] ?? null)().catch(() => null);
  return { tab, state, kept: keptNow ?? about((id) => readKeptAnswer(api, id)), sections };
}

/**
 * The theme the extension's pages last applied (components/shared/theme.ts keeps it in localStorage under
 * this key), put on <html> before the settings are read. The key is written out, not imported: that module
 * is shared with the options page, and a shared module would be one more file before this script runs.
 */
export function applyCachedTheme(root: HTMLElement = document.documentElement): void {
  try {
    const t = localStorage.getItem('cnc.theme');
    if (t === 'light' || t === 'dark') root.dataset.theme = t;
  } catch {
    // no localStorage: the system's theme until the settings are read
  }
}
