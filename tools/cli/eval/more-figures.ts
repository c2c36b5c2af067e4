/**
 * Figures on ../shared/data/articles-more (issues 14 and 15): detection by half and publisher, entity
 * precision by kind of evidence, must-find recall, trap hits, key facts and summaries beside a lead-3
 * baseline. Article-level details are kept for the dev half only: rules are written from the dev half,
 * the test half is only scored, so no figure of a single test article leaves this module.
 */
import { markable } from '../../../lib/engine/evidence';
import type { Analysis } from '../../../lib/shared/contract';
import type { Outcome } from '../eval-runner';
import { confusion, ratio, type Prf } from '../eval-score';
import {
  judgeReported,
  mustRecall,
  tallyPrecision,
  type EvidenceKind,
  type MustResult,
  type Verdict,
} from './entity-precision';
import { readKeyFacts, readOlderStolen, scoreKeyFacts, type EngineKeyFacts, type KeyFactScore } from './key-facts';
import type { Half, MoreLabel } from './labels';
import { centralFactFirst, keySentenceHits, lead3, lengthStats, type LengthStats } from './summary-score';

/** Publishers with at least this many articles get a line of their own; the others are summarised. */
export const MIN_PUBLISHER_ARTICLES = 5;

export interface MoreRow {
  /** "positives/<file>" or "negatives/<file>" */
  file: string;
  source: string;
  positive: boolean;
  half: Half | null;
  outcome: Outcome;
}

/** Per name-finder rule: [correct, reported] over these articles (the figures of RULE_INFO's `dev`). */
export function ruleTally(results: readonly ArticleResult[]): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  for (const j of results.flatMap((r) => r.judged)) {
    if (j.kind !== 'name-finder') continue;
    const t = (out[j.rule ?? '?'] ??= [0, 0]);
    if (j.verdict === 'correct') t[0]++;
    t[1]++;
  }
  return out;
}

const analysisOf = (r: MoreRow | undefined): Analysis | null => (r?.outcome.ok ? r.outcome.analysis : null);
const detected = (r: MoreRow): boolean => analysisOf(r)?.cryptoSecurity.detected ?? false;
const halfName = (h: Half | null): string => h ?? 'unsplit';

// ---------------------------------------------------------------------------------------------
// Detection

interface PublisherPrf {
  source: string;
  half: string;
  articles: number;
  prf: Prf;
}

function prfOf(rows: readonly MoreRow[]): Prf {
  return confusion(rows.map((r) => ({ positive: r.positive, detected: detected(r) })));
}

export function detectionFigures(rows: readonly MoreRow[]) {
  const byHalf: Record<string, Prf> = {};
  for (const h of ['dev', 'test', 'unsplit']) {
    const g = rows.filter((r) => halfName(r.half) === h);
    if (g.length) byHalf[h] = prfOf(g);
  }
  const bySource = new Map<string, MoreRow[]>();
  for (const r of rows) bySource.set(r.source, [...(bySource.get(r.source) ?? []), r]);
  const publishers: PublisherPrf[] = [];
  const others: Record<string, { publishers: number; articles: number; prf: Prf }> = {};
  const rest = new Map<string, { n: number; rows: MoreRow[] }>();
  for (const [source, g] of [...bySource.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))) {
    const half = halfName(g[0]?.half ?? null);
    if (g.length >= MIN_PUBLISHER_ARTICLES) publishers.push({ source, half, articles: g.length, prf: prfOf(g) });
    else {
      const e = rest.get(half) ?? { n: 0, rows: [] };
      e.n++;
      e.rows.push(...g);
      rest.set(half, e);
    }
  }
  for (const [half, e] of rest) others[half] = { publishers: e.n, articles: e.rows.length, prf: prfOf(e.rows) };
  const misses = (keep: (r: MoreRow) => boolean) =>
    rows
      .filter((r) => r.half === 'dev' && keep(r))
      .map((r) => ({ file: r.file, score: Math.round((analysisOf(r)?.cryptoSecurity.score ?? 0) * 100) / 100, reasons: analysisOf(r)?.cryptoSecurity.reasons ?? [] }));
  return {
    articles: rows.length,
    overall: prfOf(rows),
    byHalf,
    publishers,
    otherPublishers: others,
    dev: { falseNegatives: misses((r) => r.positive && !detected(r)), falsePositives: misses((r) => !r.positive && detected(r)) },
  };
}

