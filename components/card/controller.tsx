/**
 * The hover card in the page: ONE shadow-root host (`<div data-cnc-ui>`) for all our in-page UI, created on
 * first use; delegated listeners for marks; timing from `card-timing.ts`; placement by floating-ui's
 * core (`position.ts`: flip and shift at the viewport edges), kept in place while the page scrolls.
 *
 * The shadow root is open (as hypothesis does): page CSS cannot reach in, page scripts could read the
 * card, which holds only knowledge-base facts. Card data comes from the background by entity id.
 */
import { render } from 'preact';
import { CARD_CSS } from './card-css';
import { HoverCard } from './HoverCard';
import { reportWrongMatchUrl } from './EntityCard';
import type { CardEntity, HighlightEntity } from '../../lib/shared/messages';
import { createCardTiming, HOVER_DWELL_MS, type CardTiming } from '../../lib/annotate/card-timing';
import type { CardController, CardControllerOptions } from '../../lib/annotate/card';
import { MARK_TAG, UI_HOST_ATTR } from '../../lib/annotate/highlight';
import { placeCard } from '../../lib/annotate/card-position';
import { addStyles } from '../../lib/annotate/styles';


const HEADING_ID = 'cnc-card-title';

/** The first piece of the mention a mark belongs to (a mention may be split across elements). */
function primaryOf(mark: HTMLElement, ours: (el: Element) => boolean): HTMLElement {
  const key = mark.getAttribute('data-cnc-mention');
  if (!key) return mark;
  const pieces = mark.ownerDocument.querySelectorAll<HTMLElement>(`${MARK_TAG}[data-cnc-mention="${CSS.escape(key)}"]`);
  return Array.from(pieces).find(ours) ?? mark;
}

function closestMark(target: EventTarget | null): HTMLElement | null {
  const el = target instanceof Element ? target : target instanceof Node ? target.parentElement : null;
  return el?.closest<HTMLElement>(`${MARK_TAG}[data-cnc-entity]`) ?? null;
}

