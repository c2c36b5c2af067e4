/**
 * Candidate names for the name finder: runs of capitalised words (with "of", "and", "&" inside) that the
 * knowledge base did not match, and the look-ups the rules share (compromise's lexicon, line verdicts).
 */
import nlp from 'compromise';
import { BOILERPLATE_RE } from '../lexicon';
import { NO_DEADLINE, type Deadline } from '../deadline';
import { AGE_BEFORE_RE } from '../ner-cues';
import type { Token } from '../text';
import { CONNECTORS, LEADING_TITLES, LEGAL_FORMS, NOT_NAME, ORG_HEAD, ORG_SUFFIX, ROLE_WORDS, TITLE_QUALIFIERS } from '../vocab';

/** Longest candidate name in tokens. */
const MAX_NAME_TOKENS = 6;

/** compromise's own lexicon: first names are tagged there (a lookup, no parse). */
const LEXICON: Record<string, string | string[]> = ((nlp.model() as unknown as { one?: { lexicon?: Record<string, string | string[]> } }).one?.lexicon) ?? {};
export function lexTag(word: string): string {
  const t = LEXICON[word.toLowerCase()];
  return Array.isArray(t) ? t.join(',') : (t ?? '');
}
/** compromise tags a given name as one of these; "Person" marks names it knows mostly as given names ("Taylor"). */
export const FIRST_NAME_TAG = /(?:^|,)(?:FirstName|MaleName|FemaleName|Person)(?:,|$)/;

/** How a name is written: a brand (PeckShield, eXch, BigONE), an acronym (WAVESHAPER), or a plain word. */
export function brandLike(w: string): boolean {
  return /^\p{Lu}{3,}[\p{N}_]*$/u.test(w) || /\p{Ll}\p{Lu}/u.test(w) || /\p{L}\p{N}|\p{N}\p{L}/u.test(w);
}