// ---------------------------------------------------------------------------------------------
// Per labelled article

interface JudgedReport {
  name: string;
  type: string;
  id: string;
  kind: EvidenceKind;
  verdict: Verdict;
  /** would the page mark it (lib/engine/evidence.ts markable: evidence measured >= 0.95, never inferred) */
  marked: boolean;
  /** name-finder entities: the rule that found it (lib/engine/ner/rules.ts) */
  rule?: string;
  /** for correct inferred entities and addresses the list does not name: their premise is listed / their checksum holds */
  basis?: 'premise' | 'valid';
  /** the listed type, for wrong-type */
  listedType?: string;
}

export interface ArticleResult {
  label: MoreLabel;
  error: string | null;
  judged: JudgedReport[];
  must: MustResult;
  engineKeyFacts: EngineKeyFacts | null;
  keyFacts: KeyFactScore | null;
  /** side figure: the same scoring with the older shape's `stolen[]` read as stolen amounts (null when not applicable) */
  olderShapeKeyFacts: KeyFactScore | null;
  summary: {
    keys: number;
    engine: string[];
    lead: string[];
    engineHits: number;
    leadHits: number;
    engineCentral: boolean | null;
    leadCentral: boolean | null;
  } | null;
}

/**
 * Score one labelled article. `sentences` are the article's own sentences (for lead-3), or null when
 * its text could not be read.
 */
export function scoreArticle(label: MoreLabel, row: MoreRow | undefined, sentences: string[] | null, isKbId: (id: string) => boolean): ArticleResult {
  const a = analysisOf(row);
  const error = !row ? 'file not in the corpus' : row.outcome.ok ? null : row.outcome.error;
  const reported = a?.entities ?? [];
  const judged = judgeReported(reported, label.entities, label.notExpected ?? [], isKbId).map((j, i): JudgedReport => {
    const e = reported[i]!;
    return {
      name: e.name,
      type: e.type,
      id: e.id,
      kind: j.kind,
      verdict: j.verdict,
      marked: markable(e),
      ...(e.rule ? { rule: e.rule } : {}),
      ...(j.basis && j.basis !== 'listed' ? { basis: j.basis } : {}),
      ...(j.verdict === 'wrong-type' ? { listedType: j.listed?.type } : {}),
    };
  });
  const positive = label.file.startsWith('positives/');
  const gold = positive ? label.keyFacts : null;
  const engineKeyFacts = gold ? readKeyFacts(a?.keyFacts) : null;
  const olderStolen = gold ? readOlderStolen(a?.keyFacts) : null;
  const keys = positive ? (label.keySentences ?? []) : [];
  let summary: ArticleResult['summary'] = null;
  if (keys.length > 0) {
    const engine = a?.summary ?? [];
    const lead = lead3(sentences ?? []);
    summary = {
      keys: keys.length,
      engine,
      lead,
      engineHits: keySentenceHits(keys, engine),
      leadHits: keySentenceHits(keys, lead),
      engineCentral: gold ? centralFactFirst(engine[0], gold, label.entities) : null,
      leadCentral: gold ? centralFactFirst(lead[0], gold, label.entities) : null,
    };
  }
  return {
    label,
    error,
    judged,
    must: mustRecall(label.entities, reported),
    engineKeyFacts,
    keyFacts: gold && engineKeyFacts ? scoreKeyFacts(gold, engineKeyFacts, label.entities) : null,
    olderShapeKeyFacts: gold && engineKeyFacts && olderStolen ? scoreKeyFacts(gold, { ...engineKeyFacts, amounts: olderStolen }, label.entities) : null,
    summary,
  };
}

// ---------------------------------------------------------------------------------------------
// Aggregates over a set of articles

