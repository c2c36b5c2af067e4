/**
 * The background's analysis queue: one slow or restless page must not delay another tab.
 *
 * - At most one pending analysis per tab: a newer reading of a tab replaces its pending one (the older
 *   caller gets `stale`), and a result that a newer reading overtook while it ran is `stale` too.
 * - The most recently requested tab is served first (the reader is most likely looking at it).
 * - One analysis at a time, each started from a fresh macrotask, so the messages of other tabs (popup
 *   questions, card data, gate verdicts) are answered between two analyses.
 * - A page that has just been let in (its gate passed, the annotator was injected) is about to send its first
 *   reading: re-readings of pages analysed before wait for it, briefly, so that a restless tab's next analysis
 *   does not start in the very moment another page's first reading is on its way.
 * - Per-tab throttle: a tab's next analysis starts no sooner than its interval after its last one ended;
 *   while readings keep arriving the interval grows, up to a cap; a tab quiet for a while starts afresh.
 *
 * The engine itself is synchronous and bounded by its own time budget (lib/engine/analyze.ts, `cut`);
 * this queue bounds how often and in which order it runs, and gives a restless tab's re-readings a
 * shorter budget (RESTLESS_BUDGET_MS).
 */
import type { Analysis, AnalysisInput } from '../shared/contract';

/** A tab's analyses are at least this far apart (end to start): a page that settles late is re-read within 2 s. */
export const MIN_INTERVAL_MS = 2_000;
/** While a tab keeps sending readings, each analysis doubles its interval: a mutation storm fades out fast. */
export const BACKOFF_FACTOR = 2;
/** The interval never grows beyond this: a live blog still gets its new names about twice a minute. */
export const MAX_INTERVAL_MS = 30_000;
/**
 * A reading that comes this long after the tab's previous reading and analysis is a calm page again (interval
 * back to the minimum). Well above the content script's 4 s re-read cadence on a page that never stops
 * changing (lib/page/watch.ts, MUTATION_MAX_WAIT_MS, plus its reading time), so such a page never looks calm.
 */
export const QUIET_RESET_MS = 10_000;
/**
 * How long an announced first reading holds back re-readings of other tabs: reading a page in its content
 * script takes tens of milliseconds, a few hundred on a busy machine; a page that never sends one costs
 * the others at most this.
 */
export const ANNOUNCED_WAIT_MS = 1_000;
/**
 * Engine time budget of a re-reading that came while the tab's readings keep arriving (its interval grows): the
 * tab already had a full analysis, and another tab's reading arriving meanwhile then waits under half a second.
 */
export const RESTLESS_BUDGET_MS = 400;

/** What the queue tells the engine about one analysis: a budget, when it sets one (else the engine's own). */
export interface RunOptions {
  budgetMs?: number;
}

export type QueueOutcome = { kind: 'done'; analysis: Analysis } | { kind: 'stale' };

interface QueueState {
  /** pending (not yet started) analyses, at most one per tab */
  pending: number;
  /** the tab whose analysis runs now, or null */
  running: number | null;
  /** tabs whose pace (throttle state) is kept */
  tabs: number;
  /** announced first readings not arrived yet */
  announced: number;
}

export interface AnalysisQueue {
  /** Analyse `input` for `tabId` when its turn comes. Rejects only when the analysis itself throws. */
  /**
   * The tab's page was just let in (gate passed, annotator injected): its first reading is on its way. Until it
   * comes (at most ANNOUNCED_WAIT_MS), re-readings of pages analysed before do not start.
   */
  announce(tabId: number): void;
  submit(tabId: number, input: AnalysisInput): Promise<QueueOutcome>;
  /**
   * The tab loaded another document (`closed: false`) or closed: its pending analysis is dropped and a running
   * one's result will be stale. A closed tab's throttle state is forgotten; a navigating tab keeps it (a page
   * that reloads itself must not escape the throttle).
   */
  forget(tabId: number, opts?: { closed?: boolean }): void;
  /** The current interval of a tab (ms), for tests and diagnostics. */
  intervalOf(tabId: number): number;
  state(): QueueState;
}

interface Job {
  tabId: number;
  input: AnalysisInput;
  seq: number;
  resolve(outcome: QueueOutcome): void;
  reject(err: unknown): void;
}

interface Pace {
  /** when the tab's last analysis ended */
  lastEnd?: number;
  /** when the tab's last reading arrived */
  lastRequestAt?: number;
  interval: number;
  /** readings kept coming: the next analysis to start grows the interval */
  grow: boolean;
  /** seq of the tab's newest reading; a finished analysis with another seq is stale */
  latestSeq: number;
}

