/**
 * The hover card in the page: ONE host (`<div data-cnc-ui>`) for all our in-page UI, created on first use,
 * with a CLOSED shadow root; delegated listeners for marks; timing from `card-timing.ts`; placement from
 * `card-position.ts` (flip, shift and a height cap inside the visual viewport), kept while the page scrolls.
 *
 * What the page can do, and cannot:
 * - It cannot read or change the card: the root is closed (`host.shadowRoot === null`), and the theme and
 *   card delay live only inside it or in our closures, never in attributes the page can read.
 * - It cannot choose what the card says: a mark's entity and mention come from the highlighter's record
 *   (a WeakMap filled when the mark was made), never from its `data-cnc-*` attributes or its text; the
 *   title and text come from the background (the plan and `getEntity`) only.
 * - It cannot open the card or press its buttons from script: events with `isTrusted === false`
 *   (`el.click()`, `dispatchEvent`) are ignored by every listener here, and stopped before they reach the
 *   card's buttons and links.
 * - It cannot cover the card: the host is a manual popover shown in the top layer where the Popover API
 *   exists; elsewhere it has the highest z-index and comes last in the document.
 */
import { render } from 'preact';
import { CARD_CSS } from './card-css';
import { HoverCard } from './HoverCard';
import { reportWrongMatchUrl } from './EntityCard';
import type { CardEntity } from '../../lib/shared/messages';
import { createCardTiming, HOVER_DWELL_MS, type CardTiming } from '../../lib/annotate/card-timing';
import type { CardController, CardControllerOptions } from '../../lib/annotate/card';
import { MARK_TAG, UI_HOST_ATTR } from '../../lib/annotate/highlight';
import { anchorRect, computeCardPlacement, visibleViewport } from '../../lib/annotate/card-position';
import { addStyles } from '../../lib/annotate/styles';
import { safeHref } from '../shared/format';
import { themeBehind } from './page-theme';

const HEADING_ID = 'cnc-card-title';
/** "Scroll to mark" from the popup: the card opens once the mark has not moved for this many frames... */
const SETTLED_FRAMES = 3;
/** ...or after this long, whatever the page's scrolling does. */
const SETTLE_MAX_MS = 1500;
/** Said when the background did not save a mute and sent no words of its own. */
export const NOT_SAVED = 'This was not saved: your browser’s storage did not accept the change. Nothing you set before was lost. Try again in a moment.';

/** The words to show for a mute that was not saved, or null when it was. */
function notSaved(answer: unknown): string | null {
  if (!answer || typeof answer !== 'object' || (answer as { ok?: unknown }).ok !== false) return null;
  const m = (answer as { message?: unknown }).message;
  return typeof m === 'string' && m ? m.slice(0, 400) : NOT_SAVED;
}

type Listener<E extends Event> = (e: E) => void;
/** Only events the browser made from real input: a page's `click()` or `dispatchEvent` is ignored. */
const trusted =
  <E extends Event>(fn: Listener<E>): Listener<E> =>
  (e) => {
    if (e.isTrusted) fn(e);
  };

