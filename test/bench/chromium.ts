/**
 * Chromium plumbing for the browser benchmarks: a launch WITHOUT the extension that uses the same flags
 * as `launchChromium` (tools/cli/browsers.ts) minus the two that load it, the init script that records
 * long tasks and the first annotation, CDP metric readers, and a CDP channel to the extension's service
 * worker (attached through a page's session with `Target.attachToTarget` + `Target.sendMessageToTarget`,
 * since Playwright opens CDP sessions for pages only).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM_QUIET_ARGS, chromiumPath } from '../../tools/cli/browsers';

export interface PlainChromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Same executable, viewport, colour scheme and flags as launchChromium, without loading the extension. */
export async function launchPlainChromium(): Promise<PlainChromium> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'cnc-bench-plain-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    colorScheme: 'light',
    viewport: { width: 1280, height: 900 },
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [...CHROMIUM_QUIET_ARGS],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** What the init script leaves in the page (main world) for the benchmark to read. */
export interface PageProbe {
  longTasks: { start: number; duration: number }[];
  /** long animation frames with the scripts Chromium attributes them to */
  loaf: { start: number; duration: number; scripts: { url: string; duration: number; invoker: string }[] }[];
  /** ms since navigation start when the first [data-cnc-entity] was in the DOM; null if never */
  firstEntity: number | null;
  dcl: number | null;
  load: number | null;
}

/**
 * Runs before any page script. Observes 'longtask' and 'long-animation-frame' (buffered), and, from
 * DOMContentLoaded on (the gate script runs at document_end, right after it), watches for the first element
 * carrying data-cnc-entity. Watching from DOMContentLoaded keeps the observer off the parser's
 * mutations, so the probe itself costs almost nothing, the same with and without the extension.
 *
 * Plain JavaScript in a string on purpose: a function passed from here would be compiled by tsx/esbuild,
 * which inserts helpers (`__name`) that do not exist in the page.
 */
export const PAGE_PROBE_SCRIPT = `(() => {
  const probe = { longTasks: [], loaf: [], firstEntity: null, dcl: null, load: null };
  window.__cncBench = probe;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {}
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const scripts = (e.scripts || []).map((s) => ({ url: s.sourceURL, duration: s.duration, invoker: s.invoker }));
        probe.loaf.push({ start: e.startTime, duration: e.duration, scripts });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch (e) {}
  function found() {
    if (probe.firstEntity === null && document.querySelector('[data-cnc-entity]')) probe.firstEntity = performance.now();
    return probe.firstEntity !== null;
  }
  document.addEventListener('DOMContentLoaded', () => {
    probe.dcl = performance.now();
    if (found()) return;
    const mo = new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'attributes' || Array.prototype.some.call(r.addedNodes, (n) => n.nodeType === 1)) {
          if (found()) { mo.disconnect(); return; }
        }
      }
    });
    mo.observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-cnc-entity'] });
  });
  addEventListener('load', () => { probe.load = performance.now(); });
})();`;

export interface MainThreadMetrics {
  scriptMs: number;
  taskMs: number;
  layoutMs: number;
  styleMs: number;
}

export async function mainThreadMetrics(session: CDPSession): Promise<MainThreadMetrics> {
  const { metrics } = await session.send('Performance.getMetrics');
  const get = (n: string): number => (metrics.find((m) => m.name === n)?.value ?? 0) * 1000;
  return { scriptMs: get('ScriptDuration'), taskMs: get('TaskDuration'), layoutMs: get('LayoutDuration'), styleMs: get('RecalcStyleDuration') };
}

export interface HeapFigures {
  usedBytes: number;
  embedderBytes: number;
}

export async function heapAfterGc(session: CDPSession): Promise<HeapFigures> {
  await session.send('HeapProfiler.collectGarbage');
  await session.send('HeapProfiler.collectGarbage');
  const h = (await session.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number };
  return { usedBytes: h.usedSize, embedderBytes: h.embedderHeapUsedSize ?? 0 };
}

export async function domCounters(session: CDPSession): Promise<{ documents: number; nodes: number; jsEventListeners: number }> {
  return session.send('Memory.getDOMCounters');
}

