/**
 * The card's host in the page: ONE `<div data-cnc-ui>` with a CLOSED shadow root and the card's styles,
 * made on first use (and again if the page removed it), shown in the top layer as a manual popover where
 * the Popover API exists. Its box ignores synthetic clicks and keys; Escape, and Tab past either end of
 * the card, go back to the mark.
 */
import { addStyles } from '../../lib/annotate/styles';
import { UI_HOST_ATTR } from '../../lib/annotate/highlight';
import { CARD_CSS } from './card-css';

type Listener<E extends Event> = (e: E) => void;
/** Only events the browser made from real input: a page's `click()` or `dispatchEvent` is ignored. */
export const trusted =
  <E extends Event>(fn: Listener<E>): Listener<E> =>
  (e) => {
    if (e.isTrusted) fn(e);
  };

export interface CardHostEvents {
  pointerEnterCard(): void;
  pointerLeaveCard(): void;
  /** Escape in the card, or Tab past its first or last control */
  escape(): void;
}

export interface CardHost {
  /** the box the card renders into (the host is made, or made again, first) */
  ensure(): HTMLDivElement;
  /** the box, if the host exists */
  readonly box: HTMLDivElement | null;
  /** the host element, if made (events inside the closed root are retargeted to it) */
  readonly element: HTMLElement | null;
  /** into the top layer (above any z-index and earlier top-layer elements) where it can be */
  raise(): void;
  lower(): void;
  /** take the host and its styles out of the page */
  remove(): void;
}

export function createCardHost(doc: Document, on: CardHostEvents): CardHost {
  let host: HTMLElement | null = null;
  let floating: HTMLDivElement | null = null;
  let removeStyles: (() => void) | null = null;

  const ensure = (): HTMLDivElement => {
    if (floating && host?.isConnected) return floating;
    host = doc.createElement('div');
    host.setAttribute(UI_HOST_ATTR, '');
    // A manual popover: shown in the top layer while a card is open, no light dismiss. `all: initial`
    // also undoes the UA's popover box (inset, margin, border, padding, background).
    host.setAttribute('popover', 'manual');
    // CSSOM, not a style attribute: a page's CSP (style-src) does not apply to it
    host.style.cssText = 'all:initial!important;position:fixed!important;top:0!important;left:0!important;width:0!important;height:0!important;overflow:visible!important;z-index:2147483647!important';
    const root = host.attachShadow({ mode: 'closed' });
    removeStyles = addStyles(root, CARD_CSS);
    const box = doc.createElement('div');
    floating = box;
    box.style.setProperty('position', 'fixed');
    box.style.setProperty('top', '0');
    box.style.setProperty('left', '0');
    box.style.setProperty('display', 'none');
    root.appendChild(box);
    // Synthetic clicks and keys never reach the card's buttons and links (a closed root keeps page
    // scripts from finding them; this holds even for one that does).
    for (const type of ['click', 'keydown']) {
      box.addEventListener(
        type,
        (e) => {
          if (e.isTrusted) return;
          e.stopImmediatePropagation();
          e.preventDefault();
        },
        true,
      );
    }
    box.addEventListener('pointerenter', trusted(() => on.pointerEnterCard()));
    box.addEventListener('pointerleave', trusted(() => on.pointerLeaveCard()));
    box.addEventListener(
      'keydown',
      trusted((e: KeyboardEvent) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          on.escape();
          return;
        }
        // No trap, and no dead end: our host sits at the end of the document, so tabbing past the card's
        // last control (or back before its first) would leave the page. Go back to the mark instead.
        if (e.key === 'Tab') {
          const controls = [...box.querySelectorAll<HTMLElement>('a[href], button')];
          const active = root.activeElement;
          const atEnd = !e.shiftKey && active === controls[controls.length - 1];
          const atStart = e.shiftKey && (active === controls[0] || active?.classList.contains('cnc-card'));
          if (atEnd || atStart) {
            e.preventDefault();
            on.escape();
          }
        }
      }),
    );
    doc.documentElement.appendChild(host);
    return box;
  };

  return {
    ensure,
    get box() {
      return floating;
    },
    get element() {
      return host;
    },
    raise() {
      try {
        if (host && typeof host.showPopover === 'function' && !host.matches(':popover-open')) host.showPopover();
      } catch {
        // no Popover API, or the page took our host out of the document: the z-index fallback holds
      }
    },
    lower() {
      try {
        if (host?.matches(':popover-open')) host.hidePopover();
      } catch {
        // as above
      }
    },
    remove() {
      removeStyles?.();
      removeStyles = null;
      host?.remove();
      host = floating = null;
    },
  };
}
