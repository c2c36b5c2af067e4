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
import { TimelineChart, type TimelinePoint } from './TimelineChart';
import { articleMeta } from '../shared/format';

/** "You read N other articles about X" lines: at most this many, the most-read names first. */
const MAX_READ_BEFORE = 3;

export function timelinePoints(a: Analysis): TimelinePoint[] {
  return a.related
    .filter((r) => r.kind === 'incident' && r.date && typeof r.amountUsd === 'number' && r.amountUsd > 0)
    .map((r) => ({ label: r.title, date: r.date!, amountUsd: r.amountUsd as number }));
}

export function Results(props: {
  analysis: Analysis;
  backend: PopupBackend;
  tabId: number;
  annotationsShown: boolean;
  host: string | null;
  /** the tab's address, when known (the page's own canonical URL may differ) */
  tabUrl: string | null;
}) {
  const { analysis: a, backend, tabId } = props;
  const [status, setStatus] = useState('');
  /** "Turn off on this site" was not saved (storage full, sync limits): why, in words */
  const [saveError, setSaveError] = useState<string | null>(null);
  const [shown, setShown] = useState(props.annotationsShown);
  const [readBefore, setReadBefore] = useState<ReadBefore[]>([]);
  /*
   * The first screen (title, controls, summary, key facts) is drawn first. The rest (names, disclaimers,
   * related coverage and its chart: most of the DOM) follows right after the first paint, when `below`
   * turns true. Drawing and laying out everything at once is most of the popup's own time to results
   * (docs/performance.md, section 6); the reader cannot scroll to the rest within that frame anyway.
   */
  const [below, setBelow] = useState(false);
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
    setStatus(`Showing ${e.name} in the page…`);
    if (!shown) {
      // marks hidden (toggled off, or "only when I click"): a name chosen here shows them again
      const r = await backend.toggleAnnotations(tabId, true).catch(() => ({ ok: false, show: false }));
      setShown(r.show);
    }
    const ok = await backend.scrollToEntity(tabId, e.id).catch(() => false);
    setStatus(
      ok
        ? `Scrolled to the first mention of ${e.name} and opened its card.`
        : `${e.name} is not marked in the page (marks may be hidden or turned off for its type).`,
    );
  };

  const toggleMarks = async (on: boolean) => {
    const r = await backend.toggleAnnotations(tabId, on).catch(() => ({ ok: false, show: !on }));
    setShown(r.show);
    setStatus(r.ok ? (r.show ? 'Marks shown on this page.' : 'Marks hidden on this page.') : 'Could not change the marks on this page.');
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

  return (
    <article class="results" aria-labelledby="article-title" aria-busy={below ? undefined : 'true'}>
      <header class="article-head">
        <h2 id="article-title" class="article-title wrap-anywhere">
          {a.title ?? 'Untitled article'}
        </h2>
        <p class="muted article-meta wrap-anywhere">{articleMeta(a)}</p>
        {a.cut ? <p class="notice small">This page is very long; the analysis stopped early, so some names may be missing.</p> : null}
        <div class="article-controls">
          <label class="switch">
            <input type="checkbox" checked={shown} onChange={(e) => void toggleMarks((e.currentTarget as HTMLInputElement).checked)} />
            Show marks on this page
          </label>
          {props.host ? (
            <button type="button" class="link" onClick={() => void turnOffSite(props.host!)}>
              Turn off on {props.host}
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
            Summary
          </h3>
          <p class="summary">{a.summary.join(' ')}</p>
        </section>
      )}

      {hasKeyFacts(facts) && (
        <section aria-labelledby="sec-facts">
          <h3 id="sec-facts" class="section-title">
            Key facts
          </h3>
          <KeyFacts facts={facts} />
        </section>
      )}

      {below && a.entities.length > 0 && (
        <section aria-labelledby="sec-names">
          <h3 id="sec-names" class="section-title">
            Names in this article
          </h3>
          <p class="muted small">Choose a name to scroll to it in the page and open its card.</p>
          <EntityGroups entities={a.entities} onShow={(e) => void show(e)} canScroll />
        </section>
      )}

      {below && a.disclaimers.length > 0 && (
        <section aria-labelledby="sec-disclaimers">
          <h3 id="sec-disclaimers" class="section-title">
            Disclaimers
          </h3>
          <Disclaimers items={a.disclaimers} />
        </section>
      )}

      {below && (
        <section aria-labelledby="sec-related">
          <h3 id="sec-related" class="section-title">
            Related coverage
          </h3>
          <Related items={a.related} readBefore={readBefore} chart={points.length >= 2 ? <TimelineChart points={points} /> : null} />
        </section>
      )}
      {below && <Indicators analysis={a} getEntity={(id) => backend.getEntity(id)} />}
    </article>
  );
}
