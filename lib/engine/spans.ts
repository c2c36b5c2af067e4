/**
 * Sets of text spans answered in O(log n): sorted by start, with the running maximum of their ends.
 * For passes that ask, for every word or amount, whether it overlaps or lies inside spans found
 * before (a linear scan of all spans there would make the pass quadratic).
 */

export interface Span {
  start: number;
  end: number;
}

export interface SpanIndex {
  /** Does [s, e) overlap any span of the set? */
  overlaps(s: number, e: number): boolean;
  /** Does some span of the set contain [s, e)? */
  contains(s: number, e: number): boolean;
  readonly size: number;
}

/** An index over `spans` (copied: later changes to the array are not seen). */
export function spanIndex(spans: readonly Span[] | readonly (readonly [number, number])[]): SpanIndex {
  const n = spans.length;
  const list: [number, number][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const s = spans[i]!;
    list[i] = Array.isArray(s) ? [s[0], s[1]] : [(s as Span).start, (s as Span).end];
  }
  list.sort((a, b) => a[0] - b[0]);
  const starts = new Float64Array(n);
  const maxEnd = new Float64Array(n);
  let m = -Infinity;
  for (let i = 0; i < n; i++) {
    starts[i] = list[i]![0];
    m = Math.max(m, list[i]![1]);
    maxEnd[i] = m;
  }
  /** How many spans start before `pos` (or at it, with `inclusive`). */
  const countStartingBefore = (pos: number, inclusive: boolean): number => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < pos || (inclusive && starts[mid] === pos)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    size: n,
    // some span starts before e and ends after s
    overlaps: (s, e) => {
      const k = countStartingBefore(e, false);
      return k > 0 && maxEnd[k - 1]! > s;
    },
    // some span starts at or before s and ends at or after e
    contains: (s, e) => {
      const k = countStartingBefore(s, true);
      return k > 0 && maxEnd[k - 1]! >= e;
    },
  };
}
