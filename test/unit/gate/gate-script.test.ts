/**
 * The always-injected gate script: gates, asks the background once per page, stands down when the
 * annotator is in; re-gates on SPA navigation, and on late content within the window of a page that showed
 * no article text yet; offers its status and a re-check through its slot only while the annotator is
 * absent; touches no extension API on a page that fails. Its answer check is by hand and total.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGateScript, type GateScriptDeps } from '../../../lib/gate/gate-script';
import { GATE_RECHECK_WINDOW_MS, MIN_REREAD_INTERVAL_MS, MUTATION_QUIET_MS, URL_POLL_MS } from '../../../lib/page/watch';
import { GATE_SLOT_KEY, gatePassedMessage, parseGatePassedAnswer, setGateSlot, type GateSlot } from '../../../lib/shared/gate-protocol';
import { ContentScriptContext } from '../../../lib/page/content-script-context';
import contentScript from '../../../entrypoints/content/index';

const ARTICLE = '<article><h1>Lazarus Group hackers stole $100 million in crypto</h1><p>North Korean hackers drained the bridge and laundered the funds through Tornado Cash, investigators said on Monday.</p></article>';
/** an ordinary page that does not show two paragraphs of text yet (an app still rendering, a home page) */
const ORDINARY = '<main><h1>Sourdough at home</h1><p>Flour, water and salt are all you need for a good loaf of bread, plus a little patience and a warm kitchen.</p></main>';
/** an ordinary page that shows its text: it is judged on it */
const ORDINARY_TEXT =
  '<main><h1>Sourdough at home</h1><p>Flour, water and salt are all you need for a good loaf of bread, plus a little patience and a warm kitchen.</p><p>Mix the starter the night before, and let the dough rest for an hour before you fold it for the first time.</p></main>';

function setup(html: string, answer: unknown = { ok: true }) {
  document.title = '';
  document.head.innerHTML = '';
  document.body.innerHTML = html;
  const controller = new AbortController();
  let present = false;
  const sendGatePassed = vi.fn(async () => {
    if ((answer as { ok?: unknown })?.ok === true) present = true; // the background injected the annotator
    return answer;
  });
  const slots: (GateSlot | undefined)[] = [];
  const deps: GateScriptDeps = { doc: document, signal: controller.signal, sendGatePassed, annotatorPresent: () => present, publish: (s) => slots.push(s) };
  const script = createGateScript(deps);
  return { script, sendGatePassed, controller, slots, setPresent: (p: boolean) => (present = p) };
}

