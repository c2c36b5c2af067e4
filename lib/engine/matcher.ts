/**
 * The knowledge-base matcher: every name and alias of the KB compiled once into a trie keyed by
 * normalised word tokens. Matching walks the article's tokens once; at each token it follows hash-map
 * edges only as far as a name continues, so the cost depends on the article length and the longest
 * name, not on how many names the KB holds (a 10x larger KB adds map entries, not work per token).
 *
 * Case rules stop ordinary words from matching names: an acronym ("RGB", "FBI") must be written in
 * capitals, a capitalised name ("Ronin", "Harmony") must be capitalised in the text, and a brand whose first letter
 * is lower case with a capital inside ("dYdX", "eXch", "zkSync") must be written as the brand writes it (or in
 * capitals, as in a headline): "dydx" or "Exch" are not the brand. Context rules
 * (KbEntity.ambiguous.context and a topical vocabulary per entity type) are applied by `resolve.ts`.
 */
import type { CompiledKb } from '../kb/types';
import { NO_DEADLINE, type Deadline } from './deadline';
import { tokenize, type Token } from './text';

type CaseRule = 'exact-upper' | 'initial-upper' | 'as-written' | 'any';

interface NamePattern {
  entityId: string;
  alias: string;
  /** normalised tokens of the alias */
  tokens: string[];
  /** how each token must be written in the text */
  caseRules: CaseRule[];
  /** each token as the alias writes it (the 'as-written' rule compares with it) */
  forms: string[];
  /** canonical gaps between alias tokens ("" before the first) */
  gaps: string[];
  /** the alias itself says it is ambiguous, or the entity's ambiguous block covers it */
  ambiguous: boolean;
  /** a single capitalised ordinary-looking word ("Ronin", "Atomic"): needs topical context */
  weak: boolean;
  /** "North Koreas" may match "North Korea" (not acronyms: "IBMs" never matches "IBM") */
  allowPlural: boolean;
  isName: boolean;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  patterns: NamePattern[] | null;
}

export interface RawMatch {
  pattern: NamePattern;
  start: number;
  end: number;
  /** index of the first and one past the last token */
  tokenStart: number;
  tokenEnd: number;
  text: string;
}

/** Aliases shorter than this (in characters) are not matched at all: "X", "UN" in lower case would be noise. */
const MIN_ALIAS_CHARS = 2;
/** Acronyms up to this length must be written in capitals in the text. */
const MAX_ACRONYM_CHARS = 7;
/** Entity types whose single-word names are often ordinary words or other things' names. */
const WEAK_SINGLE_WORD_TYPES = new Set(['threat-actor', 'malware', 'exchange', 'protocol', 'mixer', 'incident', 'cryptocurrency', 'organization']);

