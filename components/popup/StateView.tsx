/**
 * The popup's main area for each state of the tab (loading, off, click to annotate, missed, results), and
 * for a missed page the reasons in plain words with "Analyse this page anyway".
 */
import { useState } from 'preact/hooks';
import type { TabAnalysisState } from '../../lib/shared/messages';
import { storageErrorMessage } from '../../lib/settings/storage-errors';
import type { PopupBackend, TabInfo } from './backend';
import { plainReasons } from './reasons';
import { Results } from './Results';
import { Transparency } from './Transparency';

/** What the popup shows: a tab's state, or its own loading / no-tab states. */
export type View = { state: 'loading' } | { state: 'no-tab' } | TabAnalysisState;

/**
 * Why the page was not marked, in plain words, and (when the page was read: its analysis is there to
 * redo; or when only the quick gate said no: `gateFailed`) "Analyse this page anyway".
 */
function Missed(props: { view: Extract<View, { state: 'not-article' | 'not-crypto-security' }>; failed: boolean; onAnalyse: (() => void) | null }) {
  const { view } = props;
  const why = plainReasons(view.state, view.reasons, view.analysis);
  return (
    <>
      <h3 class="group-title">Why</h3>
      <ul class="reasons">
        {why.map((r, i) => (
          <li key={i}>{r}</li>
        ))}
      </ul>
      {(view.analysis || ('gateFailed' in view && view.gateFailed)) && props.onAnalyse ? (
        <div class="analyse-anyway">
          <p>If it is an article about crypto security all the same, you can have it analysed and marked.</p>
          <button type="button" class="primary" onClick={props.onAnalyse}>
            Analyse this page anyway
          </button>
          {props.failed ? (
            <p class="error-text" role="alert">
              The page could not be analysed again: it may have changed or closed. Reload it and try again.
            </p>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

export function StateView(props: {
  view: View;
  backend: PopupBackend;
  tab: TabInfo | null;
  host: string | null;
  onChanged: () => void;
  /** click mode: the last request to annotate the page was refused */
  annotateFailed: boolean;
  /** click mode: ask to annotate the tab (null: no tab known yet) */
  onAnnotate: (() => void) | null;
  /** the last "Analyse this page anyway" was refused */
  anywayFailed: boolean;
  /** "Analyse this page anyway" (null: no tab known yet) */
  onAnalyseAnyway: (() => void) | null;
}) {
  const { view, backend, tab, host } = props;
  /** "Switch on" / "Turn on for …" was not saved (storage full, sync limits): why, in words */
  const [saveError, setSaveError] = useState<string | null>(null);
  const enable = (site: string | null) => {
    setSaveError(null);
    backend.enable(site).then(props.onChanged, (err: unknown) => setSaveError(storageErrorMessage(err)));
  };
  const saveErrorLine = saveError ? (
    <p class="error-text" role="alert">
      {saveError}
    </p>
  ) : null;
  switch (view.state) {
    case 'loading':
      return (
        <section class="state" aria-busy="true">
          <p role="status">Loading…</p>
        </section>
      );
    case 'no-tab':
      return (
        <section class="state" aria-labelledby="state-title">
          <h2 id="state-title">No page to analyse</h2>
          <p>Open the popup from a tab with a news article, or look up a name above.</p>
        </section>
      );
    case 'unavailable':
      return (
        <section class="state" aria-labelledby="state-title">
          <h2 id="state-title">Nothing to analyse on this page</h2>
          <p>Crypto News Context reads web articles. Browser pages, extension stores, PDFs and local files are left alone.</p>
          <Transparency headline="The extension did not read this page." />
        </section>
      );
    case 'disabled':
      return (
        <section class="state" aria-labelledby="state-title">
          {view.reason === 'off' ? (
            <>
              <h2 id="state-title">Crypto News Context is switched off</h2>
              <p>It does not read or mark any page until you switch it on.</p>
              <button type="button" class="primary" onClick={() => enable(null)}>
                Switch on
              </button>
              {saveErrorLine}
            </>
          ) : (
            <>
              <h2 id="state-title" class="wrap-anywhere">Turned off on {host ?? 'this site'}</h2>
              <p>You turned Crypto News Context off for this site. It does not read its pages.</p>
              {host ? (
                <>
                  <button type="button" class="primary" onClick={() => enable(host)}>
                    Turn on for {host}
                  </button>
                  {saveErrorLine}
                </>
              ) : (
                <button type="button" class="primary" onClick={() => void backend.openOptions()}>
                  Manage sites in Settings
                </button>
              )}
            </>
          )}
          <Transparency headline="The extension is off here: it did not read this page." />
        </section>
      );
    case 'click-to-annotate':
      return (
        <section class="state" aria-labelledby="state-title">
          {props.annotateFailed ? (
            <>
              <h2 id="state-title">This page can’t be annotated</h2>
              <p role="alert">
                This page can’t be annotated: the browser did not let Crypto News Context read it (browser pages, extension stores and some
                sites are closed to extensions), or the page changed meanwhile. You can try again, or look up any name above.
              </p>
            </>
          ) : (
            <>
              <h2 id="state-title">Annotate this page?</h2>
              <p>Crypto News Context reads a page only when you ask (your setting). Nothing on this page has been read yet.</p>
            </>
          )}
          {props.onAnnotate ? (
            <button type="button" class="primary" onClick={props.onAnnotate}>
              Annotate this page
            </button>
          ) : null}
          <Transparency headline="Nothing read yet: the extension reads this page only when you ask." />
        </section>
      );
    case 'analysing':
      return (
        <section class="state" aria-busy="true" aria-labelledby="state-title">
          <div role="status">
            <h2 id="state-title">Analysing this page…</h2>
          </div>
          <p class="muted">This takes a moment on a long article. Everything happens on your device.</p>
        </section>
      );
    case 'not-article':
      return (
        <section class="state" aria-labelledby="state-title">
          <h2 id="state-title">This page doesn’t look like an article</h2>
          <p>Crypto News Context marks names in news articles and reports. Home pages, lists, search results and apps are left alone.</p>
          <Missed view={view} failed={props.anywayFailed} onAnalyse={props.onAnalyseAnyway} />
          <Transparency analysis={view.analysis} reasons={view.reasons} headline="Checked whether the page is an article: it is not, so nothing was marked." />
        </section>
      );
    case 'not-crypto-security':
      return (
        <section class="state" aria-labelledby="state-title">
          <h2 id="state-title">This article isn’t about crypto security</h2>
          <p>
            Articles are marked when they are about crypto hacks, ransomware, sanctions, mixers, laundering or state hacking groups. You can
            still look up any name above.
          </p>
          <Missed view={view} failed={props.anywayFailed} onAnalyse={props.onAnalyseAnyway} />
          <Transparency
            analysis={view.analysis}
            reasons={view.reasons}
            headline={view.analysis ? 'Read the article and checked its topic: not crypto security, so nothing was marked.' : 'Checked the title and first paragraphs: no crypto-security words, so the page was not read.'}
          />
        </section>
      );
    case 'results':
      return (
        <>
          <Results
            analysis={view.analysis}
            backend={backend}
            tabId={tab?.id ?? -1}
            annotationsShown={view.annotationsShown}
            host={host}
            tabUrl={'url' in view && typeof view.url === 'string' ? view.url : (tab?.url ?? null)}
            asked={view.asked === true}
          />
          <Transparency
            analysis={view.analysis}
            headline={
              view.asked
                ? `Analysed this page because you asked, and marked ${view.analysis.entities.filter((e) => !e.inferred).length} names in it.`
                : `Recognised a crypto-security article and marked ${view.analysis.entities.filter((e) => !e.inferred).length} names in it.`
            }
          />
        </>
      );
  }
}
