/**
 * What the gate script watches while its page fails the gate: URL changes of single-page apps, always, and
 * the content — ONE batched MutationObserver on the document (debounced, with a cheap path for huge change
 * sets) — only while the gate script asks for it (its re-check window); the observer is created on first use. history.pushState fires no event a content script sees, except through the
 * Navigation API (`navigation.currententrychange`, Chromium): where that exists it is the only URL watch,
 * with no timer; elsewhere (Firefox) the URL is compared on a slow timer, plus popstate/hashchange.
 * (The annotator's own watcher, which also hides our marks from itself, is lib/annotate/observe.ts.)
 */
import { HUGE_BATCH_RECORDS, MUTATION_MAX_WAIT_MS, MUTATION_QUIET_MS, URL_POLL_MS } from '../annotate/observe';

export interface GateWatcher {
  /**
   * Stop or resume watching the content (the MutationObserver); URL watching goes on. A watcher whose
   * content changes would be ignored anyway (the gate script outside its re-check window) pays nothing
   * for a page that keeps mutating.
   */
  watchContent(on: boolean): void;
  stop(): void;
}

export interface GateWatchOptions {
  signal: AbortSignal;
  /** true for nodes that belong to us (marks, UI host): changes inside them are ignored */
  isOurs(node: Node): boolean;
  /** the page changed (content), debounced */
  onChange(): void;
  /** the URL changed (SPA navigation or hash) */
  onUrlChange(url: string): void;
}

export function watchPageForGate(doc: Document, opts: GateWatchOptions): GateWatcher {
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

  const theirs = (n: Node): boolean => !opts.isOurs(n);
  const relevant = (r: MutationRecord): boolean =>
    theirs(r.target) && (r.type !== 'childList' || [...r.addedNodes, ...r.removedNodes].some(theirs));
  const handle = (records: MutationRecord[]): void => {
    if (!records.length) return;
    if (records.length > HUGE_BATCH_RECORDS || records.some(relevant)) schedule();
  };

  let observer: MutationObserver | undefined;
  let observing = false;
  const watchContent = (on: boolean): void => {
    if (on === observing || (on && opts.signal.aborted)) return;
    observing = on;
    if (on) (observer ??= new MutationObserver(handle)).observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    else {
      observer?.disconnect();
      reset();
    }
  };

  let lastUrl = doc.location?.href ?? '';
  const checkUrl = (): void => {
    const url = doc.location?.href ?? '';
    if (url !== lastUrl) {
      lastUrl = url;
      opts.onUrlChange(url);
    }
  };
  // pushState, replaceState, back/forward and fragment changes all change the current entry
  const navigation = (window as { navigation?: EventTarget }).navigation;
  let poll: number | undefined;
  if (navigation) {
    navigation.addEventListener('currententrychange', checkUrl, { signal: opts.signal });
  } else {
    poll = window.setInterval(checkUrl, URL_POLL_MS);
    window.addEventListener('popstate', checkUrl, { signal: opts.signal });
    window.addEventListener('hashchange', checkUrl, { signal: opts.signal });
  }

  const stop = (): void => {
    watchContent(false);
    window.clearInterval(poll);
  };
  opts.signal.addEventListener('abort', stop, { once: true });

  return {
    watchContent,
    stop,
  };
}
