/**
 * The always-injected gate script's side of messaging, without zod (the gate script must stay a few KB):
 * the one message it sends, the answer it expects, the slot through which the background reads its status
 * while the annotator is not in the page, and the marker by which the two scripts of one frame know of each
 * other. The check of the answer is by hand and total: anything that is not exactly the expected shape is
 * ignored. The background validates what it reads from the slot with zod (lib/shared/messages.ts).
 *
 * The background validates `content/gate-passed` with the zod schemas in lib/shared/messages.ts like every other
 * content message (sender: our content script in the top frame of an http(s) page).
 */

const GATE_PASSED = 'content/gate-passed';

/** What the gate script sends: nothing but its type. The tab, frame and URL come from the sender. */
export interface GatePassedMessage {
  type: typeof GATE_PASSED;
}

/** The background's answer: the annotator was injected, or why not. */
export type GatePassedAnswer = { ok: true } | { ok: false; reason: 'disabled' | 'error' };

export function gatePassedMessage(): GatePassedMessage {
  return { type: GATE_PASSED };
}

/** Hand check of the background's answer. */
export function parseGatePassedAnswer(raw: unknown): GatePassedAnswer | undefined {
  if (typeof raw !== 'object' || raw === null || !Object.hasOwn(raw, 'ok')) return undefined;
  const r = raw as { ok?: unknown; reason?: unknown };
  if (r.ok === true) return { ok: true };
  if (r.ok === false && (r.reason === 'disabled' || r.reason === 'error')) return { ok: false, reason: r.reason };
  return undefined;
}

/**
 * The gate script's status, read by the background: the annotator's `ContentStatus` (lib/shared/messages.ts)
 * before any reading or mark. Written out here so that this module imports nothing.
 */
export interface GateStatus {
  url: string;
  gate: { pass: boolean; hits: string[] };
  readingId: 0;
  marks: 0;
}

/**
 * How the background reaches the gate script without a message listener in every page (registering one
 * touches `chrome.runtime`, about a millisecond per page; docs/performance.md): the gate script keeps this
 * object in a slot of the content scripts' own global (the isolated world: pages can neither see nor
 * write it), and the background calls it with `scripting.executeScript`, whose functions run in that same
 * world (lib/shared/messages.ts, `backgroundApi`). While the annotator runs in the frame the slot is empty and
 * the annotator answers messages instead.
 */
export interface GateSlot {
  /** the last gate result for the current address (before the first check: not passed, no hits) */
  status(): GateStatus;
  /** check the page again now, and ask for the annotator if it passes (settings switched back on, mode 'auto') */
  recheck(): void;
}

/** `Symbol.for` key of the slot; a string, as the background passes it to a self-contained function. */
export const GATE_SLOT_KEY = 'crypto-news-context/gate';

export function setGateSlot(slot: GateSlot | undefined): void {
  const g = globalThis as unknown as Record<symbol, GateSlot | undefined>;
  if (slot) g[Symbol.for(GATE_SLOT_KEY)] = slot;
  else delete g[Symbol.for(GATE_SLOT_KEY)];
}

/**
 * Set on the content scripts' own global (the isolated world: pages cannot see or set it) while the
 * annotator runs in this frame. The annotator refuses to start twice; the gate script stands down.
 */
const ANNOTATOR_KEY = Symbol.for('crypto-news-context/annotator');

type Flagged = { [ANNOTATOR_KEY]?: true };

export function annotatorPresent(): boolean {
  return (globalThis as Flagged)[ANNOTATOR_KEY] === true;
}

export function setAnnotatorPresent(present: boolean): void {
  if (present) (globalThis as Flagged)[ANNOTATOR_KEY] = true;
  else delete (globalThis as Flagged)[ANNOTATOR_KEY];
}

/** Where WXT builds the annotator entrypoint (`entrypoints/annotator.content.ts`, registration 'runtime'). */
export const ANNOTATOR_FILE = '/content-scripts/annotator.js';
