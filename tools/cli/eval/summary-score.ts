/**
 * Summary scoring on the articles-more labels (issue 15), and the lead-3 baseline. Pure functions.
 */
import { countWords } from '../../../lib/engine/text';
import { labelKey } from './entity-precision';
import { goldNameVariants } from './key-facts';
import type { GoldKeyFacts, LabelEntity } from './labels';

/** Whitespace collapsed, quotes folded, case-insensitive: how key sentences and summary sentences are compared. */
function sentenceKey(s: string): string {
  return labelKey(s);
}

/**
 * A key sentence (its first 6-10 words, as labelled) is covered when a summary sentence starts with
 * those words or contains them, after `sentenceKey` normalisation.
 */
export function keySentenceCovered(key: string, sentences: readonly string[]): boolean {
  const k = sentenceKey(key);
  if (k.length === 0) return false;
  return sentences.some((s) => sentenceKey(s).includes(k));
}

export function keySentenceHits(keys: readonly string[], sentences: readonly string[]): number {
  return keys.filter((k) => keySentenceCovered(k, sentences)).length;
}

/** Letters and digits only, lower case, single spaces, padded: for whole-word search. */
function wordKey(s: string): string {
  return ` ${labelKey(s).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}

/**
 * "Central fact in the first sentence": the first summary sentence
 * - names a gold victim or a gold actor: the gold name or one of the aliases the article's entity
 *   list gives it occurs as whole words (case-insensitive, punctuation ignored), or
 * - contains the text of a gold amount whose role is `stolen` (case-insensitive, whitespace collapsed).
 * Returns null (not checkable, left out of the rate) when the gold has no victim, no actor and no
 * stolen amount.
 */
export function centralFactFirst(first: string | undefined, gold: GoldKeyFacts, entities: readonly LabelEntity[]): boolean | null {
  const who = [...gold.victims, ...gold.actors.map((a) => a.name)];
  const stolen = gold.amounts.filter((a) => a.role === 'stolen' && a.text.trim().length > 0).map((a) => a.text);
  if (who.length === 0 && stolen.length === 0) return null;
  if (first === undefined || first.trim().length === 0) return false;
  const hay = wordKey(first);
  for (const name of who)
    for (const v of goldNameVariants(name, entities)) {
      const k = wordKey(v);
      if (k.trim().length > 0 && hay.includes(k)) return true;
    }
  const flat = sentenceKey(first);
  return stolen.some((t) => flat.includes(sentenceKey(t)));
}

/** Fewer words than this and a line is a heading, byline or caption (the engine's summary uses the same bound). */
const LEAD_MIN_WORDS = 7;

/**
 * The lead-3 baseline: the first three sentences of the article text that read as prose, i.e. end
 * with . ! or ? (closing quotes allowed) and have at least LEAD_MIN_WORDS words; headlines, bylines,
 * captions and front-matter lines are skipped, as the engine's own summary skips them.
 */
export function lead3(sentences: readonly string[], n = 3): string[] {
  return sentences.filter((s) => /[.!?]["'”’)]*$/.test(s.trim()) && countWords(s) >= LEAD_MIN_WORDS).slice(0, n);
}

export interface LengthStats {
  summaries: number;
  meanSentences: number | null;
  maxSentences: number | null;
  meanWords: number | null;
  maxWords: number | null;
  /** share of summaries with more than 3 sentences */
  over3Share: number | null;
}

export function lengthStats(summaries: readonly (readonly string[])[]): LengthStats {
  const n = summaries.length;
  if (n === 0) return { summaries: 0, meanSentences: null, maxSentences: null, meanWords: null, maxWords: null, over3Share: null };
  const sents = summaries.map((s) => s.length);
  const words = summaries.map((s) => s.reduce((w, x) => w + countWords(x), 0));
  return {
    summaries: n,
    meanSentences: sents.reduce((a, b) => a + b, 0) / n,
    maxSentences: Math.max(...sents),
    meanWords: words.reduce((a, b) => a + b, 0) / n,
    maxWords: Math.max(...words),
    over3Share: sents.filter((s) => s > 3).length / n,
  };
}
