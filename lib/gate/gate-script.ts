/**
 * The always-injected content script's work: the cheap gate, and nothing else. No zod, no Preact, no
 * Readability, and no extension API until the page passes: a few element look-ups and one pass over the
 * words of the title, metadata and first paragraphs (lib/gate/gate.ts, lib/gate/read-gate-input.ts).
 *
 * When the page passes, it sends ONE `content/gate-passed` (hand-built, see ./protocol.ts); the background
 * checks the settings and injects the full annotator (entrypoints/annotator.content.ts) into this frame,
 * which then does what the content script used to do: read, ask, paint, keep the page right. From then on
 * this script stands down. While the page fails:
 * - the background reads its status, or asks for a re-check, through the slot in ./protocol.ts (no
 *   message listener: registering one touches `chrome.runtime`);
 * - single-page-app navigations re-check the page, and DOM changes do too for a while after them
 *   (GATE_RECHECK_WINDOW_MS), as the new view renders;
 * - DOM changes after the first check count only on a page that showed no article text at that check (an
 *   app still rendering its first view). A page already showing its paragraphs was judged on them, and its
 *   later changes cost nothing: no MutationObserver is even created.
 *
 * Most pages fail on what they hold, shown or not (`gateWithoutLayout`): those are judged without computed
 * style or layout, which at DOMContentLoaded would force the page's first layout inside this script (most of
 * its cost on a large page). What they show is asked later, of the same parts: the groups of words only when
 * the status is read (the popup), and whether two paragraphs are rendered (the window above, by the
 * browser's `checkVisibility()`, no layout read) when the browser is idle after its first frame, and only for
 * a page that holds two.
 */
import { gate, type GateResult } from './gate';
import { countShown, gateWithoutLayout, LEAD_PARAGRAPHS, leadParagraphs, readGateInput, unseenGate, type UnseenRead } from './read-gate-input';
import { GATE_RECHECK_WINDOW_MS, MIN_REREAD_INTERVAL_MS, observeContent, watchUrl, type ContentWatcher } from '../page/watch';
import { annotatorPresent, parseGatePassedAnswer, setGateSlot, type GatePassedAnswer, type GateSlot, type GateStatus } from '../shared/gate-protocol';
import { withoutHash } from '../page/address';

export interface GateScriptDeps {
  doc: Document;
  signal: AbortSignal;
  /** sends `content/gate-passed`; resolves to the background's (unchecked) answer */
  sendGatePassed(): Promise<unknown>;
  /** true once the annotator runs in this frame (see ./protocol.ts) */
  annotatorPresent?(): boolean;
  /** where the background finds this script (default: the content scripts' global, ./protocol.ts) */
  publish?(slot: GateSlot | undefined): void;
}

export interface GateScript extends GateSlot {
  /** run the gate now (and ask for the annotator when it passes: the promise of that request) */
  check(force?: boolean): Promise<void> | undefined;
  readonly lastGate: GateResult | null;
  /** whether DOM changes are being watched (the re-check window of a page without article text, or after a URL change) */
  readonly watchingContent: boolean;
  stop(): void;
}

/** Runs `fn` in the browser's next idle period (after a frame), or in a task where there is none; returns its cancel. */
function whenIdle(fn: () => void): () => void {
  if (typeof window.requestIdleCallback !== 'function') {
    const t = window.setTimeout(fn, 0);
    return () => window.clearTimeout(t);
  }
  const id = window.requestIdleCallback(fn);
  return () => window.cancelIdleCallback(id);
}

