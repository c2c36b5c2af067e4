/**
 * Entity precision and must-find recall on the articles-more labels (issue 14). Pure functions.
 *
 * Matching rule (stricter than the old lists' rule in ../eval-score.ts, because these lists are meant
 * to be exhaustive): a reported entity matches a listed entity when its `name`, or the text of one of
 * its mentions, equals the listed name or one of its aliases after `labelKey` normalisation
 * (case-insensitive, whitespace collapsed, typographic quotes folded, a trailing possessive dropped).
 * The reported entity's knowledge-base `aliases` are not used: a KB entry may list a related cluster
 * as an alias, and a neighbour must not make a listed entity count.
 *
 * The lists name what the article names, so two kinds of reported entity are judged by their own rule
 * (`judgeReported`) and tallied apart from the headline, which measures names (KB + name finder):
 * an inferred entity is right when the list names it or when the named entity its chain starts from
 * is on the list (the page names the premise; the rest of the chain is the knowledge base's sourced
 * link); an address is right when the list names it or when its checksum holds (`valid`).
 */
import type { LabelEntity } from './labels';

/** The parts of a reported entity that are judged (a subset of AnalysisEntity). */
export interface ReportedEntity {
  id: string;
  name: string;
  type: string;
  mentions?: { text: string }[];
  inferred?: boolean;
  /** inferred entities: the chain from a named entity (its first step's `from`) to this one */
  via?: readonly { from: string }[];
  /** addresses: the checksum (or the chain's own validity rule) holds */
  valid?: boolean;
}

export type Verdict = 'correct' | 'wrong-type' | 'trap' | 'wrong';
export type EvidenceKind = 'kb' | 'name-finder' | 'address' | 'inferred';
export const EVIDENCE_KINDS: readonly EvidenceKind[] = ['kb', 'name-finder', 'address', 'inferred'];

/** NFKC, curly quotes and apostrophes folded, lower case, whitespace collapsed, trailing "'s" dropped. */
export function labelKey(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/'s$/, '');
}

export function listedNames(e: LabelEntity): string[] {
  return [e.name, ...(e.aliases ?? [])];
}

/** The keys a reported entity is matched by: its name and its mention texts. */
function reportedKeys(e: ReportedEntity): Set<string> {
  const keys = new Set<string>();
  for (const n of [e.name, ...(e.mentions ?? []).map((m) => m.text)]) {
    const k = labelKey(n);
    if (k.length > 0) keys.add(k);
  }
  return keys;
}

/** Does a reported entity match one of these names (name or mention text vs each name)? */
function matchesNames(e: ReportedEntity, names: readonly string[]): boolean {
  const keys = reportedKeys(e);
  return names.some((n) => keys.has(labelKey(n)));
}

/** What evidence a reported entity rests on. `isKbId` says whether an id is a knowledge-base id. */
export function evidenceKind(e: ReportedEntity, isKbId: (id: string) => boolean): EvidenceKind {
  if (e.inferred) return 'inferred';
  if (e.type === 'address') return 'address';
  return isKbId(e.id) ? 'kb' : 'name-finder';
}

/** Why a reported entity was judged correct: the list names it, the list names its premise (inferred), its checksum holds (address). */
type Basis = 'listed' | 'premise' | 'valid';

export interface Judgement {
  verdict: Verdict;
  /** the listed entity it matched (for correct / wrong-type) */
  listed?: LabelEntity;
  /** for correct verdicts: what made it correct */
  basis?: Basis;
}

/**
 * Judge one reported entity against an article's list: `correct` when it matches a listed entity of
 * the same type, `wrong-type` when it matches listed entities only of other types, `trap` when it
 * matches a `notExpected` name (and no listed entity), else `wrong`.
 */
export function judgeEntity(e: ReportedEntity, listed: readonly LabelEntity[], notExpected: readonly string[]): Judgement {
  const hits = listed.filter((l) => matchesNames(e, listedNames(l)));
  const sameType = hits.find((l) => l.type === e.type);
  if (sameType) return { verdict: 'correct', listed: sameType, basis: 'listed' };
  if (hits[0]) return { verdict: 'wrong-type', listed: hits[0] };
  if (matchesNames(e, notExpected)) return { verdict: 'trap' };
  return { verdict: 'wrong' };
}

