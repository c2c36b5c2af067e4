import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLOSE_GRACE_MS, HOVER_DWELL_MS, createCardTiming } from '../../../lib/annotate/card-timing';

function setup() {
  const events: string[] = [];
  const timing = createCardTiming<string>({
    open: (m, token, via) => events.push(`open ${m} ${via} #${token}`),
    close: (restore) => events.push(`close${restore ? ' focus' : ''}`),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  });
  return { events, timing };
}

describe('card timing', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('opens only after the pointer dwells on a mark', () => {
    const { events, timing } = setup();
    timing.pointerEnterMark('a');
    vi.advanceTimersByTime(HOVER_DWELL_MS - 1);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['open a hover #1']);
  });

  it('a pointer passing over does not open a card', () => {
    const { events, timing } = setup();
    timing.pointerEnterMark('a');
    vi.advanceTimersByTime(200);
    timing.pointerLeaveMark('a');
    vi.advanceTimersByTime(2000);
    expect(events).toEqual([]);
  });

  it('closes after the grace period unless the pointer reaches the card', () => {
    const { events, timing } = setup();
    timing.pointerEnterMark('a');
    vi.advanceTimersByTime(HOVER_DWELL_MS);
    timing.pointerLeaveMark('a');
    vi.advanceTimersByTime(CLOSE_GRACE_MS - 50);
    timing.pointerEnterCard();
    vi.advanceTimersByTime(1000);
    expect(events).toEqual(['open a hover #1']);
    timing.pointerLeaveCard();
    vi.advanceTimersByTime(CLOSE_GRACE_MS);
    expect(events).toEqual(['open a hover #1', 'close']);
  });

  it('keyboard opens at once, ignores pointer leave, and Escape closes with focus back on the mark', () => {
    const { events, timing } = setup();
    timing.activate('a');
    timing.pointerLeaveMark('a');
    vi.advanceTimersByTime(5000);
    expect(events).toEqual(['open a keyboard #1']);
    timing.escape();
    expect(events).toEqual(['open a keyboard #1', 'close focus']);
    expect(timing.openMark).toBeNull();
  });

  it('tap opens, a second tap on the same mark closes', () => {
    const { events, timing } = setup();
    timing.tap('a');
    timing.tap('a');
    expect(events).toEqual(['open a touch #1', 'close']);
  });

  it('each request gets a new token so late answers for an older card are dropped', () => {
    const { timing } = setup();
    timing.activate('a');
    const first = timing.token;
    timing.activate('b');
    expect(timing.isCurrent(first)).toBe(false);
    expect(timing.isCurrent(timing.token)).toBe(true);
    timing.dismiss();
    expect(timing.isCurrent(timing.token)).toBe(false);
  });

  it('moving to another mark cancels the pending open of the first', () => {
    const { events, timing } = setup();
    timing.pointerEnterMark('a');
    vi.advanceTimersByTime(300);
    timing.pointerEnterMark('b');
    vi.advanceTimersByTime(HOVER_DWELL_MS);
    expect(events).toEqual(['open b hover #1']);
  });
});
