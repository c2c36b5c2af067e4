/**
 * Why a page was not taken as an article or as crypto security, in plain words. The engine's reasons are
 * notes for developers ("mostly links (an index or list page)", "crypto vocabulary (3 mentions)..."): the
 * popup says what they mean for the reader; the notes themselves stay under "What the extension did".
 */
import type { Analysis } from '../../lib/shared/contract';

/** A reason the background words for readers itself: a whole sentence ("The page could not be analysed."). */
const SENTENCE_RE = /^[A-Z].*[.!?]$/;

function notArticle(reasons: readonly string[], analysis: Analysis | undefined): string {
  const all = reasons.join(' ');
  const words = /only (\d+) words/.exec(all);
  if (words) return `It has only ${words[1]} words of text, fewer than a news article.`;
  if (/mostly links/.test(all)) return 'Most of its text is links, as on a home page or a list of stories.';
  if (/no article paragraphs/.test(all)) return 'It has no paragraphs of running text, as an article has.';
  if (/not readerable/.test(all)) return 'The page describes itself as a section of a website, not as an article.';
  return analysis
    ? 'Its layout does not look like an article’s: it looks more like a home page, a list, a search page or an app.'
    : 'It does not look like an article.';
}

function notCryptoSecurity(reasons: readonly string[]): string[] {
  const out = ['It says too little about crypto theft, hacking, ransomware, sanctions or laundering to be taken as crypto-security news.'];
  const names = /known names: (.+)/.exec(reasons.find((r) => r.startsWith('known names:')) ?? '');
  if (names) out.push(`It does name ${names[1]}.`);
  return out;
}

/** One or two sentences for the reader. */
export function plainReasons(state: 'not-article' | 'not-crypto-security', reasons: readonly string[], analysis?: Analysis): string[] {
  const own = reasons.filter((r) => SENTENCE_RE.test(r));
  if (own.length) return own;
  return state === 'not-article' ? [notArticle(reasons, analysis)] : notCryptoSecurity(reasons);
}
