/**
 * The toolbar popup (also openable in a tab): what the extension made of one tab, plus the look-up.
 * All data comes through `PopupBackend`; this file only decides what to show.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { TabAnalysisState } from '../../lib/shared/messages';
import type { Settings } from '../../lib/settings/types';
import { KnowledgeDates } from '../shared/KnowledgeDates';
import { SettingsResetNotice } from '../shared/Notice';
import { applyTheme } from '../shared/theme';
import type { PopupBackend, TabInfo } from './backend';
import { Lookup } from './Lookup';
import { SectionsContext } from './Section';
import type { SectionId, SectionsOpen } from './sections';
import { StateView, type View } from './StateView';
import { hostOf } from '../shared/format';
import { t } from '../../lib/shared/i18n';
import { popupPageUrl, type PopupParams } from './params';
import { askTabState, startTabLoad, type FirstView, type TabLoad } from './tab-load';

/** How often to ask again while the tab is being analysed, and for how long at most (the engine takes < 1 s). */
const ANALYSING_POLL_MS = 400;
const ANALYSING_POLL_LIMIT = 75;

/**
 * Both results, the same in content: e.g. the answer the background keeps in storage.session, drawn by the
 * first script, and then the background's own answer (another object, equal). The view keeps its object
 * then, so that the results are not drawn again nor their history asked for twice.
 */
function sameResults(shown: View, next: TabAnalysisState): boolean {
  return (
    shown.state === 'results' &&
    next.state === 'results' &&
    shown.annotationsShown === next.annotationsShown &&
    shown.asked === next.asked &&
    JSON.stringify(shown.analysis) === JSON.stringify(next.analysis)
  );
}

export interface PopupProps {
  backend: PopupBackend;
  params: PopupParams;
  /** URL of popup.html, for "Open in a tab" */
  pageUrl: string;
  /** the first questions, already asked by the page's entry before rendering (else asked on the first render) */
  load?: TabLoad;
  /**
   * What the first render shows (tab-load.ts, `firstView`): the tab's checked results when they were in
   * before the app rendered (usually the answer the background keeps in storage.session), and the sections'
   * open state, instead of a loading state.
   */
  initial?: FirstView | null;
}

