/**
 * Why the extension decided what it did about a page, as data: a reason code and its parameters (numbers,
 * words from the page), never a sentence. The engine and the background produce them; they are worded only
 * where they are shown, from public/_locales/<lang>/messages.json: the popup and options through
 * browser.i18n (`t`), the analyze command in Node from the English messages (`fillMessage`), both with the
 * functions below, so a translation changes every place at once.
 */
import * as z from 'zod/mini';
import type { Word } from './message-text';
import { REASON_CODES, type ArticleReason, type Reason } from './reason-codes';
import { once, primitives } from './schema-kit';

export type { ArticleReason, Reason, ReasonCode } from './reason-codes';

/** A reason carries at most this many parameters (knownNames: five names). */
export const MAX_REASON_PARAMS = 8;

/** The check of one reason in a message (a tab's state, an analysis kept in storage). */
export const reasonSchema = /* @__PURE__ */ once(() => {
  const { shortString } = primitives();
  return z.object({
    code: z.enum(REASON_CODES),
    params: z.optional(z.array(z.union([shortString, z.number()])).check(z.maxLength(MAX_REASON_PARAMS))),
  });
});

/** Formats a number where a reason is worded: the reader's locale in the UI, plain digits in the analyze command's output. */
export type FormatNumber = (n: number) => string;
const digits: FormatNumber = (n) => String(n);

/** The parameters of a reason as the substitutions of its message. */
export function reasonParams(r: Reason, num: FormatNumber = digits): string[] {
  return (r.params ?? []).map((p) => (typeof p === 'number' ? num(p) : p));
}

/** The checks' own note for why a page is or is not an article ("only 45 words", "mostly links (an index or list page)"). */
function articleNote(r: ArticleReason, word: Word, num: FormatNumber = digits): string {
  return word(`uiWhy_${r.code}`, reasonParams(r, num));
}

/** What the notes of an analysis need: the detection's own notes, and why a page read as crypto security is not reported. */
export interface NotedAnalysis {
  cryptoSecurity: { reasons: readonly string[]; notReported?: boolean | undefined };
  articleWhy?: ArticleReason | undefined;
}

/**
 * The checks' notes on an analysis, as the analyze command prints them in `cryptoSecurity.reasons` and the popup
 * lists them under "What the extension did": the detection's notes, then, for a text that reads as crypto security
 * on a page that is not an article, "not reported: the page does not look like an article (<why>)".
 */
export function analysisNotes(a: NotedAnalysis, word: Word, num: FormatNumber = digits): string[] {
  const notes = [...a.cryptoSecurity.reasons];
  if (a.cryptoSecurity.notReported && a.articleWhy) notes.push(word('uiWhyNotReported', [articleNote(a.articleWhy, word, num)]));
  return notes;
}
