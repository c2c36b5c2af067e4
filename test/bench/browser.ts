/**
 * Benchmark 3: the extension in real Chromium, against the same Chromium without it.
 *
 * Every page (pages.ts) is loaded in both browsers, alternating which goes first, each load in a fresh
 * tab with a unique query string (so no analysis cache can answer). Per load, from CDP and from an init
 * script (chromium.ts): main-thread ScriptDuration/TaskDuration, long tasks and long animation frames,
 * the time the first [data-cnc-entity] appeared, and the renderer's JS heap after a forced GC.
 * Attribution is by difference: per page, median(with) − median(without). The background service
 * worker's heap is read through a CDP session attached to the worker target. Finally one tab loads
 * pages 50 times in a row and the heaps are compared between load 10 and load 50.
 */
import type { BrowserContext, CDPSession } from 'playwright-core';
import type { ChromiumWithExtension, FixtureServer } from '../../tools/cli/browsers';
import {
  profileLoad,
  busyMs,
  domCounters,
  heapAfterGc,
  mainThreadMetrics,
  sessionFor,
  TargetChannel,
  traceLoad,
  type ScriptTrace,
  type CpuAttribution,
  type PageProbe,
  type PlainChromium,
} from './chromium';
import type { BenchPage } from './pages';
import { fromSummary, type Figure, type Section } from './report';
import { summarize } from './stats';

/** After `load`, this long for the gate, the message round trip, the annotator's injection and the marking. */
const SETTLE_AFTER_LOAD_MS = 600;
/** Articles whose annotations have not appeared after the settle time are polled up to this. */
const ANNOTATION_TIMEOUT_MS = 3_000;
const POLL_MS = 100;
/** V8 sampling interval for the attribution pass: fine enough for a 1 ms gate, light enough not to skew. */
const PROFILE_INTERVAL_US = 100;
/** Targets from the issue. */
const TARGET_EXTRA_SCRIPT_MS = 2;
const TARGET_LONG_TASK_MS = 50;
const TARGET_ANNOTATION_MS = 300;
const TARGET_BACKGROUND_HEAP_MB = 30;
const TARGET_CONTENT_HEAP_MB = 3;
/** Heap after GC varies by a few hundred KB between identical loads; growth above this is a leak. */
const GROWTH_TOLERANCE_MB = 1;
const MB = 1024 * 1024;

export interface BrowserBenchEnv {
  ext: ChromiumWithExtension;
  plain: PlainChromium;
  server: FixtureServer;
  pages: BenchPage[];
  /** a tab kept open in the extension's browser: its CDP session reaches the service worker */
  worker: TargetChannel;
}

export interface BrowserOptions {
  quick: boolean;
}

