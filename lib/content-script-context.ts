/**
 * A small stand-in for WXT's `ContentScriptContext`, for our two content scripts (the always-injected gate
 * script and the annotator): wxt.config.ts aliases `wxt/utils/content-script-context` to this file when it
 * builds the `content` and `annotator` entrypoints.
 *
 * Both use one thing of the context: `onInvalidated`, which fires when a newer copy of the
 * script starts in the same page (after an extension update or reload). That works exactly as in WXT — the
 * same document event, same name and detail — so a copy built either way stops the other. WXT's class also
 * brings a location watcher, timers, an invalidation check on every call and a logger, none of which our
 * content scripts use: code that every http(s) page would parse and run.
 */
import { browser } from 'wxt/browser';

export class ContentScriptContext {
  private readonly controller = new AbortController();
  private readonly id = Math.random().toString(36).slice(2);

  constructor(contentScriptName: string, _options?: unknown) {
    const type = `${browser.runtime.id}:${contentScriptName}:wxt:content-script-started`;
    const onStarted = (e: Event): void => {
      const detail = (e as CustomEvent<{ contentScriptName?: unknown; messageId?: unknown } | null>).detail;
      if (detail?.contentScriptName === contentScriptName && detail.messageId !== this.id) this.controller.abort('Content script context invalidated');
    };
    // announce first (an older copy stops), then listen for a newer one
    document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName, messageId: this.id } }));
    document.addEventListener(type, onStarted, { signal: this.controller.signal });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  onInvalidated(cb: () => void): () => void {
    this.controller.signal.addEventListener('abort', cb);
    return () => this.controller.signal.removeEventListener('abort', cb);
  }
}
