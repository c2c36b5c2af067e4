/**
 * The popup's first questions to the rest of the extension, through the backend. In the extension the page's
 * first script has asked them already, with the browser's own API (`startFirstLoad` in first-paint.ts, the
 * same questions in the same order), and the app only adds the settings (entrypoints/popup/main.tsx); the
 * popup asks them here on its first render when it is given none (tests, a page without that script).
 *
 * With `?tab=<id>` the tab's analysis is asked for at once, alongside `tabs.get` (not after it): one
 * round trip instead of two. Without it, the active tab has to be found first.
 */
import type { TabAnalysisState } from '../../lib/shared/messages';
import type { Settings } from '../../lib/settings/types';
import type { PopupBackend, TabInfo } from './backend';

export interface TabLoad {
  /** the tab the popup is about; null: none (a look-up page of its own) */
  tab: Promise<TabInfo | null>;
  /** that tab's state, with its id; null when there is no tab. Never rejects: a silent background is 'unavailable'. */
  state: Promise<{ tabId: number; state: TabAnalysisState } | null>;
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
  const settings = backend.getSettings().catch(() => null);
  return { tab, state, settings };
}
