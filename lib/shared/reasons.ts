/**
 * Why the extension decided what it did about a page, as data: a reason code and its parameters (numbers,
 * words from the page), never a sentence. The engine and the background produce them; they are worded only
 * where they are shown, from public/_locales/<lang>/messages.json: the popup and options through
 * browser.i18n (`t`), the analyze command in Node from the English messages (`fillMessage`), both with the
 * functions below, so a translation changes every place at once.
 */
import * as z from 'zod/mini';
import type { Word } from './message-text';
import { DETECT_NOTE_CODES, REASON_CODES, type ArticleReason, type DetectNote, type Reason } from './reason-codes';
import { once, primitives, wordParams } from './schema-kit';

export type { ArticleReason, DetectNote, Reason, ReasonCode } from './reason-codes';

/** A reason carries at most this many parameters (knownNames: five names). */
export const MAX_REASON_PARAMS = 8;

/** The check of a reason with one of `codes`: a known code, at most MAX_REASON_PARAMS short strings or numbers. */
export function codedSchema<const C extends readonly [string, ...string[]]>(codes: C, maxParams = MAX_REASON_PARAMS, maxChars?: number) {
  primitives(); // zod's jitless setting before the first schema is built
  return z.object({ code: z.enum(codes), params: z.optional(wordParams(maxParams, maxChars)) });
}

/** The check of one reason in a message (a tab's state, an analysis kept in storage). */
export const reasonSchema = /* @__PURE__ */ once(() => codedSchema(REASON_CODES));

/** The check of one of the detection's notes in an analysis (`cryptoSecurity.notes`). */
export const detectNoteSchema = /* @__PURE__ */ once(() => codedSchema(DETECT_NOTE_CODES));

/** Formats a number where a reason is worded: the reader's locale in the UI, plain digits in the analyze command's output. */
export type FormatNumber = (n: number) => string;
const digits: FormatNumber = (n) => String(n);

/** The parameters of a reason as the substitutions of its message. */
export function reasonParams(r: Reason<string>, num: FormatNumber = digits): string[] {
  return (r.params ?? []).map((p) => (typeof p === 'number' ? num(p) : p));
}

/** The checks' own note for why a page is or is not an article ("only 45 words", "mostly links (an index or list page)"). */
function articleNote(r: ArticleReason, word: Word, num: FormatNumber = digits): string {
  return word(`uiWhy_${r.code}`, reasonParams(r, num));
}

/** What the notes of an analysis need: the detection's own notes, and why a page read as crypto security is not reported. */
export interface NotedAnalysis {
  cryptoSecurity: { reasons: readonly string[]; notes?: readonly DetectNote[] | undefined; notReported?: boolean | undefined };
  articleWhy?: ArticleReason | undefined;
}

/** One of the detection's notes ("crypto vocabulary (9 mentions) together with ...", "known names: Bybit, FBI"). */
function detectNote(n: DetectNote, word: Word, num: FormatNumber): string {
  const params = reasonParams(n, num);
  return word(`uiNote_${n.code}`, n.code === 'knownNames' ? [params.join(', ')] : params);
}

/**
 * The checks' notes on an analysis, as the analyze command prints them in `cryptoSecurity.reasons` and the popup
 * lists them under "What the extension did": the detection's notes (worded from `notes`; an older analysis's
 * `reasons` as they are), then, for a text that reads as crypto security
 * on a page that is not an article, "not reported: the page does not look like an article (<why>)".
 */
export function analysisNotes(a: NotedAnalysis, word: Word, num: FormatNumber = digits): string[] {
  // an analysis stored by an older version has its notes in English (`reasons`), shown as they are
  const cs = a.cryptoSecurity;
  const notes = cs.notes ? cs.notes.map((n) => detectNote(n, word, num)) : [...cs.reasons];
  if (a.cryptoSecurity.notReported && a.articleWhy) notes.push(word('uiWhyNotReported', [articleNote(a.articleWhy, word, num)]));
  return notes;
}
