/**
 * The content script injected into every http(s) page: the cheap gate only (budget: 5 KB gzip, see
 * test/browser/size-budget.test.ts). No zod, no Preact, no Readability, no webextension-polyfill (see
 * wxt.config.ts), and no extension API until the page passes the gate: on pages that fail, this script
 * costs a few element look-ups and one pass over some words. When a page passes, the background injects
 * the full annotator (entrypoints/annotator.content.ts) into this frame; see lib/gate/gate-script.ts.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createGateScript } from '../../lib/gate/gate-script';
import { gatePassedMessage } from '../../lib/shared/gate-protocol';

/**
 * The extension API, looked up only when the page passed: `browser` in Firefox, `chrome` (whose MV3 APIs
 * return promises) in Chromium. Not `wxt/browser`, which reads `browser.runtime.id` as soon as it loads.
 */
function runtime(): { sendMessage(message: unknown): Promise<unknown> } {
  const g = globalThis as { browser?: { runtime?: unknown }; chrome?: { runtime?: unknown } };
  return (g.browser?.runtime ?? g.chrome!.runtime) as { sendMessage(message: unknown): Promise<unknown> };
}

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  // document_start, and the gate runs in the page's own DOMContentLoaded dispatch: as soon as the DOM is
  // complete, which starts the annotator sooner on articles. Chromium runs document_end scripts in a task
  // of their own after DOMContentLoaded, often behind the first style/layout/paint (14 ms on the demo article,
  // over 100 ms on a large page under load), so on articles the marks came that much later. Nothing else runs
  // at document_start: no observer sees the parser's mutations.
  runAt: 'document_start',
  // WXT's legacy window.postMessage on start would tell every page that the extension runs (and costs ~1 ms).
  noScriptStartedPostMessage: true,
  main(ctx) {
    // ctx.signal aborts when a newer copy of this script starts in the frame (lib/page/content-script-context.ts)
    const { signal } = ctx;
    const start = (): void => {
      const script = createGateScript({
        doc: document,
        signal,
        sendGatePassed: () => runtime().sendMessage(gatePassedMessage()),
      });
      void script.check();
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true, signal });
    else start();
  },
});
