/**
 * The background's analysis queue (lib/background/analysis-queue.ts): one pending analysis per tab, the
 * newest tab first, a macrotask between analyses, stale results dropped, and the per-tab throttle with
 * back-off, driven by fake timers.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Analysis, AnalysisInput } from '../../../lib/shared/contract';
import { ANNOUNCED_WAIT_MS, BACKOFF_FACTOR, MAX_INTERVAL_MS, MIN_INTERVAL_MS, QUIET_RESET_MS, RESTLESS_BUDGET_MS, createAnalysisQueue, type QueueOutcome } from '../../../lib/background/analysis-queue';

/** A stand-in analysis that says which input it came from (the queue never looks inside). */
const fakeAnalysis = (text: string) => ({ title: text }) as unknown as Analysis;
const input = (text: string): AnalysisInput => ({ text });
const titleOf = (o: QueueOutcome) => (o.kind === 'done' ? o.analysis.title : 'stale');

/** An analysis the test finishes by hand. */
function deferredEngine() {
  const calls: { text: string; finish(): void; fail(err: unknown): void }[] = [];
  const analyze = (i: AnalysisInput) =>
    new Promise<Analysis>((resolve, reject) => {
      calls.push({ text: i.text, finish: () => resolve(fakeAnalysis(i.text)), fail: reject });
    });
  return { calls, analyze };
}

/**
 * Lets queued tasks run. The fake timers give a zero-delay timer set while they run a 1 ms delay, so a
 * few milliseconds cover the queue's macrotask hops.
 */
const turn = () => vi.advanceTimersByTimeAsync(5);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('analysis queue: order, replacement, stale results', () => {
  it('serves the most recently requested tab first, one analysis at a time', async () => {
    const order: string[] = [];
    const q = createAnalysisQueue((i) => {
      order.push(i.text);
      return fakeAnalysis(i.text);
    });
    const answers = [q.submit(1, input('tab 1')), q.submit(2, input('tab 2')), q.submit(3, input('tab 3'))];
    expect(q.state()).toEqual({ pending: 3, running: null, tabs: 3, announced: 0 });
    expect(order).toEqual([]); // nothing runs inside the message that asked: a macrotask later
    await turn();
    expect(order).toEqual(['tab 3', 'tab 2', 'tab 1']);
    expect((await Promise.all(answers)).map(titleOf)).toEqual(['tab 1', 'tab 2', 'tab 3']);
    expect(q.state().pending).toBe(0);
  });

  it('a newer reading of a tab replaces its pending one; the older caller is told "stale" at once', async () => {
    const eng = deferredEngine();
    const q = createAnalysisQueue(eng.analyze);
    const busy = q.submit(9, input('other tab'));
    await turn(); // tab 9 runs: tab 1's readings have to wait
    const first = q.submit(1, input('reading 1'));
    const second = q.submit(1, input('reading 2'));
    expect(await first).toEqual({ kind: 'stale' });
    expect(q.state()).toMatchObject({ pending: 1, running: 9 });
    eng.calls[0]!.finish();
    await turn();
    expect(eng.calls.map((c) => c.text)).toEqual(['other tab', 'reading 2']); // reading 1 never analysed
    eng.calls[1]!.finish();
    expect(titleOf(await second)).toBe('reading 2');
    expect(titleOf(await busy)).toBe('other tab');
  });

  it('drops a result that a newer reading of the same tab overtook while it ran', async () => {
    const eng = deferredEngine();
    const q = createAnalysisQueue(eng.analyze);
    const old = q.submit(1, input('old'));
    await turn();
    expect(q.state().running).toBe(1);
    const fresh = q.submit(1, input('new'));
    eng.calls[0]!.finish();
    expect(await old).toEqual({ kind: 'stale' });
    // the new reading waits for the tab's interval, then runs
    await vi.advanceTimersByTimeAsync(MIN_INTERVAL_MS * BACKOFF_FACTOR);
    expect(eng.calls.map((c) => c.text)).toEqual(['old', 'new']);
    eng.calls[1]!.finish();
    expect(titleOf(await fresh)).toBe('new');
  });

  it('yields a macrotask between analyses: a message queued during one is handled before the next starts', async () => {
    const log: string[] = [];
    const q = createAnalysisQueue((i) => {
      log.push(`analyse ${i.text}`);
      // another tab's message arrives while this analysis runs (it is queued as a task)
      if (i.text === 'B') setTimeout(() => log.push('answer another tab'), 0);
      return fakeAnalysis(i.text);
    });
    const done = Promise.all([q.submit(1, input('A')), q.submit(2, input('B'))]);
    await turn();
    expect(log).toEqual(['analyse B', 'answer another tab', 'analyse A']);
    await done;
  });

  it('forgets a navigated or closed tab: its pending analysis is stale, a running one’s result too', async () => {
    const eng = deferredEngine();
    const q = createAnalysisQueue(eng.analyze);
    const running = q.submit(1, input('page 1'));
    await turn();
    const waiting = q.submit(2, input('page 2'));
    q.forget(2, { closed: true });
    expect(await waiting).toEqual({ kind: 'stale' });
    q.forget(1); // navigated: the old page's result does not apply
    eng.calls[0]!.finish();
    expect(await running).toEqual({ kind: 'stale' });
    expect(q.state()).toEqual({ pending: 0, running: null, tabs: 1, announced: 0 }); // the navigated tab keeps its pace
    expect(eng.calls).toHaveLength(1);
  });

  it('an analysis that throws rejects its own caller only; the queue goes on', async () => {
    const q = createAnalysisQueue((i) => {
      if (i.text === 'bad') throw new Error('engine failure');
      return fakeAnalysis(i.text);
    });
    const good = q.submit(1, input('good'));
    const bad = q.submit(2, input('bad'));
    const caught = bad.catch((e: Error) => e.message);
    await turn();
    expect(await caught).toBe('engine failure');
    expect(titleOf(await good)).toBe('good');
  });
});

