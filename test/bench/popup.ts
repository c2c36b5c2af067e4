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
 *
 * The floor, measured in the same run: a second browser loads a copy of the same build with two extra
 * pages, an empty extension page (navigation start → DOMContentLoaded) and a page with one tiny script
 * that asks the background the popup's question (`popup/get-tab-analysis`) and writes one line when the
 * answer is in. No popup can show its results sooner than that page shows its line.
 *
 * The popup's first script (entrypoints/popup/first.ts) asks the background and reads the answer it keeps in
 * storage.session, then loads the Preact app, which renders the first answer in (`article.results`) with its
 * components; its user-timing marks (`cnc-popup:*`) give the breakdown: first script running, the kept answer
 * read, the background's answer in, app loaded, app rendered.
 *
 * With the service worker stopped (as it is after ~30 s idle, i.e. usually when a reader clicks the toolbar
 * button after reading), a few more rounds open the popup, the floor page, and a page that only reads the
 * tab's record from `storage.session`: the floor of the popup's first script, which draws the answer the
 * background keeps there (`popup:<tab>`, lib/background/tab-store.ts) without waiting for the worker.
 *
 * A same-run baseline: `CNC_BENCH_POPUP_BASELINE=<another build's chrome-mv3 folder>` opens that build's
 * popup in a third browser, alternating with this one's, and reports both and their ratio.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT, launchChromium, type ChromiumWithExtension, type FixtureServer } from '../../tools/cli/browsers';
import type { BenchPage } from './pages';
import { fromSummary, type Figure, type Section } from './report';
import { nowMs, summarize } from './stats';

/**
 * Results of a tab's analysis (components/popup/Results.tsx): title, site and date, summary, key facts and the
 * headings of the sections below; the content of sections the reader left open follows after the next paint,
 * and then `aria-busy` goes.
 */
export const POPUP_RESULTS_SELECTOR = 'article.results';
const POPUP_COMPLETE_SELECTOR = 'article.results:not([aria-busy])';
/** Any state the popup settles in (results, or a state section that is not busy). */
export const POPUP_SETTLED_SELECTOR = 'article.results, section.state:not([aria-busy])';
/** The line the floor page writes when the background's answer is in. */
const FLOOR_DONE_SELECTOR = 'p.cnc-floor-done';
/** The build the benchmarks use (test/bench/run.ts builds it). */
const BUILD = resolve(ROOT, process.env.CNC_OUT_DIR ?? '.output-bench', 'chrome-mv3');
const BASELINE_ENV = 'CNC_BENCH_POPUP_BASELINE';
/** The floor pages, added to a copy of the build: nothing of ours but one message. */
const FLOOR_PAGES: Record<string, string> = {
  'bench-floor-empty.html': '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title></head><body><div id="app"></div></body></html>',
  'bench-floor-ask.html':
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title><script type="module" src="/bench-floor-ask.js"></script></head><body><div id="app"></div></body></html>',
  'bench-floor-session.html':
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title><script type="module" src="/bench-floor-session.js"></script></head><body><div id="app"></div></body></html>',
  // the storage floor: the tab's record read straight from storage.session (lib/background/tab-store.ts's key), no
  // message, so no service worker to wake; the line is written only for finished results
  'bench-floor-session.js': `const tabId = Number(new URLSearchParams(location.search).get('tab'));
chrome.storage.session.get('tab:' + tabId).then((r) => {
  const rec = r['tab:' + tabId];
  const p = document.createElement('p');
  p.className = rec && rec.phase === 'results' && rec.analysis ? 'cnc-floor-done' : 'cnc-floor-miss';
  p.textContent = String(rec && rec.phase);
  document.getElementById('app').append(p);
});`,
  'bench-floor-ping.html':
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title><script type="module" src="/bench-floor-ping.js"></script></head><body><div id="app"></div></body></html>',
  // the same round trip with a question the background answers at once (an empty look-up): what the
  // popup's own question costs in the background is the difference
  'bench-floor-ping.js': `chrome.runtime.sendMessage({ type: 'popup/lookup', query: '' }).then((r) => {
  const p = document.createElement('p');
  p.className = 'cnc-floor-done';
  p.textContent = String(r && r.length);
  document.getElementById('app').append(p);
});`,
  'bench-floor-ask.js': `const tabId = Number(new URLSearchParams(location.search).get('tab'));
chrome.runtime.sendMessage({ type: 'popup/get-tab-analysis', tabId }).then((r) => {
  const p = document.createElement('p');
  p.className = 'cnc-floor-done';
  p.textContent = String(r && r.state);
  document.getElementById('app').append(p);
});`,
};
const TARGET_MS = 100;

