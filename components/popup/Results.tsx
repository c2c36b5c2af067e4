/** The popup for a crypto-security article: summary, key facts, names, disclaimers, related coverage. */
import { useEffect, useState } from 'preact/hooks';
import type { Analysis, AnalysisEntity } from '../../lib/shared/contract';
import { storageErrorMessage } from '../../lib/settings/storage-errors';
import type { PopupBackend } from './backend';
import { Disclaimers } from './Disclaimers';
import { EntityGroups } from './Entities';
import { KeyFacts } from './KeyFacts';
import { hasKeyFacts, keyFactsOf } from './key-facts';
import { Indicators } from './Indicators';
import { Related, type ReadBefore } from './Related';
import { Section } from './Section';
import { TimelineChart, type TimelinePoint } from './TimelineChart';
import { articleMeta } from '../shared/format';
import { t } from '../../lib/shared/i18n';

/** "You read N other articles about X" lines: at most this many, the most-read names first. */
const MAX_READ_BEFORE = 3;

function timelinePoints(a: Analysis): TimelinePoint[] {
  return a.related
    .filter((r) => r.kind === 'incident' && r.date && typeof r.amountUsd === 'number' && r.amountUsd > 0)
    .map((r) => ({ label: r.title, date: r.date!, amountUsd: r.amountUsd as number }));
}

/** The summary shown first: whole sentences up to about this many words (at least one sentence). */
export const SHORT_SUMMARY_WORDS = 70;

/** The first sentences of a summary that fit SHORT_SUMMARY_WORDS, and how many more there are. */
export function shortSummary(sentences: readonly string[], maxWords = SHORT_SUMMARY_WORDS): { shown: string[]; more: number } {
  const shown: string[] = [];
  let words = 0;
  for (const s of sentences) {
    const n = s.split(/\s+/).filter(Boolean).length;
    if (shown.length && words + n > maxWords) break;
    shown.push(s);
    words += n;
  }
  return { shown, more: sentences.length - shown.length };
}

