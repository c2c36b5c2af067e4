/**
 * Institution names the run of capitalised words cuts short, put back together from the words around
 * the candidate (a fixed number of tokens each, so linear overall):
 * - an office named after its holder's title: "the Mayor’s Office of Information Technology",
 *   "the Attorney General’s Office" (the possessive ends the run of capitals);
 * - a university's campus after a comma: "the University of California, San Diego;".
 */
import type { Token } from '../text';
import { LEADING_TITLES, ORG_HEAD } from '../vocab';
import { lexTag, type Candidate } from './candidates';

/** Title words that never own an office ("Former", "Acting" qualify a title; "US", "FBI" are no titles). */
const NOT_AN_OWNER = new Set(['former', 'acting', 'us', 'fbi', 'doj', 'special', 'charge']);
/** compromise's tags of a word after a comma that is no campus ("..., England", "..., Monday"). */
const NOT_A_CAMPUS = /(?:^|,)(?:Country|Demonym|Date|Month|WeekDay|Pronoun|Determiner)(?:,|$)/;
/** Longest campus name, in words. */
const MAX_CAMPUS_WORDS = 3;

function rebuilt(text: string, tokens: readonly Token[], from: number, to: number): Candidate {
  const start = tokens[from]!.start;
  const end = tokens[to - 1]!.end;
  return { name: text.slice(start, end), start, end, tokens: tokens.slice(from, to), tokenStart: from, tokenEnd: to };
}

/** "Office of X" after "<Title>’s": the office with its holder's title ("Mayor’s Office of Information Technology"). */
function withOwnerTitle(text: string, tokens: readonly Token[], c: Candidate): Candidate {
  const s = tokens[c.tokenStart - 1];
  if (!ORG_HEAD.has(c.tokens[0]!.norm) || s?.text !== 's' || text.slice(s.end, c.start) !== ' ') return c;
  let from = c.tokenStart - 2;
  const owner = tokens[from];
  if (!owner || !/^[’']$/.test(text.slice(owner.end, s.start)) || !/^\p{Lu}\p{Ll}+$/u.test(owner.text) || !LEADING_TITLES.has(owner.norm) || NOT_AN_OWNER.has(owner.norm)) return c;
  // "Attorney General’s Office": the title's other words before it
  for (let k = 0; k < 2 && from > 0; k++) {
    const w = tokens[from - 1]!;
    if (!/^\p{Lu}\p{Ll}+$/u.test(w.text) || !LEADING_TITLES.has(w.norm) || NOT_AN_OWNER.has(w.norm) || text.slice(w.end, tokens[from]!.start) !== ' ') break;
    from--;
  }
  // "the Prosecutor's Office", "the U.S. Attorney's Office" alone are generic: the title or the office has more words
  if (from === c.tokenStart - 2 && c.tokens.length < 3) return c;
  return rebuilt(text, tokens, from, c.tokenEnd);
}

/** "University of California, San Diego;": the campus after a comma, closed by punctuation or "and". */
function withCampus(text: string, tokens: readonly Token[], c: Candidate): Candidate {
  if (c.tokens[0]!.norm !== 'university' || !c.tokens.some((t) => t.norm === 'of')) return c;
  const first = tokens[c.tokenEnd];
  if (!first || text.slice(c.end, first.start) !== ', ') return c;
  let to = c.tokenEnd;
  while (to < tokens.length && to - c.tokenEnd < MAX_CAMPUS_WORDS) {
    const t = tokens[to]!;
    if (!/^\p{Lu}\p{Ll}+$/u.test(t.text) || NOT_A_CAMPUS.test(lexTag(t.text))) return c;
    to++;
    if (text.slice(t.end, tokens[to]?.start ?? text.length) !== ' ') break;
  }
  const after = text.slice(tokens[to - 1]!.end, tokens[to - 1]!.end + 6);
  return /^(?:\s*[;,.)]|\s+(?:and|or)\s)/.test(after) ? rebuilt(text, tokens, c.tokenStart, to) : c;
}

/** The candidate with the words of its name that its run of capitals left out. */
export function withNameAround(text: string, tokens: readonly Token[], c: Candidate): Candidate {
  return withCampus(text, tokens, withOwnerTitle(text, tokens, c));
}

/** The institution's own words after its holder's title ("Mayor’s Office of X" -> "Office of X"), or null when it has none. */
export function afterOwnerTitle(toks: readonly Token[]): readonly Token[] | null {
  const k = toks.findIndex((t) => t.text === 's');
  return k > 0 && k + 1 < toks.length && LEADING_TITLES.has(toks[0]!.norm) ? toks.slice(k + 1) : null;
}
