/**
 * Why a knowledge update was refused, failed or dropped, as data: a code and its parameters (a host, a status,
 * a number of bytes), never a sentence. lib/kb/pack.ts, lib/background/kb-fetch.ts and kb-updates.ts produce
 * them and the background stores them so; they are worded where they are shown, from messages.json: the options
 * page through browser.i18n (`t`), the kb:verify command in Node (`fillMessage`), both with `updateWords`.
 * Records stored by older versions carry the words themselves (`message`): the options page shows those as they are.
 */
import type { Word } from './message-text';
import { codedSchema } from './reasons';
import { once } from './schema-kit';

/** Every code, with the message that words it (the parameters, in order, are its $1, $2...). */
const UPDATE_WHY_KEYS = {
  // the pack itself (lib/kb/pack.ts)
  packTooLarge: 'uiPackTooLarge', // [bytes, max bytes]
  headerCut: 'uiPackHeaderCut',
  noHeader: 'uiPackNoHeader',
  headerUnreadable: 'uiPackHeaderUnreadable',
  format: 'uiPackFormat', // [its format, the format read]
  unknownKey: 'uiPackUnknownKey', // [key ids]
  badSignature: 'uiPackBadSignature',
  manifestUnreadable: 'uiPackManifestUnreadable',
  notNewer: 'uiPackNotNewer', // [its version, the version in use]
  incomplete: 'uiPackIncomplete', // [bytes that arrived, bytes expected]
  wrongSize: 'uiPackWrongSize',
  hashMismatch: 'uiPackHashMismatch',
  schema: 'uiPackSchema', // [where and what, as the schema check says it]
  notJson: 'uiPackNotJson',
  descriptionMismatch: 'uiPackDescriptionMismatch',
  // fetching it (lib/background/kb-fetch.ts) and keeping it (lib/background/kb-updates.ts)
  noLongerAllowed: 'uiUpdNoLongerAllowed', // [host]
  noAnswer: 'uiUpdNoAnswer', // [host, seconds]
  unreachable: 'uiUpdUnreachable', // [host]
  http: 'uiUpdHttp', // [host, status]
  downloadSlow: 'uiUpdDownloadSlow', // [host, seconds]
  downloadBroke: 'uiUpdDownloadBroke', // [host]
  downloadTooLarge: 'uiUpdTooLarge', // [max bytes]
  keptMissing: 'uiUpdKeptMissing',
  keptOtherVersion: 'uiUpdKeptOtherVersion',
  keptNotNewer: 'uiUpdKeptNotNewer',
  notSaved: 'uiUpdNotSaved',
  // the background's answers to the options page
  stayOff: 'uiUpdStayOff', // [host]
  offCheck: 'uiUpdOffCheck',
  tooSoon: 'uiUpdTooSoon',
} as const;

export type UpdateWhyCode = keyof typeof UPDATE_WHY_KEYS;

/** Why, as a code and its parameters. */
export interface UpdateWhy<C extends UpdateWhyCode = UpdateWhyCode> {
  code: C;
  params?: (string | number)[];
}

/** The longest parameter kept (a schema problem's path and text; hosts and statuses are short). */
const MAX_PARAM_CHARS = 300;

/** The check of a stored or sent reason. */
export const updateWhySchema = /* @__PURE__ */ once(() => codedSchema(Object.keys(UPDATE_WHY_KEYS) as [UpdateWhyCode, ...UpdateWhyCode[]], 4, MAX_PARAM_CHARS));

/** A parameter as it is kept: at most MAX_PARAM_CHARS characters. */
export const whyParam = (s: string): string => s.slice(0, MAX_PARAM_CHARS);

/** The reason in words: `t` on the extension's pages, the English messages in the kb:verify command. Numbers as digits. */
export function updateWords(why: UpdateWhy, word: Word): string {
  return word(UPDATE_WHY_KEYS[why.code], (why.params ?? []).map(String));
}