interface PopupProbe {
  results: number | null;
  /** every section of the results drawn */
  complete: number | null;
  settled: number | null;
  /** the first element in #app: the first screen of the results, or the app's loading state when the answer was slow */
  firstRender: number | null;
  dcl: number | null;
  /** the popup's user-timing marks (`cnc-popup:*`, entrypoints/popup/first.ts), by name without the prefix */
  marks?: Record<string, number>;
}

/** The popup's marks, in the order they are set, with what each one means here. */
const MARKS: [string, string][] = [
  ['first-script', 'first script running'],
  ['kept', 'kept answer read from storage.session'],
  ['answer', 'background answer in'],
  ['app-loaded', 'Preact app loaded'],
  ['app-rendered', 'app rendered (= results shown)'],
];
/** Results shown at most this many times the floor page's time, per round (issue 19). */
const FLOOR_RATIO_TARGET = 1.15;

/** Plain JavaScript (see PAGE_PROBE_SCRIPT in chromium.ts for why it is a string). */
const POPUP_PROBE_SCRIPT = `(() => {
  const probe = { results: null, complete: null, settled: null, firstRender: null, dcl: null };
  window.__cncPopup = probe;
  document.addEventListener('DOMContentLoaded', () => { probe.dcl = performance.now(); });
  const sel = ${JSON.stringify({ results: `${POPUP_RESULTS_SELECTOR}, ${FLOOR_DONE_SELECTOR}`, complete: `${POPUP_COMPLETE_SELECTOR}, ${FLOOR_DONE_SELECTOR}`, settled: POPUP_SETTLED_SELECTOR })};
  function check() {
    const t = performance.now();
    if (probe.firstRender === null) { const app = document.getElementById('app'); if (app && app.firstElementChild) probe.firstRender = t; }
    if (probe.results === null && document.querySelector(sel.results)) probe.results = t;
    if (probe.complete === null && document.querySelector(sel.complete)) probe.complete = t;
    if (probe.settled === null && document.querySelector(sel.settled)) probe.settled = t;
    return probe.complete !== null;
  }
  const mo = new MutationObserver(() => { if (check()) mo.disconnect(); });
  mo.observe(document, { subtree: true, childList: true, attributes: true });
})();`;

export interface PopupOptions {
  quick: boolean;
}

interface Target {
  name: string;
  ext: ChromiumWithExtension;
  tabId: number;
}

/** Loads the article in a tab of `ext` until it is annotated; returns that tab's id. */
async function annotatedArticleTab(ext: ChromiumWithExtension, url: string): Promise<number> {
  const tab = await ext.context.newPage();
  await tab.goto(url, { waitUntil: 'load' });
  await tab.waitForSelector('[data-cnc-entity]', { state: 'attached', timeout: 10_000 }).catch(() => undefined);
  // The extension has no "tabs" permission, but its host permissions cover http pages: tabs.query can
  // match the article's address.
  const u = new URL(url);
  const tabId = await ext.worker.evaluate(
    async ({ pattern, href }) => (await chrome.tabs.query({ url: pattern })).find((t) => t.url === href)?.id ?? null,
    { pattern: `${u.protocol}//${u.hostname}/*`, href: u.href },
  );
  await tab.bringToFront();
  if (tabId === null) throw new Error(`no tab id for ${url}`);
  return tabId;
}

interface Open {
  probe: PopupProbe | null;
  wallMs: number;
  state: string;
}