export function createGateScript(deps: GateScriptDeps): GateScript {
  const { doc, signal } = deps;
  const present = deps.annotatorPresent ?? annotatorPresent;
  const publish = deps.publish ?? setGateSlot;
  let lastGate: GateResult | null = null;
  /** the last check's fail judged without layout, whose groups of words are found when asked (`currentGate`) */
  let unseen: UnseenRead | null = null;
  /** the page address (without #fragment) for which the background was already asked */
  let askedFor: string | null = null;
  let stopped = false;
  let lastRunAt = 0;
  let timer: number | undefined;
  /** ends the re-check window: the MutationObserver is disconnected until the next URL change */
  let windowTimer: number | undefined;
  /** cancels the window question of a judgement without layout, waiting for the browser to be idle (`askShown`) */
  let cancelShown: (() => void) | undefined;
  let checks = 0;

  // another page of a single-page app: its view may render over the next seconds
  const urls = watchUrl(doc, signal, () => {
    openWindow();
    schedule();
  });
  /** DOM changes, watched only in a re-check window (openWindow); set up on the first one, as most pages never open one. */
  let content: ContentWatcher | undefined;

  /** DOM changes count for GATE_RECHECK_WINDOW_MS from now; after that the page's mutations cost nothing. */
  function openWindow(): void {
    if (signal.aborted || stopped) return;
    // Before the annotator is in the page nothing of ours is in the DOM: every change is the page's.
    content ??= observeContent(doc, { signal, watchContent: false, isOurs: () => false, onChange: schedule });
    content.watchContent(true);
    window.clearTimeout(windowTimer);
    windowTimer = window.setTimeout(() => content?.watchContent(false), GATE_RECHECK_WINDOW_MS);
  }

  function schedule(): void {
    if (signal.aborted || stopped) return;
    window.clearTimeout(timer);
    const wait = Math.max(0, lastRunAt + MIN_REREAD_INTERVAL_MS - Date.now());
    timer = window.setTimeout(() => void check(), wait);
  }

  /** The last check's result; for a fail judged without layout, found now (its groups of words). */
  function currentGate(): GateResult | null {
    if (unseen) {
      lastGate = unseenGate(doc, unseen);
      unseen = null;
    }
    return lastGate;
  }

  function check(force = false): Promise<void> | undefined {
    if (signal.aborted || stopped) return;
    if (present()) {
      stop();
      return;
    }
    const first = lastRunAt === 0;
    lastRunAt = Date.now();
    if (!doc.body) return; // not an HTML page (an SVG or XML document has no body)
    const run = ++checks;
    const quick = gateWithoutLayout(doc);
    if (quick) {
      lastGate = null;
      unseen = quick;
      if (!first) return;
      // fewer paragraphs than the lead takes: fewer are shown, the page is watched from now
      if (quick.elements.length < LEAD_PARAGRAPHS) openWindow();
      else if (doc.visibilityState === 'hidden') askShown(quick, run); // no frame comes until the tab is shown
      else cancelShown = whenIdle(() => askShown(quick, run));
      return;
    }
    unseen = null;
    const paragraphs = leadParagraphs(doc);
    lastGate = gate(readGateInput(doc, paragraphs));
    if (!lastGate.pass) {
      if (first && paragraphs.length < LEAD_PARAGRAPHS) openWindow();
      return;
    }
    const url = withoutHash(doc.URL);
    if (!force && askedFor === url) return; // asked for this page already (the answer was "disabled")
    askedFor = url;
    return ask();
  }

  /** Asks the background for the annotator (the page passed). */
  async function ask(): Promise<void> {
    let answer: GatePassedAnswer | undefined;
    try {
      answer = parseGatePassedAnswer(await deps.sendGatePassed());
    } catch {
      answer = undefined; // extension reloaded or background unavailable: the next change or navigation asks again
    }
    if (answer?.ok || present()) stop();
    else if (!answer) askedFor = null;
  }

  /**
   * The window question of a first check judged without layout, asked when the browser is idle after its
   * first frame (style computed, nothing forced), of the parts it read: fewer than LEAD_PARAGRAPHS shown, and the page is watched as if it had been from the first check;
   * its changes since are checked once.
   */
  function askShown(read: UnseenRead, run: number): void {
    if (signal.aborted || stopped || run !== checks || countShown(doc, read) >= LEAD_PARAGRAPHS) return;
    openWindow();
    schedule();
  }

  const script: GateScript = {
    check,
    status(): GateStatus {
      return {
        url: withoutHash(doc.URL).slice(0, 2000),
        readingId: 0,
        gate: currentGate() ?? { pass: false, hits: [] },
        marks: 0,
      };
    },
    recheck() {
      void check(true);
    },
    get lastGate() {
      return currentGate();
    },
    get watchingContent() {
      return content?.watchingContent ?? false;
    },
    stop,
  };

  /** The annotator took over (or this copy was replaced): nothing more to watch or answer. */
  function stop(): void {
    if (stopped) return;
    stopped = true;
    window.clearTimeout(timer);
    window.clearTimeout(windowTimer);
    cancelShown?.();
    content?.stop();
    urls.stop();
    publish(undefined);
  }
  signal.addEventListener('abort', stop, { once: true });
  publish(script);
  return script;
}
