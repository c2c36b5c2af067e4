/**
 * When the extension checks for a new knowledge pack (pure; the background stores the state and sets
 * an alarm for `nextCheckAt`). About daily, at a random time so readers do not arrive together
 * (uniformly 20-28 h after a success); after failures, exponential back-off (1 h, 2 h, 4 h, ... capped
 * at 48 h, each shortened by up to a fifth at random), back to daily after the next success. "Check
 * now" runs at once unless a check started less than a minute ago. A 304 Not Modified is a success.
 */

export const SCHEDULE = {
  successMinMs: 20 * 3_600_000,
  successMaxMs: 28 * 3_600_000,
  backoffFirstMs: 3_600_000,
  backoffMaxMs: 48 * 3_600_000,
  /** Back-off delays are multiplied by a factor in [1 - jitter, 1]. */
  backoffJitter: 0.2,
  /** "Check now" is refused while the last check started less than this long ago. */
  manualMinIntervalMs: 60_000,
  /** The first check after the reader turns updates on: within this delay. */
  firstCheckMaxMs: 60_000,
} as const;

/** A source of uniform numbers in [0, 1): Math.random in the extension, a fixed sequence in tests. */
export type Random = () => number;

export interface UpdateScheduleState {
  /** When the last check started (ms since the epoch), if any. */
  lastCheckAt: number | null;
  /** When the last check succeeded (a pack applied, or nothing new). */
  lastSuccessAt: number | null;
  /** Failures since the last success. */
  failures: number;
  /** When the next scheduled check is due. */
  nextCheckAt: number;
}

const clamp01 = (r: number): number => (Number.isFinite(r) ? Math.min(Math.max(r, 0), 1) : 0.5);

/** The state when the reader turns updates on: a first check soon (within a minute). */
export function initialSchedule(now: number, random: Random = Math.random): UpdateScheduleState {
  return { lastCheckAt: null, lastSuccessAt: null, failures: 0, nextCheckAt: now + Math.round(clamp01(random()) * SCHEDULE.firstCheckMaxMs) };
}

/** Delay after a success: uniform in [20 h, 28 h]. */
export function successDelay(random: Random = Math.random): number {
  return Math.round(SCHEDULE.successMinMs + clamp01(random()) * (SCHEDULE.successMaxMs - SCHEDULE.successMinMs));
}

/** Delay after the `failures`-th failure in a row (1, 2, ...): 1 h doubling to at most 48 h, less up to a fifth. */
export function backoffDelay(failures: number, random: Random = Math.random): number {
  const n = Math.max(1, Math.floor(failures));
  const base = Math.min(SCHEDULE.backoffFirstMs * 2 ** Math.min(n - 1, 30), SCHEDULE.backoffMaxMs);
  return Math.round(base * (1 - SCHEDULE.backoffJitter * clamp01(random())));
}

/** The state after a check that started at `startedAt` ended with `ok` (success or 304) or a failure at `now`. */
export function afterCheck(state: UpdateScheduleState, result: { ok: boolean; startedAt: number; now: number }, random: Random = Math.random): UpdateScheduleState {
  if (result.ok) {
    return { lastCheckAt: result.startedAt, lastSuccessAt: result.now, failures: 0, nextCheckAt: result.now + successDelay(random) };
  }
  const failures = state.failures + 1;
  return { lastCheckAt: result.startedAt, lastSuccessAt: state.lastSuccessAt, failures, nextCheckAt: result.now + backoffDelay(failures, random) };
}

/** Whether a scheduled check is due (an alarm may fire early or late; the state decides). */
export function isDue(state: UpdateScheduleState, now: number): boolean {
  return now >= state.nextCheckAt;
}

/** "Check now": allowed unless a check started less than a minute ago; then when to try again. */
export function manualCheck(state: UpdateScheduleState, now: number): { allowed: true } | { allowed: false; retryAt: number } {
  if (state.lastCheckAt === null || now - state.lastCheckAt >= SCHEDULE.manualMinIntervalMs || now < state.lastCheckAt) return { allowed: true };
  return { allowed: false, retryAt: state.lastCheckAt + SCHEDULE.manualMinIntervalMs };
}
