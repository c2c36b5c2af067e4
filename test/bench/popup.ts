/**
 * Benchmark 6: the popup, from opening `popup.html?tab=<id>` (after that tab's analysis is cached in the
 * background) to its results being shown.
 *
 * An article is loaded in a tab and annotated (so the background holds its analysis); then the popup
 * page is opened in a new tab, again and again. An init script in the popup records, with a
 * MutationObserver, `performance.now()` (ms since the popup's navigation start) when the results
 * (`article.results`, components/popup/Results.tsx) are in the DOM, and when any settled state is. The
 * figure is the in-page time; the time seen from the benchmark (goto → selector, including CDP round
 * trips) is in the notes.
 */
import type { ChromiumWithExtension, FixtureServer } from '../../lib/cli/browsers';
import type { BenchPage } from './pages';
import { fromSummary, type Figure, type Section } from './report';
import { nowMs, summarize } from './stats';

/** Results of a tab's analysis (components/popup/Results.tsx). */
export const POPUP_RESULTS_SELECTOR = 'article.results';
/** Any state the popup settles in (results, or a state section that is not busy). */
export const POPUP_SETTLED_SELECTOR = 'article.results, section.state:not([aria-busy])';
const TARGET_MS = 100;

interface PopupProbe {
  results: number | null;
  settled: number | null;
  /** the popup's first render into #app (its loading state) */
  firstRender: number | null;
  dcl: number | null;
}

/** Plain JavaScript (see PAGE_PROBE_SCRIPT in chromium.ts for why it is a string). */
const POPUP_PROBE_SCRIPT = `(() => {
  const probe = { results: null, settled: null, firstRender: null, dcl: null };
  window.__cncPopup = probe;
  document.addEventListener('DOMContentLoaded', () => { probe.dcl = performance.now(); });
  const sel = ${JSON.stringify({ results: POPUP_RESULTS_SELECTOR, settled: POPUP_SETTLED_SELECTOR })};
  function check() {
    const t = performance.now();
    if (probe.firstRender === null) { const app = document.getElementById('app'); if (app && app.firstElementChild) probe.firstRender = t; }
    if (probe.results === null && document.querySelector(sel.results)) probe.results = t;
    if (probe.settled === null && document.querySelector(sel.settled)) probe.settled = t;
    return probe.results !== null;
  }
  const mo = new MutationObserver(() => { if (check()) mo.disconnect(); });
  mo.observe(document, { subtree: true, childList: true, attributes: true });
})();`;

export interface PopupOptions {
  quick: boolean;
}

export async function runPopupBench(opts: PopupOptions, env: { ext: ChromiumWithExtension; server: FixtureServer; pages: BenchPage[] }): Promise<Section> {
  const { ext, server, pages } = env;
  const opens = opts.quick ? 5 : 15;
  const article = pages.find((p) => p.kind === 'article');
  if (!article) throw new Error('no article page to open the popup for');
  const tab = await ext.context.newPage();
  const url = `${server.url(article.path)}?popup=1`;
  await tab.goto(url, { waitUntil: 'load' });
  await tab.waitForSelector('[data-cnc-entity]', { state: 'attached', timeout: 10_000 }).catch(() => undefined);
  // Without the "tabs" permission the worker cannot read tab URLs: the article's tab is the one just
  // opened, i.e. the active tab with the highest id.
  const tabId = await ext.worker.evaluate(async () => {
    const tabs = await chrome.tabs.query({ active: true });
    return tabs.reduce<number | null>((m, t) => (t.id !== undefined && (m === null || t.id > m) ? t.id : m), null);
  });
  if (tabId === null) throw new Error(`no tab id for ${url}`);
  const popupUrl = `chrome-extension://${ext.extensionId}/popup.html?tab=${tabId}`;

  const inPage: number[] = [];
  const settled: number[] = [];
  const wall: number[] = [];
  const dcl: number[] = [];
  const firstRender: number[] = [];
  let lastState = '';
  const errors: string[] = [];
  // one unmeasured open first (the extension's page resources into the cache)
  for (let i = -1; i < opens; i++) {
    const page = await ext.context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setViewportSize({ width: 400, height: 600 });
    await page.addInitScript({ content: POPUP_PROBE_SCRIPT });
    const t0 = nowMs();
    await page.goto(popupUrl, { waitUntil: 'commit' });
    await page.waitForSelector(POPUP_SETTLED_SELECTOR, { timeout: 10_000 }).catch(() => undefined);
    const t1 = nowMs();
    await page.waitForSelector(POPUP_RESULTS_SELECTOR, { timeout: 2_000 }).catch(() => undefined);
    const probe = await page.evaluate(() => (window as unknown as { __cncPopup?: PopupProbe }).__cncPopup ?? null);
    lastState = (await page.locator('#state-title, #article-title').first().textContent({ timeout: 500 }).catch(() => null)) ?? '';
    if (i >= 0) {
      if (probe?.results !== null && probe?.results !== undefined) inPage.push(probe.results);
      if (probe?.settled !== null && probe?.settled !== undefined) settled.push(probe.settled);
      if (probe?.dcl !== null && probe?.dcl !== undefined) dcl.push(probe.dcl);
      if (probe?.firstRender !== null && probe?.firstRender !== undefined) firstRender.push(probe.firstRender);
      wall.push(t1 - t0);
    }
    await page.close();
  }
  await tab.close();
  const figures: Figure[] = [];
  const notes = [
    `${opens} opens of popup.html?tab=<id> for ${article.path} after 1 unmeasured open; last state shown: "${lastState.trim().slice(0, 80)}".`,
    `seen from the benchmark (goto → settled selector, with CDP round trips): median ${summarize(wall).median.toFixed(0)} ms.`,
  ];
  if (errors.length) notes.push(`page errors: ${[...new Set(errors)].slice(0, 3).join(' | ')}`);
  if (inPage.length) {
    const s = summarize(inPage);
    figures.push(fromSummary('popup: navigation start → results shown', 'ms', s, { over: 'opens', target: `<= ${TARGET_MS} ms (median)`, met: s.median <= TARGET_MS }));
  } else {
    figures.push({ name: 'popup: navigation start → results shown', unit: 'ms', median: Number.NaN, n: 0, target: `<= ${TARGET_MS} ms`, met: false, note: 'results never shown' });
    notes.push(`the results (${POPUP_RESULTS_SELECTOR}) were never shown.`);
  }
  if (settled.length && !inPage.length) figures.push(fromSummary('popup: navigation start → first settled state', 'ms', summarize(settled), { over: 'opens' }));
  if (dcl.length) figures.push(fromSummary('popup: navigation start → DOMContentLoaded', 'ms', summarize(dcl), { over: 'opens' }));
  if (firstRender.length) figures.push(fromSummary('popup: navigation start → first render (loading state)', 'ms', summarize(firstRender), { over: 'opens' }));
  return { id: 'popup', title: 'Popup', figures, notes };
}
