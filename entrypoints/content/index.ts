/**
 * The content script injected into every http(s) page: the cheap gate only (budget: 5 KB gzip, see
 * test/browser/size-budget.test.ts). No zod, no Preact, no Readability, no webextension-polyfill (see
 * wxt.config.ts): pages that fail the gate cost a few selectors and regular expressions. When a page
 * passes, the background injects the full annotator (entrypoints/annotator.content.ts) into this frame;
 * see lib/gate/gate-script.ts.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createGateScript } from '../../lib/gate/gate-script';
import { gatePassedMessage, parseGateScriptRequest } from '../../lib/gate/protocol';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  // document_start, and the gate runs in the page's own DOMContentLoaded dispatch: as soon as the DOM is
  // complete, which starts the annotator sooner on articles. Chromium runs document_end scripts in a task
  // of their own after DOMContentLoaded, often behind the first style/layout/paint (14 ms on the demo article,
  // over 100 ms on a large page under load), so on articles the marks came that much later. Nothing else runs
  // at document_start: no observer sees the parser's mutations. Late-rendered pages are re-gated on DOM changes.
  runAt: 'document_start',
  // WXT's legacy window.postMessage on start would tell every page that the extension runs (and costs ~1 ms);
  // the document event WXT uses to stop an older copy of this script is enough.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const controller = new AbortController();
    ctx.onInvalidated(() => controller.abort());
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', () => start(controller), { once: true, signal: controller.signal });
    } else start(controller);
  },
});

/** The gate script proper, once the DOM is complete. */
function start(controller: AbortController): void {
  const script = createGateScript({
    doc: document,
    signal: controller.signal,
    sendGatePassed: () => browser.runtime.sendMessage(gatePassedMessage()),
  });

  // sendResponse + `return true` (not a returned promise): the same in Chrome and Firefox without the polyfill.
  const onMessage = (raw: unknown, sender: { id?: string }, sendResponse: (answer: unknown) => void): true | undefined => {
    if (sender.id !== browser.runtime.id) return undefined;
    const request = parseGateScriptRequest(raw);
    const answer = request ? script.handle(request) : undefined;
    if (!answer) return undefined;
    void answer.then(sendResponse, () => sendResponse(undefined));
    return true;
  };
  browser.runtime.onMessage.addListener(onMessage);
  controller.signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage));

  void script.check();
}