export function Results(props: {
  analysis: Analysis;
  backend: PopupBackend;
  tabId: number;
  annotationsShown: boolean;
  host: string | null;
  /** the tab's address, when known (the page's own canonical URL may differ) */
  tabUrl: string | null;
  /** the page was not taken as a crypto-security article; the reader asked for it to be analysed anyway */
  asked?: boolean;
}) {
  const { analysis: a, backend, tabId } = props;
  const [status, setStatus] = useState('');
  /** "Turn off on this site" was not saved (storage full, sync limits): why, in words */
  const [saveError, setSaveError] = useState<string | null>(null);
  const [shown, setShown] = useState(props.annotationsShown);
  const [readBefore, setReadBefore] = useState<ReadBefore[]>([]);
  /*
   * The first screen (title, controls, summary, key facts, and the headings of the sections below) is drawn
   * first. The content of the sections the reader left open follows right after the first paint, when `below`
   * turns true (docs/performance.md, section 6).
   */
  const [below, setBelow] = useState(false);
  const [fullSummary, setFullSummary] = useState(false);
  // Preact runs effects after the browser has painted
  useEffect(() => setBelow(true), []);

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        // the background records this article too: leave it out under any of its addresses
        const current = { urls: [props.tabUrl, a.url], title: a.title };
        const known = a.entities.filter((e) => e.known !== false);
        const counts = await backend.historyCounts(
          known.map((e) => e.id),
          current,
        );
        const top = known
          .filter((e) => (counts.get(e.id) ?? 0) > 0)
          .sort((x, y) => (counts.get(y.id) ?? 0) - (counts.get(x.id) ?? 0))
          .slice(0, MAX_READ_BEFORE);
        const lines = await Promise.all(
          top.map(async (e) => ({
            entityId: e.id,
            name: e.name,
            count: counts.get(e.id) ?? 0,
            articles: await backend.otherArticles(e.id, current),
          })),
        );
        if (live) setReadBefore(lines);
      } catch {
        // history is a nicety: without it the rest of the popup still works
      }
    })();
    return () => {
      live = false;
    };
  }, [a, backend, props.tabUrl]);

  const show = async (e: AnalysisEntity) => {
    setStatus(t('popShowing', e.name));
    if (!shown) {
      // marks hidden (toggled off, or "only when I click"): a name chosen here shows them again
      const r = await backend.toggleAnnotations(tabId, true).catch(() => ({ ok: false, show: false }));
      setShown(r.show);
    }
    const ok = await backend.scrollToEntity(tabId, e.id).catch(() => false);
    setStatus(t(ok ? 'popShown' : 'popNotShown', e.name));
  };

  const toggleMarks = async (on: boolean) => {
    const r = await backend.toggleAnnotations(tabId, on).catch(() => ({ ok: false, show: !on }));
    setShown(r.show);
    setStatus(t(r.ok ? (r.show ? 'popMarksShown' : 'popMarksHidden') : 'popMarksFailed'));
  };

  /** The site stays as stored when the save fails: nothing changes but the message. */
  const turnOffSite = async (host: string) => {
    setSaveError(null);
    try {
      await backend.disableSite(host);
    } catch (err) {
      setSaveError(storageErrorMessage(err));
    }
  };

  const facts = keyFactsOf(a);
  const points = timelinePoints(a);
  const summary = shortSummary(a.summary);

  return (
    <article class="results" aria-labelledby="article-title" aria-busy={below ? undefined : 'true'}>
      <header class="article-head">
        <h2 id="article-title" class="article-title wrap-anywhere">
          {a.title ?? t('popUntitled')}
        </h2>
        <p class="muted article-meta wrap-anywhere">{articleMeta(a)}</p>
        {props.asked ? (
          <p class="notice small">{t('popAskedNote')}</p>
        ) : null}
        {a.cut ? <p class="notice small">{t('popCutNote')}</p> : null}
        <div class="article-controls">
          <label class="switch">
            <input type="checkbox" checked={shown} onChange={(e) => void toggleMarks((e.currentTarget as HTMLInputElement).checked)} />
            {t('popShowMarks')}
          </label>
          {props.host ? (
            <button type="button" class="link" onClick={() => void turnOffSite(props.host!)}>
              {t('popTurnOffOn', props.host)}
            </button>
          ) : null}
        </div>
        {saveError && (
          <p class="error-text" role="alert">
            {saveError}
          </p>
        )}
      </header>

      <p class="status-line" role="status" aria-live="polite">
        {status}
      </p>

      {a.summary.length > 0 && (
        <section aria-labelledby="sec-summary">
          <h3 id="sec-summary" class="section-title">
            {t('popSummary')}
          </h3>
          <p class="summary" id="summary-text">
            {(fullSummary ? a.summary : summary.shown).join(' ')}
          </p>
          {summary.more > 0 && (
            <button type="button" class="link show-more" aria-expanded={fullSummary} aria-controls="summary-text" onClick={() => setFullSummary(!fullSummary)}>
              {t(fullSummary ? 'popSummaryShort' : 'popSummaryFull')}
            </button>
          )}
        </section>
      )}

      {hasKeyFacts(facts) && (
        <section aria-labelledby="sec-facts">
          <h3 id="sec-facts" class="section-title">
            {t('popKeyFacts')}
          </h3>
          <KeyFacts facts={facts} />
        </section>
      )}

      {a.entities.length > 0 && (
        <Section id="names" title={t('popNames')} ready={below}>
          <p class="muted small">{t('popNamesHelp')}</p>
          <EntityGroups entities={a.entities} onShow={(e) => void show(e)} canScroll />
        </Section>
      )}

      {a.disclaimers.length > 0 && (
        <Section id="disclaimers" title={t('popDisclaimers')} ready={below}>
          <Disclaimers items={a.disclaimers} />
        </Section>
      )}

      <Section id="related" title={t('popRelated')} ready={below}>
        <Related items={a.related} readBefore={readBefore} />
      </Section>

      {points.length >= 2 && (
        <Section id="timeline" title={t('popTimeline')} ready={below}>
          <TimelineChart points={points} />
        </Section>
      )}
      {below && <Indicators analysis={a} getEntity={(id) => backend.getEntity(id)} />}
    </article>
  );
}
