/**
 * The pack update schedule (lib/kb/update-schedule.ts): randomised about-daily checks, exponential
 * back-off on failures with a cap, reset on success, "Check now" with a minimum interval. Random
 * numbers are injected.
 */
import { describe, expect, it } from 'vitest';
import { afterCheck, backoffDelay, initialSchedule, isDue, manualCheck, SCHEDULE, successDelay, type UpdateScheduleState } from '../../../lib/kb/update-schedule';

const H = 3_600_000;
const fixed = (r: number) => () => r;
const T0 = Date.UTC(2026, 11, 7, 12);

describe('update schedule', () => {
  it('after a success: uniformly between 20 and 28 hours, spread by the random source', () => {
    expect(successDelay(fixed(0))).toBe(20 * H);
    expect(successDelay(fixed(0.5))).toBe(24 * H);
    expect(successDelay(fixed(0.999999))).toBeLessThanOrEqual(28 * H);
    expect(successDelay(fixed(0.999999))).toBeGreaterThan(27.9 * H);
    // many readers with Math.random spread over the whole window
    const delays = Array.from({ length: 2000 }, () => successDelay());
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(20 * H);
    expect(Math.max(...delays)).toBeLessThanOrEqual(28 * H);
    const buckets = new Set(delays.map((d) => Math.floor((d - 20 * H) / H)));
    expect(buckets.size).toBe(8);
  });

  it('after failures: 1 h, 2 h, 4 h ... doubling, capped at 48 h; jitter only shortens, by at most a fifth', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 50].map((n) => backoffDelay(n, fixed(0)) / H)).toEqual([1, 2, 4, 8, 16, 32, 48, 48, 48]);
    expect(backoffDelay(1, fixed(0.5))).toBe(0.9 * H);
    expect(backoffDelay(7, fixed(0.999999))).toBeGreaterThanOrEqual(0.8 * 48 * H);
    expect(backoffDelay(1000, Math.random)).toBeLessThanOrEqual(SCHEDULE.backoffMaxMs);
  });

  it('a run of failures backs off, and one success resets to the daily schedule', () => {
    let s: UpdateScheduleState = initialSchedule(T0, fixed(0.5));
    expect(s.nextCheckAt).toBe(T0 + 30_000);
    expect(isDue(s, T0)).toBe(false);
    expect(isDue(s, T0 + 30_000)).toBe(true);
    let now = s.nextCheckAt;
    const gaps: number[] = [];
    for (let i = 0; i < 8; i++) {
      s = afterCheck(s, { ok: false, startedAt: now, now: now + 1000 }, fixed(0));
      gaps.push((s.nextCheckAt - (now + 1000)) / H);
      now = s.nextCheckAt;
    }
    expect(gaps).toEqual([1, 2, 4, 8, 16, 32, 48, 48]);
    expect(s.failures).toBe(8);
    expect(s.lastSuccessAt).toBeNull();
    s = afterCheck(s, { ok: true, startedAt: now, now: now + 500 }, fixed(0.25));
    expect(s).toEqual({ lastCheckAt: now, lastSuccessAt: now + 500, failures: 0, nextCheckAt: now + 500 + 22 * H });
    // the next failure starts the back-off from 1 h again
    s = afterCheck(s, { ok: false, startedAt: s.nextCheckAt, now: s.nextCheckAt }, fixed(0));
    expect(s.nextCheckAt - s.lastCheckAt!).toBe(H);
  });

  it('"Check now" bypasses the schedule but not the one-minute minimum interval', () => {
    const fresh = initialSchedule(T0, fixed(0));
    expect(manualCheck(fresh, T0)).toEqual({ allowed: true });
    const checked = afterCheck(fresh, { ok: true, startedAt: T0, now: T0 + 2000 }, fixed(0));
    expect(manualCheck(checked, T0 + 59_999)).toEqual({ allowed: false, retryAt: T0 + 60_000 });
    expect(manualCheck(checked, T0 + 60_000)).toEqual({ allowed: true });
    // far before the next scheduled check, still allowed
    expect(isDue(checked, T0 + 2 * H)).toBe(false);
    expect(manualCheck(checked, T0 + 2 * H)).toEqual({ allowed: true });
    // a clock set back does not lock the button
    expect(manualCheck(checked, T0 - H)).toEqual({ allowed: true });
  });

  it('a broken random source cannot push a check outside its window', () => {
    for (const r of [NaN, -1, 2, Infinity]) {
      const d = successDelay(fixed(r));
      expect(d).toBeGreaterThanOrEqual(20 * H);
      expect(d).toBeLessThanOrEqual(28 * H);
      expect(backoffDelay(3, fixed(r))).toBeLessThanOrEqual(4 * H);
    }
  });
});
