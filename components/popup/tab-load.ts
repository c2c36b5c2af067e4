/**
 * The popup's first questions to the rest of the extension. In the extension the page's first script has
 * asked them already with the browser's own API (components/popup/first-load.ts); `fromFirstLoad` checks
 * those answers with the same schema the popup's messages use. Without that script (tests, a page of its
 * own) the popup asks them on its first render through the backend (`startTabLoad`).
 *
 * With `?tab=<id>` the tab's analysis is asked for at once, alongside `tabs.get` (not after it): one
 * round trip instead of two. Without it, the active tab has to be found first.
 */
import { parseTabAnalysisState, type TabAnalysisState } from '../../lib/shared/messages';
import type { Settings } from '../../lib/settings/types';
import type { PopupBackend, TabInfo } from './backend';
import type { FirstLoad } from './first-load';
import { parseSectionsOpen, type SectionsOpen } from './sections';

type ResultsState = Extract<TabAnalysisState, { state: 'results' }>;

export interface TabLoad {
  /** the tab the popup is about; null: none (a look-up page of its own) */
  tab: Promise<TabInfo | null>;
  /** that tab's state, with its id; null when there is no tab. Never rejects: a silent background is 'unavailable'. */
  state: Promise<{ tabId: number; state: TabAnalysisState } | null>;
  /** the tab's results as the background keeps them (storage.session), checked; null: none. Never rejects. */
  kept?: Promise<ResultsState | null>;
  /** which sections the reader left open. Never rejects. */
  sections: Promise<SectionsOpen>;
  /** the settings (theme); null when they could not be read */
  settings: Promise<Settings | null>;
}

const UNAVAILABLE: TabAnalysisState = { state: 'unavailable' };

/** The tab's state; an error or an empty answer (no background listening) counts as 'unavailable'. */
export async function askTabState(backend: PopupBackend, tabId: number): Promise<TabAnalysisState> {
  try {
    return (await backend.getTabAnalysis(tabId)) ?? UNAVAILABLE;
  } catch {
    return UNAVAILABLE;
  }
}

export function startTabLoad(backend: PopupBackend, requested: number | null): TabLoad {
  const tab = backend.resolveTab(requested).catch((): TabInfo | null => (requested !== null ? { id: requested, url: null, title: null } : null));
  const state =
    requested !== null
      ? askTabState(backend, requested).then((s) => ({ tabId: requested, state: s }))
      : tab.then(async (t) => (t ? { tabId: t.id, state: await askTabState(backend, t.id) } : null));
  const sections = backend.sectionsOpen().catch((): SectionsOpen => ({}));
  const settings = backend.getSettings().catch(() => null);
  return { tab, state, sections, settings };
}

/** The first script's answers, checked: an answer that is not a state the popup knows counts as 'unavailable'. */
export function fromFirstLoad(first: FirstLoad, settings: Promise<Settings | null>): TabLoad {
  return {
    tab: first.tab,
    state: first.state.then((a) => (a ? { tabId: a.tabId, state: parseTabAnalysisState(a.raw) ?? UNAVAILABLE } : null)),
    kept: first.kept.then((raw) => {
      const s = raw ? parseTabAnalysisState(raw) : undefined;
      return s?.state === 'results' ? s : null;
    }),
    sections: first.sections.then(parseSectionsOpen),
    settings,
  };
}

/**
 * How long the app waits, once loaded, for the tab's results before its first render. The kept answer is
 * usually in by then (a storage read, ~15 ms, against ~60 ms to load the app); a stopped service worker takes
 * a few hundred ms to answer, and the frame, look-up and loading state should not wait for it.
 */
const FIRST_ANSWER_WAIT_MS = 100;

export interface FirstView {
  tab: TabInfo | null;
  /** results to show at the first render (kept or the background's); null: none in time */
  state: ResultsState | null;
  sections: SectionsOpen;
}

/**
 * What the first render shows: the first results in (the kept answer or the background's, whichever comes
 * first; the background's answer still decides afterwards), with the tab and the sections' open state.
 */
export async function firstView(load: TabLoad, waitMs = FIRST_ANSWER_WAIT_MS): Promise<FirstView> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const state = await new Promise<ResultsState | null>((resolve) => {
    void load.kept?.then((k) => k && resolve(k));
    void load.state.then((a) => resolve(a?.state.state === 'results' ? a.state : null));
    timer = setTimeout(() => resolve(null), waitMs);
  });
  clearTimeout(timer);
  // the tab and the sections come with the answer (storage reads and tabs.get, asked at the same time)
  const [tab, sections] = state ? await Promise.all([load.tab, load.sections]) : [null, {}];
  return { tab, state, sections };
}