interface LoadResult {
  page: string;
  kind: BenchPage['kind'];
  variant: 'with' | 'without';
  scriptMs: number;
  taskMs: number;
  layoutMs: number;
  styleMs: number;
  longTasksAfterDcl: number[];
  extensionLoafScripts: { url: string; duration: number; frame: number }[];
  firstEntity: number | null;
  dcl: number | null;
  /** the page's `load` event, ms since navigation start */
  load: number | null;
  heapBytes: number;
  nodes: number;
  listeners: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function readProbe(page: import('playwright-core').Page): Promise<PageProbe> {
  return page.evaluate(() => (window as unknown as { __cncBench: PageProbe }).__cncBench);
}

async function measureLoad(context: BrowserContext, url: string, bp: BenchPage, variant: 'with' | 'without', extensionOrigin: string): Promise<LoadResult> {
  const page = await context.newPage();
  try {
    const session: CDPSession = await sessionFor(context, page);
    const m0 = await mainThreadMetrics(session);
    await page.goto(url, { waitUntil: 'load' });
    await sleep(SETTLE_AFTER_LOAD_MS);
    let probe = await readProbe(page);
    if (variant === 'with' && bp.kind === 'article' && probe.firstEntity === null) {
      const end = Date.now() + ANNOTATION_TIMEOUT_MS;
      while (probe.firstEntity === null && Date.now() < end) {
        await sleep(POLL_MS);
        probe = await readProbe(page);
      }
      await sleep(POLL_MS);
    }
    const m1 = await mainThreadMetrics(session);
    probe = await readProbe(page);
    const heap = await heapAfterGc(session);
    const dom = await domCounters(session);
    const dcl = probe.dcl ?? 0;
    return {
      page: bp.path,
      kind: bp.kind,
      variant,
      scriptMs: m1.scriptMs - m0.scriptMs,
      taskMs: m1.taskMs - m0.taskMs,
      layoutMs: m1.layoutMs - m0.layoutMs,
      styleMs: m1.styleMs - m0.styleMs,
      longTasksAfterDcl: probe.longTasks.filter((t) => t.start >= dcl).map((t) => t.duration),
      extensionLoafScripts: probe.loaf.flatMap((f) =>
        f.scripts.filter((s) => s.url.startsWith(extensionOrigin)).map((s) => ({ url: s.url, duration: s.duration, frame: f.duration })),
      ),
      firstEntity: probe.firstEntity,
      dcl: probe.dcl,
      load: probe.load,
      heapBytes: heap.usedBytes,
      nodes: dom.nodes,
      listeners: dom.jsEventListeners,
    };
  } finally {
    await page.close();
  }
}

/** One load of a page in the extension's browser under the V8 sampling profiler, the service worker's profiled too. */
async function profileLoadAndWorker(
  context: BrowserContext,
  url: string,
  bp: BenchPage,
  extensionOrigin: string,
  worker: TargetChannel,
): Promise<{ page: CpuAttribution; workerBusyMs: number }> {
  await worker.send('Profiler.enable');
  await worker.send('Profiler.setSamplingInterval', { interval: PROFILE_INTERVAL_US });
  await worker.send('Profiler.start');
  try {
    const page = await profileLoad(context, url, {
      settleMs: SETTLE_AFTER_LOAD_MS,
      origin: extensionOrigin,
      intervalUs: PROFILE_INTERVAL_US,
      afterLoad: (p) =>
        bp.kind === 'article' ? p.waitForSelector('[data-cnc-entity]', { state: 'attached', timeout: ANNOTATION_TIMEOUT_MS }).catch(() => undefined) : Promise.resolve(),
    });
    const w = await worker.send<{ profile: Parameters<typeof busyMs>[0] }>('Profiler.stop');
    return { page, workerBusyMs: busyMs(w.profile) };
  } finally {
    await worker.send('Profiler.stop').catch(() => undefined);
  }
}

function med(xs: number[]): number {
  return summarize(xs).median;
}

export async function runBrowserBench(opts: BrowserOptions, env: BrowserBenchEnv): Promise<Section> {
  const { ext, plain, server, pages, worker } = env;
  const reps = opts.quick ? 2 : 3;
  const growthLoads = opts.quick ? 10 : 50;
  const growthCycle = opts.quick ? 5 : 10;
  const extensionOrigin = `chrome-extension://${ext.extensionId}/`;
  const notes: string[] = [];
  const figures: Figure[] = [];
  let loadNo = 0;
  const urlFor = (p: BenchPage): string => `${server.url(p.path)}?load=${++loadNo}`;

  const swBefore = await worker.heapAfterGc();

  // warm-up: the first non-article page and the first article once in each browser (disk cache, the
  // background's KB and compiled engine). The extension's first article load is the cold start.
  let coldFirstEntity: number | null = null;
  const warm = [pages.find((p) => p.kind === 'non-article'), pages.find((p) => p.kind === 'article')].filter((p): p is BenchPage => !!p);
  for (const p of warm) {
    const w = await measureLoad(ext.context, urlFor(p), p, 'with', extensionOrigin);
    if (p.kind === 'article') coldFirstEntity = w.firstEntity ?? Number.NaN;
    await measureLoad(plain.context, urlFor(p), p, 'without', extensionOrigin);
  }

  const loads: LoadResult[] = [];
  const swHeap: number[] = [];
  for (let r = 0; r < reps; r++) {
    for (const p of pages) {
      const order: ('with' | 'without')[] = r % 2 === 0 ? ['with', 'without'] : ['without', 'with'];
      for (const v of order) loads.push(await measureLoad(v === 'with' ? ext.context : plain.context, urlFor(p), p, v, extensionOrigin));
    }
    swHeap.push((await worker.heapAfterGc()).usedBytes);
  }

  // per page: median(with) − median(without)
  interface PageDelta {
    page: string;
    kind: BenchPage['kind'];
    scriptMs: number;
    taskMs: number;
    heapMb: number;
    longWith: number;
    longWithout: number;
  }
  const deltas: PageDelta[] = pages.map((p) => {
    const w = loads.filter((l) => l.page === p.path && l.variant === 'with');
    const o = loads.filter((l) => l.page === p.path && l.variant === 'without');
    return {
      page: p.path,
      kind: p.kind,
      scriptMs: med(w.map((l) => l.scriptMs)) - med(o.map((l) => l.scriptMs)),
      taskMs: med(w.map((l) => l.taskMs)) - med(o.map((l) => l.taskMs)),
      heapMb: (med(w.map((l) => l.heapBytes)) - med(o.map((l) => l.heapBytes))) / MB,
      longWith: w.reduce((n, l) => n + l.longTasksAfterDcl.length, 0) / Math.max(1, w.length),
      longWithout: o.reduce((n, l) => n + l.longTasksAfterDcl.length, 0) / Math.max(1, o.length),
    };
  });
  const gateFail = deltas.filter((d) => d.kind === 'non-article');
  const articles = deltas.filter((d) => d.kind === 'article');

  const sScript = summarize(gateFail.map((d) => d.scriptMs));
  figures.push(
    fromSummary('extra script time, non-article pages', 'ms', sScript, {
      over: 'pages',
      target: `<= ${TARGET_EXTRA_SCRIPT_MS} ms (p95 over pages)`,
      met: sScript.p95 <= TARGET_EXTRA_SCRIPT_MS,
    }),
    fromSummary('extra task time, non-article pages', 'ms', summarize(gateFail.map((d) => d.taskMs)), { over: 'pages' }),
    fromSummary('extra script time, articles', 'ms', summarize(articles.map((d) => d.scriptMs)), { over: 'pages' }),
    fromSummary('extra task time, articles', 'ms', summarize(articles.map((d) => d.taskMs)), { over: 'pages' }),
  );

  // long tasks: after DOMContentLoaded (the gate script runs at document_end, right after DOMContentLoaded; the annotator later), with vs without
  const withLoads = loads.filter((l) => l.variant === 'with');
  const withoutLoads = loads.filter((l) => l.variant === 'without');
  const longWith = withLoads.flatMap((l) => l.longTasksAfterDcl);
  const longWithout = withoutLoads.flatMap((l) => l.longTasksAfterDcl);
  const extraLongPages = deltas.filter((d) => d.longWith > d.longWithout).map((d) => d.page);
  const loafExt = withLoads.flatMap((l) => l.extensionLoafScripts);
  const longestExtScript = loafExt.reduce((m, s) => Math.max(m, s.duration), 0);
  const longest = (ls: LoadResult[]): number[] => ls.map((l) => Math.max(0, ...l.longTasksAfterDcl));
  figures.push(
    fromSummary('long tasks after DOMContentLoaded per load, with the extension', '', summarize(withLoads.map((l) => l.longTasksAfterDcl.length)), {
      over: 'loads',
      target: `no task > ${TARGET_LONG_TASK_MS} ms caused by the extension`,
      met: extraLongPages.length === 0 && longestExtScript <= TARGET_LONG_TASK_MS,
    }),
    fromSummary('long tasks after DOMContentLoaded per load, without', '', summarize(withoutLoads.map((l) => l.longTasksAfterDcl.length)), { over: 'loads' }),
    fromSummary('longest task after DOMContentLoaded, with the extension', 'ms', summarize(longest(withLoads)), { over: 'loads' }),
    fromSummary('longest task after DOMContentLoaded, without', 'ms', summarize(longest(withoutLoads)), { over: 'loads' }),
  );
  figures.push({
    name: 'longest extension script in a long animation frame',
    unit: 'ms',
    median: longestExtScript,
    n: loafExt.length,
    over: 'attributed scripts',
  });
  notes.push(
    `long tasks after DOMContentLoaded: ${longWith.length} in ${withLoads.length} loads with the extension (longest ${fmtMs(Math.max(0, ...longWith))}), ${longWithout.length} in ${withoutLoads.length} without (longest ${fmtMs(Math.max(0, ...longWithout))}); pages with more long tasks with the extension: ${extraLongPages.join(', ') || 'none'}; long animation frames naming an extension script: ${loafExt.length}.`,
  );

  // time until annotations are visible
  const annotated = withLoads.filter((l) => l.kind === 'article');
  const visible = annotated.filter((l) => l.firstEntity !== null);
  const fromNav = summarize(visible.map((l) => l.firstEntity!));
  figures.push(
    fromSummary('first annotation after navigation start', 'ms', fromNav, {
      over: 'loads',
      target: `<= ${TARGET_ANNOTATION_MS} ms (p95)`,
      met: visible.length === annotated.length && fromNav.p95 <= TARGET_ANNOTATION_MS,
    }),
    fromSummary('first annotation after DOMContentLoaded', 'ms', summarize(visible.map((l) => l.firstEntity! - (l.dcl ?? 0))), { over: 'loads' }),
    // The issue's wording, "within 300 ms of load": from the load event (negative when the marks came first).
    fromSummary('first annotation after the load event', 'ms', summarize(visible.map((l) => l.firstEntity! - (l.load ?? 0))), {
      over: 'loads',
      target: `<= ${TARGET_ANNOTATION_MS} ms (p95)`,
      met: visible.length === annotated.length && summarize(visible.map((l) => l.firstEntity! - (l.load ?? 0))).p95 <= TARGET_ANNOTATION_MS,
    }),
  );
  if (coldFirstEntity !== null) figures.push({ name: 'first annotation, first article after browser start (cold)', unit: 'ms', median: coldFirstEntity, n: 1, over: 'load' });
  if (visible.length < annotated.length) {
    const missing = [...new Set(annotated.filter((l) => l.firstEntity === null).map((l) => l.page))];
    notes.push(`no annotation within ${SETTLE_AFTER_LOAD_MS + ANNOTATION_TIMEOUT_MS} ms on ${annotated.length - visible.length} of ${annotated.length} article loads: ${missing.join(', ')}.`);
  }

  // heap
  const csHeap = summarize(articles.map((d) => d.heapMb));
  figures.push(
    fromSummary('content script JS heap, annotated article (with − without)', 'MB', csHeap, {
      over: 'pages',
      target: `<= ${TARGET_CONTENT_HEAP_MB} MB`,
      met: csHeap.max <= TARGET_CONTENT_HEAP_MB,
    }),
    fromSummary('content script JS heap, non-article page (with − without)', 'MB', summarize(gateFail.map((d) => d.heapMb)), { over: 'pages' }),
  );
  const bg = summarize(swHeap.map((b) => b / MB));
  figures.push(
    fromSummary('background service worker JS heap, KB loaded', 'MB', bg, {
      over: 'samples',
      target: `<= ${TARGET_BACKGROUND_HEAP_MB} MB`,
      met: bg.max <= TARGET_BACKGROUND_HEAP_MB,
    }),
  );
  notes.push(`background heap before any page: ${(swBefore.usedBytes / MB).toFixed(2)} MB (after GC).`);

  // direct attribution: CPU profiles of loads with the extension
  const profiled: { page: string; kind: BenchPage['kind']; a: CpuAttribution; workerBusyMs: number }[] = [];
  for (const p of pages) {
    const r = await profileLoadAndWorker(ext.context, urlFor(p), p, extensionOrigin, worker);
    profiled.push({ page: p.path, kind: p.kind, a: r.page, workerBusyMs: r.workerBusyMs });
  }
  const profPerPage = (kind: BenchPage['kind'], f: (a: CpuAttribution) => number): number[] =>
    pages.filter((p) => p.kind === kind).map((p) => med(profiled.filter((x) => x.page === p.path).map((x) => f(x.a))));
  const profNon = summarize(profPerPage('non-article', (a) => a.extensionMs));
  figures.push(
    fromSummary('extension main-thread time (CPU profile), non-article pages', 'ms', profNon, {
      over: 'pages',
      target: `<= ${TARGET_EXTRA_SCRIPT_MS} ms (p95 over pages)`,
      met: profNon.p95 <= TARGET_EXTRA_SCRIPT_MS,
    }),
    fromSummary('of which script top level (bundle start-up), non-article pages', 'ms', summarize(profPerPage('non-article', (a) => a.topLevelMs)), { over: 'pages' }),
    fromSummary('extension main-thread time (CPU profile), articles', 'ms', summarize(profPerPage('article', (a) => a.extensionMs)), { over: 'pages' }),
    fromSummary('background busy time per load (CPU profile), non-article pages', 'ms', summarize(profiled.filter((x) => x.kind === 'non-article').map((x) => x.workerBusyMs)), { over: 'pages' }),
    fromSummary('background busy time per load (CPU profile), articles', 'ms', summarize(profiled.filter((x) => x.kind === 'article').map((x) => x.workerBusyMs)), { over: 'pages' }),
  );
  // exact split of the content script's start-up on pages that fail the gate: one traced load each
  const traces: ScriptTrace[] = [];
  for (const p of pages.filter((x) => x.kind === 'non-article')) traces.push(await traceLoad(ext.context, urlFor(p), SETTLE_AFTER_LOAD_MS, extensionOrigin));
  figures.push(
    fromSummary('content script compile (trace), non-article pages', 'ms', summarize(traces.map((t) => t.compileMs)), { over: 'pages' }),
    fromSummary('content script top-level run (trace), non-article pages', 'ms', summarize(traces.map((t) => t.runMs)), { over: 'pages' }),
    fromSummary('later calls into the content script (trace), non-article pages', 'ms', summarize(traces.map((t) => t.callbacksMs)), { over: 'pages' }),
  );

  const topNon = new Map<string, number>();
  const nonProfiles = profiled.filter((x) => x.kind === 'non-article');
  for (const x of nonProfiles) for (const t of x.a.top) topNon.set(t.fn, (topNon.get(t.fn) ?? 0) + t.ms / nonProfiles.length);
  notes.push(
    `CPU profile (${PROFILE_INTERVAL_US} µs sampling), mean self time per non-article load: ${[...topNon]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([fn, ms]) => `${fn} ${ms.toFixed(1)} ms`)
      .join(', ')}.`,
  );

  // growth over many loads in one tab
  const growth = await measureGrowth(ext.context, pages, growthLoads, growthCycle, worker, server);
  figures.push(...growth.figures);
  notes.push(...growth.notes);

  return {
    id: 'browser',
    title: 'Chromium',
    figures,
    notes: [
      `${pages.length} pages (${gateFail.length} non-article, ${articles.length} articles) × ${reps} loads per browser (after warm-up loads of one page of each kind); 1 profiled load per page; ${withLoads.length + withoutLoads.length} measured loads. Attribution: median with − median without, per page.`,
      ...notes,
    ],
    details: { deltas, loads, profiled, traces },
  };
}

function fmtMs(x: number): string {
  return `${x.toFixed(0)} ms`;
}

async function measureGrowth(
  context: BrowserContext,
  pages: BenchPage[],
  loadsWanted: number,
  CYCLE: number,
  worker: TargetChannel,
  server: FixtureServer,
): Promise<{ figures: Figure[]; notes: string[] }> {
  // a cycle of CYCLE pages, so that every checkpoint (each CYCLE-th load) is on the same page
  const cycle = Array.from({ length: CYCLE }, (_, i) => pages[i % pages.length]!);
  const page = await context.newPage();
  const session = await sessionFor(context, page);
  const points: { load: number; rendererMb: number; workerMb: number; nodes: number; listeners: number; documents: number }[] = [];
  try {
    for (let i = 1; i <= loadsWanted; i++) {
      const bp = cycle[(i - 1) % CYCLE]!;
      await page.goto(`${server.url(bp.path)}?growth=${i}`, { waitUntil: 'load' });
      await sleep(SETTLE_AFTER_LOAD_MS / 2);
      if (bp.kind === 'article') {
        await page.waitForSelector('[data-cnc-entity]', { state: 'attached', timeout: 2_000 }).catch(() => undefined);
      }
      if (i % CYCLE === 0) {
        const r = await heapAfterGc(session);
        const w = await worker.heapAfterGc();
        const d = await domCounters(session);
        points.push({ load: i, rendererMb: r.usedBytes / MB, workerMb: w.usedBytes / MB, nodes: d.nodes, listeners: d.jsEventListeners, documents: d.documents });
      }
    }
  } finally {
    await page.close();
  }
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const dr = last.rendererMb - first.rendererMb;
  const dw = last.workerMb - first.workerMb;
  const span = `load ${first.load} → ${last.load}`;
  return {
    figures: [
      { name: `page JS heap growth, ${span}`, unit: 'MB', median: dr, n: points.length, over: 'checkpoints', target: `<= ${GROWTH_TOLERANCE_MB} MB`, met: dr <= GROWTH_TOLERANCE_MB },
      { name: `background JS heap growth, ${span}`, unit: 'MB', median: dw, n: points.length, over: 'checkpoints', target: `<= ${GROWTH_TOLERANCE_MB} MB`, met: dw <= GROWTH_TOLERANCE_MB },
      {
        name: `DOM nodes / JS listeners growth, ${span}`,
        unit: '',
        median: last.nodes - first.nodes,
        note: `listeners ${last.listeners - first.listeners}`,
        n: points.length,
        over: 'checkpoints',
      },
    ],
    notes: [
      `growth (one tab, ${loadsWanted} loads cycling ${CYCLE} pages; heaps after GC at every ${CYCLE}th load): ${points
        .map((p) => `#${p.load} page ${p.rendererMb.toFixed(2)} MB, bg ${p.workerMb.toFixed(2)} MB, ${p.nodes} nodes, ${p.listeners} listeners, ${p.documents} docs`)
        .join('; ')}.`,
    ],
  };
}