/** A CDP channel to a target reached through another session (non-flattened attach). */
export class TargetChannel {
  private nextId = 1;
  private pending = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void }>();

  private constructor(
    private readonly parent: CDPSession,
    private readonly sessionId: string,
  ) {
    parent.on('Target.receivedMessageFromTarget', (e) => {
      if (e.sessionId !== this.sessionId) return;
      const msg = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message: string } };
      if (msg.id === undefined) return;
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.error) p.fail(new Error(msg.error.message));
      else p.ok(msg.result);
    });
  }

  /** Attaches to the first target of `type` whose URL starts with `urlPrefix`. */
  static async attach(parent: CDPSession, type: string, urlPrefix: string): Promise<TargetChannel> {
    const { targetInfos } = await parent.send('Target.getTargets');
    const t = targetInfos.find((x) => x.type === type && x.url.startsWith(urlPrefix));
    if (!t) throw new Error(`no ${type} target at ${urlPrefix} (targets: ${targetInfos.map((x) => `${x.type} ${x.url}`).join(', ')})`);
    const { sessionId } = await parent.send('Target.attachToTarget', { targetId: t.targetId, flatten: false });
    return new TargetChannel(parent, sessionId);
  }

  send<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((ok, fail) => {
      this.pending.set(id, { ok: ok as (v: unknown) => void, fail });
      this.parent
        .send('Target.sendMessageToTarget', { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) })
        .catch((e: Error) => {
          this.pending.delete(id);
          fail(e);
        });
    });
  }

  async heapAfterGc(): Promise<HeapFigures> {
    await this.send('HeapProfiler.collectGarbage');
    await this.send('HeapProfiler.collectGarbage');
    const h = await this.send<{ usedSize: number; embedderHeapUsedSize?: number }>('Runtime.getHeapUsage');
    return { usedBytes: h.usedSize, embedderBytes: h.embedderHeapUsedSize ?? 0 };
  }
}

export async function sessionFor(context: BrowserContext, page: Page): Promise<CDPSession> {
  const s = await context.newCDPSession(page);
  await s.send('Performance.enable');
  return s;
}

export interface CpuAttribution {
  /** sampled main-thread time in stacks that contain a frame of the extension's scripts */
  extensionMs: number;
  /** part of it spent directly in the scripts' top-level code (module evaluation, bundle start-up) */
  topLevelMs: number;
  /** self time per extension function (minified names), largest first */
  top: { fn: string; ms: number }[];
}

/**
 * Direct attribution from a V8 CPU profile of the page's renderer: a sample belongs to the extension when
 * any frame on its stack comes from `origin` (chrome-extension://<id>/), so DOM calls and GC made on the
 * content script's behalf count too. Sampling (100 µs) adds a little overhead, and samples are rounded to
 * the interval; the with − without difference is the other, independent estimate.
 */
export function attributeProfile(profile: { nodes: { id: number; callFrame: { url: string; functionName: string; lineNumber: number; columnNumber: number }; children?: number[] }[]; samples?: number[]; timeDeltas?: number[] }, origin: string): CpuAttribution {
  const parent = new Map<number, number>();
  const byId = new Map<number, (typeof profile.nodes)[number]>();
  for (const n of profile.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  const ext = new Map<number, boolean>();
  const topLevel = new Map<number, boolean>();
  const isExt = (id: number): boolean => {
    const known = ext.get(id);
    if (known !== undefined) return known;
    const n = byId.get(id)!;
    const p = parent.get(id);
    const v = n.callFrame.url.startsWith(origin) || (p !== undefined && isExt(p));
    ext.set(id, v);
    return v;
  };
  // the outermost anonymous function of an extension script: the bundle's top level (WXT wraps it in an IIFE)
  const isTop = (id: number): boolean => {
    const n = byId.get(id)!;
    const p = parent.get(id);
    const anonymousFirstLine = n.callFrame.url.startsWith(origin) && n.callFrame.functionName === '' && n.callFrame.lineNumber === 0;
    return anonymousFirstLine && (p === undefined || !isExt(p) || isTop(p));
  };
  for (const n of profile.nodes) topLevel.set(n.id, isTop(n.id));
  const self = new Map<string, number>();
  let extensionMs = 0;
  let topLevelMs = 0;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const id = samples[i]!;
    // a sample's time is the delta to the next sample
    const ms = (deltas[i + 1] ?? 0) / 1000;
    if (!isExt(id)) continue;
    extensionMs += ms;
    if (topLevel.get(id)) topLevelMs += ms;
    const n = byId.get(id)!;
    const key = n.callFrame.url.startsWith(origin)
      ? `${n.callFrame.functionName || '(top level)'}@${n.callFrame.url.slice(origin.length)}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`
      : `(${n.callFrame.functionName || 'native'})`;
    self.set(key, (self.get(key) ?? 0) + ms);
  }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([fn, ms]) => ({ fn, ms }));
  return { extensionMs, topLevelMs, top };
}

