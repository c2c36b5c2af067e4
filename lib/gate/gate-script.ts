/**
 * The always-injected content script's work: the cheap gate, and nothing else. No zod, no Preact, no
 * Readability: a few selectors and regular expressions (lib/engine/gate.ts, lib/page/read-gate-input.ts).
 *
 * When the page passes, it sends ONE `content/gate-passed` (hand-built, see ./protocol.ts); the background
 * checks the settings and injects the full annotator (entrypoints/annotator.content.ts) into this frame,
 * which then does what the content script used to do: read, ask, paint, keep the page right. From then on
 * this script stands down. While the page fails, it keeps today's behaviour: DOM changes re-run the gate
 * shortly after load or a URL change (a late-rendered article), SPA navigations always do.
 */
import { gate, type GateResult } from '../engine/gate';
import { gateInputFrom } from '../page/read-gate-input';
import { GATE_RECHECK_WINDOW_MS, MIN_REREAD_INTERVAL_MS } from '../annotate/observe';
import { watchPageForGate, type GateWatcher } from './gate-watch';
import { readGateMeta } from './read-gate-meta';
import { annotatorPresent, parseGatePassedAnswer, type GatePassedAnswer, type GateScriptRequest } from './protocol';

export interface GateScriptDeps {
  doc: Document;
  signal: AbortSignal;
  /** sends `content/gate-passed`; resolves to the background's (unchecked) answer */
  sendGatePassed(): Promise<unknown>;
  /** true once the annotator runs in this frame (see ./protocol.ts) */
  annotatorPresent?(): boolean;
}

/** The gate script's answer to `background/get-status` (same shape as the annotator's `ContentStatus`). */
export interface GateStatus {
  url: string;
  readingId: 0;
  gate: GateResult;
  marks: 0;
}

export interface GateScript {
  /** run the gate now (and ask for the annotator when it passes) */
  check(force?: boolean): Promise<void>;
  /** answer a background message while the annotator is absent; undefined: not ours to answer */
  handle(request: GateScriptRequest): Promise<GateStatus | { ok: boolean }> | undefined;
  readonly lastGate: GateResult | null;
  stop(): void;
}

const withoutHash = (url: string): string => url.replace(/#.*$/, '');

export function createGateScript(deps: GateScriptDeps): GateScript {
  const { doc, signal } = deps;
  const present = deps.annotatorPresent ?? annotatorPresent;
  let lastGate: GateResult | null = null;
  /** the page address (without #fragment) for which the background was already asked */
  let askedFor: string | null = null;
  let handedOver = false;
  let lastRunAt = 0;
  let timer: number | undefined;
  let navigatedAt = Date.now();
  let lastUrl = doc.location?.href ?? '';
  /** ends the re-check window: the MutationObserver is disconnected until the next URL change */
  let windowTimer: number | undefined;

  const watcher: GateWatcher = watchPageForGate(doc, {
    signal,
    // Before the annotator is in the page nothing of ours is in the DOM: every change is the page's.
    isOurs: () => false,
    onChange: () => {
      if (Date.now() - navigatedAt > GATE_RECHECK_WINDOW_MS) return;
      schedule();
    },
    onUrlChange: (url) => {
      if (withoutHash(url) === withoutHash(lastUrl)) return;
      lastUrl = url;
      navigatedAt = Date.now();
      openWindow();
      schedule();
    },
  });

  /** DOM changes count for GATE_RECHECK_WINDOW_MS from now; after that the page's mutations cost nothing. */
  function openWindow(): void {
    if (signal.aborted || handedOver) return;
    watcher.watchContent(true);
    window.clearTimeout(windowTimer);
    windowTimer = window.setTimeout(() => watcher.watchContent(false), GATE_RECHECK_WINDOW_MS);
  }
  openWindow();

  function standDown(): void {
    handedOver = true;
    window.clearTimeout(timer);
    window.clearTimeout(windowTimer);
    watcher.stop();
  }

  function schedule(): void {
    if (signal.aborted || handedOver) return;
    window.clearTimeout(timer);
    const wait = Math.max(0, lastRunAt + MIN_REREAD_INTERVAL_MS - Date.now());
    timer = window.setTimeout(() => void check(), wait);
  }

  async function check(force = false): Promise<void> {
    if (signal.aborted || handedOver) return;
    if (present()) {
      standDown();
      return;
    }
    lastRunAt = Date.now();
    if (!(doc.documentElement instanceof HTMLElement) || !doc.body) return;
    lastGate = gate(gateInputFrom(doc, readGateMeta(doc)));
    if (!lastGate.pass) return;
    const url = withoutHash(doc.location?.href ?? '');
    if (!force && askedFor === url) return; // asked for this page already (the answer was "disabled")
    askedFor = url;
    let answer: GatePassedAnswer | undefined;
    try {
      answer = parseGatePassedAnswer(await deps.sendGatePassed());
    } catch {
      answer = undefined; // extension reloaded or background unavailable: the next change or navigation asks again
    }
    if (answer?.ok || present()) standDown();
    else if (!answer) askedFor = null;
  }

  function handle(request: GateScriptRequest): Promise<GateStatus | { ok: boolean }> | undefined {
    if (present() || signal.aborted) return undefined;
    if (request === 'background/get-status') {
      const status: GateStatus = {
        url: withoutHash(doc.location?.href ?? '').slice(0, 2000),
        readingId: 0,
        gate: lastGate ?? { pass: false, hits: [] },
        marks: 0,
      };
      return Promise.resolve(status);
    }
    // background/reread: settings changed (switched back on) or the background lost its record
    void check(true);
    return Promise.resolve({ ok: true });
  }

  function stop(): void {
    window.clearTimeout(timer);
    window.clearTimeout(windowTimer);
    watcher.stop();
  }
  signal.addEventListener('abort', stop, { once: true });

  return {
    check,
    handle,
    get lastGate() {
      return lastGate;
    },
    stop,
  };
}
