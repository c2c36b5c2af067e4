/**
 * Notices when the page changes after load, for the annotator and for the gate script, in two parts that
 * the annotator uses together (`watchPage`) and the gate script apart: `observeContent`, ONE batched
 * MutationObserver on the document (debounced, blind to our own changes, with a cheap path for huge change
 * sets; it can be switched off and on, and is created on first use), and `watchUrl`, URL changes of
 * single-page apps.
 */

import { withoutHash } from './address';

/** Wait for the page to be quiet this long before re-reading: SPAs render in bursts. */
export const MUTATION_QUIET_MS = 800;
/** ...but never postpone a re-read longer than this while changes keep coming (live blogs, tickers). */
const MUTATION_MAX_WAIT_MS = 4_000;
/** A batch with more records than this is not inspected one by one: it simply schedules a re-read. */
const HUGE_BATCH_RECORDS = 500;
/** Re-reads closer together than this are merged: a page that mutates constantly costs little. */
export const MIN_REREAD_INTERVAL_MS = 2_000;
/**
 * On a page that failed the gate, DOM changes re-run the gate only this long after load or the last URL
 * change (time for a late-rendered article to arrive); after that only navigation does, so a ticker or an
 * ad rotator on an ordinary page costs nothing.
 */
export const GATE_RECHECK_WINDOW_MS = 30_000;
/** URL check interval for pushState navigation; a second is below what a reader notices for a re-read. */
export const URL_POLL_MS = 1_000;

export interface ContentWatcher {
  /** run our own DOM changes without seeing them as page changes */
  quietly<T>(fn: () => T): T;
  /**
   * Stop or resume watching the content (the MutationObserver). The gate script watches only in its
   * re-check windows, so a page that keeps mutating costs it nothing.
   */
  watchContent(on: boolean): void;
  readonly watchingContent: boolean;
  stop(): void;
}

/** Content and URL together: what the annotator keeps running while it is in a page. */
export type PageWatcher = ContentWatcher;

export interface ContentWatchOptions {
  signal: AbortSignal;
  /** true for nodes that belong to us (marks, UI host): changes inside them are ignored */
  isOurs(node: Node): boolean;
  /** the page changed (content), debounced */
  onChange(): void;
  /** watch the content from the start (default); false: only once `watchContent(true)` is called */
  watchContent?: boolean;
}

export interface WatchOptions extends ContentWatchOptions {
  /** the URL changed (SPA navigation or hash) */
  onUrlChange(url: string): void;
}

/**
 * The page's content: one batched MutationObserver on the document, created on first use, debounced,
 * blind to our own changes, with a cheap path for huge change sets.
 */
export function observeContent(doc: Document, opts: ContentWatchOptions): ContentWatcher {
  let quietTimer: number | undefined;
  let firstChangeAt = 0;

  /** forget a pending, debounced change */
  const reset = (): void => {
    window.clearTimeout(quietTimer);
    quietTimer = undefined;
    firstChangeAt = 0;
  };
  const fire = (): void => {
    reset();
    if (!opts.signal.aborted) opts.onChange();
  };
  const schedule = (): void => {
    const now = Date.now();
    if (!firstChangeAt) firstChangeAt = now;
    window.clearTimeout(quietTimer);
    const wait = Math.min(MUTATION_QUIET_MS, Math.max(0, firstChangeAt + MUTATION_MAX_WAIT_MS - now));
    quietTimer = window.setTimeout(fire, wait);
  };

  const relevant = (r: MutationRecord): boolean => {
    if (opts.isOurs(r.target)) return false;
    if (r.type === 'childList') {
      const all = [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)];
      return all.some((n) => !opts.isOurs(n));
    }
    return true;
  };
  const handle = (records: MutationRecord[]): void => {
    if (!records.length) return;
    if (records.length > HUGE_BATCH_RECORDS || records.some(relevant)) schedule();
  };

  let observer: MutationObserver | undefined;
  let observing = false;
  const setWatching = (on: boolean): void => {
    if (on === observing || (on && opts.signal.aborted)) return;
    observing = on;
    if (on) (observer ??= new MutationObserver(handle)).observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    else {
      observer?.disconnect();
      reset();
    }
  };
  if (opts.watchContent !== false) setWatching(true);
  const stop = (): void => setWatching(false);
  opts.signal.addEventListener('abort', stop, { once: true });

  return {
    watchContent: setWatching,
    get watchingContent() {
      return observing;
    },
    quietly(fn) {
      if (observer) handle(observer.takeRecords()); // the page's own changes so far still count
      try {
        return fn();
      } finally {
        observer?.takeRecords(); // ours: dropped
      }
    },
    stop,
  };
}

/**
 * The page's URL, for single-page apps: `onUrlChange` is called when the address without its #fragment
 * changes (a jump within the page is not a new page). history.pushState fires no event a content script sees, except
 * through the Navigation API (`navigation.currententrychange`, Chromium): where that exists it is the only
 * URL watch, with no timer; elsewhere (Firefox) the URL is compared on a slow timer, plus popstate and
 * hashchange. Small on purpose: the gate script sets it up on every page (the content watcher only when it
 * needs one), and a function's size is what it costs to compile on its first call.
 */
export function watchUrl(doc: Document, signal: AbortSignal, onUrlChange: (url: string) => void): { stop(): void } {
  // doc.URL rather than doc.location: a Location object is one more DOM interface to set up in each page
  let lastPage = withoutHash(doc.URL);
  let stopped = false;
  const checkUrl = (): void => {
    const url = doc.URL;
    if (stopped || withoutHash(url) === lastPage) return;
    lastPage = withoutHash(url);
    onUrlChange(url);
  };
  // pushState, replaceState, back/forward and fragment changes all change the current entry
  const navigation = (window as { navigation?: EventTarget }).navigation;
  let poll: number | undefined;
  if (navigation) {
    navigation.addEventListener('currententrychange', checkUrl, { signal });
  } else {
    poll = window.setInterval(checkUrl, URL_POLL_MS);
    window.addEventListener('popstate', checkUrl, { signal });
    window.addEventListener('hashchange', checkUrl, { signal });
  }
  const stop = (): void => {
    stopped = true;
    window.clearInterval(poll);
  };
  signal.addEventListener('abort', stop, { once: true });
  return { stop };
}

/** Content and URL, both from the start unless `watchContent: false` (the annotator's watcher). */
export function watchPage(doc: Document, opts: WatchOptions): PageWatcher {
  const content = observeContent(doc, opts);
  const urls = watchUrl(doc, opts.signal, opts.onUrlChange);
  return {
    quietly: content.quietly,
    watchContent: content.watchContent,
    get watchingContent() {
      return content.watchingContent;
    },
    stop() {
      content.stop();
      urls.stop();
    },
  };
}