export function createCardController(opts: CardControllerOptions): CardController {
  const { doc, signal } = opts;
  const cache = new Map<string, CardEntity | undefined>();
  let host: HTMLElement | null = null;
  let floating: HTMLDivElement | null = null;
  let removeStyles: (() => void) | null = null;
  let stopAutoUpdate: (() => void) | null = null;
  let current: HTMLElement | null = null;
  let lastPointerType = '';
  /** Our mark at an event target; a page's look-alike element (same tag and attributes) is ignored. */
  const markFrom = (target: EventTarget | null): HTMLElement | null => {
    const mark = closestMark(target);
    return mark && opts.isOurMark(mark) ? mark : null;
  };

  const ensureHost = (): HTMLDivElement => {
    if (floating && host?.isConnected) return floating;
    host = doc.createElement('div');
    host.setAttribute(UI_HOST_ATTR, '');
    // The host itself takes no space and sits above the page; the card inside is position: fixed.
    host.style.setProperty('all', 'initial');
    host.style.setProperty('position', 'absolute');
    host.style.setProperty('top', '0');
    host.style.setProperty('left', '0');
    host.style.setProperty('z-index', '2147483647');
    const shadow = host.attachShadow({ mode: 'open' });
    removeStyles = addStyles(shadow, CARD_CSS);
    floating = doc.createElement('div');
    floating.style.setProperty('position', 'fixed');
    floating.style.setProperty('top', '0');
    floating.style.setProperty('left', '0');
    floating.style.setProperty('display', 'none');
    shadow.appendChild(floating);
    floating.addEventListener('pointerenter', () => timing.pointerEnterCard());
    floating.addEventListener('pointerleave', () => timing.pointerLeaveCard());
    floating.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        timing.escape();
        return;
      }
      // No trap, and no dead end: our host sits at the end of the document, so tabbing past the card's
      // last control (or back before its first) would leave the page. Go back to the mark instead.
      if (e.key === 'Tab' && floating) {
        const controls = [...floating.querySelectorAll<HTMLElement>('a[href], button')];
        const active = shadow.activeElement;
        const atEnd = !e.shiftKey && active === controls[controls.length - 1];
        const atStart = e.shiftKey && (active === controls[0] || active?.classList.contains('cnc-card'));
        if (atEnd || atStart) {
          e.preventDefault();
          timing.escape();
        }
      }
    });
    doc.documentElement.appendChild(host);
    return floating;
  };

  const paint = (mark: HTMLElement, entityId: string, entity: CardEntity | null | undefined): void => {
    const box = ensureHost();
    const planned = opts.planEntity(entityId);
    const mentionText = [...doc.querySelectorAll<HTMLElement>(`${MARK_TAG}[data-cnc-mention="${CSS.escape(mark.getAttribute('data-cnc-mention') ?? '')}"]`)]
      .filter(opts.isOurMark)
      .map((m) => m.textContent ?? '')
      .join('');
    render(
      <HoverCard
        entityId={entityId}
        entity={entity}
        fallbackName={planned?.name ?? mark.textContent ?? ''}
        theme={opts.theme()}
        headingId={HEADING_ID}
        found={planned ? { why: planned.why, inferred: false, mentionText } : undefined}
        onClose={() => timing.escape()}
        onMute={() => {
          timing.dismiss();
          opts.onMute(entityId);
        }}
        reportUrl={(entity && opts.homepage && reportWrongMatchUrl(opts.homepage, entity, mentionText)) || undefined}
      />,
      box,
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
        void placeCard(mark, box).then(({ x, y }) => {
          box.style.setProperty('left', `${x}px`);
          box.style.setProperty('top', `${y}px`);
          if (box.style.getPropertyValue('visibility') !== 'visible') {
            box.style.setProperty('visibility', 'visible');
            placed();
          }
        });
      });
    };
    // Follow the mark while any scroller moves or the window resizes, and place again when the card
    // changes size (the details arrive after a "Loading" card was placed); stopped when the card closes.
    const follow = new AbortController();
    doc.addEventListener('scroll', update, { capture: true, passive: true, signal: follow.signal });
    window.addEventListener('resize', update, { passive: true, signal: follow.signal });
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
        current?.setAttribute('aria-expanded', 'false');
        current = mark;
        if (mark.hasAttribute('aria-haspopup')) mark.setAttribute('aria-expanded', 'true');
        const entityId = mark.getAttribute('data-cnc-entity') ?? '';
        const box = ensureHost();
        const cached = cache.has(entityId);
        paint(mark, entityId, cached ? cache.get(entityId) : null);
        box.style.setProperty('display', 'block');
        box.style.setProperty('visibility', 'hidden'); // until placed: no flash in the corner
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
              paint(mark, entityId, entity);
              focusCard();
            },
            () => {
              if (timing.isCurrent(token)) paint(mark, entityId, undefined);
            },
          );
        }
      },
      close(restoreFocus) {
        stopAutoUpdate?.();
        stopAutoUpdate = null;
        if (floating) {
          render(null, floating);
          floating.style.setProperty('display', 'none');
        }
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

  const listen = <K extends keyof DocumentEventMap>(type: K, fn: (e: DocumentEventMap[K]) => void): void =>
    doc.addEventListener(type, fn, { capture: true, signal });

  listen('pointerover', (e) => {
    lastPointerType = e.pointerType;
    if (e.pointerType === 'touch') return;
    const mark = markFrom(e.target);
    if (mark) timing.pointerEnterMark(primaryOf(mark, opts.isOurMark));
  });
  listen('pointerout', (e) => {
    if (e.pointerType === 'touch') return;
    const mark = markFrom(e.target);
    if (!mark) return;
    const to = markFrom(e.relatedTarget);
    const key = mark.getAttribute('data-cnc-mention');
    if (to && to.getAttribute('data-cnc-mention') === key) return; // moving within one mention
    timing.pointerLeaveMark(primaryOf(mark, opts.isOurMark));
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
    // Inside a link the click belongs to the link; hover and keyboard still open the card.
    if (mark.closest('a[href]')) return;
    const primary = primaryOf(mark, opts.isOurMark);
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
    if ((e.key === 'Enter' || e.key === ' ') && e.target instanceof HTMLElement && e.target.matches(`${MARK_TAG}[data-cnc-entity][tabindex]`) && opts.isOurMark(e.target)) {
      e.preventDefault();
      timing.activate(e.target);
    }
  });

  return {
    openFor(mark) {
      timing.activate(primaryOf(mark, opts.isOurMark));
    },
    close() {
      timing.dismiss();
    },
    detach() {
      timing.dismiss();
      stopAutoUpdate?.();
      if (floating) render(null, floating);
      removeStyles?.();
      removeStyles = null;
      host?.remove();
      host = null;
      floating = null;
    },
    setDwell(ms) {
      timing.setDwell(ms);
    },
    timing,
    dispose() {
      timing.dismiss();
      timing.dispose();
      stopAutoUpdate?.();
      if (floating) render(null, floating);
      removeStyles?.();
      host?.remove();
      host = null;
      floating = null;
    },
  };
}