export function Popup({ backend, params, pageUrl, load, initial }: PopupProps) {
  const [tab, setTab] = useState<TabInfo | null>(initial?.tab ?? null);
  const [view, setView] = useState<View>(initial?.state ?? { state: 'loading' });
  const [sections, setSections] = useState<SectionsOpen>(initial?.sections ?? {});
  /** the reader opened or closed a section: the stored state no longer replaces it */
  const sectionsTouched = useRef(false);
  /** "Analyse this page anyway" was refused or failed */
  const [anywayFailed, setAnywayFailed] = useState(false);
  const [theme, setTheme] = useState<Settings['theme']>('system');
  const [inTab, setInTab] = useState(params.full);
  /** click mode: the automatic `annotateTab` on opening answered ok:false (or failed) */
  const [annotateFailed, setAnnotateFailed] = useState(false);
  const polls = useRef(0);
  const pollTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** click mode: the popup asks to annotate by itself once per opening; after that only the button does */
  const autoAnnotated = useRef(false);
  const firstLoad = useRef<TabLoad | null>(null);
  firstLoad.current ??= load ?? startTabLoad(backend, params.tab);

  // `show` and `refresh` call each other (polling); a ref breaks the cycle for the hooks' dependencies
  const refreshRef = useRef<(tabId: number | null) => Promise<void>>(async () => undefined);

  const toggleSection = useCallback(
    (id: SectionId, open: boolean) => {
      sectionsTouched.current = true;
      setSections((now) => {
        const next = { ...now, [id]: open };
        void backend.saveSectionsOpen(next).catch(() => undefined); // a nicety: the section still opens
        return next;
      });
    },
    [backend],
  );

  const analyseAnyway = useCallback(
    async (tabId: number) => {
      clearTimeout(pollTimer.current);
      setAnywayFailed(false);
      const before = view;
      setView({ state: 'analysing' });
      let ok: boolean;
      try {
        ok = (await backend.analyseAnyway(tabId)).ok === true;
      } catch {
        ok = false;
      }
      if (!ok) {
        setAnywayFailed(true);
        setView(before);
        return;
      }
      polls.current = 0;
      await refreshRef.current(tabId);
    },
    [backend, view],
  );

  const annotate = useCallback(
    async (tabId: number) => {
      clearTimeout(pollTimer.current);
      setAnnotateFailed(false);
      setView({ state: 'analysing' });
      let ok: boolean;
      try {
        ok = (await backend.annotateTab(tabId)).ok === true;
      } catch {
        ok = false;
      }
      if (!ok) {
        setAnnotateFailed(true);
        setView({ state: 'click-to-annotate' });
        return;
      }
      polls.current = 0;
      await refreshRef.current(tabId);
    },
    [backend],
  );

  /** Shows a state; keeps asking while the tab is being analysed; in click mode asks to annotate once. */
  const show = useCallback(
    (tabId: number, next: TabAnalysisState) => {
      clearTimeout(pollTimer.current);
      if (next.state === 'click-to-annotate' && !autoAnnotated.current) {
        autoAnnotated.current = true;
        void annotate(tabId);
        return;
      }
      setView((shown) => (sameResults(shown, next) ? shown : next));
      if (next.state === 'analysing' && polls.current < ANALYSING_POLL_LIMIT) {
        polls.current += 1;
        pollTimer.current = setTimeout(() => void refreshRef.current(tabId), ANALYSING_POLL_MS);
      }
    },
    [annotate],
  );

  const refresh = useCallback(
    async (tabId: number | null) => {
      clearTimeout(pollTimer.current);
      if (tabId === null) {
        setView({ state: 'no-tab' });
        return;
      }
      show(tabId, await askTabState(backend, tabId));
    },
    [backend, show],
  );
  refreshRef.current = refresh;

  // The first answers. A layout effect: subscribed right after the first render, not a frame later, so
  // an answer that is already in is shown at once.
  useLayoutEffect(() => {
    let live = true;
    const first = firstLoad.current!;
    void first.settings.then((s) => {
      if (!live || !s) return;
      setTheme(s.theme);
      applyTheme(s.theme);
    });
    void first.tab.then((t) => {
      if (!live) return;
      setTab(t);
      if (!t) setView({ state: 'no-tab' });
    });
    void first.state.then((r) => {
      if (live && r) show(r.tabId, r.state);
    });
    // the answer the background keeps, when it comes before the background's own (which still decides)
    void first.kept?.then((k) => {
      if (live && k) setView((shown) => (shown.state === 'loading' ? k : shown));
    });
    void first.sections.then((s) => {
      if (live && !sectionsTouched.current) setSections(s);
    });
    // in a tab without ?tab (the context menu's look-up page): lay out for a tab. `?tab=` without
    // `full=1` keeps the popup's layout (what the real-browser tests and screenshots open).
    if (params.tab === null) void backend.isInTab().then((yes) => live && yes && setInTab(true));
    return () => {
      live = false;
      clearTimeout(pollTimer.current);
    };
  }, [backend, params.tab, show]);

  // settings changed (here, in the options page or on another device): theme and state follow
  useEffect(
    () =>
      backend.watchSettings((s) => {
        setTheme(s.theme);
        applyTheme(s.theme);
        polls.current = 0;
        void refresh(tab?.id ?? null);
      }),
    [backend, refresh, tab],
  );

  // The extension has no "tabs" permission, so the tab's address is usually hidden from the popup:
  // use the host the background reports with the state when it does, else what the tab tells us.
  const stateHost = 'host' in view && typeof view.host === 'string' ? view.host : null;
  // (Not the article's canonical URL: it can name another site than the one in the tab.)
  const host = stateHost ?? hostOf(tab?.url);
  const noResults = view.state !== 'results' && view.state !== 'loading' && view.state !== 'analysing';

  return (
    <SectionsContext.Provider value={{ open: sections, toggle: toggleSection }}>
    <div class={`popup${inTab ? ' full' : ''}`}>
      <header class="popup-head">
        <h1 class="popup-title">{t('popTitle')}</h1>
        <div class="head-actions">
          {!inTab && (
            <button
              type="button"
              onClick={() => void backend.openInTab(popupPageUrl(pageUrl, { tab: tab?.id ?? params.tab, query: params.query, full: true }))}
            >
              {t('popOpenInTab')}
            </button>
          )}
          <button type="button" onClick={() => void backend.openOptions()}>
            {t('popSettings')}
          </button>
        </div>
      </header>
      <main class="popup-main">
        <SettingsResetNotice optionsLink onOpenOptions={() => void backend.openOptions()} />
        <Lookup backend={backend} initialQuery={params.query} autoFocus={noResults || params.query !== ''} theme={theme} />
        {view.state === 'no-tab' && params.query ? null : (
          <StateView
            view={view}
            backend={backend}
            tab={tab}
            host={host}
            onChanged={() => void refresh(tab?.id ?? null)}
            annotateFailed={annotateFailed}
            onAnnotate={tab ? () => void annotate(tab.id) : null}
            anywayFailed={anywayFailed}
            onAnalyseAnyway={tab ? () => void analyseAnyway(tab.id) : null}
          />
        )}
      </main>
      <footer class="popup-foot muted small">
        {t('popFooter')}
        <KnowledgeDates />
      </footer>
    </div>
    </SectionsContext.Provider>
  );
}
