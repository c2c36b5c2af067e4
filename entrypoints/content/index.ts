/**
 * Content script: wires the annotator to the page and to messaging. Thin on purpose (budget: 40 KB
 * gzip): no knowledge base, no engine; pages that fail the cheap gate cost a few regular expressions.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { gate } from '../../lib/engine/gate';
import { createAnnotator } from '../../lib/annotate/annotator';
import { contentApi, parseMessage, toContentSchema } from '../../lib/messaging';
import { readGateInput } from '../../lib/page/read-gate-input';
import { readPage } from '../../lib/page/read-page';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const controller = new AbortController();
    ctx.onInvalidated(() => controller.abort());
    const annotator = createAnnotator({
      doc: document,
      signal: controller.signal,
      readGate: (doc) => gate(readGateInput(doc)),
      readPage,
      pageRead: contentApi.pageRead,
      getEntity: contentApi.getEntity,
      muteEntity: contentApi.muteEntity,
      homepage: browser.runtime.getManifest().homepage_url ?? null,
    });

    const onMessage = (raw: unknown, sender: { id?: string }): Promise<unknown> | undefined => {
      if (sender.id !== browser.runtime.id) return undefined;
      const msg = parseMessage(toContentSchema, raw);
      return msg ? annotator.handle(msg) : undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    controller.signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage));

    void annotator.run();
  },
});
