/**
 * The words of an analysis that the engine keeps as data: why a related item is listed (a code and its
 * parameters, `RelatedItem.reason`), how a name the article does not mention is reached (`AnalysisEntity.via`)
 * and what the reader must be told (a disclaimer's kind and parameters, `Disclaimer`).
 * Worded only where shown, from public/_locales/<lang>/messages.json: the popup through browser.i18n (`t`) with
 * the reader's locale formats, the analyze command in English (`fillMessage`, ../../tools/cli/english.ts) with
 * plain digits, dates as written and amounts in words, both with the functions below.
 */
import * as z from 'zod/mini';
import { MAX_DISCLAIMER_PARAMS, MAX_DISCLAIMER_PARAM_CHARS, type AnalysisEntity, type Disclaimer, type RelatedItem } from './contract';
import type { Word } from './message-text';
import { RELATED_REASON_CODES, type RelatedReason } from './reason-codes';
import { codedSchema, type FormatNumber } from './reasons';
import { MAX_SHORT_CHARS } from './limits';
import { once, primitives, wordParams } from './schema-kit';

/** The check of a related item's reason in an analysis (a tab's state, an analysis kept in storage). */
export const relatedReasonSchema = /* @__PURE__ */ once(() => codedSchema(RELATED_REASON_CODES));

/** How the parameters of a related item's reason are written: counts, dates (partial ISO) and US dollars. */
export interface Formats {
  date: (iso: string) => string;
  usd: FormatNumber;
}

/** The parameter at `i` as text: a date or an amount through `formats`, a name as it is. */
function param(r: RelatedReason, i: number, as?: keyof Formats, formats?: Formats): string {
  const p = r.params?.[i];
  if (p === undefined) return '';
  if (as === 'usd' && typeof p === 'number' && formats) return formats.usd(p);
  if (as === 'date' && typeof p === 'string' && formats) return formats.date(p);
  return String(p);
}

/**
 * Why a related item is listed, in words: "source on Ronin bridge hack, which the article mentions", "OFAC sanctions
 * on Lazarus Group (DPRK3, 2019-09-13)", "another incident attributed to Lazarus Group, about $625 million",
 * "background on Lazarus Group (inferred)". An item without a reason (stored by an older version, a web search)
 * keeps its words as they are.
 */
export function relatedWhy(item: Pick<RelatedItem, 'why' | 'reason'>, word: Word, formats: Formats): string {
  const r = item.reason;
  if (!r) return item.why ?? '';
  switch (r.code) {
    case 'sanctions':
      return word('uiRel_sanctions', [param(r, 0), param(r, 1), param(r, 2), param(r, 3, 'date', formats)]);
    case 'otherIncidentAmount':
      return word('uiRel_otherIncidentAmount', [param(r, 0), param(r, 1, 'usd', formats)]);
    default:
      return word(`uiRel_${r.code}`, [param(r, 0)]);
  }
}

/**
 * Why a name the article does not mention is listed: "not named in the article; APT38 is attributed to it by
 * OFAC" (the first name of its `via` chain, and who says the last link). An entity stored by an older version with
 * these words (`why`) keeps them; without a chain there is nothing to say.
 */
export function inferredWhy(e: Pick<AnalysisEntity, 'why' | 'via'>, nameOf: (id: string) => string, word: Word): string {
  if (e.why) return e.why;
  const first = e.via?.[0];
  const last = e.via?.at(-1);
  return first && last ? word('uiInferredWhy', [nameOf(first.from), last.by]) : '';
}

/**
 * The check of a disclaimer in an analysis: its kind with its words (`text`, an older version's analysis, shown as
 * they are) or its parameters (at most MAX_DISCLAIMER_PARAMS, strings no longer than MAX_DISCLAIMER_PARAM_CHARS).
 */
export const disclaimerSchema = /* @__PURE__ */ once(() => {
  const { shortString } = primitives();
  return z.looseObject({
    kind: shortString,
    text: z.optional(z.string().check(z.maxLength(MAX_SHORT_CHARS * 4))),
    params: z.optional(wordParams(MAX_DISCLAIMER_PARAMS, MAX_DISCLAIMER_PARAM_CHARS)),
  });
});

/** The message of each kind of disclaimer (the attribution's with its authorities: `uiDisclaimer_attributionBy`). */
const DISCLAIMER_KEYS: ReadonlyMap<string, string> = new Map([
  ['informational', 'uiDisclaimer_informational'],
  ['automatic', 'uiDisclaimer_automatic'],
  ['attribution', 'uiDisclaimer_attribution'],
  ['knowledge-date', 'uiDisclaimer_knowledgeDate'],
  ['page-risk-warning', 'uiDisclaimer_pageRiskWarning'],
  ['page-promotional', 'uiDisclaimer_pagePromotional'],
  ['page-hedged', 'uiDisclaimer_pageHedged'],
]);

/** How a disclaimer's parameters are written: its date (the knowledge's, partial ISO) and its count. */
export interface DisclaimerFormats {
  date: (iso: string) => string;
  num?: FormatNumber;
}

/**
 * What a disclaimer tells the reader, in words: "Background knowledge as of 2026-08-06; later events are not
 * reflected.", "The page contains promotional content: “Join our Telegram channel.”". The page's sentences are
 * parameters, plain text (shown as text, never as markup). A disclaimer stored by an older version keeps its
 * words (`text`); one of a kind this version does not know, without words, has none.
 */
export function disclaimerText(d: Pick<Disclaimer, 'text' | 'params'> & { kind: string }, word: Word, formats: DisclaimerFormats): string {
  if (d.text !== undefined) return d.text;
  const key = DISCLAIMER_KEYS.get(d.kind);
  if (!key) return '';
  const params = d.params ?? [];
  const text = (i: number): string => {
    const p = params[i];
    return p === undefined ? '' : typeof p === 'number' ? (formats.num ?? String)(p) : p;
  };
  switch (d.kind) {
    case 'attribution':
      // the authorities, as the engine lists them (at most four)
      return params.length ? word('uiDisclaimer_attributionBy', [params.map(String).join('; ')]) : word(key);
    case 'knowledge-date':
      return word(key, [formats.date(text(0))]);
    case 'page-hedged':
      return word(key, [text(0), text(1)]);
    default:
      return word(key, [text(0)]);
  }
}
