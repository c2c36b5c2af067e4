/**
 * The popup's main area for each state of the tab (loading, off, click to annotate, missed, results), and
 * for a missed page the reasons in plain words with "Analyse this page anyway".
 */
import { useState } from 'preact/hooks';
import type { TabAnalysisState } from '../../lib/shared/messages';
import { storageErrorMessage } from '../../lib/settings/storage-errors';
import type { PopupBackend, TabInfo } from './backend';
import { checksNotes, plainReasons } from './reasons';
import { Results } from './Results';
import { Transparency } from './Transparency';
import { t } from '../../lib/shared/i18n';

/** What the popup shows: a tab's state, or its own loading / no-tab states. */
export type View = { state: 'loading' } | { state: 'no-tab' } | TabAnalysisState;

/**
 * Why the page was not marked, in plain words, and (when the page was read: its analysis is there to
 * redo; or when only the quick gate said no: `gateFailed`) "Analyse this page anyway".
 */
function Missed(props: { view: Extract<View, { state: 'not-article' | 'not-crypto-security' }>; failed: boolean; onAnalyse: (() => void) | null }) {
  const { view } = props;
  const why = plainReasons(view.reasons);
  return (
    <>
      <h3 class="group-title">{t('popWhy')}</h3>
      <ul class="reasons">
        {why.map((r, i) => (
          <li key={i}>{r}</li>
        ))}
      </ul>
      {(view.analysis || ('gateFailed' in view && view.gateFailed)) && props.onAnalyse ? (
        <div class="analyse-anyway">
          <p>{t('popAnywayIntro')}</p>
          <button type="button" class="primary" onClick={props.onAnalyse}>
            {t('popAnyway')}
          </button>
          {props.failed ? (
            <p class="error-text" role="alert">
              {t('popAnywayFailed')}
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
          <p role="status">{t('popLoading')}</p>
        </section>
      );
    case 'no-tab':
      return (
        <section class="state" aria-labelledby="state-title">
          <h2 id="state-title">{t('popNoTab')}</h2>
          <p>{t('popNoTabHelp')}</p>
        </section>
      );
    case 'unavailable':
      return (
        <section class="state" aria-labelledby="state-title">
          <h2 id="state-title">{t('popUnavailable')}</h2>
          <p>{t('popUnavailableHelp')}</p>
          <Transparency headline={t('popUnavailableDid')} />
        </section>
      );
    case 'disabled':
      return (
        <section class="state" aria-labelledby="state-title">
          {view.reason === 'off' ? (
            <>
              <h2 id="state-title">{t('popOff')}</h2>
              <p>{t('popOffHelp')}</p>
              <button type="button" class="primary" onClick={() => enable(null)}>
                {t('popSwitchOn')}
              </button>
              {saveErrorLine}
            </>
          ) : (
            <>
              <h2 id="state-title" class="wrap-anywhere">{host ? t('popSiteOff', host) : t('popSiteOffUnknown')}</h2>
              <p>{t('popSiteOffHelp')}</p>
              {host ? (
                <>
                  <button type="button" class="primary" onClick={() => enable(host)}>
                    {t('popTurnOnFor', host)}
                  </button>
                  {saveErrorLine}
                </>
              ) : (
                <button type="button" class="primary" onClick={() => void backend.openOptions()}>
                  {t('popManageSites')}
                </button>
              )}
            </>
          )}
          <Transparency headline={t('popOffDid')} />
        </section>
      );
    case 'click-to-annotate':
      return (
        <section class="state" aria-labelledby="state-title">
          {props.annotateFailed ? (
            <>
              <h2 id="state-title">{t('popCantAnnotate')}</h2>
              <p role="alert">{t('popCantAnnotateHelp')}</p>
            </>
          ) : (
            <>
              <h2 id="state-title">{t('popAskAnnotate')}</h2>
              <p>{t('popAskAnnotateHelp')}</p>
            </>
          )}
          {props.onAnnotate ? (
            <button type="button" class="primary" onClick={props.onAnnotate}>
              {t('popAnnotate')}
            </button>
          ) : null}
          <Transparency headline={t('popClickDid')} />
        </section>
      );
    case 'analysing':
      return (
        <section class="state" aria-busy="true" aria-labelledby="state-title">
          <div role="status">
            <h2 id="state-title">{t('popAnalysing')}</h2>
          </div>
          <p class="muted">{t('popAnalysingHelp')}</p>
        </section>
      );
    case 'not-article':
      return (
        <section class="state" aria-labelledby="state-title">
          <h2 id="state-title">{t('popNotArticle')}</h2>
          <p>{t('popNotArticleHelp')}</p>
          <Missed view={view} failed={props.anywayFailed} onAnalyse={props.onAnalyseAnyway} />
          <Transparency analysis={view.analysis} reasons={checksNotes(view.reasons, view.analysis)} headline={t('popNotArticleDid')} />
        </section>
      );
    case 'not-crypto-security':
      return (
        <section class="state" aria-labelledby="state-title">
          <h2 id="state-title">{t('popNotCrypto')}</h2>
          <p>{t('popNotCryptoHelp')}</p>
          <Missed view={view} failed={props.anywayFailed} onAnalyse={props.onAnalyseAnyway} />
          <Transparency
            analysis={view.analysis}
            reasons={checksNotes(view.reasons, view.analysis)}
            headline={view.analysis ? t('popNotCryptoDid') : t('popNotCryptoGateDid')}
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
            headline={t(view.asked ? 'popResultsAskedDid' : 'popResultsDid', String(view.analysis.entities.filter((e) => !e.inferred).length))}
          />
        </>
      );
  }
}
