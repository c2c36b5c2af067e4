/**
 * Where the card goes: below the mark (first line of it), flipped above when there is no room, shifted
 * to stay inside the viewport. floating-ui's core algorithm (`computePosition` + `offset`, `flip`,
 * `shift`) with a small platform for a `position: fixed` element measured against the viewport: the
 * card lives in our own shadow root at the top of the document, so it never has clipping ancestors, and
 * `@floating-ui/dom`'s general platform (6 KB gzip) would buy nothing but bytes in every page.
 */
import { computePosition, flip, offset, shift, type Platform, type Rect } from '@floating-ui/core';

/** Gap between the mark and the card, and the least distance kept from the viewport edges. */
export const CARD_OFFSET_PX = 6;
export const VIEWPORT_PADDING_PX = 8;

const rectOf = (r: DOMRect): Rect => ({ x: r.left, y: r.top, width: r.width, height: r.height });

const size = (el: unknown): { width: number; height: number } => {
  const h = el as HTMLElement;
  return { width: h.offsetWidth, height: h.offsetHeight };
};

const viewportPlatform: Platform = {
  getElementRects: ({ reference, floating }) => {
    const ref = reference as Element;
    // A mark that wraps onto two lines: anchor to its first line, where the pointer usually is.
    const first = ref.getClientRects()[0] ?? ref.getBoundingClientRect();
    return { reference: rectOf(first), floating: { x: 0, y: 0, ...size(floating) } };
  },
  getClippingRect: ({ element }) => {
    const root = (element as Element).ownerDocument.documentElement;
    return { x: 0, y: 0, width: root.clientWidth, height: root.clientHeight };
  },
  getDimensions: (el) => size(el),
};

export async function placeCard(reference: Element, card: HTMLElement): Promise<{ x: number; y: number; placement: string }> {
  const { x, y, placement } = await computePosition(reference, card, {
    strategy: 'fixed',
    placement: 'bottom-start',
    platform: viewportPlatform,
    middleware: [offset(CARD_OFFSET_PX), flip({ padding: VIEWPORT_PADDING_PX }), shift({ padding: VIEWPORT_PADDING_PX })],
  });
  return { x: Math.round(x), y: Math.round(y), placement };
}
