/**
 * The gate script's small ContentScriptContext (lib/gate/script-context.ts, used in place of WXT's when
 * wxt.config.ts aliases it): a newer copy of the same script stops the older one, through WXT's own
 * document event, so copies built with either context stop each other.
 */
import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { ContentScriptContext } from '../../lib/content-script-context';

describe('gate script context', () => {
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
  });

  it('stops when WXT\'s own context announces a newer copy (same event name and detail)', () => {
    const ctx = new ContentScriptContext('content');
    const stop = vi.fn();
    const unsubscribe = ctx.onInvalidated(stop);
    document.dispatchEvent(
      new CustomEvent(`${browser.runtime.id}:content:wxt:content-script-started`, { detail: { contentScriptName: 'content', messageId: 'someone-else' } }),
    );
    expect(stop).toHaveBeenCalledTimes(1);
    unsubscribe();
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
