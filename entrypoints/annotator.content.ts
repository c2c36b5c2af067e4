/**
 * The annotator: gate -> read the page -> ask the background -> paint the plan -> keep it right while the
 * page changes. Not listed in the manifest (`registration: 'runtime'`): the background injects it with
 * `scripting.executeScript` into a frame whose always-injected gate script (entrypoints/content/index.ts)
 * reported that the page passed the cheap gate. It refuses to run twice in one frame.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { gate, type GateResult } from '../lib/gate/gate';
import { createAnnotator } from '../lib/annotate/annotator';
import { createCardController } from '../components/card/controller';
import { annotatorPresent, GATE_SLOT_KEY, setAnnotatorPresent, type GateSlot } from '../lib/shared/gate-protocol';
import { pageReadAnswerSchema, parseMessage, toContentSchema, type PageReadAnswer } from '../lib/shared/messages';
import { contentApi } from '../lib/shared/channels';
import { gateInputWith } from '../lib/gate/read-gate-input';
import { readMeta } from '../lib/page/read-meta';
import { readPage } from '../lib/page/read-page';
import { withoutHash } from '../lib/page/address';

/**
 * `content/page-read`, and while the background analyses (tens of ms in which this page's main thread is
 * idle), a task that builds the answer's validator: zod schemas are built on first use, which costs a few
 * ms that would otherwise come between the answer's arrival and the marks.
 */
function pageRead(readingId: number, input: Parameters<typeof contentApi.pageRead>[1]): Promise<PageReadAnswer | undefined> {
  const answer = contentApi.pageRead(readingId, input); // the message is sent synchronously, here
  setTimeout(() => pageReadAnswerSchema.safeParse(undefined), 0); // built once; later calls fail fast on `undefined`
  return answer;
}

/**
 * The gate script's verdict on this very page when it passed: it judged the page moments ago, and that is why
 * the background injected this script, so the first run need not judge it again (its visible-text reading costs
 * a few ms before the page is read). Read from the gate script's slot, in the content scripts' world we share.
 */
function gatePassedHere(doc: Document): GateResult | undefined {
  const status = (globalThis as unknown as Record<symbol, GateSlot | undefined>)[Symbol.for(GATE_SLOT_KEY)]?.status();
  return status?.gate.pass && status.url === withoutHash(doc.URL).slice(0, 2000) ? { pass: true, hits: [...status.gate.hits] } : undefined;
}

export default defineContentScript({
  // Injected only by the background, only into frames of http(s) pages (WXT adds these as host permissions,
  // which executeScript needs; the gate content script already matches the same pages).
  matches: ['http://*/*', 'https://*/*'],
  registration: 'runtime',
  // WXT's legacy window.postMessage on start would tell every page that the extension runs (and costs ~1 ms);
  // the document event WXT uses to stop an older copy of this script is enough.
  noScriptStartedPostMessage: true,
  main(ctx) {
    if (annotatorPresent()) return;
    setAnnotatorPresent(true);
    let passed = gatePassedHere(document);
    const controller = new AbortController();
    ctx.onInvalidated(() => controller.abort());
    const annotator = createAnnotator({
      doc: document,
      signal: controller.signal,
      readGate: (doc) => {
        const verdict = passed; // the first run only
        passed = undefined;
        return verdict ?? gate(gateInputWith(doc, readMeta(doc)));
      },
      readPage,
      pageRead,
      getEntity: contentApi.getEntity,
      muteEntity: contentApi.muteEntity,
      homepage: browser.runtime.getManifest().homepage_url ?? null,
      createCard: createCardController,
    });

    const onMessage = (raw: unknown, sender: { id?: string }): Promise<unknown> | undefined => {
      if (sender.id !== browser.runtime.id) return undefined;
      const msg = parseMessage(toContentSchema, raw);
      return msg ? annotator.handle(msg) : undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    controller.signal.addEventListener('abort', () => {
      browser.runtime.onMessage.removeListener(onMessage);
      setAnnotatorPresent(false);
    });

    void annotator.run();
  },
});