/**
 * Judge every reported entity of one article by its kind of evidence. Names (KB, name finder) as
 * `judgeEntity`. An inferred entity the list does not name is `correct` (basis `premise`) when the
 * named entity its chain starts from is reported and on the list (any type: the page names it), else
 * `wrong`; one in notExpected stays a trap. An address the list does not name is `correct` (basis
 * `valid`) when its checksum holds, else `wrong`.
 */
export function judgeReported(
  reported: readonly ReportedEntity[],
  listed: readonly LabelEntity[],
  notExpected: readonly string[],
  isKbId: (id: string) => boolean,
): (Judgement & { kind: EvidenceKind })[] {
  const base = reported.map((e) => ({ e, kind: evidenceKind(e, isKbId), j: judgeEntity(e, listed, notExpected) }));
  const onList = new Set(base.filter((b) => b.kind !== 'inferred' && (b.j.verdict === 'correct' || b.j.verdict === 'wrong-type')).map((b) => b.e.id));
  return base.map(({ e, kind, j }) => {
    if (j.verdict !== 'wrong') return { ...j, kind };
    if (kind === 'inferred') {
      const premise = e.via?.[0]?.from;
      return premise !== undefined && onList.has(premise) ? { verdict: 'correct', basis: 'premise', kind } : { ...j, kind };
    }
    if (kind === 'address') return e.valid === true ? { verdict: 'correct', basis: 'valid', kind } : { ...j, kind };
    return { ...j, kind };
  });
}

export interface PrecisionTally {
  reported: number;
  correct: number;
  wrongType: number;
  trap: number;
  wrong: number;
  /** correct / reported; wrong-type, trap and wrong all count as errors. null when nothing was reported. */
  precision: number | null;
}

function emptyTally(): PrecisionTally {
  return { reported: 0, correct: 0, wrongType: 0, trap: 0, wrong: 0, precision: null };
}

function addVerdict(t: PrecisionTally, v: Verdict): void {
  t.reported++;
  if (v === 'correct') t.correct++;
  else if (v === 'wrong-type') t.wrongType++;
  else if (v === 'trap') t.trap++;
  else t.wrong++;
  t.precision = t.correct / t.reported;
}

export interface JudgedEntity {
  verdict: Verdict;
  kind: EvidenceKind;
}

/**
 * Precision over all judged entities, over the names (KB + name finder: the headline figure; inferred
 * entities and addresses have rules of their own), and by kind of evidence.
 */
export function tallyPrecision(judged: readonly JudgedEntity[]): {
  overall: PrecisionTally;
  named: PrecisionTally;
  byKind: Record<EvidenceKind, PrecisionTally>;
} {
  const overall = emptyTally();
  const named = emptyTally();
  const byKind = { kb: emptyTally(), 'name-finder': emptyTally(), address: emptyTally(), inferred: emptyTally() };
  for (const j of judged) {
    addVerdict(overall, j.verdict);
    if (j.kind === 'kb' || j.kind === 'name-finder') addVerdict(named, j.verdict);
    addVerdict(byKind[j.kind], j.verdict);
  }
  return { overall, named, byKind };
}

export interface MustResult {
  must: number;
  found: number;
  /** found by a reported entity of the listed type too */
  foundSameType: number;
  missed: LabelEntity[];
}

/**
 * Must-find recall: a `must` entity is found when a reported entity that is not inferred matches its
 * name or aliases (the type is not required here; `foundSameType` counts the stricter reading).
 */
export function mustRecall(listed: readonly LabelEntity[], reported: readonly ReportedEntity[]): MustResult {
  const named = reported.filter((e) => !e.inferred);
  const out: MustResult = { must: 0, found: 0, foundSameType: 0, missed: [] };
  for (const l of listed) {
    if (!l.must) continue;
    out.must++;
    const hits = named.filter((e) => matchesNames(e, listedNames(l)));
    if (hits.length === 0) {
      out.missed.push(l);
      continue;
    }
    out.found++;
    if (hits.some((e) => e.type === l.type)) out.foundSameType++;
  }
  return out;
}