/** Opens `path?tab=<id>` of the target's extension in a fresh tab and reads the probe. */
async function openOnce(t: Target, path: string, errors: string[], cold = false): Promise<Open> {
  const page = await t.ext.context.newPage();
  if (cold) {
    // stop the extension's service worker, as the browser does after ~30 s idle; opening the page wakes it
    const cdp = await t.ext.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
  }
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 400, height: 600 });
  await page.addInitScript({ content: POPUP_PROBE_SCRIPT });
  const t0 = nowMs();
  await page.goto(`chrome-extension://${t.ext.extensionId}/${path}?tab=${t.tabId}`, { waitUntil: 'commit' });
  if (path === 'popup.html') {
    await page.waitForSelector(POPUP_SETTLED_SELECTOR, { timeout: 10_000 }).catch(() => undefined);
  } else if (path.startsWith('bench-floor-') && path !== 'bench-floor-empty.html') {
    await page.waitForSelector(FLOOR_DONE_SELECTOR, { state: 'attached', timeout: 10_000 }).catch(() => undefined);
  } else {
    await page.waitForLoadState('load').catch(() => undefined);
  }
  const t1 = nowMs();
  if (path === 'popup.html') await page.waitForSelector(POPUP_COMPLETE_SELECTOR, { timeout: 2_000 }).catch(() => undefined);
  const probe = await page.evaluate(() => {
    const p = (window as unknown as { __cncPopup?: PopupProbe }).__cncPopup ?? null;
    if (!p) return null;
    const marks: Record<string, number> = {};
    for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('cnc-popup:')) marks[m.name.slice('cnc-popup:'.length)] = m.startTime;
    return { ...p, marks };
  });
  const state =
    path === 'popup.html' ? ((await page.locator('#state-title, #article-title').first().textContent({ timeout: 500 }).catch(() => null)) ?? '') : '';
  await page.close();
  return { probe, wallMs: t1 - t0, state };
}

/** A copy of the build with the floor pages, in a temporary folder. */
function floorBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cnc-bench-floor-'));
  cpSync(BUILD, dir, { recursive: true });
  for (const [name, text] of Object.entries(FLOOR_PAGES)) writeFileSync(join(dir, name), text);
  return dir;
}

const pick = (opens: Open[], key: keyof PopupProbe): number[] =>
  opens.map((o) => o.probe?.[key]).filter((v): v is number => typeof v === 'number');

/** Per round (the two were opened one after the other): f(a, b), where both have the figure. */
function paired(a: Open[], b: Open[], key: keyof PopupProbe, f: (x: number, y: number) => number): number[] {
  const out: number[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!.probe?.[key];
    const y = b[i]!.probe?.[key];
    if (typeof x === 'number' && typeof y === 'number') out.push(f(x, y));
  }
  return out;
}

