/**
 * The reason codes (./reasons.ts and ./analysis-words.ts word them and check them in messages): only data and
 * types, importing nothing, so that the analysis contract (./contract.ts) can name them without an import cycle.
 */

/**
 * Why a page is, or is not, an article (lib/engine/is-article.ts), with its parameters:
 * fewWords [words], mostlyLinks, declared [page type], listPage [short items], noParagraphs,
 * notReaderable [page type], paragraphs [paragraphs]. Each is worded by the message `uiWhy_<code>`.
 */
const ARTICLE_REASON_CODES = ['fewWords', 'mostlyLinks', 'declared', 'listPage', 'noParagraphs', 'notReaderable', 'paragraphs'] as const;
type ArticleReasonCode = (typeof ARTICLE_REASON_CODES)[number];

/**
 * Why the popup shows a page as missed (lib/background/tab-state.ts): the article reasons above, and
 * notArticle (no details), notCryptoSecurity, knownNames [names the page does mention...], error (reading
 * failed), gateFailed (the quick check said no), noText (no article text).
 */
export const REASON_CODES = [...ARTICLE_REASON_CODES, 'notArticle', 'notCryptoSecurity', 'knownNames', 'error', 'gateFailed', 'noText'] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** A reason: its code and parameters (numbers are formatted where it is worded, in the reader's locale). */
export interface Reason<C extends string = ReasonCode> {
  code: C;
  params?: (string | number)[];
}
export type ArticleReason = Reason<ArticleReasonCode>;

/**
 * The detection's own notes (lib/engine/detect.ts), each worded by the message `uiNote_<code>`:
 * cryptoSecurity [crypto mentions, theft/attack/crime mentions], dprk [mentions], ransomware [terms, signs],
 * knownNames [names...], stolenAmounts [amounts], titleAttack, noTopic.
 */
export const DETECT_NOTE_CODES = ['cryptoSecurity', 'dprk', 'ransomware', 'knownNames', 'stolenAmounts', 'titleAttack', 'noTopic'] as const;
export type DetectNote = Reason<(typeof DETECT_NOTE_CODES)[number]>;

/**
 * Why an item is listed in related coverage (lib/engine/related.ts), each worded by the message `uiRel_<code>`:
 * incidentSource [incident], sanctions [authority, entity, programme, date], otherIncident [actor],
 * otherIncidentAmount [actor, amount in US dollars], background [entity], backgroundInferred [entity].
 */
export const RELATED_REASON_CODES = ['incidentSource', 'sanctions', 'otherIncident', 'otherIncidentAmount', 'background', 'backgroundInferred'] as const;
export type RelatedReason = Reason<(typeof RELATED_REASON_CODES)[number]>;
