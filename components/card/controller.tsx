/**
 * The hover card in the page: delegated listeners for marks, what the open card shows, and muting. The host
 * (ONE `<div data-cnc-ui>` with a CLOSED shadow root) is `card-host.ts`; timing is `card-timing.ts`;
 * placement, kept while the page scrolls, is `card-follow.ts`.
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
import { HoverCard } from './HoverCard';
import { reportWrongMatchUrl } from './EntityCard';
import type { CardEntity } from '../../lib/shared/messages';
import { createCardTiming, HOVER_DWELL_MS, type CardTiming } from '../../lib/annotate/card-timing';
import type { CardController, CardControllerOptions } from '../../lib/annotate/card';
import { MARK_TAG } from '../../lib/annotate/highlight';
import { safeHref } from '../shared/format';
import { themeBehind } from './page-theme';
import { createCardHost, trusted } from './card-host';
import { followMark, whenSettled } from './card-follow';
import { t } from '../../lib/shared/i18n';

const HEADING_ID = 'cnc-card-title';
/** Said when the background did not save a mute and sent no words of its own. */
export const notSavedWords = (): string => t('cardNotSaved');

/** The words to show for a mute that was not saved, or null when it was. */
function notSaved(answer: unknown): string | null {
  if (!answer || typeof answer !== 'object' || (answer as { ok?: unknown }).ok !== false) return null;
  const m = (answer as { message?: unknown }).message;
  return typeof m === 'string' && m ? m.slice(0, 400) : notSavedWords();
}

/** "Don't mark on this site" or "Never mark this" (every site). */
type MuteScope = 'site' | 'everywhere';

type Listener<E extends Event> = (e: E) => void;

export function createCardController(opts: CardControllerOptions): CardController {
  const { doc, signal } = opts;
  const cache = new Map<string, CardEntity | undefined>();
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
  const ui = createCardHost(doc, {
    pointerEnterCard: () => timing.pointerEnterCard(),
    pointerLeaveCard: () => timing.pointerLeaveCard(),
    escape: () => timing.escape(),
  });

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

  const paint = (mark: HTMLElement, entity: CardEntity | null | undefined): void => {
    const rec = opts.markRecord(mark);
    if (!rec) return;
    const box = ui.ensure();
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
        onMute={() => mute(mark, entityId, entity, 'site')}
        onMuteEverywhere={() => mute(mark, entityId, entity, 'everywhere')}
        more={more}
        onMore={() => {
          more = !more;
          paint(mark, entity); // the ResizeObserver places the card again
        }}
        linkUrl={linkOf(mark)}
        // a name the knowledge base lacks: the article's own description, from the plan (issue 17)
        article={planned?.articleDescription ? { type: planned.type, description: planned.articleDescription } : undefined}
        problem={problem}
        reportUrl={(entity && opts.homepage && reportWrongMatchUrl(opts.homepage, entity, text)) || undefined}
      />,
      box,
    );
  };

  /** "Don't mark on this site" / "Never mark this": the card closes once it is saved, and says why when it was not. */
  const mute = (mark: HTMLElement, entityId: string, entity: CardEntity | null | undefined, scope: MuteScope): void => {
    const token = timing.token;
    const fail = (words: string): void => {
      if (!timing.isCurrent(token)) return;
      problem = words;
      paint(mark, entity);
    };
    (scope === 'site' ? opts.onMute(entityId) : opts.onMute(entityId, scope)).then(
      (answer) => {
        const words = notSaved(answer);
        if (words) fail(words);
        else if (timing.isCurrent(token)) timing.dismiss();
      },
      () => fail(notSavedWords()),
    );
  };

  /** Position the card at the mark and keep it there; `placed` runs once it is visible. */
  const place = (mark: HTMLElement, placed: () => void): void => {
    const box = ui.box;
    if (!box) return;
    stopAutoUpdate?.();
    stopAutoUpdate = followMark(doc, box, mark, placed);
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
        const box = ui.ensure();
        const cached = cache.has(entityId);
        paint(mark, cached ? cache.get(entityId) : null);
        box.style.setProperty('display', 'block');
        box.style.setProperty('visibility', 'hidden'); // until placed: no flash in the corner
        ui.raise();
        // Hidden elements cannot take focus: move it into the card once the card is placed and shown.
        let shown = false;
        const focusCard = (): void => {
          if (via === 'keyboard' && shown && timing.isCurrent(token)) box.querySelector<HTMLElement>('.cnc-card')?.focus();
        };
        place(mark, () => {
          shown = true;
          focusCard();
        });
        // a name the knowledge base lacks has no entry to fetch: its card is the article's description
        if (!cached && !opts.planEntity(entityId)?.articleDescription) {
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
        if (ui.box) {
          render(null, ui.box);
          ui.box.style.setProperty('display', 'none');
        }
        ui.lower();
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
    if ((ui.element && path.includes(ui.element)) || markFrom(e.target)) return;
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

  const teardown = (): void => {
    stopSettle?.();
    timing.dismiss();
    stopAutoUpdate?.();
    if (ui.box) render(null, ui.box);
    ui.remove();
  };

  return {
    openFor(mark) {
      if (!opts.markRecord(mark)) return;
      stopSettle?.();
      stopSettle = whenSettled(mark, () => {
        stopSettle = null;
        timing.activate(primaryOf(mark));
      });
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