describe('analysis queue: throttle', () => {
  it('a page that re-reads itself every 100 ms for a minute is analysed rarely, with growing gaps; another tab is served at once', async () => {
    const starts: { tab: number; at: number }[] = [];
    const ANALYSIS_MS = 300; // each analysis holds the background this long
    const q = createAnalysisQueue(async (i) => {
      starts.push({ tab: Number(i.text.split(' ')[0]), at: Date.now() });
      await new Promise((r) => setTimeout(r, ANALYSIS_MS));
      return fakeAnalysis(i.text);
    });
    const t0 = Date.now();
    const answers: Promise<QueueOutcome>[] = [];
    let normal: Promise<QueueOutcome> | undefined;
    let normalAskedAt = 0;
    for (let ms = 0; ms < 60_000; ms += 100) {
      answers.push(q.submit(1, input(`1 storm ${ms}`)));
      if (ms === 20_000) {
        normalAskedAt = Date.now();
        normal = q.submit(2, input('2 article'));
      }
      expect(q.state().pending).toBeLessThanOrEqual(2); // one per tab, however many readings
      await vi.advanceTimersByTimeAsync(100);
    }
    await vi.advanceTimersByTimeAsync(MAX_INTERVAL_MS + ANALYSIS_MS);
    const storm = starts.filter((s) => s.tab === 1).map((s) => s.at - t0);
    // 600 readings: the first analysed at once, then gaps that grow (end-to-start interval doubling)
    expect(storm[0]).toBe(0);
    const gaps = storm.slice(1).map((at, k) => at - storm[k]!);
    expect(gaps[0]).toBeGreaterThanOrEqual(MIN_INTERVAL_MS);
    for (let k = 1; k < gaps.length; k++) expect(gaps[k]!).toBeGreaterThanOrEqual(gaps[k - 1]!);
    expect(gaps.at(-1)).toBeGreaterThanOrEqual(MAX_INTERVAL_MS);
    expect(storm.length).toBeLessThanOrEqual(8); // 0, ~2.3, ~6.6, ~15, ~31, ~61 s (+ the last reading)
    expect(q.intervalOf(1)).toBe(MAX_INTERVAL_MS);
    // the normal tab waited at most one storm analysis
    const article = starts.find((s) => s.tab === 2)!;
    expect(article.at - normalAskedAt).toBeLessThanOrEqual(ANALYSIS_MS);
    expect(titleOf(await normal!)).toBe('2 article');
    // every storm reading got an answer; only the last reading's result is kept
    const outcomes = await Promise.all(answers);
    expect(outcomes.filter((o) => o.kind === 'done').map(titleOf)).toEqual([`1 storm ${(answers.length - 1) * 100}`]);
  });

  it('a calm page is analysed at once; after a quiet spell the interval starts again from the minimum', async () => {
    const starts: number[] = [];
    const q = createAnalysisQueue((i) => {
      starts.push(Date.now());
      return fakeAnalysis(i.text);
    });
    const t0 = Date.now();
    await Promise.all([q.submit(1, input('a')), vi.advanceTimersByTimeAsync(0)]);
    // a late-rendering page sends a second reading 500 ms later: it waits out the minimum interval
    const second = q.submit(1, input('b'));
    await vi.advanceTimersByTimeAsync(500);
    expect(starts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(MIN_INTERVAL_MS);
    await second;
    expect(starts[1]! - t0).toBe(MIN_INTERVAL_MS);
    expect(q.intervalOf(1)).toBe(MIN_INTERVAL_MS * BACKOFF_FACTOR);
    // quiet for a while: the next reading (a single-page-app navigation) is analysed at once
    await vi.advanceTimersByTimeAsync(QUIET_RESET_MS);
    const askedAt = Date.now();
    await Promise.all([q.submit(1, input('c')), vi.advanceTimersByTimeAsync(0)]);
    expect(starts[2]).toBe(askedAt);
    expect(q.intervalOf(1)).toBe(MIN_INTERVAL_MS);
  });

  it('an announced first reading goes before re-readings of other tabs; a page that never sends one holds them at most briefly', async () => {
    const starts: { text: string; at: number }[] = [];
    const q = createAnalysisQueue((i) => {
      starts.push({ text: i.text, at: Date.now() });
      return fakeAnalysis(i.text);
    });
    await Promise.all([q.submit(1, input('restless 1')), turn()]);
    await vi.advanceTimersByTimeAsync(MIN_INTERVAL_MS);
    // tab 2's gate passed: its reading is on its way while tab 1's re-reading is due
    q.announce(2);
    const again = q.submit(1, input('restless 2'));
    await vi.advanceTimersByTimeAsync(100);
    expect(starts.map((s) => s.text)).toEqual(['restless 1']); // held
    const first = q.submit(2, input('article'));
    await turn();
    expect(starts.map((s) => s.text)).toEqual(['restless 1', 'article', 'restless 2']);
    await Promise.all([again, first]);
    // a first reading of a new tab is never held; an announcement that is not kept expires
    q.announce(3);
    const t = Date.now();
    await Promise.all([q.submit(4, input('new tab')), turn()]);
    expect(starts.at(-1)).toEqual({ text: 'new tab', at: t });
    await vi.advanceTimersByTimeAsync(MAX_INTERVAL_MS); // tab 1 is due again
    const late = q.submit(1, input('restless 3'));
    q.announce(3);
    const announcedAt = Date.now();
    await vi.advanceTimersByTimeAsync(ANNOUNCED_WAIT_MS + 10);
    await late;
    expect(starts.at(-1)!.text).toBe('restless 3');
    expect(starts.at(-1)!.at - announcedAt).toBe(ANNOUNCED_WAIT_MS);
    expect(q.state().announced).toBe(0);
  });

  it('re-readings of a restless tab get the short engine budget; a first reading and a calm page the engine’s own', async () => {
    const budgets: (number | undefined)[] = [];
    const q = createAnalysisQueue((i, opts) => {
      budgets.push(opts.budgetMs);
      return fakeAnalysis(i.text);
    });
    await Promise.all([q.submit(1, input('first')), turn()]);
    // a reading every 3 s for 30 s: analysed at growing intervals, each with the short budget
    for (let k = 0; k < 10; k++) {
      void q.submit(1, input(`again ${k}`));
      await vi.advanceTimersByTimeAsync(3_000);
    }
    await vi.advanceTimersByTimeAsync(MAX_INTERVAL_MS);
    expect(budgets.length).toBeGreaterThanOrEqual(4);
    expect(budgets).toEqual([undefined, ...Array(budgets.length - 1).fill(RESTLESS_BUDGET_MS)]);
    await vi.advanceTimersByTimeAsync(QUIET_RESET_MS);
    await Promise.all([q.submit(1, input('calm again')), turn()]);
    expect(budgets.at(-1)).toBeUndefined();
  });

  it('a reloading page keeps its throttle across navigations; a closed tab’s pace is forgotten', async () => {
    const q = createAnalysisQueue((i) => fakeAnalysis(i.text));
    for (let k = 0; k < 6; k++) {
      const p = q.submit(4, input(`load ${k}`));
      q.forget(4); // the page reloads before its analysis could start, or right after
      await p;
      await vi.advanceTimersByTimeAsync(1_000);
      void q.submit(4, input(`read ${k}`));
      await vi.advanceTimersByTimeAsync(3_000);
    }
    expect(q.intervalOf(4)).toBeGreaterThan(MIN_INTERVAL_MS);
    q.forget(4, { closed: true });
    expect(q.intervalOf(4)).toBe(MIN_INTERVAL_MS);
    expect(q.state().tabs).toBe(0);
  });
});
