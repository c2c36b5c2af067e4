/**
 * `npm run -s eval [-- --data <path>] [--json] [--spawn] [--reuse]`
 *
 * Runs the engine over the shared corpus and reports figures: detection precision/recall/F1 on the
 * labelled articles (by source, topic, scope, with the worst misses), false positives on the
 * Readability test pages, entity and amount recall on the hand-checked lists in
 * test/eval/expected-entities.json (rules in test/eval/README.md), ambiguous-name hits, the
 * seed-article checks, whether summaries lead with the central fact, and timings.
 *
 * The engine is called in-process when the analyze CLI exports a one-input function, else through
 * one `npm run -s analyze -- --json` process (see eval-runner.ts). Outputs are saved to
 * test-output/eval-analyses.jsonl (`--reuse` scores them again) and the figures to
 * test-output/eval.json. It is a measurement, not a test: it exits 0 whatever the figures (1 when the
 * data is missing, 2 on a bad argument).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Analysis, AnalysisEntity } from '../../lib/shared/contract';
import {
  ambiguousMentions,
  ambiguousNames,
  confusion,
  entityMatches,
  firstSentenceStatesFact,
  groupBy,
  lowercaseMentions,
  median,
  scoreAmounts,
  scoreEntities,
  type ExpectedAmount,
  type ExpectedEntity,
  type Prf,
} from './eval-score';
import { createRunner, REPO_ROOT, type Outcome } from './eval-runner';

// ---------------------------------------------------------------------------------------------
// Inputs

interface ManifestEntry {
  file: string;
  title: string;
  label: 'positive' | 'negative';
  source: string;
  format: string;
  topics: string[];
  scope: string | null;
}

interface ExpectedList {
  /** "positives/<file>" (relative to articles/) or a path relative to the data folder ("seed-article.txt") */
  file: string;
  checkedBy: string;
  entities: ExpectedEntity[];
  amounts: ExpectedAmount[];
  notExpected?: string[];
}

type ItemKind = 'article' | 'readability' | 'seed';

interface Item {
  kind: ItemKind;
  /** data-relative name used in the report: "positives/x.md", "readability/001", "seed-article.txt" */
  key: string;
  path: string;
  manifest?: ManifestEntry;
}

interface Args {
  data: string;
  json: boolean;
  spawn: boolean;
  reuse: boolean;
}

const USAGE = `usage: npm run -s eval [-- --data <path>] [--json] [--spawn] [--reuse]
  --data <path>  the shared data folder (default: ../shared/data relative to the repo root)
  --json         print machine-readable figures (also written to test-output/eval.json)
  --spawn        call the engine through \`npm run -s analyze -- --json\` instead of in-process
  --reuse        score the engine outputs saved by the last run (test-output/eval-analyses.jsonl)
                 again instead of running the engine (after editing the lists or the scoring)`;

