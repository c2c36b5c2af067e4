/**
 * Is this page an article (not a home page, list, search page or app)? Structure signals from the
 * page adapter plus the declared page type; text inputs (.md/.txt) only have the text to go on.
 */
import type { AnalysisInput } from '../shared/contract';
import type { ArticleReason } from '../shared/reasons';

/** Fewer words than this is a teaser, a stub or an app screen (a news brief has ~100). */
const MIN_ARTICLE_WORDS = 80;
/** Pages whose text is mostly link text are indexes and lists. */
const MAX_LINK_DENSITY = 0.5;
/** An article has at least this many real paragraphs. */
const MIN_PARAGRAPHS = 2;
/** A block of text this long (characters) is a paragraph; so is a prose line this long. */
const MIN_PARAGRAPH_CHARS = 80;
/** A prose line has at least this many common function words ("the", "of", "and"...): list items, table rows and code have few. */
const MIN_FUNCTION_WORDS = 3;
/** A line this long that ends like a sentence is running text in any language (no function words asked). */
const LONG_SENTENCE_LINE_CHARS = 160;
const CJK_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
/** A list page: at least this many short items... */
const LIST_MIN_SHORT_LINES = 20;
/** ...that outnumber the running-text lines this many times... */
const LIST_SHORT_PER_PROSE = 5;
/** ...and running text is under this share of the characters (articles on the corpora: 0.35 and up). */
const LIST_MAX_PROSE_SHARE = 0.2;

const ARTICLE_TYPE_RE = /article|blogposting|report|posting|newsarticle/i;
const NON_ARTICLE_TYPE_RE = /^(?:website|webpage|collectionpage|searchresultspage|itemlist|profilepage|product|store|organization|qapage|faqpage)$/i;

/** A line that ends like a sentence (a closing quote or bracket may follow the stop). */
const SENTENCE_END_RE = /[.!?。！？]["'”’)\]」』]*$/;
/** English function words: running prose is full of them, code, tables and lists of names or links are not. */
const FUNCTION_WORD_RE = /(?<![\p{L}\p{N}_])(?:the|a|an|of|to|in|on|at|for|from|by|with|and|or|but|that|which|who|was|were|is|are|has|had|have|be|been|it|its|this|their|they|he|she|his|her|said|not|as|after|into|than|would|could|will)(?![\p{L}\p{N}_])/giu;
/** Signs of code or a table row: braces, semicolons or operators at the end, cell separators. */
const NOT_PROSE_RE = /[{};]\s*$|^\s*(?:[{}#/*]|\/\/)|\||\t|=>|:=|==|\$\(/;

/** One line of running prose: long, ends like a sentence, full of function words, no code or table signs. */
export function isProseLine(line: string): boolean {
  const t = line.trim();
  if (t.length < MIN_PARAGRAPH_CHARS || !SENTENCE_END_RE.test(t) || NOT_PROSE_RE.test(t)) return false;
  FUNCTION_WORD_RE.lastIndex = 0;
  let n = 0;
  while (n < MIN_FUNCTION_WORDS && FUNCTION_WORD_RE.exec(t) !== null) n++;
  return n >= MIN_FUNCTION_WORDS;
}

/**
 * Paragraphs of a text: blocks between blank lines that are at least MIN_PARAGRAPH_CHARS long. A block
 * whose lines are themselves prose lines (texts that put one paragraph per line, without blank lines
 * between) counts one paragraph per prose line; a block of short lines (a list), table rows or code
 * stays one block. One pass over the lines.
 */
export function countParagraphs(text: string): number {
  let total = 0;
  let blockChars = 0;
  let proseLines = 0;
  const close = (): void => {
    total += Math.max(blockChars >= MIN_PARAGRAPH_CHARS ? 1 : 0, proseLines);
    blockChars = 0;
    proseLines = 0;
  };
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (!t) {
      close();
      continue;
    }
    blockChars += t.length;
    if (isProseLine(t)) proseLines++;
  }
  close();
  return total;
}

/**
 * The shape of a list, index, tag or search page: many short items (headlines, names, links, dates: lines
 * under MIN_PARAGRAPH_CHARS that do not end like a sentence) and little running text. Teasers under the
 * headlines do not make it an article unless running text is a real share of the page. One pass over the lines.
 */
export function listShape(text: string): { shortLines: number; proseLines: number; proseShare: number; isList: boolean } {
  let shortLines = 0;
  let proseLines = 0;
  let proseChars = 0;
  let chars = 0;
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (!t) continue;
    // a Chinese or Japanese character holds about as much as a short word: weigh it as three characters
    const size = t.length + 2 * (t.match(CJK_RE)?.length ?? 0);
    chars += size;
    if (isProseLine(t) || (size >= LONG_SENTENCE_LINE_CHARS && SENTENCE_END_RE.test(t))) {
      proseLines++;
      proseChars += size;
    } else if (size < MIN_PARAGRAPH_CHARS && !/[.!?:。！？]["'”’)\]」』]*$/.test(t)) shortLines++;
  }
  const proseShare = chars ? proseChars / chars : 0;
  const isList = shortLines >= LIST_MIN_SHORT_LINES && shortLines >= proseLines * LIST_SHORT_PER_PROSE && proseShare < LIST_MAX_PROSE_SHARE;
  return { shortLines, proseLines, proseShare, isList };
}

/** Whether the page is an article, and why: a reason code and its parameters (lib/shared/reasons.ts), worded where it is shown. */
export function isArticle(input: AnalysisInput, words: number): { isArticle: boolean; why: ArticleReason } {
  const st = input.structure ?? {};
  const declared = input.pageType ?? '';
  if (words < MIN_ARTICLE_WORDS) return { isArticle: false, why: { code: 'fewWords', params: [words] } };
  if ((st.linkDensity ?? 0) > MAX_LINK_DENSITY) return { isArticle: false, why: { code: 'mostlyLinks' } };
  const paragraphs = st.paragraphs ?? countParagraphs(input.text);
  if (ARTICLE_TYPE_RE.test(declared)) return { isArticle: true, why: { code: 'declared', params: [declared] } };
  const list = listShape(input.text);
  if (list.isList) return { isArticle: false, why: { code: 'listPage', params: [list.shortLines] } };
  if (paragraphs < MIN_PARAGRAPHS) return { isArticle: false, why: { code: 'noParagraphs' } };
  if (st.readabilityOk === false && NON_ARTICLE_TYPE_RE.test(declared)) return { isArticle: false, why: { code: 'notReaderable', params: [declared] } };
  return { isArticle: true, why: { code: 'paragraphs', params: [paragraphs] } };
}
