/**
 * Is this page an article (not a home page, list, search page or app)? Structure signals from the
 * page adapter plus the declared page type; text inputs (.md/.txt) only have the text to go on.
 */
import type { AnalysisInput } from '../shared/contract';

/** Fewer words than this is a teaser, a stub or an app screen (a news brief has ~100). */
export const MIN_ARTICLE_WORDS = 80;
/** Pages whose text is mostly link text are indexes and lists. */
export const MAX_LINK_DENSITY = 0.5;
/** An article has at least this many real paragraphs. */
export const MIN_PARAGRAPHS = 2;

const ARTICLE_TYPE_RE = /article|blogposting|report|posting|newsarticle/i;
const NON_ARTICLE_TYPE_RE = /^(?:website|webpage|collectionpage|searchresultspage|itemlist|profilepage|product|store|organization|qapage|faqpage)$/i;

export function isArticle(input: AnalysisInput, words: number): { isArticle: boolean; why: string } {
  const st = input.structure ?? {};
  const declared = input.pageType ?? '';
  if (words < MIN_ARTICLE_WORDS) return { isArticle: false, why: `only ${words} words` };
  if ((st.linkDensity ?? 0) > MAX_LINK_DENSITY) return { isArticle: false, why: 'mostly links (an index or list page)' };
  const paragraphs = st.paragraphs ?? input.text.split(/\n\s*\n/).filter((p) => p.trim().length >= 80).length;
  if (ARTICLE_TYPE_RE.test(declared)) return { isArticle: true, why: `declared as ${declared}` };
  if (paragraphs < MIN_PARAGRAPHS) return { isArticle: false, why: 'no article paragraphs' };
  if (st.readabilityOk === false && NON_ARTICLE_TYPE_RE.test(declared)) return { isArticle: false, why: `declared as ${declared} and not readerable` };
  return { isArticle: true, why: `${paragraphs} paragraphs of running text` };
}