/**
 * One load of `url` in a new tab under the V8 sampling profiler: `goto` until `load`, `settleMs` more, then
 * `afterLoad` (e.g. wait for the marks); the extension's share of the main thread (attributeProfile).
 */
export async function profileLoad(
  context: BrowserContext,
  url: string,
  opts: { settleMs: number; origin: string; intervalUs: number; afterLoad?: (page: Page) => Promise<unknown> },
): Promise<CpuAttribution> {
  const page = await context.newPage();
  try {
    const session = await context.newCDPSession(page);
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: opts.intervalUs });
    await session.send('Profiler.start');
    await page.goto(url, { waitUntil: 'load' });
    await new Promise((r) => setTimeout(r, opts.settleMs));
    await opts.afterLoad?.(page);
    const { profile } = await session.send('Profiler.stop');
    return attributeProfile(profile as Parameters<typeof attributeProfile>[0], opts.origin);
  } finally {
    await page.close();
  }
}

/** Busy time of a whole profile (everything but `(idle)`): used for the service worker, all of which is ours. */
export function busyMs(profile: { nodes: { id: number; callFrame: { functionName: string } }[]; samples?: number[]; timeDeltas?: number[] }): number {
  const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let ms = 0;
  for (let i = 0; i < samples.length; i++) if (!idle.has(samples[i]!)) ms += (deltas[i + 1] ?? 0) / 1000;
  return ms;
}

export interface ScriptTrace {
  /** EvaluateScript of the extension's scripts: the bundle's compile plus its top-level run */
  evaluateMs: number;
  compileMs: number;
  runMs: number;
  /** FunctionCall events into the extension's code after that (listeners, observers, timers, promises) */
  callbacksMs: number;
  /**
   * The same three as thread CPU time (`tdur`), which moves far less with the machine's load than wall time:
   * what `test/bench/compare.ts` compares between builds.
   */
  cpu: { compileMs: number; runMs: number; callbacksMs: number };
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tdur?: number;
  args?: { data?: { url?: string; scriptName?: string; functionName?: string }; fileName?: string };
}

/**
 * One load under Chromium's tracing (devtools.timeline + v8 categories): exact, unsampled durations of
 * what the renderer did for scripts from `origin` — compiling and running the content script bundle, and
 * every later call into it. Complements the sampling profile, which cannot split compile from run.
 */
export async function traceLoad(context: BrowserContext, url: string, settleMs: number, origin: string): Promise<ScriptTrace> {
  const page = await context.newPage();
  try {
    const session = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    session.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
    const complete = new Promise<void>((ok) => session.once('Tracing.tracingComplete', () => ok()));
    await session.send('Tracing.start', {
      traceConfig: { includedCategories: ['devtools.timeline', 'v8'] },
      transferMode: 'ReportEvents',
    });
    await page.goto(url, { waitUntil: 'load' });
    await new Promise((r) => setTimeout(r, settleMs));
    await session.send('Tracing.end');
    await complete;
    const ours = (e: TraceEvent): boolean => {
      const u = e.args?.data?.url ?? e.args?.data?.scriptName ?? e.args?.fileName ?? '';
      return u.startsWith(origin);
    };
    const sum = (name: string, thread = false): number =>
      events.filter((e) => e.ph === 'X' && e.name === name && ours(e)).reduce((s, e) => s + ((thread ? e.tdur : undefined) ?? e.dur ?? 0) / 1000, 0);
    return {
      evaluateMs: sum('EvaluateScript'),
      compileMs: sum('v8.compile'),
      runMs: sum('v8.run'),
      callbacksMs: sum('FunctionCall'),
      cpu: { compileMs: sum('v8.compile', true), runMs: sum('v8.run', true), callbacksMs: sum('FunctionCall', true) },
    };
  } finally {
    await page.close();
  }
}
