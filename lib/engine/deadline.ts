/**
 * The analysis time budget, as passes see it: a deadline they count their steps against (tokens,
 * matches, sentences, candidates). A pass that finds it expired stops and returns what it has;
 * `analyze` then reports the analysis as cut. The clock is injected so that tests need no wall-clock
 * timing.
 */

export interface Deadline {
  /** Counts `weight` steps of work and looks at the clock every CHECK_EVERY steps (at the first step too); true once the budget is spent. */
  step(weight?: number): boolean;
  /** Looks at the clock now; true once the budget is spent, and from then on. */
  expired(): boolean;
}

/** The deadline of an analysis without a budget. */
export const NO_DEADLINE: Deadline = { step: () => false, expired: () => false };

/** Steps between two looks at the clock: a look costs about as much as a few steps of any pass. */
const CHECK_EVERY = 256;

/** Milliseconds from a monotonic clock (the engine runs in a service worker and in Node). */
function monotonicMs(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/** A deadline `budgetMs` after the first reading of `clock`; `hit` says whether a pass found it expired. */
export function deadlineAfter(budgetMs: number, clock: () => number = monotonicMs): Deadline & { readonly hit: boolean } {
  if (!(budgetMs < Infinity)) return { ...NO_DEADLINE, hit: false };
  const end = clock() + budgetMs;
  let hit = false;
  let steps = 0;
  let nextLook = 0;
  const expired = (): boolean => {
    if (!hit && clock() >= end) hit = true;
    return hit;
  };
  return {
    step(weight = 1) {
      if (hit) return true;
      const due = steps >= nextLook;
      steps += weight;
      if (!due) return false;
      nextLook = steps + CHECK_EVERY - weight;
      return expired();
    },
    expired,
    get hit() {
      return hit;
    },
  };
}