export interface QueueClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: QueueClock = {
  now: () => Date.now(),
  // looked up on each call, so that test fake timers installed after creation are used
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

export function createAnalysisQueue(analyze: (input: AnalysisInput, options: RunOptions) => Analysis | Promise<Analysis>, clock: QueueClock = realClock): AnalysisQueue {
  const pending = new Map<number, Job>();
  const pace = new Map<number, Pace>();
  /** announced tabs and until when their first reading is waited for */
  const announced = new Map<number, number>();
  let running: Job | null = null;
  let seq = 0;
  let timer: unknown;
  let timerAt = Infinity;

  const paceOf = (tabId: number): Pace => {
    let p = pace.get(tabId);
    if (!p) pace.set(tabId, (p = { interval: MIN_INTERVAL_MS, grow: false, latestSeq: 0 }));
    return p;
  };
  const readyAt = (p: Pace | undefined): number => (p?.lastEnd === undefined ? -Infinity : p.lastEnd + p.interval);

  /** Run `pump` from a new macrotask `ms` from now (or sooner if a sooner wake-up is already set). */
  function wake(ms: number): void {
    const at = clock.now() + Math.max(0, ms);
    if (timer !== undefined && timerAt <= at) return;
    if (timer !== undefined) clock.clearTimeout(timer);
    timerAt = at;
    timer = clock.setTimeout(() => {
      timer = undefined;
      timerAt = Infinity;
      pump();
    }, Math.max(0, ms));
  }

  function pump(): void {
    if (running || !pending.size) return;
    const t = clock.now();
    let held = -Infinity; // re-readings wait until then for announced first readings
    for (const [tabId, until] of announced) {
      if (until <= t) announced.delete(tabId);
      else held = Math.max(held, until);
    }
    let next: Job | undefined;
    let soonest = Infinity;
    for (const job of pending.values()) {
      const p = pace.get(job.tabId);
      const at = p?.lastEnd === undefined ? readyAt(p) : Math.max(readyAt(p), held);
      if (at <= t) {
        if (!next || job.seq > next.seq) next = job; // newest request first
      } else soonest = Math.min(soonest, at);
    }
    if (!next) {
      wake(soonest - t);
      return;
    }
    void start(next);
  }

  async function start(job: Job): Promise<void> {
    pending.delete(job.tabId);
    running = job;
    const p = paceOf(job.tabId);
    const restless = p.grow;
    if (p.grow) {
      p.interval = Math.min(MAX_INTERVAL_MS, p.interval * BACKOFF_FACTOR);
      p.grow = false;
    }
    try {
      const analysis = await analyze(job.input, restless ? { budgetMs: RESTLESS_BUDGET_MS } : {});
      job.resolve(pace.get(job.tabId)?.latestSeq === job.seq ? { kind: 'done', analysis } : { kind: 'stale' });
    } catch (err) {
      job.reject(err);
    } finally {
      const after = pace.get(job.tabId);
      if (after) after.lastEnd = clock.now();
      running = null;
      wake(0); // the next analysis from a fresh macrotask: other messages first
    }
  }

  return {
    submit(tabId, input) {
      const t = clock.now();
      const p = paceOf(tabId);
      if (p.lastRequestAt === undefined || t - Math.max(p.lastRequestAt, p.lastEnd ?? -Infinity) >= QUIET_RESET_MS) {
        p.interval = MIN_INTERVAL_MS;
        p.grow = false;
      } else {
        p.grow = true;
      }
      p.lastRequestAt = t;
      announced.delete(tabId);
      const mine = ++seq;
      p.latestSeq = mine;
      pending.get(tabId)?.resolve({ kind: 'stale' });
      return new Promise<QueueOutcome>((resolve, reject) => {
        pending.set(tabId, { tabId, input, seq: mine, resolve, reject });
        wake(0);
      });
    },
    announce(tabId) {
      announced.set(tabId, clock.now() + ANNOUNCED_WAIT_MS);
    },
    forget(tabId, opts) {
      announced.delete(tabId);
      pending.get(tabId)?.resolve({ kind: 'stale' });
      pending.delete(tabId);
      if (opts?.closed) pace.delete(tabId);
      else {
        const p = pace.get(tabId);
        if (p) p.latestSeq = 0;
      }
    },
    intervalOf(tabId) {
      return pace.get(tabId)?.interval ?? MIN_INTERVAL_MS;
    },
    state() {
      return { pending: pending.size, running: running?.tabId ?? null, tabs: pace.size, announced: announced.size };
    },
  };
}
