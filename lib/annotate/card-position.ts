/**
 * Where the card goes: below the mark (its first line), flipped above when it does not fit below and
 * there is more room above, shifted sideways to stay inside the viewport, and no taller than the room on
 * its side (it scrolls inside only then). These are Floating UI's `offset`, `flip` (fallback strategy
 * "best fit"), `shift` and `size` middlewares for our one case, written out as a pure function
 * (`computeCardPlacement`, unit-tested): `@floating-ui/core` with those four costs 2.8 KB gzip, which the
 * annotator's 40 KB budget does not have; this costs a tenth of it. The card is `position: fixed` in our
 * own top-layer shadow root, so it has no clipping ancestors to measure.
 *
 * The viewport is the visual viewport (`window.visualViewport`, else `innerWidth`/`innerHeight`), never
 * `documentElement.clientHeight`: on pages without a doctype (quirks mode) that is the whole document's
 * height, and the card never flipped.
 */

/** A rectangle in viewport (position: fixed) coordinates. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Gap between the mark and the card, and the least distance kept from the viewport edges. */
export const CARD_OFFSET_PX = 6;
export const VIEWPORT_PADDING_PX = 8;
/** The tallest card (28rem at 16 px): beyond it the card scrolls inside even when the page has room. */
export const MAX_CARD_HEIGHT_PX = 448;
/** A card squeezed below this is a slit: it keeps this height (scrolling inside) and moves over the mark. */
export const MIN_CARD_HEIGHT_PX = 120;

export interface CardPlacement {
  /** viewport coordinates of the card's top-left corner */
  x: number;
  y: number;
  placement: 'bottom' | 'top';
  /** caps for the card's box: it scrolls inside when its content is taller */
  maxHeight: number;
  maxWidth: number;
}

const clamp = (v: number, lo: number, hi: number): number => Math.max(lo, Math.min(v, hi));

/**
 * Pure: the card's place for a mark at `reference`, for a card whose content wants `card` (its width and
 * natural height), in `viewport`. The card's box (x, y, min(card.width, maxWidth), min(card.height,
 * maxHeight)) always lies inside the viewport less its padding, and never covers the mark when either side
 * has MIN_CARD_HEIGHT_PX of room.
 */
export function computeCardPlacement(reference: Rect, card: { width: number; height: number }, viewport: Rect): CardPlacement {
  const top = viewport.y + VIEWPORT_PADDING_PX;
  const left = viewport.x + VIEWPORT_PADDING_PX;
  const inner = { width: Math.max(0, Math.floor(viewport.width - 2 * VIEWPORT_PADDING_PX)), height: Math.max(0, Math.floor(viewport.height - 2 * VIEWPORT_PADDING_PX)) };
  const tallest = Math.min(MAX_CARD_HEIGHT_PX, inner.height);
  // flip: below when it fits there; else the side with more room (above wins only when it has more)
  const below = top + inner.height - (reference.y + reference.height + CARD_OFFSET_PX);
  const above = reference.y - CARD_OFFSET_PX - top;
  const placement = Math.min(card.height, tallest) <= below || below >= above ? 'bottom' : 'top';
  // size: no taller than the room on that side, nor shorter than a readable minimum
  const maxHeight = Math.floor(clamp(placement === 'bottom' ? below : above, Math.min(MIN_CARD_HEIGHT_PX, tallest), tallest));
  const width = Math.min(card.width, inner.width);
  const height = Math.min(card.height, maxHeight);
  // shift: start at the mark's left edge, moved in from either side; a mark scrolled out of view (or a
  // minimum-height card) is kept inside on the other axis too
  const y = placement === 'bottom' ? reference.y + reference.height + CARD_OFFSET_PX : reference.y - CARD_OFFSET_PX - height;
  return {
    x: clamp(reference.x, left, left + inner.width - width),
    y: clamp(y, top, top + inner.height - height),
    placement,
    maxHeight,
    maxWidth: inner.width,
  };
}

/** What the reader sees of the page: the visual viewport (pinch zoom, scrollbars excluded) in layout-viewport coordinates. */
export function visibleViewport(win: Window): Rect {
  const v = win.visualViewport;
  return v ? { x: v.offsetLeft, y: v.offsetTop, width: v.width, height: v.height } : { x: 0, y: 0, width: win.innerWidth, height: win.innerHeight };
}

/** The rectangle the card anchors to: a mark that wraps onto two lines anchors to its first line, where the pointer usually is. */
export function anchorRect(mark: Element): Rect {
  const r = mark.getClientRects()[0] ?? mark.getBoundingClientRect();
  return { x: r.left, y: r.top, width: r.width, height: r.height };
}