describe('gate script', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] }));
  afterEach(() => vi.useRealTimers());

  it('asks the background once when the page passes, with nothing but the message type, then stands down', async () => {
    const { script, sendGatePassed, controller, slots } = setup(ARTICLE);
    expect(slots).toEqual([script]); // the background can read its status from the start
    await script.check();
    expect(script.lastGate?.pass).toBe(true);
    expect(sendGatePassed).toHaveBeenCalledTimes(1);
    expect(gatePassedMessage()).toEqual({ type: 'content/gate-passed' });
    // handed over: page changes and status requests are the annotator's now
    expect(slots).toEqual([script, undefined]);
    document.body.insertAdjacentHTML('beforeend', '<p>More text about the hack and the stolen bitcoin.</p>');
    await vi.advanceTimersByTimeAsync(MUTATION_QUIET_MS + MIN_REREAD_INTERVAL_MS + 10);
    expect(sendGatePassed).toHaveBeenCalledTimes(1);
    controller.abort();
  });

  it('sends nothing for a page that fails, and its status says so', async () => {
    const { script, sendGatePassed, controller, slots } = setup(ORDINARY);
    expect(script.status()).toEqual({ url: expect.any(String), readingId: 0, gate: { pass: false, hits: [] }, marks: 0 });
    await script.check();
    expect(sendGatePassed).not.toHaveBeenCalled();
    document.title = 'Bitcoin price today';
    await script.check();
    expect(script.status()).toEqual({ url: location.href.replace(/#.*$/, ''), readingId: 0, gate: { pass: false, hits: ['crypto'] }, marks: 0 });
    controller.abort();
    expect(slots).toEqual([script, undefined]); // a replaced copy leaves the slot
  });

  it('a page already showing its text is judged on it: no MutationObserver, later changes ignored, navigation still re-gates', async () => {
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const { script, sendGatePassed, controller } = setup(ORDINARY_TEXT);
    await script.check();
    await vi.advanceTimersByTimeAsync(0); // whether its paragraphs are rendered is asked once the browser is idle
    expect(script.watchingContent).toBe(false);
    document.body.innerHTML = ARTICLE; // would pass, but no check runs on a mere DOM change here
    await vi.advanceTimersByTimeAsync(MUTATION_QUIET_MS + MIN_REREAD_INTERVAL_MS + 10);
    expect(sendGatePassed).not.toHaveBeenCalled();
    expect(observe).not.toHaveBeenCalled();
    history.pushState(null, '', `${location.pathname.replace(/\/[^/]*$/, '/')}spa-text-next`);
    await vi.advanceTimersByTimeAsync(URL_POLL_MS + MIN_REREAD_INTERVAL_MS + 10);
    expect(sendGatePassed).toHaveBeenCalledTimes(1);
    controller.abort();
    observe.mockRestore();
  });

  it('late content within the window makes the page pass; after the window only navigation re-gates', async () => {
    const late = setup(ORDINARY);
    await late.script.check();
    document.body.insertAdjacentHTML('beforeend', ARTICLE);
    await vi.advanceTimersByTimeAsync(MUTATION_QUIET_MS + MIN_REREAD_INTERVAL_MS + 10);
    expect(late.sendGatePassed).toHaveBeenCalledTimes(1);
    late.controller.abort();

    const tooLate = setup(ORDINARY);
    await tooLate.script.check();
    await vi.advanceTimersByTimeAsync(GATE_RECHECK_WINDOW_MS + 1_000);
    document.body.insertAdjacentHTML('beforeend', ARTICLE);
    await vi.advanceTimersByTimeAsync(MUTATION_QUIET_MS + MIN_REREAD_INTERVAL_MS + 10);
    expect(tooLate.sendGatePassed).not.toHaveBeenCalled();
    tooLate.controller.abort();
  });

  it('outside the window the page\'s mutations are not observed at all; an SPA navigation opens a new window', async () => {
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const { script, sendGatePassed, controller } = setup(ORDINARY);
    await script.check();
    expect(observe).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(GATE_RECHECK_WINDOW_MS + 1_000);
    expect(disconnect).toHaveBeenCalledTimes(1);
    history.pushState(null, '', `${location.pathname.replace(/\/[^/]*$/, '/')}spa-next-page`);
    await vi.advanceTimersByTimeAsync(URL_POLL_MS + MIN_REREAD_INTERVAL_MS + 10); // the URL watch sees it, the gate runs again
    expect(observe).toHaveBeenCalledTimes(2);
    document.body.insertAdjacentHTML('beforeend', ARTICLE);
    await vi.advanceTimersByTimeAsync(MUTATION_QUIET_MS + MIN_REREAD_INTERVAL_MS + 10);
    expect(sendGatePassed).toHaveBeenCalledTimes(1);
    controller.abort();
  });

  it('"disabled": asks again only for a new page or when the background asks it to re-read', async () => {
    const { script, sendGatePassed, controller } = setup(ARTICLE, { ok: false, reason: 'disabled' });
    await script.check();
    await script.check();
    expect(sendGatePassed).toHaveBeenCalledTimes(1);
    script.recheck();
    await vi.advanceTimersByTimeAsync(0);
    expect(sendGatePassed).toHaveBeenCalledTimes(2);
    controller.abort();
  });

  it('a malformed or missing answer is not taken for a hand-over: the next check asks again', async () => {
    const { script, sendGatePassed, controller } = setup(ARTICLE, { ok: 'yes' });
    await script.check();
    await script.check();
    expect(sendGatePassed).toHaveBeenCalledTimes(2);
    controller.abort();
  });

  it('stands down when the annotator is already in the frame', async () => {
    const { script, sendGatePassed, controller, setPresent, slots } = setup(ARTICLE);
    setPresent(true);
    await script.check();
    expect(sendGatePassed).not.toHaveBeenCalled();
    expect(slots).toEqual([script, undefined]);
    script.recheck();
    await vi.advanceTimersByTimeAsync(0);
    expect(sendGatePassed).not.toHaveBeenCalled();
    controller.abort();
  });
});

describe('gate protocol: hand checks', () => {
  it('accepts exactly the expected shapes and nothing else', () => {
    expect(parseGatePassedAnswer({ ok: true })).toEqual({ ok: true });
    expect(parseGatePassedAnswer({ ok: true, extra: '<img onerror>' })).toEqual({ ok: true });
    expect(parseGatePassedAnswer({ ok: false, reason: 'disabled' })).toEqual({ ok: false, reason: 'disabled' });
    for (const bad of [null, undefined, 'ok', 1, [], { ok: 1 }, { ok: false }, { ok: false, reason: 'nope' }, { ok: 'true' }]) {
      expect(parseGatePassedAnswer(bad)).toBeUndefined();
    }
  });
});

describe('gate script entrypoint', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] }));
  afterEach(() => {
    vi.useRealTimers();
    setGateSlot(undefined);
  });

  /** Runs the real content script with `chrome` and `browser` replaced by traps that record every access. */
  async function runEntrypoint(html: string): Promise<{ touched: string[]; stop(): void; restore(): void }> {
    document.head.innerHTML = '';
    document.body.innerHTML = html;
    const g = globalThis as { chrome?: unknown; browser?: unknown };
    const saved = { chrome: g.chrome, browser: g.browser };
    const touched: string[] = [];
    const trap = (name: string): unknown =>
      new Proxy(
        {},
        {
          get: (_t, key) => {
            touched.push(`${name}.${String(key)}`);
            return key === 'runtime' ? { sendMessage: async () => ({ ok: true }) } : undefined;
          },
        },
      );
    g.chrome = trap('chrome');
    g.browser = undefined;
    // the context the build gives the script (wxt.config.ts aliases WXT's to this one)
    const ctx = new ContentScriptContext('content');
    (contentScript as unknown as { main(c: ContentScriptContext): void }).main(ctx);
    await vi.advanceTimersByTimeAsync(0);
    return {
      touched,
      stop: () => void new ContentScriptContext('content'), // a newer copy of the script invalidates this one
      restore: () => Object.assign(g, saved),
    };
  }

  it('touches no extension API on a page that fails, and publishes its slot on the content scripts\' global', async () => {
    const run = await runEntrypoint(ORDINARY_TEXT);
    try {
      const slot = (globalThis as unknown as Record<symbol, GateSlot | undefined>)[Symbol.for(GATE_SLOT_KEY)];
      expect(slot?.status().gate.pass).toBe(false);
      slot?.recheck();
      await vi.advanceTimersByTimeAsync(0);
      expect(run.touched).toEqual([]);
    } finally {
      run.stop();
      run.restore();
    }
  });

  it('on a page that passes, it sends the one message through the runtime API', async () => {
    const run = await runEntrypoint(ARTICLE);
    try {
      expect(run.touched).toEqual(['chrome.runtime']);
    } finally {
      run.stop();
      run.restore();
    }
  });
});