export function createCardController(opts: CardControllerOptions): CardController {
  const { doc, signal } = opts;
  const cache = new Map<string, CardEntity | undefined>();
  let host: HTMLElement | null = null;
  let floating: HTMLDivElement | null = null;
  let removeStyles: (() => void) | null = null;
  let stopAutoUpdate: (() => void) | null = null;
  let stopSettle: (() => void) | null = null;
  let current: HTMLElement | null = null;
  /** the open card's words about a failed save (shown in the card until it closes) */
  let problem: string | null = null;
  /** the open card shows everything ("More") */
  let more = false;
  /** the open card's theme: the reader's choice, else the page's background behind the mark (read once per opening) */
  let theme: 'light' | 'dark' = 'light';
  let lastPointerType = '';

  /** Our mark at an event target (a page's look-alike element, same tag and attributes, is not ours). */
  const markFrom = (target: EventTarget | null): HTMLElement | null => {
    const el = target instanceof Element ? target : target instanceof Node ? target.parentElement : null;
    const mark = el?.closest<HTMLElement>(MARK_TAG);
    return mark && opts.markRecord(mark) ? mark : null;
  };
  /** The http(s) address of the page's link around a mark, if any (offered in the card as "Open link"). */
  const linkOf = (mark: HTMLElement): string | undefined => {
    const a = mark.closest('a[href]');
    return (a instanceof HTMLAnchorElement && safeHref(a.href)) || undefined;
  };
  /** The first piece of the mention a mark belongs to (a mention may be split across elements). */
  const primaryOf = (mark: HTMLElement): HTMLElement => {
    const rec = opts.markRecord(mark);
    return (rec && opts.piecesOf(rec.key)[0]) || mark;
  };

  /** Put the host in the top layer (above any z-index and earlier top-layer elements) where it can be. */
  const raise = (): void => {
    try {
      if (host && typeof host.showPopover === 'function' && !host.matches(':popover-open')) host.showPopover();
    } catch {
      // no Popover API, or the page took our host out of the document: the z-index fallback holds
    }
  };
  const lower = (): void => {
    try {
      if (host?.matches(':popover-open')) host.hidePopover();
    } catch {
      // as above
    }
  };

  const ensureHost = (): HTMLDivElement => {
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
    box.addEventListener('pointerenter', trusted(() => timing.pointerEnterCard()));
    box.addEventListener('pointerleave', trusted(() => timing.pointerLeaveCard()));
    box.addEventListener(
      'keydown',
      trusted((e: KeyboardEvent) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          timing.escape();
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
            timing.escape();
          }
        }
      }),
    );
    doc.documentElement.appendChild(host);
    return box;
  };

  const paint = (mark: HTMLElement, entity: CardEntity | null | undefined): void => {
    const rec = opts.markRecord(mark);
    if (!rec) return;
    const box = ensureHost();
    const { entityId, text } = rec;
    const planned = opts.planEntity(entityId);
    render(
      <HoverCard
        entityId={entityId}
        entity={entity}
        // the plan's name, else the mention as the engine read it: never the mark's text in the page now
        fallbackName={planned?.name ?? text}
        theme={theme}
        headingId={HEADING_ID}
        found={planned ? { mentionText: text } : undefined}
        onClose={() => timing.escape()}
        onMute={() => mute(mark, entityId, entity)}
        more={more}
        onMore={() => {
          more = !more;
          paint(mark, entity); // the ResizeObserver places the card again
        }}
        linkUrl={linkOf(mark)}
        problem={problem}
        reportUrl={(entity && opts.homepage && reportWrongMatchUrl(opts.homepage, entity, text)) || undefined}
      />,
      box,
    );
  };

  /** "Don't mark on this site": the card closes once it is saved, and says why when it was not. */
  const mute = (mark: HTMLElement, entityId: string, entity: CardEntity | null | undefined): void => {
    const token = timing.token;
    const fail = (words: string): void => {
      if (!timing.isCurrent(token)) return;
      problem = words;
      paint(mark, entity);
    };
    opts.onMute(entityId).then(
      (answer) => {
        const words = notSaved(answer);
        if (words) fail(words);
        else if (timing.isCurrent(token)) timing.dismiss();
      },
      () => fail(NOT_SAVED),
    );
  };

  /** Position the card at the mark and keep it there; `placed` runs once it is visible. */
  const place = (mark: HTMLElement, placed: () => void): void => {
    const box = floating;
    if (!box) return;
    stopAutoUpdate?.();
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
    stopAutoUpdate = () => {
      cancelAnimationFrame(frame);
      follow.abort();
      resized?.disconnect();
    };
    update();
  };

  const timing: CardTiming<HTMLElement> = createCardTiming<HTMLElement>(
    {
      open(mark, token, via) {
        const rec = opts.markRecord(mark);
        if (!rec) return;
        current?.setAttribute('aria-expanded', 'false');
        current = mark;
        problem = null;
        more = false;
        const chosen = opts.theme();
        theme = chosen === 'system' ? themeBehind(mark) : chosen;
        if (mark.hasAttribute('aria-haspopup')) mark.setAttribute('aria-expanded', 'true');
        const { entityId } = rec;
        const box = ensureHost();
        const cached = cache.has(entityId);
        paint(mark, cached ? cache.get(entityId) : null);
        box.style.setProperty('display', 'block');
        box.style.setProperty('visibility', 'hidden'); // until placed: no flash in the corner
        raise();
        // Hidden elements cannot take focus: move it into the card once the card is placed and shown.
        let shown = false;
        const focusCard = (): void => {
          if (via === 'keyboard' && shown && timing.isCurrent(token)) box.querySelector<HTMLElement>('.cnc-card')?.focus();
        };
        place(mark, () => {
          shown = true;
          focusCard();
        });
        if (!cached) {
          void opts.getEntity(entityId).then(
            (entity) => {
              cache.set(entityId, entity);
              if (!timing.isCurrent(token)) return; // stale: another card was asked for meanwhile
              paint(mark, entity);
              focusCard();
            },
            () => {
              if (timing.isCurrent(token)) paint(mark, undefined);
            },
          );
        }
      },
      close(restoreFocus) {
        stopAutoUpdate?.();
        stopAutoUpdate = null;
        problem = null;
        if (floating) {
          render(null, floating);
          floating.style.setProperty('display', 'none');
        }
        lower();
        const mark = current;
        current = null;
        if (mark) {
          if (mark.hasAttribute('aria-haspopup')) mark.setAttribute('aria-expanded', 'false');
          if (restoreFocus && mark.isConnected) mark.focus();
        }
      },
      setTimeout: (fn, ms) => window.setTimeout(fn, ms),
      clearTimeout: (h) => window.clearTimeout(h as number),
    },
    HOVER_DWELL_MS,
  );

  const listen = <K extends keyof DocumentEventMap>(type: K, fn: Listener<DocumentEventMap[K]>): void =>
    doc.addEventListener(type, trusted(fn), { capture: true, signal });

  listen('pointerover', (e) => {
    lastPointerType = e.pointerType;
    if (e.pointerType === 'touch') return;
    const mark = markFrom(e.target);
    if (mark) timing.pointerEnterMark(primaryOf(mark));
  });
  listen('pointerout', (e) => {
    if (e.pointerType === 'touch') return;
    const mark = markFrom(e.target);
    if (!mark) return;
    const to = markFrom(e.relatedTarget);
    if (to && opts.markRecord(to)?.key === opts.markRecord(mark)?.key) return; // moving within one mention
    timing.pointerLeaveMark(primaryOf(mark));
  });
  listen('pointerdown', (e) => {
    lastPointerType = e.pointerType;
    if (!timing.openMark) return;
    const path = e.composedPath();
    if ((host && path.includes(host)) || markFrom(e.target)) return;
    timing.dismiss();
  });
  listen('click', (e) => {
    const mark = markFrom(e.target);
    if (!mark) return;
    const primary = primaryOf(mark);
    if (mark.closest('a[href]')) {
      // Inside a link a mouse click belongs to the link (hover and keyboard open the card). On touch there
      // is no hover: the first tap opens the card, which offers "Open link"; a tap while it is open follows the link.
      if (lastPointerType !== 'touch' || timing.openMark === primary) return;
      e.preventDefault();
    }
    if (lastPointerType === 'touch') timing.tap(primary);
    else timing.activate(primary);
  });
  listen('keydown', (e) => {
    if (e.key === 'Escape' && timing.openMark) {
      // ours: the page should not also close its own dialog or leave full screen
      e.stopPropagation();
      timing.escape();
      return;
    }
    if ((e.key === 'Enter' || e.key === ' ') && e.target === markFrom(e.target) && e.target instanceof HTMLElement) {
      e.preventDefault();
      timing.activate(primaryOf(e.target));
    }
  });

  /** Run `fn` once `el` has stopped moving (a smooth scroll to it has ended). */
  const whenSettled = (el: HTMLElement, fn: () => void): void => {
    stopSettle?.();
    const started = Date.now();
    let last = '';
    let still = 0;
    let frame = 0;
    const check = (): void => {
      const r = el.getBoundingClientRect();
      const now = `${r.left},${r.top}`;
      still = now === last ? still + 1 : 0;
      last = now;
      if (still >= SETTLED_FRAMES || Date.now() - started > SETTLE_MAX_MS) {
        stopSettle = null;
        fn();
      } else frame = requestAnimationFrame(check);
    };
    stopSettle = () => cancelAnimationFrame(frame);
    frame = requestAnimationFrame(check);
  };

  const teardown = (): void => {
    stopSettle?.();
    timing.dismiss();
    stopAutoUpdate?.();
    if (floating) render(null, floating);
    removeStyles?.();
    removeStyles = null;
    host?.remove();
    host = floating = null;
  };

  return {
    openFor(mark) {
      if (opts.markRecord(mark)) whenSettled(mark, () => timing.activate(primaryOf(mark)));
    },
    close() {
      stopSettle?.();
      timing.dismiss();
    },
    detach: teardown,
    setDwell(ms) {
      timing.setDwell(ms);
    },
    timing,
    dispose() {
      teardown();
      timing.dispose();
    },
  };
}
