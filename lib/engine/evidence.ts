/**
 * How sure the engine is of each kind of evidence, and what the page may mark (issue 14: "an entity is
 * marked in the page only when its kind of evidence is measured at >= 0.95 precision").
 *
 * The figures are precision measured by `npm run -s eval` (correct / reported, articles-more dev half);
 * name-finder rules have their own figures in ner/rules.ts (RULE_INFO: dev half + old corpus, the old
 * corpus's unlisted names counted as errors). A rule without a figure, or with fewer than MIN_CASES
 * judged names, is not marked. Readers forgive a missing mark, not a wrong one. A name-finder name is
 * marked only when the article also says what it is (`articleDescription`, issue 17: "every mark has
 * something to say"): its card shows that, labelled as the article's words.
 */
import type { AnalysisEntity, EvidenceKind } from '../shared/contract';
import { rulePrecision } from './ner/rules';

/** Marks need at least this measured precision. */
export const MARK_MIN_PRECISION = 0.95;
/** A rule's figure counts only over at least this many judged names. */
export const MIN_CASES = 8;

/**
 * Measured precision by kind of evidence (2026-12-07). `kb`: names from the knowledge base after the
 * context rules, 104 of 105 correct on the dev half. `address`: an address whose checksum (or, for
 * Solana, key length with Solana named nearby) holds is an address: every address of the OFAC lists is
 * found and validated (test/unit/engine/addresses.test.ts); the eval's lists hold no addresses yet, so
 * it cannot judge them. `inferred` entities are never marked (nothing in the page names them).
 */
const EVIDENCE_PRECISION: Record<Exclude<EvidenceKind, 'name-finder'>, number | null> = {
  kb: 0.99,
  address: 1,
  inferred: null,
};

/** The measured precision of an entity's evidence (its rule's, for the name finder), or null. */
export function confidenceOf(e: Pick<AnalysisEntity, 'evidence' | 'rule' | 'known' | 'inferred' | 'type'>): number | null {
  const kind = kindOf(e);
  if (kind !== 'name-finder') return EVIDENCE_PRECISION[kind];
  const { precision, cases } = e.rule ? rulePrecision(e.rule) : { precision: null, cases: 0 };
  return precision === null || cases < MIN_CASES ? null : precision;
}

/**
 * May the page mark this entity? Only evidence measured at MARK_MIN_PRECISION or better, never an inferred
 * one, and a name the knowledge base lacks only with the article's own description of it.
 */
export function markable(e: Pick<AnalysisEntity, 'evidence' | 'rule' | 'known' | 'inferred' | 'type' | 'articleDescription'>): boolean {
  if (e.inferred) return false;
  const c = confidenceOf(e);
  if (c === null || c < MARK_MIN_PRECISION) return false;
  return kindOf(e) !== 'name-finder' || !!e.articleDescription?.trim();
}

/** What an entity rests on; analyses kept from before `evidence` existed are read by their known/inferred flags. */
function kindOf(e: Pick<AnalysisEntity, 'evidence' | 'known' | 'inferred' | 'type'>): EvidenceKind {
  return e.evidence ?? (e.inferred ? 'inferred' : e.type === 'address' ? 'address' : e.known === false ? 'name-finder' : 'kb');
}