function parseArgs(argv: readonly string[]): Args | string {
  const args: Args = { data: resolve(REPO_ROOT, '..', 'shared', 'data'), json: false, spawn: false, reuse: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = true;
    else if (a === '--spawn') args.spawn = true;
    else if (a === '--reuse') args.reuse = true;
    else if (a === '--data') {
      const v = argv[++i];
      if (v === undefined) return '--data needs a path';
      args.data = resolve(v);
    } else if (a === '--help' || a === '-h') return USAGE;
    else return `unknown argument: ${a}\n${USAGE}`;
  }
  return args;
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Resolve an expected list's `file` to an item key and path. */
function listPath(data: string, file: string): { key: string; path: string } {
  if (file.startsWith('positives/') || file.startsWith('negatives/')) return { key: file, path: join(data, 'articles', file) };
  return { key: file, path: join(data, file) };
}

function collectItems(data: string): { items: Item[]; problems: string[] } {
  const problems: string[] = [];
  const items: Item[] = [];
  for (const label of ['positives', 'negatives'] as const) {
    const dir = join(data, 'articles', label);
    const manifestPath = join(dir, 'manifest.json');
    if (!existsSync(manifestPath)) {
      problems.push(`missing ${manifestPath}`);
      continue;
    }
    for (const m of readJson<ManifestEntry[]>(manifestPath)) {
      items.push({ kind: 'article', key: `${label}/${m.file}`, path: join(dir, m.file), manifest: m });
    }
  }
  const rtp = join(data, 'readability-test-pages');
  if (!existsSync(rtp)) problems.push(`missing ${rtp}`);
  else {
    for (const name of readdirSync(rtp).sort()) {
      const p = join(rtp, name, 'source.html');
      if (existsSync(p)) items.push({ kind: 'readability', key: `readability-test-pages/${name}`, path: p });
    }
  }
  const seed = join(data, 'seed-article.txt');
  if (existsSync(seed)) items.push({ kind: 'seed', key: 'seed-article.txt', path: seed });
  else problems.push(`missing ${seed}`);
  return { items, problems };
}

// ---------------------------------------------------------------------------------------------
// Figures

interface Row {
  item: Item;
  outcome: Outcome;
}

/** One line of test-output/eval-analyses.jsonl: a header with `meta`, then one per input. */
interface SavedRun {
  meta?: { at: string; engine: string; totalMs: number };
  path?: string;
  outcome?: Outcome;
}

const analysisOf = (r: Row): Analysis | null => (r.outcome.ok ? r.outcome.analysis : null);
const detectedOf = (r: Row): boolean => analysisOf(r)?.cryptoSecurity.detected ?? false;
const scoreOf = (r: Row): number => analysisOf(r)?.cryptoSecurity.score ?? 0;

function round(n: number | null, digits = 3): number | null {
  if (n === null) return null;
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function prfOf(rows: readonly Row[]): Prf {
  return confusion(rows.map((r) => ({ positive: r.item.manifest?.label === 'positive', detected: detectedOf(r) })));
}

function breakdown(rows: readonly Row[], keys: (r: Row) => readonly string[]): Record<string, Prf> {
  const out: Record<string, Prf> = {};
  const groups = [...groupBy(rows, keys).entries()].sort((a, b) => b[1].length - a[1].length);
  for (const [k, g] of groups) out[k] = prfOf(g);
  return out;
}

function missRow(r: Row): { file: string; title: string | null; score: number; reasons: string[]; error?: string } {
  const a = analysisOf(r);
  const base = { file: r.item.key, title: r.item.manifest?.title ?? a?.title ?? null, score: round(scoreOf(r)) ?? 0, reasons: a?.cryptoSecurity.reasons ?? [] };
  return r.outcome.ok ? base : { ...base, error: r.outcome.error };
}

interface SeedCheck {
  check: string;
  ok: boolean;
  detail: string;
}

const entityLabel = (e: AnalysisEntity): string => `${e.name} [${e.type}${e.inferred ? ', inferred' : ''}]`;

function seedChecks(a: Analysis | null, error: string | null): SeedCheck[] {
  if (!a) return [{ check: 'seed article analysed', ok: false, detail: error ?? 'no result' }];
  const ents = a.entities;
  const find = (exp: ExpectedEntity): AnalysisEntity | undefined => ents.find((e) => entityMatches(exp, e));
  const checks: SeedCheck[] = [];
  checks.push({ check: 'detected as crypto-security', ok: a.cryptoSecurity.detected, detail: `score ${round(a.cryptoSecurity.score)}` });
  const wanted: ExpectedEntity[] = [
    { name: 'Reconnaissance General Bureau', type: 'agency', aliases: ['RGB'] },
    { name: 'WannaCry', type: 'malware', aliases: ['WannaCrypt', 'WanaCrypt0r', 'WannaCry ransomware attack'] },
    { name: 'Sony', type: 'incident', aliases: ['Sony Pictures', 'Sony Entertainment', 'Sony Pictures Entertainment', 'Sony Pictures hack'] },
    { name: 'Bangladesh Bank', type: 'incident', aliases: ['Bangladesh Bank heist', 'Bangladesh Bank robbery'] },
    {
      name: 'UN sanctions committee',
      type: 'agency',
      aliases: ['1718 Committee', 'UN 1718 Committee', 'North Korea sanctions committee', 'UN Security Council 1718 Committee', 'UN Panel of Experts', 'UN Security Council', 'United Nations Security Council'],
    },
    { name: 'Iran', type: 'sanctioned-jurisdiction' },
    { name: 'Venezuela', type: 'sanctioned-jurisdiction' },
    { name: 'Petro', type: 'cryptocurrency', aliases: ['Petro coin', 'El Petro'] },
  ];
  for (const w of wanted) {
    const hit = find(w);
    checks.push({ check: `${w.name} found`, ok: hit !== undefined, detail: hit ? entityLabel(hit) : 'not in entities' });
  }
  const laz = find({ name: 'Lazarus Group', type: 'threat-actor', aliases: ['Lazarus'] });
  checks.push({
    check: 'Lazarus Group inferred',
    ok: laz !== undefined && laz.inferred,
    detail: laz ? `${entityLabel(laz)}${laz.via?.length ? ` via ${laz.via.map((s) => `${s.from}->${s.to} (${s.by})`).join(', ')}` : ''}` : 'not in entities',
  });
  const two = a.amounts.find((m) => m.value === 2e9 && m.currency.toUpperCase() === 'USD');
  checks.push({
    check: '"$2 billion" = 2e9 USD',
    ok: two !== undefined,
    detail: two ? `${two.text} -> ${two.value} ${two.currency}` : `amounts: ${a.amounts.map((m) => `${m.text}=${m.value} ${m.currency}`).join('; ') || 'none'}`,
  });
  const ibm = ents.find((e) => entityMatches({ name: 'IBM', type: 'organization', aliases: ['IBMs', 'International Business Machines'] }, e));
  checks.push({ check: 'IBM not reported', ok: ibm === undefined, detail: ibm ? `reported: ${entityLabel(ibm)}` : 'ok' });
  return checks;
}

/** At most `max` items, then "+N more" (the full lists are in eval.json). */
function capList(items: readonly string[], max = 8): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} +${items.length - max} more`;
}

/** The knowledge base's ambiguous names; an empty map (and a note) when the KB cannot be loaded. */
async function loadAmbiguousNames(): Promise<{ names: Map<string, Set<string>>; note: string | null }> {
  try {
    const mod = await import('../../lib/kb/index');
    return { names: ambiguousNames(mod.loadKb().kb.entities), note: null };
  } catch (e) {
    return { names: new Map(), note: `knowledge base not loaded: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function pct(n: number | null): string {
  return n === null ? '  n/a' : `${(n * 100).toFixed(1).padStart(5)}%`;
}

function prfLine(label: string, p: Prf, width = 44): string {
  const l = label.length > width ? `${label.slice(0, width - 1)}…` : label.padEnd(width);
  return `  ${l} P ${pct(p.precision)}  R ${pct(p.recall)}  F1 ${pct(p.f1)}   tp ${p.tp} fp ${p.fp} fn ${p.fn} tn ${p.tn}`;
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const parsed = parseArgs(process.argv.slice(2));
  if (typeof parsed === 'string') {
    const isHelp = parsed === USAGE;
    (isHelp ? process.stdout : process.stderr).write(`${parsed}\n`);
    return isHelp ? 0 : 2;
  }
  const args = parsed;
  if (!existsSync(args.data)) {
    process.stderr.write(
      `eval: data folder not found: ${args.data}\n` +
        `The evaluation needs the shared corpus (articles/, readability-test-pages/, seed-article.txt).\n` +
        `Pass its location with: npm run -s eval -- --data <path>\n`,
    );
    return 1;
  }
  const { items, problems } = collectItems(args.data);
  if (items.length === 0) {
    process.stderr.write(`eval: no inputs under ${args.data}:\n  ${problems.join('\n  ')}\n`);
    return 1;
  }

  const listsFile = join(REPO_ROOT, 'test', 'eval', 'expected-entities.json');
  const lists: ExpectedList[] = existsSync(listsFile) ? readJson<ExpectedList[]>(listsFile) : [];

  const log = (s: string): void => {
    if (!args.json) process.stderr.write(s);
  };
  const outDir = join(REPO_ROOT, 'test-output');
  const savedPath = join(outDir, 'eval-analyses.jsonl');
  let outcomes: Outcome[];
  let totalMs: number;
  let engineMode: string;
  if (args.reuse) {
    if (!existsSync(savedPath)) {
      process.stderr.write(`eval: --reuse needs ${savedPath} from an earlier run\n`);
      return 1;
    }
    const saved = readFileSync(savedPath, 'utf8')
      .split('\n')
      .filter((l) => l.trim().length > 0)
      .map((l) => JSON.parse(l) as SavedRun);
    const meta = saved.find((x) => x.meta)?.meta;
    const byPath = new Map(saved.filter((x) => x.path).map((x) => [x.path, x.outcome]));
    outcomes = items.map((i) => byPath.get(i.path) ?? { ok: false, error: 'not in the saved run', ms: 0 });
    totalMs = meta?.totalMs ?? 0;
    engineMode = `saved run of ${meta?.at ?? '?'} (${meta?.engine ?? '?'})`;
    log(`eval: ${items.length} inputs, scoring the ${engineMode}\n`);
  } else {
    const runner = await createRunner(args.spawn);
    engineMode = runner.mode;
    log(`eval: ${items.length} inputs, engine ${runner.mode}\n`);
    const t0 = performance.now();
    outcomes = await runner.run(
      items.map((i) => i.path),
      (done, total) => {
        if (done % 50 === 0 || done === total) log(`\r  analysed ${done}/${total}`);
      },
    );
    totalMs = performance.now() - t0;
    log('\n');
    mkdirSync(outDir, { recursive: true });
    const lines = [
      JSON.stringify({ meta: { at: new Date().toISOString(), engine: runner.mode, totalMs } }),
      ...items.map((i, n) => JSON.stringify({ path: i.path, outcome: outcomes[n] })),
    ];
    writeFileSync(savedPath, `${lines.join('\n')}\n`);
  }
  const rows: Row[] = items.map((item, i) => ({ item, outcome: outcomes[i] ?? { ok: false, error: 'no outcome', ms: 0 } }));
  const byKey = new Map(rows.map((r) => [r.item.key, r]));

  // Detection on articles
  const articles = rows.filter((r) => r.item.kind === 'article');
  const overall = prfOf(articles);
  const bySource = breakdown(articles, (r) => [r.item.manifest?.source ?? '?']);
  const byTopic = breakdown(articles, (r) => {
    const m = r.item.manifest;
    return m ? m.topics.map((t) => `${m.label === 'positive' ? '+' : '-'}${t}`) : [];
  });
  const byScope = breakdown(articles, (r) => [r.item.manifest?.label === 'positive' ? `+${r.item.manifest.scope ?? '?'}` : '-negative']);
  const fns = articles.filter((r) => r.item.manifest?.label === 'positive' && !detectedOf(r)).sort((a, b) => scoreOf(a) - scoreOf(b));
  const fps = articles.filter((r) => r.item.manifest?.label === 'negative' && detectedOf(r)).sort((a, b) => scoreOf(b) - scoreOf(a));
  const errors = rows.filter((r) => !r.outcome.ok).map((r) => ({ file: r.item.key, error: r.outcome.ok ? '' : r.outcome.error }));

  // Readability pages
  const rtp = rows.filter((r) => r.item.kind === 'readability');
  const rtpFp = rtp.filter(detectedOf).sort((a, b) => scoreOf(b) - scoreOf(a));

  // Entities and amounts on the hand-checked lists
  const perArticle = lists.map((l) => {
    const { key } = listPath(args.data, l.file);
    const row = byKey.get(key);
    const a = row ? analysisOf(row) : null;
    const ents = a?.entities ?? [];
    const es = scoreEntities(l.entities, ents, l.notExpected ?? []);
    const am = scoreAmounts(l.amounts, a?.amounts ?? []);
    return {
      file: l.file,
      analysed: a !== null,
      detected: a?.cryptoSecurity.detected ?? false,
      error: row && !row.outcome.ok ? row.outcome.error : row ? undefined : 'file not in the corpus',
      entities: {
        expected: es.expected,
        found: es.found,
        recall: round(es.recall),
        missed: es.missed.map((m) => `${m.name} [${m.type}]`),
        unexpected: es.unexpected.map((u) => u.name),
        extra: es.extra.map((u) => u.name),
        output: ents.length,
      },
      amounts: {
        expected: am.expected,
        found: am.found,
        recall: round(am.recall),
        missed: am.missed.map((m) => m.text),
        output: (a?.amounts ?? []).map((m) => `${m.text}=${m.value} ${m.currency}`),
      },
    };
  });
  const sum = (f: (p: (typeof perArticle)[number]) => number): number => perArticle.reduce((s, p) => s + f(p), 0);
  const entExpected = sum((p) => p.entities.expected);
  const entFound = sum((p) => p.entities.found);
  const unexpectedTotal = sum((p) => p.entities.unexpected.length);
  const extraTotal = sum((p) => p.entities.extra.length);
  const outputTotal = sum((p) => p.entities.output);
  const amExpected = sum((p) => p.amounts.expected);
  const amFound = sum((p) => p.amounts.found);

  // Missed entities by type (patterns, not files)
  const missedByType: Record<string, { expected: number; missed: number }> = {};
  /** found entities whose type differs from the list's ("malware -> incident"); not counted as misses */
  const typeDisagreements = new Map<string, number>();
  /** expected entities found by an output entity of the same type (the stricter reading of the contract's types) */
  let sameTypeFound = 0;
  for (const l of lists) {
    const row = byKey.get(listPath(args.data, l.file).key);
    const ents = row ? (analysisOf(row)?.entities ?? []) : [];
    for (const e of l.entities) {
      const t = (missedByType[e.type] ??= { expected: 0, missed: 0 });
      t.expected++;
      // an output entity of the list's type wins over another match (the same name found twice, typed differently)
      const hits = ents.filter((f) => entityMatches(e, f));
      const hit = hits.find((f) => f.type === e.type) ?? hits[0];
      if (!hit) t.missed++;
      else if (hit.type === e.type) sameTypeFound++;
      else {
        const pair = `${e.type} -> ${hit.type}`;
        typeDisagreements.set(pair, (typeDisagreements.get(pair) ?? 0) + 1);
      }
    }
  }
  const typeDisagreementList = [...typeDisagreements.entries()].sort((a, b) => b[1] - a[1]).map(([pair, count]) => ({ pair, count }));

  // Recall by group of types: the gazetteer's core types vs everything but cryptocurrencies
  const CORE_TYPES = ['threat-actor', 'agency', 'malware', 'sanctioned-jurisdiction', 'exchange', 'protocol', 'mixer', 'incident'];
  const recallOver = (keep: (t: string) => boolean): { expected: number; found: number; recall: number | null } => {
    let expected = 0;
    let missed = 0;
    for (const [t, v] of Object.entries(missedByType))
      if (keep(t)) {
        expected += v.expected;
        missed += v.missed;
      }
    return { expected, found: expected - missed, recall: round(expected === 0 ? null : (expected - missed) / expected) };
  };
  const recallCore = recallOver((t) => CORE_TYPES.includes(t));
  const recallNoCrypto = recallOver((t) => t !== 'cryptocurrency');

  // Ambiguous-word hits: lower-case mentions of capitalised names, anywhere in the corpus
  const ambiguous = new Map<string, { entity: string; mentions: Set<string>; files: string[]; onNegative: number }>();
  for (const r of rows) {
    const a = analysisOf(r);
    if (!a) continue;
    for (const e of a.entities) {
      const lower = lowercaseMentions(e);
      if (lower.length === 0) continue;
      const k = e.id;
      const entry = ambiguous.get(k) ?? { entity: `${e.name} [${e.type}]`, mentions: new Set<string>(), files: [], onNegative: 0 };
      lower.forEach((m) => entry.mentions.add(m));
      entry.files.push(r.item.key);
      if (r.item.manifest?.label !== 'positive') entry.onNegative++;
      ambiguous.set(k, entry);
    }
  }
  // Ambiguous-name hits: mentions made through a name the KB flags as needing context, by page kind
  const kbAmbiguous = await loadAmbiguousNames();
  const ambiguousKb = new Map<string, { entity: string; mentions: Set<string>; positive: number; other: string[] }>();
  for (const r of rows) {
    const a = analysisOf(r);
    if (!a) continue;
    for (const e of a.entities) {
      const hits = ambiguousMentions(e, kbAmbiguous.names);
      if (hits.length === 0) continue;
      const entry = ambiguousKb.get(e.id) ?? { entity: `${e.name} [${e.type}]`, mentions: new Set<string>(), positive: 0, other: [] };
      hits.forEach((m) => entry.mentions.add(m));
      if (r.item.manifest?.label === 'positive' || r.item.kind === 'seed') entry.positive++;
      else entry.other.push(r.item.key);
      ambiguousKb.set(e.id, entry);
    }
  }
  const ambiguousKbList = [...ambiguousKb.values()]
    .sort((a, b) => b.other.length - a.other.length || b.positive - a.positive)
    .map((a) => ({ entity: a.entity, mentions: [...a.mentions], onPositives: a.positive, onOtherPages: a.other.length, examples: a.other.slice(0, 3) }));
  const ambiguousKbOnOther = ambiguousKbList.reduce((n, a) => n + a.onOtherPages, 0);

  const ambiguousList = [...ambiguous.values()]
    .sort((a, b) => b.files.length - a.files.length)
    .map((a) => ({ entity: a.entity, mentions: [...a.mentions], pages: a.files.length, onNonPositive: a.onNegative, examples: a.files.slice(0, 3) }));

  // Entities on pages that are not crypto-security (negatives + readability), by entity
  const negEntityCounts = new Map<string, number>();
  for (const r of rows) {
    if (r.item.kind === 'seed' || r.item.manifest?.label === 'positive') continue;
    for (const e of analysisOf(r)?.entities ?? []) if (!e.inferred) negEntityCounts.set(`${e.name} [${e.type}]`, (negEntityCounts.get(`${e.name} [${e.type}]`) ?? 0) + 1);
  }
  const negEntities = [...negEntityCounts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([entity, pages]) => ({ entity, pages }));

  // Seed
  const seedRow = byKey.get('seed-article.txt');
  const seed = seedChecks(seedRow ? analysisOf(seedRow) : null, seedRow && !seedRow.outcome.ok ? seedRow.outcome.error : null);

  // Summaries: detected positives (and the seed)
  const summaryRows = rows.filter((r) => (r.item.manifest?.label === 'positive' || r.item.kind === 'seed') && detectedOf(r));
  const summaryResults = summaryRows.map((r) => {
    const a = analysisOf(r) as Analysis;
    const first = a.summary[0] ?? '';
    return { file: r.item.key, first, ...firstSentenceStatesFact(first, a.entities) };
  });
  const summaryOk = summaryResults.filter((s) => s.ok).length;

  // Timings
  const okMs = rows.filter((r) => r.outcome.ok).map((r) => r.outcome.ms);
  const analyses = rows.map(analysisOf).filter((a): a is Analysis => a !== null);
  const engineMs = analyses.map((a) => a.timingsMs.total);
  // The analyze CLI adds `read` (loading and parsing the input, outside the engine's total).
  const readMs = analyses.map((a) => a.timingsMs.read).filter((v): v is number => typeof v === 'number');
  const slowest = [...rows].sort((a, b) => b.outcome.ms - a.outcome.ms).slice(0, 5).map((r) => ({ file: r.item.key, ms: Math.round(r.outcome.ms) }));

  const report = {
    generatedAt: new Date().toISOString(),
    data: args.data,
    engine: engineMode,
    inputs: { articles: articles.length, readabilityPages: rtp.length, seed: seedRow ? 1 : 0, errors: errors.length, problems },
    detection: {
      overall,
      bySource,
      byTopic,
      byScope,
      falseNegatives: fns.length,
      falsePositives: fps.length,
      worstFalseNegatives: fns.slice(0, 10).map(missRow),
      worstFalsePositives: fps.slice(0, 10).map(missRow),
    },
    readabilityPages: { pages: rtp.length, falsePositives: rtpFp.length, detected: rtpFp.map(missRow) },
    entities: {
      lists: lists.length,
      expected: entExpected,
      found: entFound,
      recall: round(entExpected === 0 ? null : entFound / entExpected),
      missedByType,
      recallCoreTypes: recallCore,
      typeDisagreements: typeDisagreementList,
      recallSameType: round(entExpected === 0 ? null : sameTypeFound / entExpected),
      foundSameType: sameTypeFound,
      recallWithoutCryptocurrencies: recallNoCrypto,
      unexpected: unexpectedTotal,
      extra: extraTotal,
      outputOnListedArticles: outputTotal,
      ambiguousWordHits: ambiguousList,
      ambiguousKbNames: { note: kbAmbiguous.note, names: kbAmbiguous.names.size, onNonPositivePages: ambiguousKbOnOther, entities: ambiguousKbList },
      entitiesOnNonPositivePages: negEntities,
    },
    amounts: { expected: amExpected, found: amFound, recall: round(amExpected === 0 ? null : amFound / amExpected) },
    perArticle,
    seed,
    summaries: {
      checked: summaryResults.length,
      leadsWithFact: summaryOk,
      rate: round(summaryResults.length === 0 ? null : summaryOk / summaryResults.length),
      failures: summaryResults.filter((s) => !s.ok).slice(0, 10).map((s) => ({ file: s.file, first: s.first.slice(0, 200) })),
    },
    timings: {
      totalMs: Math.round(totalMs),
      perFileMedianMs: round(median(okMs), 1),
      engineTotalMedianMs: round(median(engineMs), 1),
      engineTotalMaxMs: engineMs.length ? round(Math.max(...engineMs), 1) : null,
      readMedianMs: round(median(readMs), 1),
      wallPerFileMs: rows.length ? round(totalMs / rows.length, 1) : null,
      slowest,
    },
    errors: errors.slice(0, 50),
  };

  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'eval.json'), `${JSON.stringify(report, null, 2)}\n`);
  if (args.json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return 0;
  }

  // Readable report
  const L: string[] = [];
  const h = (s: string): void => {
    L.push('', s, '-'.repeat(s.length));
  };
  L.push(`Crypto News Context - evaluation (${report.generatedAt})`, `data: ${args.data}`, `engine: ${engineMode}`);
  L.push(`inputs: ${articles.length} articles, ${rtp.length} Readability pages, seed ${seedRow ? 'yes' : 'no'}; errors: ${errors.length}`);
  if (problems.length) L.push(`problems: ${problems.join('; ')}`);
  if (errors.length === rows.length) L.push('WARNING: every input failed - the figures below measure nothing (see Errors at the end).');

  h('Detection on articles/ (positives vs negatives)');
  L.push(prfLine('overall', overall));
  L.push('  by source:');
  for (const [k, p] of Object.entries(bySource)) L.push(prfLine(`  ${k}`, p));
  L.push('  by scope (+ positives / - negatives):');
  for (const [k, p] of Object.entries(byScope)) L.push(prfLine(`  ${k}`, p));
  L.push('  by topic (+ positive topic: recall matters / - negative tag: fp matters):');
  for (const [k, p] of Object.entries(byTopic)) L.push(prfLine(`  ${k}`, p));
  L.push('', `  worst false negatives (${fns.length} in all, lowest score first):`);
  for (const m of report.detection.worstFalseNegatives)
    L.push(`    ${m.score.toFixed(2)}  ${m.title ?? m.file}`, `          ${m.error ? `error: ${m.error}` : `reasons: ${m.reasons.join('; ') || '(none)'}`}`);
  L.push('', `  worst false positives (${fps.length} in all, highest score first):`);
  for (const m of report.detection.worstFalsePositives) L.push(`    ${m.score.toFixed(2)}  ${m.title ?? m.file}`, `          reasons: ${m.reasons.join('; ') || '(none)'}`);

  h('Readability test pages (none is a crypto-security article)');
  L.push(`  false positives: ${rtpFp.length} of ${rtp.length}`);
  for (const m of report.readabilityPages.detected) L.push(`    ${m.score.toFixed(2)}  ${m.file}  ${m.title ?? ''}`, `          reasons: ${m.reasons.join('; ')}`);

  h(`Entities on ${lists.length} hand-checked lists (test/eval/expected-entities.json)`);
  L.push(`  recall: ${entFound}/${entExpected} = ${pct(report.entities.recall)}`);
  L.push(`    core types (actors, agencies, malware, jurisdictions, exchanges, protocols, mixers, incidents): ${recallCore.found}/${recallCore.expected} = ${pct(recallCore.recall)}`);
  L.push(`    all but cryptocurrencies: ${recallNoCrypto.found}/${recallNoCrypto.expected} = ${pct(recallNoCrypto.recall)}`);
  L.push(`  flagged wrong (notExpected) reported: ${unexpectedTotal}; other entities not on the lists: ${extraTotal} of ${outputTotal} output entities`);
  L.push('  missed by expected type:');
  for (const [t, v] of Object.entries(missedByType).sort((a, b) => b[1].expected - a[1].expected))
    L.push(`    ${t.padEnd(24)} missed ${String(v.missed).padStart(3)} of ${String(v.expected).padStart(3)}`);
  L.push(`  found with the list's type too (types compared): ${report.entities.foundSameType}/${entExpected} = ${pct(report.entities.recallSameType)}`);
  L.push(
    `  found with another type than the list's (not counted as misses): ${typeDisagreementList.length ? capList(typeDisagreementList.map((t) => `${t.pair} ${t.count}`), 10) : 'none'}`,
  );
  L.push('  per article (recall, missed):');
  for (const p of perArticle) {
    const flag = p.error ? `  ERROR ${p.error}` : p.detected ? '' : '  (not detected)';
    L.push(`    ${pct(p.entities.recall)}  ${p.entities.found}/${p.entities.expected}  ${p.file}${flag}`);
    if (p.entities.missed.length) L.push(`           missed: ${capList(p.entities.missed)}`);
    if (p.entities.unexpected.length) L.push(`           WRONG: ${p.entities.unexpected.join(', ')}`);
  }
  L.push('  ambiguous-word hits (lower-case mentions of capitalised names), most pages first:');
  if (ambiguousList.length === 0) L.push('    none');
  for (const a of ambiguousList.slice(0, 15))
    L.push(`    ${a.entity}: "${a.mentions.join('", "')}" on ${a.pages} pages (${a.onNonPositive} not positive), e.g. ${a.examples.join(', ')}`);
  L.push(
    `  ambiguous KB names (${kbAmbiguous.names.size} names flagged as needing context${kbAmbiguous.note ? `; ${kbAmbiguous.note}` : ''}): ${ambiguousKbOnOther} reports on negatives / Readability pages`,
  );
  for (const a of ambiguousKbList.slice(0, 12))
    L.push(`    ${a.entity} as "${a.mentions.join('", "')}": ${a.onOtherPages} non-positive pages, ${a.onPositives} positives${a.examples.length ? `; e.g. ${a.examples.join(', ')}` : ''}`);
  L.push('  entities most often reported on negatives / Readability pages (named, not inferred):');
  if (negEntities.length === 0) L.push('    none');
  for (const n of negEntities.slice(0, 10)) L.push(`    ${String(n.pages).padStart(4)}  ${n.entity}`);

  h('Amounts on the hand-checked lists');
  L.push(`  recall: ${amFound}/${amExpected} = ${pct(report.amounts.recall)}`);
  for (const p of perArticle) if (p.amounts.missed.length) L.push(`    ${p.file}: missed ${capList(p.amounts.missed)}`);

  h('Seed article (seed-article.txt)');
  for (const c of seed) L.push(`  [${c.ok ? 'ok' : 'NO'}] ${c.check}: ${c.detail}`);

  h('Summaries: first sentence states the central fact (names an actor/victim or an amount)');
  L.push(`  ${summaryOk}/${summaryResults.length} = ${pct(report.summaries.rate)} of detected positives`);
  for (const f of report.summaries.failures.slice(0, 5)) L.push(`    ${f.file}: "${f.first}"`);

  h('Timings');
  L.push(
    `  total ${(totalMs / 1000).toFixed(1)} s for ${rows.length} inputs (wall ${report.timings.wallPerFileMs} ms per file, start-up and reading included)`,
    `  per file (read + analyse) median ${report.timings.perFileMedianMs} ms; engine timingsMs.total median ${report.timings.engineTotalMedianMs} ms, max ${report.timings.engineTotalMaxMs} ms; reading (timingsMs.read) median ${report.timings.readMedianMs ?? 'n/a'} ms`,
  );
  L.push(`  slowest: ${slowest.map((s) => `${s.file} ${s.ms} ms`).join('; ')}`);

  if (errors.length) {
    h(`Errors (${errors.length})`);
    const byMessage = groupBy(errors, (e) => [e.error]);
    for (const [msg, es] of [...byMessage.entries()].sort((a, b) => b[1].length - a[1].length).slice(0, 10))
      L.push(`  ${es.length} x ${msg.slice(0, 300)}`, `      e.g. ${es.slice(0, 3).map((e) => e.file).join(', ')}`);
  }
  L.push('', `figures written to ${join('test-output', 'eval.json')}`);
  process.stdout.write(`${L.join('\n')}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`eval: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
