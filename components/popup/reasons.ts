/**
 * Why a page was not taken as an article or as crypto security, in plain words. The engine's reasons are
 * notes for developers ("mostly links (an index or list page)", "crypto vocabulary (3 mentions)..."): the
 * popup says what they mean for the reader; the notes themselves stay under "What the extension did".
 */
import type { Analysis } from '../../lib/shared/contract';
import { t } from '../../lib/shared/i18n';

/** A reason the background words for readers itself: a whole sentence ("The page could not be analysed."). */
const SENTENCE_RE = /^[A-Z].*[.!?]$/;

function notArticle(reasons: readonly string[], analysis: Analysis | undefined): string {
  const all = reasons.join(' ');
  const words = /only (\d+) words/.exec(all);
  if (words) return t('popWhyFewWords', Number(words[1]).toLocaleString());
  if (/mostly links/.test(all)) return t('popWhyLinks');
  if (/no article paragraphs/.test(all)) return t('popWhyNoParagraphs');
  if (/not readerable/.test(all)) return t('popWhySection');
  return t(analysis ? 'popWhyLayout' : 'popWhyNotArticle');
}

function notCryptoSecurity(reasons: readonly string[]): string[] {
  const out = [t('popWhyTooLittle')];
  const names = /known names: (.+)/.exec(reasons.find((r) => r.startsWith('known names:')) ?? '');
  if (names) out.push(t('popWhyNames', names[1]!));
  return out;
}

/** One or two sentences for the reader. */
export function plainReasons(state: 'not-article' | 'not-crypto-security', reasons: readonly string[], analysis?: Analysis): string[] {
  const own = reasons.filter((r) => SENTENCE_RE.test(r));
  if (own.length) return own;
  return state === 'not-article' ? [notArticle(reasons, analysis)] : notCryptoSecurity(reasons);
}