export interface EntityAggregate {
  articles: number;
  precision: ReturnType<typeof tallyPrecision>;
  /** precision of what the page marks (the rest is listed in the popup only) */
  marked: ReturnType<typeof tallyPrecision>['overall'];
  must: { must: number; found: number; recall: number | null; foundSameType: number; recallSameType: number | null };
  trapHits: number;
  articlesWithTrap: number;
}

export function entityAggregate(results: readonly ArticleResult[]): EntityAggregate {
  const precision = tallyPrecision(results.flatMap((r) => r.judged));
  const marked = tallyPrecision(results.flatMap((r) => r.judged).filter((j) => j.marked)).overall;
  const must = results.reduce((s, r) => s + r.must.must, 0);
  const found = results.reduce((s, r) => s + r.must.found, 0);
  const same = results.reduce((s, r) => s + r.must.foundSameType, 0);
  const traps = results.map((r) => r.judged.filter((j) => j.verdict === 'trap').length);
  return {
    articles: results.length,
    precision,
    marked,
    must: { must, found, recall: ratio(found, must), foundSameType: same, recallSameType: ratio(same, must) },
    trapHits: traps.reduce((a, b) => a + b, 0),
    articlesWithTrap: traps.filter((n) => n > 0).length,
  };
}

export interface FieldFigure {
  correct: number;
  n: number;
  rate: number | null;
  /** the same on articles whose gold has a value / has none (the engine must then show none) */
  withGold?: { correct: number; n: number };
  withoutGold?: { correct: number; n: number };
}

export interface KeyFactAggregate {
  articles: number;
  /** analyses whose keyFacts has at least one of the new fields (event, amounts, date) */
  newShape: number;
  event: FieldFigure;
  victim: FieldFigure;
  stolen: FieldFigure;
  date: FieldFigure;
  actor: FieldFigure;
  roleErrors: { total: number; articles: number; perArticle: number | null };
  /** side figure on the analyses that still have the older shape: its `stolen[]` read as stolen amounts */
  olderShape: { articles: number; stolen: { correct: number; n: number; rate: number | null }; roleErrorArticles: number };
}

export function keyFactAggregate(results: readonly ArticleResult[]): KeyFactAggregate {
  const rs = results.filter((r) => r.keyFacts !== null);
  const field = (f: 'event' | 'victim' | 'stolen' | 'date' | 'actor'): FieldFigure => {
    const correct = rs.filter((r) => r.keyFacts?.[f]).length;
    const out: FieldFigure = { correct, n: rs.length, rate: ratio(correct, rs.length) };
    if (f !== 'event') {
      const w = rs.filter((r) => r.keyFacts?.goldHas[f]);
      const wo = rs.filter((r) => !r.keyFacts?.goldHas[f]);
      out.withGold = { correct: w.filter((r) => r.keyFacts?.[f]).length, n: w.length };
      out.withoutGold = { correct: wo.filter((r) => r.keyFacts?.[f]).length, n: wo.length };
    }
    return out;
  };
  const errs = rs.map((r) => r.keyFacts?.roleErrors.length ?? 0);
  const withErr = errs.filter((n) => n > 0).length;
  return {
    articles: rs.length,
    newShape: rs.filter((r) => (r.engineKeyFacts?.newShapeFields ?? 0) > 0).length,
    event: field('event'),
    victim: field('victim'),
    stolen: field('stolen'),
    date: field('date'),
    actor: field('actor'),
    roleErrors: { total: errs.reduce((a, b) => a + b, 0), articles: withErr, perArticle: ratio(withErr, rs.length) },
    olderShape: (() => {
      const os = results.map((r) => r.olderShapeKeyFacts).filter((k): k is KeyFactScore => k !== null);
      const ok = os.filter((k) => k.stolen).length;
      return { articles: os.length, stolen: { correct: ok, n: os.length, rate: ratio(ok, os.length) }, roleErrorArticles: os.filter((k) => k.roleErrors.length > 0).length };
    })(),
  };
}

export interface SummarySide {
  keySentences: number;
  covered: number;
  recall: number | null;
  centralFirst: { checkable: number; ok: number; rate: number | null };
  length: LengthStats;
}

