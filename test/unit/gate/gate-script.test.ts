/**
 * The always-injected gate script: gates, asks the background once per page, stands down when the
 * annotator is in; re-gates on late content within the window and on SPA navigation; answers status and
 * re-read requests only while the annotator is absent. Its message checks are by hand and total.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGateScript, type GateScriptDeps } from '../../../lib/gate/gate-script';
import { GATE_RECHECK_WINDOW_MS, MIN_REREAD_INTERVAL_MS, MUTATION_QUIET_MS, URL_POLL_MS } from '../../../lib/annotate/observe';
import { gatePassedMessage, parseGatePassedAnswer, parseGateScriptRequest } from '../../../lib/gate/protocol';

const ARTICLE = '<article><h1>Lazarus Group hackers stole $100 million in crypto</h1><p>North Korean hackers drained the bridge and laundered the funds through Tornado Cash, investigators said on Monday.</p></article>';
const ORDINARY = '<main><h1>Sourdough at home</h1><p>Flour, water and salt are all you need for a good loaf of bread, plus a little patience and a warm kitchen.</p></main>';

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
  const deps: GateScriptDeps = { doc: document, signal: controller.signal, sendGatePassed, annotatorPresent: () => present };
  const script = createGateScript(deps);
  return { script, sendGatePassed, controller, setPresent: (p: boolean) => (present = p) };
}

describe('gate script', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] }));
  afterEach(() => vi.useRealTimers());

  it('asks the background once when the page passes, with nothing but the message type, then stands down', async () => {
    const { script, sendGatePassed, controller } = setup(ARTICLE);
    await script.check();
    expect(script.lastGate?.pass).toBe(true);
    expect(sendGatePassed).toHaveBeenCalledTimes(1);
    expect(gatePassedMessage()).toEqual({ type: 'content/gate-passed' });
    // handed over: page changes and status requests are the annotator's now
    document.body.insertAdjacentHTML('beforeend', '<p>More text about the hack and the stolen bitcoin.</p>');
    await vi.advanceTimersByTimeAsync(MUTATION_QUIET_MS + MIN_REREAD_INTERVAL_MS + 10);
    expect(sendGatePassed).toHaveBeenCalledTimes(1);
    expect(script.handle('background/get-status')).toBeUndefined();
    controller.abort();
  });

  it('sends nothing for a page that fails, and answers status with its gate result', async () => {
    const { script, sendGatePassed, controller } = setup(ORDINARY);
    await script.check();
    expect(sendGatePassed).not.toHaveBeenCalled();
    expect(await script.handle('background/get-status')).toEqual({ url: expect.any(String), readingId: 0, gate: { pass: false, hits: [] }, marks: 0 });
    controller.abort();
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
    expect(await script.handle('background/reread')).toEqual({ ok: true });
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
    const { script, sendGatePassed, controller, setPresent } = setup(ARTICLE);
    setPresent(true);
    await script.check();
    expect(sendGatePassed).not.toHaveBeenCalled();
    expect(script.handle('background/reread')).toBeUndefined();
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
    expect(parseGateScriptRequest({ type: 'background/get-status' })).toBe('background/get-status');
    expect(parseGateScriptRequest({ type: 'background/reread', x: 1 })).toBe('background/reread');
    for (const bad of [null, 'background/reread', { type: 'background/toggle' }, { type: ['background/reread'] }, Object.create({ type: 'background/reread' }) as object]) {
      expect(parseGateScriptRequest(bad)).toBeUndefined();
    }
  });
});