function canonGap(g: string): string {
  const c = g
    .replace(/[\s\u00a0\-–—_]+/g, ' ')
    .replace(/[’‘]/g, "'")
    .replace(/ ?([.&'/+]) ?/g, '$1')
    .trim();
  return c === '' ? ' ' : c;
}

/** Regular demonyms: Korea -> Korean, Russia -> Russian, Iran -> Iranian, Belarus -> Belarusian. */
function demonym(name: string): string | null {
  if (/a$/.test(name)) return `${name}n`;
  if (/(?:an|us|ia)$/.test(name)) return `${name}ian`;
  return null;
}

function caseRuleOf(word: string): CaseRule {
  const letters = word.replace(/[^\p{L}]/gu, '');
  if (!letters) return 'any';
  if (letters === letters.toUpperCase() && letters !== letters.toLowerCase()) {
    return word.length <= MAX_ACRONYM_CHARS ? 'exact-upper' : 'initial-upper';
  }
  if (/^\p{Lu}/u.test(word)) return 'initial-upper';
  // a lower-case first letter and a capital inside ("dYdX", "eXch", "iPhone"): the brand's own spelling
  if (/\p{Lu}/u.test(word)) return 'as-written';
  return 'any';
}

function tokenOk(text: string, rule: CaseRule, form: string): boolean {
  switch (rule) {
    case 'as-written':
      return text === form || (text === text.toUpperCase() && text !== text.toLowerCase());
    case 'any':
      return true;
    case 'exact-upper': {
      return text === text.toUpperCase();
    }
    case 'initial-upper': {
      const c = text[0]!;
      return c !== c.toLowerCase() || /^\p{N}/u.test(text);
    }
  }
}

/** Work counters, for tests and benchmarks: trie edges looked up. */
interface MatchStats {
  lookups: number;
}

export interface CompiledMatcher {
  /** Every name that starts at each token; once `deadline` has expired, the matches found so far. */
  match(text: string, tokens?: Token[], stats?: MatchStats, deadline?: Deadline): RawMatch[];
  patternCount: number;
}

function compilePatterns(kb: Pick<CompiledKb, 'entities'>): NamePattern[] {
  const out: NamePattern[] = [];
  const seen = new Set<string>();
  for (const e of kb.entities) {
    const anyFlagged = e.aliases.some((a) => a.ambiguous);
    const names: { name: string; ambiguous: boolean; isName: boolean }[] = [
      { name: e.name, ambiguous: false, isName: true },
      ...e.aliases.map((a) => ({ name: a.name, ambiguous: !!a.ambiguous, isName: false })),
    ];
    // "North Korean hackers", "Iranian exchange": the adjective names the country too
    if (e.type === 'sanctioned-jurisdiction') {
      for (const n of [...names]) {
        if (n.ambiguous || !/^\p{Lu}[\p{L} ]+$/u.test(n.name)) continue;
        const d = demonym(n.name);
        if (d) names.push({ name: d, ambiguous: false, isName: false });
      }
    }
    for (const n of names) {
      const alias = n.name.trim();
      if (alias.length < MIN_ALIAS_CHARS) continue;
      const toks = tokenize(alias);
      if (!toks.length) continue;
      const key = `${e.id}\u0000${toks.map((t) => t.norm).join(' ')}\u0000${toks.map((t) => caseRuleOf(t.text)).join(',')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const gaps = toks.map((t, i) => (i === 0 ? '' : canonGap(alias.slice(toks[i - 1]!.end, t.start))));
      const caseRules = toks.map((t) => caseRuleOf(t.text));
      const single = toks.length === 1;
      const ambiguous = n.ambiguous || (!!e.ambiguous && !anyFlagged && (single || n.isName));
      const plainWord = single && /^\p{Lu}\p{Ll}+$/u.test(toks[0]!.text);
      const weak = plainWord && WEAK_SINGLE_WORD_TYPES.has(e.type);
      const last = toks[toks.length - 1]!;
      const allowPlural = caseRules[caseRules.length - 1] !== 'exact-upper' && last.text.length >= 4 && !/s$/i.test(last.text) && !/\p{N}/u.test(last.text);
      // A lower-case single word alias ("bitcoin", "ether") of 2-3 letters is too noisy to match anywhere.
      if (single && caseRules[0] === 'any' && alias.length < 4) continue;
      out.push({ entityId: e.id, alias, tokens: toks.map((t) => t.norm), caseRules, forms: toks.map((t) => t.text), gaps, ambiguous, weak, allowPlural, isName: n.isName });
    }
  }
  return out;
}

export function compileMatcher(kb: Pick<CompiledKb, 'entities'>): CompiledMatcher {
  const root: TrieNode = { next: new Map(), patterns: null };
  const patterns = compilePatterns(kb);
  for (const p of patterns) {
    let node = root;
    for (const t of p.tokens) {
      let nx = node.next.get(t);
      if (!nx) {
        nx = { next: new Map(), patterns: null };
        node.next.set(t, nx);
      }
      node = nx;
    }
    (node.patterns ??= []).push(p);
  }

  function match(text: string, tokens: Token[] = tokenize(text), stats?: MatchStats, deadline: Deadline = NO_DEADLINE): RawMatch[] {
    const found: RawMatch[] = [];
    const n = tokens.length;
    for (let i = 0; i < n; i++) {
      if (deadline.step()) break;
      let node: TrieNode | undefined = root;
      // every name that starts here counts, not only the longest (the resolver keeps the longest and the nested ones)
      for (let j = i; j < n && node; j++) {
        const tok = tokens[j]!;
        if (j > i) {
          // names do not continue across a line break or sentence punctuation
          const gapText = text.slice(tokens[j - 1]!.end, tok.start);
          if (gapText.length > 3 || /[\n,;:!?()"“”]/.test(gapText)) break;
        }
        if (stats) stats.lookups++;
        let nx: TrieNode | undefined = node.next.get(tok.norm);
        let plural = false;
        if (!nx && tok.norm.length > 4 && tok.norm.endsWith('s')) {
          nx = node.next.get(tok.norm.slice(0, -1));
          plural = !!nx;
        }
        if (!nx) break;
        node = nx;
        if (node.patterns) {
          for (const p of node.patterns) {
            if (plural && !p.allowPlural) continue;
            let ok = true;
            for (let k = 0; k < p.tokens.length && ok; k++) {
              const t = tokens[i + k]!;
              const w = plural && k === p.tokens.length - 1 ? t.text.slice(0, -1) : t.text;
              if (!tokenOk(w, p.caseRules[k]!, p.forms[k]!)) ok = false;
              if (ok && k > 0) {
                const g = canonGap(text.slice(tokens[i + k - 1]!.end, t.start));
                if (g !== p.gaps[k]) ok = false;
              }
            }
            if (ok) found.push({ pattern: p, start: tokens[i]!.start, end: tok.end, tokenStart: i, tokenEnd: j + 1, text: text.slice(tokens[i]!.start, tok.end) });
          }
        }
        if (plural) break;
      }
    }
    return found;
  }

  return { match, patternCount: patterns.length };
}
