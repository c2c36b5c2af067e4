/**
 * Small statistics for the benchmarks: every figure is a median over repeated runs with its spread.
 * Percentiles use linear interpolation between closest ranks (the same as numpy's default).
 */

export interface Summary {
  n: number;
  median: number;
  p25: number;
  p75: number;
  p95: number;
  min: number;
  max: number;
  mean: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  if (sorted.length === 1) return sorted[0]!;
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export function summarize(samples: readonly number[]): Summary {
  const s = [...samples].filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  const mean = s.length ? s.reduce((a, b) => a + b, 0) / s.length : Number.NaN;
  return {
    n: s.length,
    median: percentile(s, 0.5),
    p25: percentile(s, 0.25),
    p75: percentile(s, 0.75),
    p95: percentile(s, 0.95),
    min: s[0] ?? Number.NaN,
    max: s[s.length - 1] ?? Number.NaN,
    mean,
  };
}

export function median(samples: readonly number[]): number {
  return summarize(samples).median;
}

/** High-resolution clock in milliseconds (monotonic). */
export function nowMs(): number {
  return performance.now();
}

/** A deterministic PRNG (mulberry32): samples and synthetic data are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every k-th item, so that a subset spreads over the whole (sorted) list, deterministically. */
export function spreadSample<T>(items: readonly T[], count: number): T[] {
  if (count >= items.length) return [...items];
  const out: T[] = [];
  const step = items.length / count;
  for (let i = 0; i < count; i++) out.push(items[Math.floor(i * step)]!);
  return out;
}

/** Gives the event loop and the GC a moment between phases (when Node runs with --expose-gc, collects). */
export async function settle(): Promise<void> {
  const g = globalThis as { gc?: () => void };
  g.gc?.();
  await new Promise((r) => setTimeout(r, 20));
}
