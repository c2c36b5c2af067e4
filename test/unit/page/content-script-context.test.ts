/**
 * Our content scripts' small ContentScriptContext (lib/page/content-script-context.ts, used in place of WXT's when
 * wxt.config.ts aliases it): a newer copy of the same script stops the older one, through a slot on the
 * content scripts' own global, without touching the extension APIs.
 */
import { describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from '../../../lib/page/content-script-context';

describe('content script context', () => {
  it('invalidates the older copy when a newer copy of the same script starts, and only then', () => {
    const older = new ContentScriptContext('content');
    const onOlder = vi.fn();
    older.onInvalidated(onOlder);
    const other = new ContentScriptContext('annotator'); // another script of the extension: no effect
    expect(onOlder).not.toHaveBeenCalled();
    const newer = new ContentScriptContext('content');
    expect(onOlder).toHaveBeenCalledTimes(1);
    expect(older.signal.aborted).toBe(true);
    expect(newer.signal.aborted).toBe(false);
    expect(other.signal.aborted).toBe(false);
    // the newest copy is the one a later copy stops
    const newest = new ContentScriptContext('content');
    expect(newer.signal.aborted).toBe(true);
    expect(newest.signal.aborted).toBe(false);
  });

  it('does not touch the extension APIs (the gate script must not, on pages that fail)', () => {
    const chrome = (globalThis as { chrome?: unknown }).chrome;
    const touched = vi.fn();
    (globalThis as { chrome?: unknown }).chrome = new Proxy({}, { get: (_t, key) => touched(key) });
    try {
      new ContentScriptContext('content').onInvalidated(() => undefined);
      expect(touched).not.toHaveBeenCalled();
    } finally {
      (globalThis as { chrome?: unknown }).chrome = chrome;
    }
  });

  it('an unsubscribed callback is not called', () => {
    const ctx = new ContentScriptContext('content');
    const stop = vi.fn();
    ctx.onInvalidated(stop)();
    new ContentScriptContext('content');
    expect(ctx.signal.aborted).toBe(true);
    expect(stop).not.toHaveBeenCalled();
  });
});
