/**
 * Benchmark 3's measurements (browser.ts): one page load with its CDP and init-script figures, one load under the
 * V8 sampling profiler with the service worker profiled too, and the heap growth over many loads in one tab.
 */
import type { BrowserContext, CDPSession } from 'playwright-core';
import type { FixtureServer } from '../../tools/cli/browsers';
import {
  profileLoad,
  busyMs,
  domCounters,
  heapAfterGc,
  mainThreadMetrics,
  sessionFor,
  TargetChannel,
  type CpuAttribution,
  type PageProbe,
} from './chromium';
import type { BenchPage } from './pages';
import type { Figure } from './report';

/** After `load`, this long for the gate, the message round trip, the annotator's injection and the marking. */
export const SETTLE_AFTER_LOAD_MS = 600;
/** Articles whose annotations have not appeared after the settle time are polled up to this. */
export const ANNOTATION_TIMEOUT_MS = 3_000;
const POLL_MS = 100;
/** V8 sampling interval for the attribution pass: fine enough for a 1 ms gate, light enough not to skew. */
export const PROFILE_INTERVAL_US = 100;
/** Heap after GC varies by a few hundred KB between identical loads; growth above this is a leak. */
const GROWTH_TOLERANCE_MB = 1;
export const MB = 1024 * 1024;

export interface LoadResult {
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

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function readProbe(page: import('playwright-core').Page): Promise<PageProbe> {
  return page.evaluate(() => (window as unknown as { __cncBench: PageProbe }).__cncBench);
}

export async function measureLoad(context: BrowserContext, url: string, bp: BenchPage, variant: 'with' | 'without', extensionOrigin: string): Promise<LoadResult> {
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
export async function profileLoadAndWorker(
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

export async function measureGrowth(
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
