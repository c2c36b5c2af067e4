/**
 * Keeping the open card at its mark: placed (flip, shift, height cap inside the visual viewport, from
 * lib/annotate/card-position.ts) and placed again while any scroller moves, the window resizes, the visual
 * viewport zooms or pans, or the card changes size; and waiting for a mark to stop moving (a smooth scroll
 * to it) before a card opens there.
 */
import { anchorRect, computeCardPlacement, visibleViewport } from '../../lib/annotate/card-position';

/** "Scroll to mark" from the popup: the card opens once the mark has not moved for this many frames... */
const SETTLED_FRAMES = 3;
/** ...or after this long, whatever the page's scrolling does. */
const SETTLE_MAX_MS = 1500;

/**
 * Places the card in `box` at `mark` and keeps it there; `placed` runs once it is visible. Returns how to
 * stop following.
 */
export function followMark(doc: Document, box: HTMLElement, mark: HTMLElement, placed: () => void): () => void {
  let frame = 0;
  const update = (): void => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      const card = box.firstElementChild as HTMLElement | null;
      if (!card) return;
      // the natural height (scrollHeight ignores our cap), so the card grows back when there is room
      const natural = card.scrollHeight + card.offsetHeight - card.clientHeight;
      const { x, y, maxHeight, maxWidth } = computeCardPlacement(anchorRect(mark), { width: card.offsetWidth, height: natural }, visibleViewport(window));
      box.style.setProperty('--cnc-max-h', `${maxHeight}px`);
      box.style.setProperty('--cnc-max-w', `${maxWidth}px`);
      box.style.setProperty('left', `${x}px`);
      box.style.setProperty('top', `${y}px`);
      if (box.style.getPropertyValue('visibility') !== 'visible') {
        box.style.setProperty('visibility', 'visible');
        placed();
      }
    });
  };
  // Follow the mark while any scroller moves, the window resizes or the visual viewport zooms or pans,
  // and place again when the card changes size (the details arrive after a "Loading" card was placed).
  const follow = new AbortController();
  const on = { capture: true, passive: true, signal: follow.signal };
  doc.addEventListener('scroll', update, on);
  window.addEventListener('resize', update, on);
  window.visualViewport?.addEventListener('resize', update, on);
  window.visualViewport?.addEventListener('scroll', update, on);
  const resized = typeof ResizeObserver === 'function' ? new ResizeObserver(update) : null;
  resized?.observe(box);
  update();
  return () => {
    cancelAnimationFrame(frame);
    follow.abort();
    resized?.disconnect();
  };
}

/** Runs `fn` once `el` has stopped moving (a smooth scroll to it has ended). Returns how to cancel. */
export function whenSettled(el: HTMLElement, fn: () => void): () => void {
  const started = Date.now();
  let last = '';
  let still = 0;
  let frame = 0;
  const check = (): void => {
    const r = el.getBoundingClientRect();
    const now = `${r.left},${r.top}`;
    still = now === last ? still + 1 : 0;
    last = now;
    if (still >= SETTLED_FRAMES || Date.now() - started > SETTLE_MAX_MS) fn();
    else frame = requestAnimationFrame(check);
  };
  frame = requestAnimationFrame(check);
  return () => cancelAnimationFrame(frame);
}
