/**
 * The reason codes (./reasons.ts words them and checks them in messages): only data and types, importing
 * nothing, so that the analysis contract (./contract.ts) can name them without an import cycle.
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
export interface Reason<C extends ReasonCode = ReasonCode> {
  code: C;
  params?: (string | number)[];
}
export type ArticleReason = Reason<ArticleReasonCode>;
