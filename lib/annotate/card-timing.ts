/**
 * When the hover card opens and closes: a small state machine over pointer, keyboard and touch events,
 * with timers injected so that it is tested without a browser. Modelled on Page Previews' constants.js
 * and its "token per hover": every open request gets a token, and work that finishes for an older
 * token (an entity fetch) is dropped.
 */

/**
 * Pointer dwell before a card opens. A pointer that crosses a mark on its way elsewhere takes well under
 * half a second; Page Previews waits ~500 ms for the same reason. `settings.cardDelayMs` overrides it.
 */
export const HOVER_DWELL_MS = 500;
/** Grace after the pointer leaves the mark or card: long enough to cross the gap between them. */
export const CLOSE_GRACE_MS = 300;

export interface CardTimingHost<M> {
  /** open (or move) the card to `mark`; `token` identifies this request */
  open(mark: M, token: number, via: 'hover' | 'keyboard' | 'touch'): void;
  /** close the card; `restoreFocus`: put keyboard focus back on the mark */
  close(restoreFocus: boolean): void;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface CardTiming<M> {
  pointerEnterMark(mark: M): void;
  pointerLeaveMark(mark: M): void;
  pointerEnterCard(): void;
  pointerLeaveCard(): void;
  /** Enter/Space on a focused mark */
  activate(mark: M): void;
  /** tap on a touch screen */
  tap(mark: M): void;
  /** Escape anywhere in the card or on the mark */
  escape(): void;
  /** a click or tap outside both */
  dismiss(): void;
  /** current open mark (or null) and the token of the latest request */
  readonly openMark: M | null;
  readonly token: number;
  isCurrent(token: number): boolean;
  setDwell(ms: number): void;
  dispose(): void;
}

export function createCardTiming<M>(host: CardTimingHost<M>, dwellMs = HOVER_DWELL_MS, graceMs = CLOSE_GRACE_MS): CardTiming<M> {
  let openTimer: unknown = null;
  let closeTimer: unknown = null;
  let open: M | null = null;
  let pending: M | null = null;
  let token = 0;
  let openedBy: 'hover' | 'keyboard' | 'touch' | null = null;

  const cancelOpen = (): void => {
    if (openTimer !== null) host.clearTimeout(openTimer);
    openTimer = null;
    pending = null;
  };
  const cancelClose = (): void => {
    if (closeTimer !== null) host.clearTimeout(closeTimer);
    closeTimer = null;
  };
  const doOpen = (mark: M, via: 'hover' | 'keyboard' | 'touch'): void => {
    cancelOpen();
    cancelClose();
    token++;
    open = mark;
    openedBy = via;
    host.open(mark, token, via);
  };
  const doClose = (restoreFocus: boolean): void => {
    cancelOpen();
    cancelClose();
    if (open === null) return;
    token++; // anything still loading for the old card is now stale
    open = null;
    openedBy = null;
    host.close(restoreFocus);
  };
  const scheduleClose = (): void => {
    cancelClose();
    closeTimer = host.setTimeout(() => {
      closeTimer = null;
      doClose(false);
    }, graceMs);
  };

  return {
    pointerEnterMark(mark) {
      cancelClose();
      if (open === mark || pending === mark) return;
      cancelOpen();
      pending = mark;
      openTimer = host.setTimeout(() => {
        openTimer = null;
        doOpen(mark, 'hover');
      }, dwellMs);
    },
    pointerLeaveMark(mark) {
      if (pending === mark) cancelOpen();
      // a card opened from the keyboard stays until Escape or a click elsewhere
      if (open !== null && openedBy === 'hover') scheduleClose();
    },
    pointerEnterCard() {
      cancelClose();
    },
    pointerLeaveCard() {
      if (open !== null && openedBy === 'hover') scheduleClose();
    },
    activate(mark) {
      doOpen(mark, 'keyboard');
    },
    tap(mark) {
      if (open === mark) doClose(false);
      else doOpen(mark, 'touch');
    },
    escape() {
      const wasOpen = open !== null;
      doClose(wasOpen);
    },
    dismiss() {
      doClose(false);
    },
    get openMark() {
      return open;
    },
    get token() {
      return token;
    },
    isCurrent(t) {
      return t === token && open !== null;
    },
    setDwell(ms) {
      dwellMs = ms;
    },
    dispose() {
      cancelOpen();
      cancelClose();
    },
  };
}
