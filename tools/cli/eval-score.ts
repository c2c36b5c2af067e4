/**
 * Pure scoring functions for the evaluation command (`npm run -s eval`).
 *
 * Nothing here reads files or runs the engine: text and numbers in, figures out, so that the
 * scoring rules can be unit-tested with synthetic data (test/unit/eval/).
 */

import { ENTITY_TYPES } from '../../lib/shared/contract';

/** Detection counts and the usual figures. A ratio with a zero denominator is null, not 0 or 1. */
export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export function ratio(num: number, den: number): number | null {
  return den === 0 ? null : num / den;
}

export function prf(tp: number, fp: number, fn: number, tn = 0): Prf {
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 =
    precision === null || recall === null ? null : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, tn, precision, recall, f1 };
}

/** One labelled item and the detector's verdict. */
export interface LabelledVerdict {
  positive: boolean;
  detected: boolean;
}

export function confusion(items: readonly LabelledVerdict[]): Prf {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const it of items) {
    if (it.positive && it.detected) tp++;
    else if (!it.positive && it.detected) fp++;
    else if (it.positive && !it.detected) fn++;
    else tn++;
  }
  return prf(tp, fp, fn, tn);
}

/** Group items by one or more keys each (an item with topics [a, b] counts under a and b). */
export function groupBy<T>(items: readonly T[], keys: (item: T) => readonly string[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of items) {
    for (const k of keys(it)) {
      const list = out.get(k);
      if (list) list.push(it);
      else out.set(k, [it]);
    }
  }
  return out;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

// ---------------------------------------------------------------------------------------------
// Name matching

/**
 * Words that only say what kind of thing a name is. "Lazarus" and "Lazarus Group", "LockBit" and
 * "LockBit ransomware", "Bybit" and "Bybit exchange" are the same entity for scoring.
 */
const GENERIC_TAIL_WORDS = new Set([
  'group',
  'gang',
  'team',
  'ransomware',
  'malware',
  'exchange',
  'protocol',
  'finance',
  'network',
  'inc',
  'ltd',
  'llc',
  'corp',
  'corporation',
  'company',
  'co',
]);

/**
 * Normalise a name for comparison: Unicode-fold, lower-case, drop diacritics and punctuation
 * (dots, dashes, apostrophes, brackets), "&" -> "and", collapse spaces, drop a leading "the".
 */
export function normaliseName(name: string): string {
  let s = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  s = s.replace(/&/g, ' and ');
  s = s.replace(/['\u2019\u2018`]s\b/g, ''); // possessive
  s = s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  s = s.replace(/^the /, '');
  return s.replace(/\s+/g, ' ');
}

/** The normalised name without trailing generic words ("lazarus group" -> "lazarus"). */
export function coreName(name: string): string {
  const words = normaliseName(name).split(' ').filter((w) => w.length > 0);
  while (words.length > 1 && GENERIC_TAIL_WORDS.has(words[words.length - 1] as string)) words.pop();
  return words.join(' ');
}

/** kebab-case id of a name, the way knowledge-base ids are usually written ("Lazarus Group" -> "lazarus-group"). */
export function kebab(name: string): string {
  return normaliseName(name).replace(/ /g, '-');
}

/** All the keys under which a set of names can be matched. */
export function nameKeys(names: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const n of names) {
    const full = normaliseName(n);
    if (full.length === 0) continue;
    keys.add(full);
    keys.add(coreName(n));
    keys.add(full.replace(/ /g, '')); // "Lock Bit" / "LockBit", "Tornado.cash" / "Tornado Cash"
  }
  return keys;
}

export interface ExpectedEntity {
  name: string;
  type: string;
  aliases?: string[];
}

/** The parts of an output entity that matching looks at (a subset of AnalysisEntity). */
export interface FoundEntity {
  id: string;
  name: string;
  type?: string;
  aliases?: string[];
  mentions?: { text: string }[];
  inferred?: boolean;
}

/**
 * The names an output entity is matched by: its id, its name and the texts of its mentions. Its KB
 * `aliases` are deliberately not used: a KB entry may list a related cluster as an alias (Lazarus Group
 * / BlueNoroff), and an expected entity must not count as found because a neighbour was reported.
 */
export function foundEntityKeys(e: FoundEntity): Set<string> {
  const names = [e.name, ...(e.mentions ?? []).map((m) => m.text)];
  const keys = nameKeys(names);
  keys.add(normaliseName(e.id.replace(/-/g, ' ')));
  keys.add(coreName(e.id.replace(/-/g, ' ')));
  return keys;
}

/**
 * The matching rule: an expected entity is found when an output entity has its id (the kebab-case
 * of the expected name or of an alias), or when any of the expected names/aliases and the output
 * entity's name or any of its mention texts are equal after normalisation (see normaliseName;
 * generic tail words such as "Group", "ransomware", "exchange" are ignored; spaces are ignored), or,
 * for an output incident, when an expected name occurs as whole words in its name or a mention.
 */
export function entityMatches(expected: ExpectedEntity, found: FoundEntity): boolean {
  const expNames = [expected.name, ...(expected.aliases ?? [])];
  const ids = new Set(expNames.map(kebab));
  if (ids.has(found.id)) return true;
  const expKeys = nameKeys(expNames);
  for (const k of foundEntityKeys(found)) if (expKeys.has(k)) return true;
  return found.type === 'incident' && incidentNames(expNames, found);
}

/**
 * Incidents are named after their victims and found through phrases ("Sony Pictures Entertainment
 * hack" mentioned as "hack of Sony Entertainment"): an incident matches when one of the expected
 * names (3+ characters) occurs as whole words inside its name or one of its mention texts.
 */
function incidentNames(expNames: readonly string[], found: FoundEntity): boolean {
  const hay = [found.name, ...(found.mentions ?? []).map((m) => m.text)].map((n) => ` ${normaliseName(n)} `);
  return expNames.some((n) => {
    const k = normaliseName(n);
    return k.length >= 3 && hay.some((h) => h.includes(` ${k} `));
  });
}

export interface EntityScore {
  expected: number;
  found: number;
  missed: ExpectedEntity[];
  matched: { expected: ExpectedEntity; by: FoundEntity }[];
  /** output entities named in notExpected (the list says they are wrong here) */
  unexpected: FoundEntity[];
  /** output entities that match no expected entity (not necessarily wrong: the lists are not exhaustive) */
  extra: FoundEntity[];
  recall: number | null;
}

export function scoreEntities(
  expected: readonly ExpectedEntity[],
  found: readonly FoundEntity[],
  notExpected: readonly string[] = [],
): EntityScore {
  const matched: { expected: ExpectedEntity; by: FoundEntity }[] = [];
  const missed: ExpectedEntity[] = [];
  const used = new Set<FoundEntity>();
  for (const exp of expected) {
    const hit = found.find((f) => entityMatches(exp, f));
    if (hit) {
      matched.push({ expected: exp, by: hit });
      used.add(hit);
    } else missed.push(exp);
  }
  const notKeys = nameKeys(notExpected);
  const unexpected: FoundEntity[] = [];
  const extra: FoundEntity[] = [];
  for (const f of found) {
    if (used.has(f)) continue;
    const fk = foundEntityKeys(f);
    if ([...fk].some((k) => notKeys.has(k))) unexpected.push(f);
    else if (!expected.some((e) => entityMatches(e, f))) extra.push(f);
  }
  return {
    expected: expected.length,
    found: matched.length,
    missed,
    matched,
    unexpected,
    extra,
    recall: ratio(matched.length, expected.length),
  };
}

// ---------------------------------------------------------------------------------------------
// Amounts

export interface ExpectedAmount {
  text: string;
  value: number;
  currency: string;
}

export interface FoundAmount {
  text: string;
  value: number;
  currency: string;
  usd?: number | null;
}

/** Relative tolerance for amounts: "$1.46 billion" vs 1,460,000,000 is exact; rounding of 0.5% is allowed. */
export const AMOUNT_TOLERANCE = 0.005;

export function normaliseCurrency(c: string): string {
  const u = c.trim().toUpperCase();
  if (u === '$' || u === 'US$' || u === 'DOLLAR' || u === 'DOLLARS') return 'USD';
  if (u === '€') return 'EUR';
  if (u === '£') return 'GBP';
  if (u === '¥') return 'JPY';
  return u;
}

export function sameValue(a: number, b: number, tolerance = AMOUNT_TOLERANCE): boolean {
  if (a === b) return true;
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale > 0 && Math.abs(a - b) / scale <= tolerance;
}

/** An expected amount is found when an output amount has the same currency and value (or, for USD, the same `usd`). */
export function amountMatches(exp: ExpectedAmount, found: FoundAmount): boolean {
  const cur = normaliseCurrency(exp.currency);
  if (normaliseCurrency(found.currency) === cur && sameValue(found.value, exp.value)) return true;
  return cur === 'USD' && typeof found.usd === 'number' && sameValue(found.usd, exp.value);
}

export interface AmountScore {
  expected: number;
  found: number;
  missed: ExpectedAmount[];
  recall: number | null;
}

export function scoreAmounts(expected: readonly ExpectedAmount[], found: readonly FoundAmount[]): AmountScore {
  const missed = expected.filter((e) => !found.some((f) => amountMatches(e, f)));
  const n = expected.length - missed.length;
  return { expected: expected.length, found: n, missed, recall: ratio(n, expected.length) };
}

// ---------------------------------------------------------------------------------------------
// Summary and ambiguous words

/** Entity types that are actors or victims: the "who" of a crypto-security story. */
export const ACTOR_VICTIM_TYPES = new Set<string>(ENTITY_TYPES.filter((t) => t !== 'cryptocurrency' && t !== 'address'));

const AMOUNT_IN_TEXT =
  /(?:[$€£¥]\s?\d)|(?:\b\d[\d,.]*\s?(?:k|m|bn|b)?\s?(?:million|billion|thousand|USD|EUR|BTC|ETH|USDT|USDC|dollars?)\b)/i;

/**
 * Heuristic: the first sentence of a summary states the central fact when it names an actor or
 * victim entity of the analysis (name, alias or mention text, case-insensitive, whole words) or
 * contains a money amount.
 */
export function firstSentenceStatesFact(first: string, entities: readonly FoundEntity[]): { ok: boolean; why: string } {
  if (first.trim().length === 0) return { ok: false, why: 'empty' };
  if (AMOUNT_IN_TEXT.test(first)) return { ok: true, why: 'amount' };
  const hay = ` ${normaliseName(first)} `;
  for (const e of entities) {
    if (e.type && !ACTOR_VICTIM_TYPES.has(e.type)) continue;
    const names = [e.name, ...(e.aliases ?? []), ...(e.mentions ?? []).map((m) => m.text)];
    for (const n of names) {
      const k = normaliseName(n);
      if (k.length >= 2 && hay.includes(` ${k} `)) return { ok: true, why: `names ${e.name}` };
    }
  }
  return { ok: false, why: 'no actor/victim entity or amount' };
}

/**
 * A mention looks like an ordinary word taken for a name when its text is all lower-case while the
 * entity's canonical name is capitalised ("play" for the Play ransomware, "curve" for Curve Finance).
 * Cryptocurrencies are exempt: "bitcoin" and "ether" are ordinary nouns.
 */
export function lowercaseMentions(e: FoundEntity): string[] {
  // currency names are ordinary nouns in lower case ("stole 120 bitcoin", "in ether")
  if (e.type === 'cryptocurrency' || !/\p{Lu}/u.test(e.name)) return [];
  return (e.mentions ?? []).map((m) => m.text).filter((t) => /\p{L}/u.test(t) && t === t.toLowerCase());
}

/** The parts of a knowledge-base entry that say which of its names are ordinary words or double meanings. */
export interface KbNames {
  id: string;
  name: string;
  aliases: { name: string; ambiguous?: boolean }[];
  ambiguous?: unknown;
}

/**
 * Names that the knowledge base itself flags as needing context (the whole entry flagged `ambiguous`,
 * or one alias flagged `ambiguous: true`), keyed by normalised name, with the ids that claim each.
 */
export function ambiguousNames(entries: readonly KbNames[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (name: string, id: string): void => {
    const k = normaliseName(name);
    if (k.length === 0) return;
    const ids = out.get(k) ?? new Set<string>();
    ids.add(id);
    out.set(k, ids);
  };
  for (const e of entries) {
    if (e.ambiguous) {
      add(e.name, e.id);
      for (const a of e.aliases) add(a.name, e.id);
    } else for (const a of e.aliases) if (a.ambiguous) add(a.name, e.id);
  }
  return out;
}

/** Mentions of an entity whose text is one of its ambiguous names. */
export function ambiguousMentions(e: FoundEntity, names: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  return (e.mentions ?? []).map((m) => m.text).filter((t) => names.get(normaliseName(t))?.has(e.id) ?? false);
}
