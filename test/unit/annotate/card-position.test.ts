import { describe, expect, it } from 'vitest';
import { CARD_OFFSET_PX, MAX_CARD_HEIGHT_PX, MIN_CARD_HEIGHT_PX, VIEWPORT_PADDING_PX as PAD, computeCardPlacement, visibleViewport, type Rect } from '../../../lib/annotate/card-position';

const DESKTOP: Rect = { x: 0, y: 0, width: 1280, height: 900 };
const PHONE: Rect = { x: 0, y: 0, width: 390, height: 700 };
const CARD = { width: 384, height: 300 };
const mark = (x: number, y: number, width = 80, height = 20): Rect => ({ x, y, width, height });

/** The box the card takes on screen. */
function boxOf(ref: Rect, card: { width: number; height: number }, vp: Rect) {
  const p = computeCardPlacement(ref, card, vp);
  return { ...p, width: Math.min(card.width, p.maxWidth), height: Math.min(card.height, p.maxHeight) };
}

function expectInside(b: { x: number; y: number; width: number; height: number }, vp: Rect): void {
  expect(b.x).toBeGreaterThanOrEqual(vp.x + PAD);
  expect(b.y).toBeGreaterThanOrEqual(vp.y + PAD);
  expect(b.x + b.width).toBeLessThanOrEqual(vp.x + vp.width - PAD);
  expect(b.y + b.height).toBeLessThanOrEqual(vp.y + vp.height - PAD);
}

describe('computeCardPlacement', () => {
  it('puts the card below the mark, at its left edge, when it fits', () => {
    const b = boxOf(mark(100, 100), CARD, DESKTOP);
    expect(b).toMatchObject({ placement: 'bottom', x: 100, y: 100 + 20 + CARD_OFFSET_PX, height: 300 });
  });

  it('flips above a mark near the bottom of the viewport', () => {
    const b = boxOf(mark(100, 800), CARD, DESKTOP);
    expect(b.placement).toBe('top');
    expect(b.y + b.height).toBe(800 - CARD_OFFSET_PX);
    expectInside(b, DESKTOP);
  });

  it('shifts in from the right and left edges', () => {
    const right = boxOf(mark(1250, 100, 30), CARD, DESKTOP);
    expect(right.x + right.width).toBe(1280 - PAD);
    const left = boxOf(mark(-40, 100, 60), CARD, DESKTOP);
    expect(left.x).toBe(PAD);
  });

  it('caps the height to the room on the roomier side when neither side fits (the card scrolls inside)', () => {
    const tall = { width: 384, height: 900 };
    // 390x700: a mark in the middle has ~320 px above and ~350 below
    const b = boxOf(mark(20, 330), tall, PHONE);
    expect(b.placement).toBe('bottom');
    expect(b.maxHeight).toBe(700 - PAD - (330 + 20 + CARD_OFFSET_PX));
    expect(b.y).toBe(330 + 20 + CARD_OFFSET_PX); // does not cover the mark
    expectInside(b, PHONE);
    const up = boxOf(mark(20, 420), tall, PHONE);
    expect(up.placement).toBe('top');
    expect(up.y + up.height).toBe(420 - CARD_OFFSET_PX);
    expectInside(up, PHONE);
  });

  it('never grows past its maximum height even on a tall viewport', () => {
    expect(boxOf(mark(10, 10), { width: 384, height: 2000 }, { x: 0, y: 0, width: 1280, height: 2000 }).maxHeight).toBe(MAX_CARD_HEIGHT_PX);
  });

  it('keeps a readable minimum height and stays inside when the mark is scrolled out of view', () => {
    const below = boxOf(mark(100, 1200), CARD, DESKTOP);
    expect(below.maxHeight).toBeGreaterThanOrEqual(MIN_CARD_HEIGHT_PX);
    expectInside(below, DESKTOP);
    const above = boxOf(mark(100, -300), CARD, DESKTOP);
    expectInside(above, DESKTOP);
  });

  it('narrows a card wider than a phone viewport', () => {
    const b = boxOf(mark(300, 100), { width: 420, height: 200 }, { x: 0, y: 0, width: 360, height: 640 });
    expect(b.maxWidth).toBe(360 - 2 * PAD);
    expect(b.x).toBe(PAD);
  });

  it('measures against a pinch-zoomed visual viewport (offset inside the layout viewport)', () => {
    const vv: Rect = { x: 200, y: 300, width: 400, height: 300 };
    const b = boxOf(mark(500, 540), CARD, vv);
    expect(b.placement).toBe('top');
    expectInside(b, vv);
  });

  it('keeps the box inside the viewport for any mark position and card size (2,000 random cases)', () => {
    let seed = 7;
    const rnd = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 2000; i++) {
      const vp: Rect = { x: Math.floor(rnd() * 50), y: Math.floor(rnd() * 50), width: 200 + Math.floor(rnd() * 1400), height: 160 + Math.floor(rnd() * 1000) };
      const ref = mark(vp.x - 100 + rnd() * (vp.width + 200), vp.y - 100 + rnd() * (vp.height + 200), 1 + rnd() * 300, 10 + rnd() * 40);
      const card = { width: 100 + rnd() * 500, height: 40 + rnd() * 1200 };
      const b = boxOf(ref, card, vp);
      expectInside(b, vp);
      // With room for a minimum-height card on one side, the card never covers the mark.
      const room = Math.max(vp.y + vp.height - PAD - (ref.y + ref.height + CARD_OFFSET_PX), ref.y - CARD_OFFSET_PX - (vp.y + PAD));
      if (room >= Math.min(MIN_CARD_HEIGHT_PX, card.height) && ref.y >= vp.y && ref.y + ref.height <= vp.y + vp.height) {
        const overlaps = b.y < ref.y + ref.height && b.y + b.height > ref.y;
        expect(overlaps).toBe(false);
      }
    }
  });
});

describe('visibleViewport', () => {
  it('reads the visual viewport, not documentElement.clientHeight (wrong in quirks mode)', () => {
    const win = { visualViewport: { offsetLeft: 3, offsetTop: 4, width: 375, height: 600 }, innerWidth: 390, innerHeight: 700 } as unknown as Window;
    expect(visibleViewport(win)).toEqual({ x: 3, y: 4, width: 375, height: 600 });
    expect(visibleViewport({ visualViewport: null, innerWidth: 390, innerHeight: 700 } as unknown as Window)).toEqual({ x: 0, y: 0, width: 390, height: 700 });
  });
});
