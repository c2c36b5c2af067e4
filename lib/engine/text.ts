/**
 * Text primitives shared by the engine: word tokens with offsets, sentences, normalisation.
 * Pure functions, no DOM, no dependencies.
 */
import { NO_DEADLINE, type Deadline } from './deadline';

export interface Token {
  /** the word as written */
  text: string;
  /** lower-cased, diacritics and curly quotes folded: the key used by the matcher */
  norm: string;
  start: number;
  end: number;
}

export interface Sentence {
  text: string;
  start: number;
  end: number;
}

/** Letters and digits; an inner apostrophe, dot or ampersand does not break a word ("U.S", "AT&T" stay whole only via the matcher). */
const WORD_RE = /[\p{L}\p{N}]+/gu;
/** Chinese and Japanese write words without spaces, and Korean attaches particles: tokens that hold such
 * characters are split where the script changes (each ideograph or kana alone), so a Latin name written
 * between them ("组织Lazarus Group从") is still a token of its own. The test keeps the common case fast. */
const CJK_HANGUL_RE = /[\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/;
const SCRIPT_RUN_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|\p{Script=Hangul}+|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;
const DIACRITICS_RE = /[\u0300-\u036f]/g;
const NON_ASCII_RE = /[^\u0020-\u007e]/;

function normWord(w: string): string {
  const lower = w.toLowerCase();
  // Only decompose when needed: most words are ASCII.
  return NON_ASCII_RE.test(lower) ? lower.normalize('NFD').replace(DIACRITICS_RE, '') : lower;
}

/** Word tokens of `text`; once `deadline` has expired, the tokens read so far. */
export function tokenize(text: string, deadline: Deadline = NO_DEADLINE): Token[] {
  const out: Token[] = [];
  WORD_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD_RE.exec(text)) !== null) {
    if (deadline.step()) break;
    if (!CJK_HANGUL_RE.test(m[0])) {
      out.push({ text: m[0], norm: normWord(m[0]), start: m.index, end: m.index + m[0].length });
      continue;
    }
    for (const part of m[0].matchAll(SCRIPT_RUN_RE)) {
      const start = m.index + part.index;
      out.push({ text: part[0], norm: normWord(part[0]), start, end: start + part[0].length });
    }
  }
  return out;
}

/** Abbreviations that end with a dot but do not end a sentence. */
const NON_TERMINAL_ABBREV = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'vs', 'etc', 'inc', 'ltd', 'corp', 'co', 'no', 'jan', 'feb', 'mar',
  'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'u.s', 'u.n', 'u.k', 'e.g', 'i.e', 'gen', 'gov', 'sen', 'rep',
]);

/** Longest word looked at before a full stop to tell an abbreviation ("Mr.", "U.S.") from a sentence end. */
const MAX_ABBREV_CHARS = 64;

/**
 * Split into sentences: on . ! ? followed by space + capital/quote/digit, and always on blank lines and line breaks
 * (headlines, list items and captions are lines of their own in extracted article text). Once `deadline`
 * has expired, the sentences before that point.
 */
export function splitSentences(text: string, deadline: Deadline = NO_DEADLINE): Sentence[] {
  const out: Sentence[] = [];
  const push = (s: number, e: number): void => {
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ text: text.slice(s, e), start: s, end: e });
  };
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    if (i % 16 === 0 && deadline.step()) return out;
    const c = text[i]!;
    if (c === '\n') {
      push(start, i);
      start = i + 1;
      continue;
    }
    if (c === '.' || c === '!' || c === '?') {
      // include closing quotes/brackets
      let j = i + 1;
      while (j < n && /["'”’)\]]/.test(text[j]!)) j++;
      if (j < n && text[j] !== ' ' && text[j] !== '\t') continue;
      let k = j;
      while (k < n && (text[k] === ' ' || text[k] === '\t')) k++;
      if (k < n && !/[\p{Lu}"“'‘([\d]/u.test(text[k]!)) continue;
      if (c === '.') {
        // the word before the dot, looked for no further back than an abbreviation can be long
        let wordStart = i;
        while (wordStart > 0 && i - wordStart < MAX_ABBREV_CHARS && text[wordStart - 1] !== ' ') wordStart--;
        const word = wordStart > 0 && text[wordStart - 1] !== ' ' ? '' : text.slice(wordStart, i).toLowerCase().replace(/^[("'“‘]+/, '');
        if (NON_TERMINAL_ABBREV.has(word) || /^[a-z]$/i.test(word) || /^(?:[a-z]\.)+[a-z]$/i.test(word)) continue;
      }
      push(start, j);
      start = j;
      i = j - 1;
    }
  }
  push(start, n);
  return out;
}

/** Index of the sentence that contains offset `pos` (binary search). */
export function sentenceIndexAt(sentences: Sentence[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return mid;
  }
  return Math.max(0, Math.min(sentences.length - 1, lo));
}

export function countWords(text: string): number {
  let n = 0;
  WORD_RE.lastIndex = 0;
  while (WORD_RE.exec(text) !== null) n++;
  return n;
}

export function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/** Round a duration to 0.01 ms for reporting. */
export function ms(x: number): number {
  return Math.round(x * 100) / 100;
}
