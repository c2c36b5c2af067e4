/**
 * A small stand-in for WXT's `ContentScriptContext`, for our two content scripts (the always-injected gate
 * script and the annotator): wxt.config.ts aliases `wxt/utils/content-script-context` to this file when it
 * builds the `content` and `annotator` entrypoints.
 *
 * Both use one thing of the context: `onInvalidated`, which fires when a newer copy of the same script
 * starts in the same frame (a second injection, or a reload of the extension in development). The copies
 * find each other through one slot per script on the content scripts' own global — the isolated world,
 * which pages can neither see nor write — instead of WXT's document event, whose name needs
 * `browser.runtime.id`: touching `chrome.runtime` costs every page about a millisecond (docs/performance.md),
 * and the gate script does not touch `chrome.*` at all unless its page passes. WXT's class also brings a
 * location watcher, timers, an invalidation check on every call and a logger, none of which our content
 * scripts use: code that every http(s) page would parse and run.
 */

type Slots = Record<symbol, AbortController | undefined>;

export class ContentScriptContext {
  private readonly controller = new AbortController();

  constructor(contentScriptName: string, _options?: unknown) {
    const slots = globalThis as unknown as Slots;
    const slot = Symbol.for(`crypto-news-context/content-script/${contentScriptName}`);
    // an older copy of this script stops first, then this copy takes its place
    slots[slot]?.abort('Content script context invalidated');
    slots[slot] = this.controller;
    this.controller.signal.addEventListener('abort', () => {
      if (slots[slot] === this.controller) delete slots[slot];
    });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  onInvalidated(cb: () => void): () => void {
    this.controller.signal.addEventListener('abort', cb);
    return () => this.controller.signal.removeEventListener('abort', cb);
  }
}
