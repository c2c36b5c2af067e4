/**
 * The words of an analysis that the engine keeps as data: why a related item is listed (a code and its
 * parameters, `RelatedItem.reason`) and how a name the article does not mention is reached (`AnalysisEntity.via`).
 * Worded only where shown, from public/_locales/<lang>/messages.json: the popup through browser.i18n (`t`) with
 * the reader's locale formats, the analyze command in English (`fillMessage`, ../../tools/cli/english.ts) with
 * plain digits, dates as written and amounts in words, both with the functions below.
 */
import type { AnalysisEntity, RelatedItem } from './contract';
import type { Word } from './message-text';
import { RELATED_REASON_CODES, type RelatedReason } from './reason-codes';
import { codedSchema, type FormatNumber } from './reasons';
import { once } from './schema-kit';

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
