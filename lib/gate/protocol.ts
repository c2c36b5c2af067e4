/**
 * The always-injected gate script's side of messaging, without zod (the gate script must stay a few KB):
 * the one message it sends, the answer it expects, the two background messages it answers while the
 * annotator is not in the page, and the marker by which the two scripts of one frame know of each other.
 * Every check here is by hand and total: anything that is not exactly the expected shape is ignored.
 *
 * The background validates `content/gate-passed` with the zod schemas in lib/messaging.ts like every other
 * content message (sender: our content script in the top frame of an http(s) page).
 */

export const GATE_PASSED = 'content/gate-passed';

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

/** Background messages the gate script answers while the annotator is absent (the annotator answers them otherwise). */
export type GateScriptRequest = 'background/get-status' | 'background/reread';

/** Hand check of a message to the gate script: an object whose `type` is one of the two, nothing else needed. */
export function parseGateScriptRequest(raw: unknown): GateScriptRequest | undefined {
  if (typeof raw !== 'object' || raw === null || !Object.hasOwn(raw, 'type')) return undefined;
  const type = (raw as { type?: unknown }).type;
  return type === 'background/get-status' || type === 'background/reread' ? type : undefined;
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
