/**
 * The list passes of the name finder: credit lines ("Credit: samczsun, Zellic") and typed lists
 * ("companies including A, B and C"): every item that looks like a name gets the list's type.
 */
import type { EntityType } from '../../shared/contract';
import { NO_DEADLINE, type Deadline } from '../deadline';
import { creditItems, cueListItems, tokensIn, type CueItem } from '../ner-cues';
import type { Token } from '../text';
import { COMMON_ACRONYMS, CONNECTORS, CREDIT_ORG_WORDS, KNOWN_ORGS, NOT_NAME, ORG_SUFFIX, ROLE_WORDS } from '../vocab';
import { isCap, lexTag, plainNameTokens, type Candidate } from './candidates';

/** Longest list item taken as a name, in words. */
const MAX_LIST_ITEM_TOKENS = 5;

/**
 * Credit lines and typed lists: every item that looks like a name gets the list's type. Returns the
 * spans it decided, so that the candidate pass does not judge them again.
 */
export function listPass(
  text: string,
  tokens: Token[],
  covered: (s: number, e: number) => boolean,
  add: (type: EntityType, c: Candidate, rule: string, typed: boolean) => void,
  deadline: Deadline = NO_DEADLINE,
): [number, number][] {
  const spans: [number, number][] = [];
  const cand = (it: CueItem): Candidate | null => {
    const { toks, first } = tokensIn(tokens, it.start, it.end);
    if (!toks.length || toks.length > MAX_LIST_ITEM_TOKENS || covered(it.start, it.end)) return null;
    // a name, not a phrase: every word capitalised or brand-shaped, apart from connectors inside
    if (!toks.every((t, k) => isCap(t) || /\p{N}/u.test(t.text[0]!) || (k > 0 && CONNECTORS.has(t.norm)))) return null;
    if (NOT_NAME.has(toks[0]!.norm) || ROLE_WORDS.has(toks[0]!.norm) || COMMON_ACRONYMS.has(toks[0]!.text)) return null;
    return { name: it.text, start: it.start, end: it.end, tokens: toks, tokenStart: first, tokenEnd: first + toks.length };
  };
  for (const it of creditItems(text, deadline)) {
    // a lower-case handle ("samczsun", "0xc0ffee") names a person in a credit line
    if (/^[\p{Ll}\p{N}_][\p{Ll}\p{N}_.]{2,30}$/u.test(it.text) && /\p{Ll}/u.test(it.text) && !covered(it.start, it.end)) {
      const { toks, first } = tokensIn(tokens, it.start, it.end);
      if (!toks.length) continue;
      add('person', { name: it.text, start: it.start, end: it.end, tokens: toks, tokenStart: first, tokenEnd: first + toks.length }, 'credit-handle', false);
      spans.push([it.start, it.end]);
      continue;
    }
    const c = cand(it);
    if (!c) continue;
    const lower = c.name.toLowerCase();
    // a person's name is made of given names, surnames and words compromise's lexicon does not know;
    // an ordinary word in it ("Chain Aegis", "Crypto Potato", "Whale Alerts") makes it an account or a firm
    const nameWords = c.tokens.every((t, k) => {
      const tag = lexTag(t.text);
      return !tag || /Name|Person/.test(tag) || (k > 0 && /^\p{Lu}$/u.test(t.text));
    });
    const person =
      c.tokens.length >= 2 &&
      c.tokens.length <= 3 &&
      plainNameTokens(c.tokens) &&
      nameWords &&
      !c.tokens.some((t) => ORG_SUFFIX.has(t.norm) || CREDIT_ORG_WORDS.has(t.norm)) &&
      !KNOWN_ORGS.has(lower);
    add(person ? 'person' : 'organization', c, 'credit-line', false);
    spans.push([c.start, c.end]);
  }
  for (const it of cueListItems(text, deadline)) {
    const c = cand(it);
    if (!c) continue;
    add(it.type, c, 'typed-list', it.type !== 'organization');
    spans.push([c.start, c.end]);
  }
  return spans;
}