export async function runPopupBench(opts: PopupOptions, env: { ext: ChromiumWithExtension; server: FixtureServer; pages: BenchPage[] }): Promise<Section> {
  const { ext, server, pages } = env;
  const opens = opts.quick ? 5 : 15;
  const article = pages.find((p) => p.kind === 'article');
  if (!article) throw new Error('no article page to open the popup for');
  const url = `${server.url(article.path)}?popup=1`;
  const main: Target = { name: 'this build', ext, tabId: await annotatedArticleTab(ext, url) };

  // the floor: a copy of this build with two near-empty pages, in a browser of its own
  const floorDir = floorBuild();
  const extra: ChromiumWithExtension[] = [];
  const errors: string[] = [];
  const notes: string[] = [];
  const figures: Figure[] = [];
  try {
    const floorExt = await launchChromium({ extensionDir: floorDir });
    extra.push(floorExt);
    const floor: Target = { name: 'floor', ext: floorExt, tabId: await annotatedArticleTab(floorExt, url) };
    const baselineDir = process.env[BASELINE_ENV];
    let baseline: Target | null = null;
    if (baselineDir) {
      const baseExt = await launchChromium({ extensionDir: baselineDir });
      extra.push(baseExt);
      baseline = { name: 'baseline', ext: baseExt, tabId: await annotatedArticleTab(baseExt, url) };
    }

    const runKeys = ['main', 'baseline', 'empty', 'ask', 'ping', 'session', 'coldMain', 'coldBaseline', 'coldAsk', 'coldSession'] as const;
    const runs = Object.fromEntries(runKeys.map((k) => [k, [] as Open[]])) as Record<(typeof runKeys)[number], Open[]>;
    const floorErrors: string[] = [];
    // one unmeasured round first (the extensions' page resources into the cache); the order alternates
    for (let i = -1; i < opens; i++) {
      const round: [keyof typeof runs, () => Promise<Open>][] = [
        ['main', () => openOnce(main, 'popup.html', errors)],
        ['empty', () => openOnce(floor, 'bench-floor-empty.html', floorErrors)],
        ['ask', () => openOnce(floor, 'bench-floor-ask.html', floorErrors)],
        ['ping', () => openOnce(floor, 'bench-floor-ping.html', floorErrors)],
        ['session', () => openOnce(floor, 'bench-floor-session.html', floorErrors)],
      ];
      if (baseline) round.push(['baseline', () => openOnce(baseline, 'popup.html', floorErrors)]);
      if (i % 2) round.reverse();
      for (const [key, run] of round) {
        const o = await run();
        if (i >= 0) runs[key].push(o);
      }
    }

    // a few rounds with the service worker stopped before each open
    const coldRounds = opts.quick ? 2 : 5;
    for (let i = 0; i < coldRounds; i++) {
      const round: [keyof typeof runs, () => Promise<Open>][] = [
        ['coldMain', () => openOnce(main, 'popup.html', errors, true)],
        ['coldAsk', () => openOnce(floor, 'bench-floor-ask.html', floorErrors, true)],
        ['coldSession', () => openOnce(floor, 'bench-floor-session.html', floorErrors, true)],
      ];
      if (baseline) round.push(['coldBaseline', () => openOnce(baseline, 'popup.html', floorErrors, true)]);
      if (i % 2) round.reverse();
      for (const [key, run] of round) runs[key].push(await run());
    }

    const results = summarize(pick(runs.main, 'results'));
    const lastState = runs.main.at(-1)?.state ?? '';
    notes.push(
      `${opens} opens of popup.html?tab=<id> for ${article.path} after 1 unmeasured open; last state shown: "${lastState.trim().slice(0, 80)}".`,
      `seen from the benchmark (goto → settled selector, with CDP round trips): median ${summarize(runs.main.map((o) => o.wallMs)).median.toFixed(0)} ms.`,
      'results shown: the tab\'s results (title, site and date, summary, key facts, the sections\' headings) rendered by the Preact app from whichever came first, the answer the background keeps in storage.session (read by the first script) or its reply.',
      'floor: a copy of this build in a second browser, with an empty extension page and a page whose one tiny script asks the background the popup\'s question and writes one line; opened alternately with the popup.',
    );
    if (results.n) {
      figures.push(
        fromSummary('popup: navigation start → results shown', 'ms', results, { over: 'opens', target: `<= ${TARGET_MS} ms (median)`, met: results.median <= TARGET_MS }),
      );
    } else {
      figures.push({ name: 'popup: navigation start → results shown', unit: 'ms', median: Number.NaN, n: 0, target: `<= ${TARGET_MS} ms`, met: false, note: 'results never shown' });
      notes.push(`the results (${POPUP_RESULTS_SELECTOR}) were never shown.`);
      const settled = pick(runs.main, 'settled');
      if (settled.length) figures.push(fromSummary('popup: navigation start → first settled state', 'ms', summarize(settled), { over: 'opens' }));
    }
    for (const [mark, label] of MARKS) {
      const v = runs.main.map((o) => o.probe?.marks?.[mark]).filter((x): x is number => typeof x === 'number');
      if (v.length) figures.push(fromSummary(`popup: navigation start → ${label}`, 'ms', summarize(v), { over: 'opens' }));
    }
    const complete = pick(runs.main, 'complete');
    if (complete.length) figures.push(fromSummary('popup: navigation start → every section of the results drawn', 'ms', summarize(complete), { over: 'opens' }));
    const dcl = pick(runs.main, 'dcl');
    if (dcl.length) figures.push(fromSummary('popup: navigation start → DOMContentLoaded', 'ms', summarize(dcl), { over: 'opens' }));
    const first = pick(runs.main, 'firstRender');
    if (first.length) figures.push(fromSummary('popup: navigation start → first content in #app', 'ms', summarize(first), { over: 'opens' }));
    const empty = pick(runs.empty, 'dcl');
    if (empty.length) figures.push(fromSummary('floor: empty extension page → DOMContentLoaded', 'ms', summarize(empty), { over: 'opens' }));
    const ask = summarize(pick(runs.ask, 'results'));
    if (ask.n) {
      figures.push(fromSummary('floor: one-script page → background answer shown', 'ms', ask, { over: 'opens' }));
      const over = paired(runs.main, runs.ask, 'results', (x, y) => x - y);
      if (over.length) figures.push(fromSummary('popup results − floor answer (per round)', 'ms', summarize(over), { over: 'rounds' }));
      const ratio = summarize(paired(runs.main, runs.ask, 'results', (x, y) => x / y));
      if (ratio.n) {
        figures.push(
          fromSummary('popup results / floor answer (per round)', '×', ratio, { over: 'rounds', target: `<= ${FLOOR_RATIO_TARGET}× (median)`, met: ratio.median <= FLOOR_RATIO_TARGET }),
        );
      }
    }
    const ping = summarize(pick(runs.ping, 'results'));
    if (ping.n) {
      figures.push(fromSummary('floor: one-script page → answer to an empty look-up shown', 'ms', ping, { over: 'opens' }));
      const cost = paired(runs.ask, runs.ping, 'results', (x, y) => x - y);
      if (cost.length) figures.push(fromSummary('the popup’s question in the background (ask − empty look-up, per round)', 'ms', summarize(cost), { over: 'rounds' }));
    }
    const session = summarize(pick(runs.session, 'results'));
    if (session.n) {
      figures.push(fromSummary('floor: one-script page → tab record read from storage.session', 'ms', session, { over: 'opens' }));
      const ratio = paired(runs.main, runs.session, 'results', (x, y) => x / y);
      if (ratio.length) figures.push(fromSummary('popup results / storage floor (per round)', '×', summarize(ratio), { over: 'rounds' }));
    }
    const cold: [keyof typeof runs, string][] = [
      ['coldMain', 'service worker stopped: popup → results shown'],
      ['coldAsk', 'service worker stopped: floor page → background answer shown'],
      ['coldSession', 'service worker stopped: floor page → record read from storage.session'],
      ['coldBaseline', 'service worker stopped: baseline popup → results shown'],
    ];
    for (const [key, label] of cold) {
      const v = pick(runs[key], 'results');
      if (v.length) figures.push(fromSummary(label, 'ms', summarize(v), { over: 'opens' }));
    }
    if (baseline) {
      const base = summarize(pick(runs.baseline, 'results'));
      if (base.n) {
        figures.push(fromSummary('baseline popup: navigation start → results shown', 'ms', base, { over: 'opens', note: baselineDir }));
        const baseDcl = pick(runs.baseline, 'dcl');
        if (baseDcl.length) figures.push(fromSummary('baseline popup: navigation start → DOMContentLoaded', 'ms', summarize(baseDcl), { over: 'opens' }));
        const ratio = paired(runs.main, runs.baseline, 'results', (x, y) => x / y);
        if (ratio.length) figures.push(fromSummary('popup results: this build / baseline (per round)', '×', summarize(ratio), { over: 'rounds' }));
        // a build without the two-step results has `complete` = `results`
        const ratioAll = paired(runs.main, runs.baseline, 'complete', (x, y) => x / y);
        if (ratioAll.length) figures.push(fromSummary('every section drawn: this build / baseline (per round)', '×', summarize(ratioAll), { over: 'rounds' }));
      }
      notes.push(`baseline: ${baselineDir} (${BASELINE_ENV}), opened alternately with this build.`);
    }
    if (floorErrors.length) notes.push(`floor/baseline page errors: ${[...new Set(floorErrors)].slice(0, 3).join(' | ')}`);
  } finally {
    for (const e of extra) await e.close().catch(() => undefined);
    rmSync(floorDir, { recursive: true, force: true });
  }
  if (errors.length) notes.push(`page errors: ${[...new Set(errors)].slice(0, 3).join(' | ')}`);
  return { id: 'popup', title: 'Popup', figures, notes };
}