export interface SummaryAggregate {
  articles: number;
  engine: SummarySide;
  lead3: SummarySide;
  /** engine recall minus lead-3 recall */
  recallGain: number | null;
}

export function summaryAggregate(results: readonly ArticleResult[]): SummaryAggregate {
  const rs = results.map((r) => r.summary).filter((s): s is NonNullable<ArticleResult['summary']> => s !== null);
  const side = (hits: (s: (typeof rs)[number]) => number, central: (s: (typeof rs)[number]) => boolean | null, sents: (s: (typeof rs)[number]) => string[]): SummarySide => {
    const keys = rs.reduce((n, s) => n + s.keys, 0);
    const covered = rs.reduce((n, s) => n + hits(s), 0);
    const c = rs.map(central).filter((x): x is boolean => x !== null);
    const ok = c.filter(Boolean).length;
    return { keySentences: keys, covered, recall: ratio(covered, keys), centralFirst: { checkable: c.length, ok, rate: ratio(ok, c.length) }, length: lengthStats(rs.map(sents)) };
  };
  const engine = side((s) => s.engineHits, (s) => s.engineCentral, (s) => s.engine);
  const lead = side((s) => s.leadHits, (s) => s.leadCentral, (s) => s.lead);
  return { articles: rs.length, engine, lead3: lead, recallGain: engine.recall !== null && lead.recall !== null ? engine.recall - lead.recall : null };
}

export interface ScopeFigures {
  entities: EntityAggregate;
  keyFacts: KeyFactAggregate;
  summaries: SummaryAggregate;
}

export function scopeFigures(results: readonly ArticleResult[]): ScopeFigures {
  return { entities: entityAggregate(results), keyFacts: keyFactAggregate(results), summaries: summaryAggregate(results) };
}

/** Entity precision and must-find recall per publisher (MIN_PUBLISHER_ARTICLES or more labelled articles), the rest per half. */
export function entityByPublisher(results: readonly ArticleResult[]) {
  const by = new Map<string, ArticleResult[]>();
  for (const r of results) by.set(r.label.source, [...(by.get(r.label.source) ?? []), r]);
  const publishers: { source: string; half: string; figures: EntityAggregate }[] = [];
  const restByHalf = new Map<string, { publishers: number; results: ArticleResult[] }>();
  for (const [source, g] of [...by.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))) {
    const half = g[0]?.label.half ?? 'dev';
    if (g.length >= MIN_PUBLISHER_ARTICLES) publishers.push({ source, half, figures: entityAggregate(g) });
    else {
      const e = restByHalf.get(half) ?? { publishers: 0, results: [] };
      e.publishers++;
      e.results.push(...g);
      restByHalf.set(half, e);
    }
  }
  const others: Record<string, { publishers: number; figures: EntityAggregate }> = {};
  for (const [half, e] of restByHalf) others[half] = { publishers: e.publishers, figures: entityAggregate(e.results) };
  return { publishers, others };
}

/** Dev-half article details: the reported entities judged wrong, the missed musts, the key facts that fail. */
export function devDetails(results: readonly ArticleResult[]) {
  return results
    .filter((r) => r.label.half === 'dev')
    .map((r) => ({
      file: r.label.file,
      error: r.error,
      errors: r.judged.filter((j) => j.verdict !== 'correct'),
      missedMust: r.must.missed.map((m) => `${m.name} [${m.type}]`),
      keyFacts:
        r.keyFacts && r.engineKeyFacts && r.label.keyFacts
          ? {
              failed: (['event', 'victim', 'stolen', 'date', 'actor'] as const).filter((f) => !r.keyFacts?.[f]),
              roleErrors: r.keyFacts.roleErrors,
              engine: r.engineKeyFacts,
              gold: r.label.keyFacts,
            }
          : null,
      summary: r.summary ? { engineHits: r.summary.engineHits, leadHits: r.summary.leadHits, keys: r.summary.keys, first: r.summary.engine[0] ?? null } : null,
    }));
}