export function slugId(prefix: string, name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${prefix}-${slug || 'unnamed'}`;
}

export function isCap(t: Token): boolean {
  return /^\p{Lu}/u.test(t.text) || /^\p{Ll}{1,3}\p{Lu}/u.test(t.text);
}

export interface Candidate {
  name: string;
  start: number;
  end: number;
  tokens: Token[];
  tokenStart: number;
  tokenEnd: number;
}

/** Runs of capitalised words (with "of", "and", "&" inside) not covered by `covered`. */
export function nameCandidates(text: string, tokens: Token[], covered: (s: number, e: number) => boolean, deadline: Deadline = NO_DEADLINE): Candidate[] {
  const out: Candidate[] = [];
  const emit = (from: number, to: number): void => {
    let toks = tokens.slice(from, to);
    // "U.S. Federal Trade Commission": leading initials belong to an abbreviation, not the name
    while (toks.length > 1 && toks[0]!.text.length === 1 && text[toks[0]!.end] === '.') toks = toks.slice(1);
    // "Special Agent in Charge Reid Davis", "CEO Jane Doe", "Prime Minister Jane Doe": leading titles are not part of a person's name
    const title = (k: number): boolean => LEADING_TITLES.has(toks[k]!.norm) || (TITLE_QUALIFIERS.has(toks[k]!.norm) && k + 1 < toks.length && LEADING_TITLES.has(toks[k + 1]!.norm));
    // "Chief Financial Officer Jane Doe": "Chief <any word> Officer" is a title whatever its middle word
    // ("Chief Information Security Officer"), and alone it names no one
    const officer = toks[0]?.norm === 'chief' ? toks.findIndex((t, k) => k >= 2 && k <= 3 && t.norm === 'officer') : -1;
    if (officer > 0) {
      if (toks.length <= officer + 1) return;
      toks = toks.slice(officer + 1);
    }
    while (toks.length > 2 && title(0)) toks = toks.slice(1);
    // a title alone ("Under Secretary", "Prime Minister") names no one; nor does a field and a title ("Defense
    // Minister", "Finance Secretary"), unless its first word is a given name ("Jane Judge")
    if (toks.every((_, k) => title(k) || (k > 0 && LEADING_TITLES.has(toks[k]!.norm)))) return;
    if (toks.length === 2 && LEADING_TITLES.has(toks[1]!.norm) && /^\p{Lu}\p{Ll}+$/u.test(toks[0]!.text) && !FIRST_NAME_TAG.test(lexTag(toks[0]!.text))) return;
    // "Secretary for Economic Affairs" without its title is no name
    if (toks.length && CONNECTORS.has(toks[0]!.norm)) return;
    if (!toks.length) return;
    const start = toks[0]!.start;
    const end = toks[toks.length - 1]!.end;
    out.push({ name: text.slice(start, end), start, end, tokens: toks, tokenStart: to - toks.length, tokenEnd: to });
  };
  // "Bank of New York": "New" is a place's first word when a capitalised word follows it
  const newPlace = (k: number): boolean => tokens[k]!.text === 'New' && k + 1 < tokens.length && isCap(tokens[k + 1]!) && text.slice(tokens[k]!.end, tokens[k + 1]!.start) === ' ';
  let i = 0;
  while (i < tokens.length) {
    if (deadline.step()) break;
    const t = tokens[i]!;
    // "New York University", "New Zealand Parliament": "New" before a capitalised word starts a place's name
    if (!isCap(t) || (NOT_NAME.has(t.norm) && !(newPlace(i) && /^$|Place|City|Region|Country|ProperNoun/.test(lexTag(tokens[i + 1]!.text)))) || ROLE_WORDS.has(t.norm) || covered(t.start, t.end)) {
      i++;
      continue;
    }
    let j = i + 1;
    const ands: number[] = [];
    // the length limit is per name: "A B C and D E F" is two names
    while (j < tokens.length && j - (ands.length ? ands[ands.length - 1]! + 1 : i) < MAX_NAME_TOKENS) {
      const gap = text.slice(tokens[j - 1]!.end, tokens[j]!.start);
      if (!/^(?: |-|\.? |&| & |')$/.test(gap)) break;
      // ". " continues a name only after an initial ("Harry T. Chavis"), never across a sentence end
      if (gap === '. ' && tokens[j - 1]!.text.length > 1) break;
      const nt = tokens[j]!;
      if (covered(nt.start, nt.end)) break;
      // "Hacken CEO Dyma Budorin": a role word ends the organisation and starts the person
      if (ROLE_WORDS.has(nt.norm)) break;
      if (isCap(nt) && !NOT_NAME.has(nt.norm)) j++;
      else if (CONNECTORS.has(nt.norm) && j + 1 < tokens.length && isCap(tokens[j + 1]!) && (!NOT_NAME.has(tokens[j + 1]!.norm) || newPlace(j + 1)) && !ROLE_WORDS.has(tokens[j + 1]!.norm)) {
        if (nt.norm === 'and' || nt.norm === '&') ands.push(j);
        j += 2;
      } else break;
    }
    // "Rodriguez and Hill": "and" joins an institution's name ("Securities and Exchange Commission"), not two people;
    // "Acme Company Limited and Troth Star Company Limited": a name that ends in an organisation word before
    // "and" is complete, so the two are two names
    // (a legal form, not any organisation word: "Department of Health and Human Services" goes on after "and")
    const completeBefore = ands.some((a) => LEGAL_FORMS.has(tokens[a - 1]!.norm) && tokens[a - 1]!.norm !== 'co' && a - 1 > i);
    if (ands.length && (!ORG_SUFFIX.has(tokens[j - 1]!.norm) || completeBefore)) {
      let from = i;
      for (const a of ands) {
        emit(from, a);
        from = a + 1;
      }
      emit(from, j);
    } else emit(i, j);
    i = j;
  }
  return out;
}

/** "Intercontinental Ballistic Missiles (IBMs)": an acronym defined in parentheses right after its expansion. */
export function isDefinedAcronym(text: string, c: Candidate): boolean {
  const before = text.slice(Math.max(0, c.start - 120), c.start);
  if (!/\(\s*$/.test(before)) return false;
  const words = before.replace(/\(\s*$/, '').trim().split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
  const initials = words.map((w) => w[0]).join('').toUpperCase();
  const acro = c.name.replace(/s$/, '').toUpperCase();
  return initials.endsWith(acro) || initials.endsWith(acro.slice(1));
}

/** A line this capitalised is a headline in Title Case: its capitals say nothing about names. */
const HEADLINE_CAPS_SHARE = 0.6;
/** Lines shorter than this many words are not judged as headlines. */
const HEADLINE_MIN_WORDS = 4;

/** Per-line verdicts, so that many candidates on one long line cost one look at the line. */
let lineCacheText = '';
const titleCaseCache = new Map<number, boolean>();
const boilerplateCache = new Map<number, boolean>();
/** Positions of the line breaks of `lineCacheText`, found once per text (a page may be one huge line). */
let lineBreaks: number[] = [];
function lineBounds(text: string, pos: number): [number, number] {
  if (text !== lineCacheText) {
    lineCacheText = text;
    titleCaseCache.clear();
    boilerplateCache.clear();
    lineBreaks = [];
    for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) lineBreaks.push(k);
  }
  // the first break at or after pos ends the line; the one before it starts it
  let lo = 0;
  let hi = lineBreaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lineBreaks[mid]! < pos) lo = mid + 1;
    else hi = mid;
  }
  const a = lo > 0 ? lineBreaks[lo - 1]! + 1 : 0;
  const b = lo < lineBreaks.length ? lineBreaks[lo]! : text.length;
  return [a, b];
}

export function isTitleCaseLine(text: string, pos: number): boolean {
  const [a, b] = lineBounds(text, pos);
  const cached = titleCaseCache.get(a);
  if (cached !== undefined) return cached;
  const v = titleCaseLine(text.slice(a, b).trim());
  titleCaseCache.set(a, v);
  return v;
}

function titleCaseLine(line: string): boolean {
  // a sentence, or a line that introduces a quote or a list ("BlockSec's Jane Roe explains:"), is no headline
  if (/[.!?:]["'”’)]*$/.test(line)) return false;
  const words = line.split(/\s+/).filter((w) => /^[\p{L}]/u.test(w));
  if (words.length < HEADLINE_MIN_WORDS) return false;
  const minor = /^(?:a|an|the|and|or|of|in|on|at|to|for|from|by|with|as|is|has|have|its)$/i;
  const content = words.filter((w) => !minor.test(w));
  return content.length > 0 && content.filter((w) => /^\p{Lu}/u.test(w)).length / content.length >= HEADLINE_CAPS_SHARE;
}

export function isBoilerplateLine(text: string, pos: number): boolean {
  const [a, b] = lineBounds(text, pos);
  const cached = boilerplateCache.get(a);
  if (cached !== undefined) return cached;
  // a long line is a paragraph, not a promotion or navigation line
  const v = b - a < 300 && BOILERPLATE_RE.test(text.slice(a, b));
  boilerplateCache.set(a, v);
  return v;
}

/** Title Case words, with single-letter initials inside ("Harry T Chavis"). */
export function plainNameTokens(toks: readonly Token[]): boolean {
  // "McCoy", "MacDonald": a Scottish or Irish surname prefix keeps a name plain
  return toks.every((t, k) => /^(?:Mc|Mac)?\p{Lu}\p{Ll}+$/u.test(t.text) || (k > 0 && k < toks.length - 1 && /^\p{Lu}$/u.test(t.text)));
}

/** "Kevin Tyler Martin of Roanoke": a person's name followed by "of <place>" is the name alone. */
export function withoutTrailingPlace(text: string, c: Candidate): Candidate {
  const k = c.tokens.findIndex((t) => t.norm === 'of');
  if (k < 2 || k > 4 || ORG_HEAD.has(c.tokens[0]!.norm)) return c;
  const head = c.tokens.slice(0, k);
  if (!plainNameTokens(head) || ORG_SUFFIX.has(head[head.length - 1]!.norm)) return c;
  const aged = AGE_BEFORE_RE.test(text.slice(Math.max(0, c.start - 16), c.start));
  if (!aged && !FIRST_NAME_TAG.test(lexTag(head[0]!.text))) return c;
  const end = head[head.length - 1]!.end;
  return { name: text.slice(c.start, end), start: c.start, end, tokens: head, tokenStart: c.tokenStart, tokenEnd: c.tokenStart + k };
}

