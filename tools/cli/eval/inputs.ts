/**
 * Inputs, arguments and small report helpers of `npm run -s eval` (tools/cli/eval.ts): the old
 * corpus (articles/, readability-test-pages/, seed-article.txt), articles-more/ items, the saved run.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Analysis } from '../../../lib/shared/contract';
import { confusion, groupBy, type ExpectedAmount, type ExpectedEntity, type Prf } from '../eval-score';
import { REPO_ROOT, type Outcome } from '../eval-runner';
import type { MoreItem } from './more';

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

export interface ExpectedList {
  /** "positives/<file>" (relative to articles/) or a path relative to the data folder ("seed-article.txt") */
  file: string;
  checkedBy: string;
  entities: ExpectedEntity[];
  amounts: ExpectedAmount[];
  notExpected?: string[];
}

type ItemKind = 'article' | 'readability' | 'seed' | 'more';

export interface Item {
  kind: ItemKind;
  /** data-relative name used in the report: "positives/x.md", "readability/001", "seed-article.txt" */
  key: string;
  path: string;
  manifest?: ManifestEntry;
  /** articles-more/ files */
  more?: MoreItem;
}

export interface Args {
  data: string;
  json: boolean;
  spawn: boolean;
  reuse: boolean;
  /** print the dev half's article details (articles-more) */
  verbose: boolean;
}

export const USAGE = `usage: npm run -s eval [-- --data <path>] [--json] [--spawn] [--reuse] [--verbose]
  --data <path>  the shared data folder (default: ../shared/data relative to the repo root)
  --json         print machine-readable figures (also written to test-output/eval.json)
  --spawn        call the engine through \`npm run -s analyze -- --json\` instead of in-process
  --reuse        score the engine outputs saved by the last run (test-output/eval-analyses.jsonl)
                 again instead of running the engine (after editing the lists or the scoring)
  --verbose      also list, per article of the articles-more DEV half only, the reported entities
                 judged wrong / trap / wrong type, missed must-find names and failed key facts
                 (alias: --list; the test half is only ever reported in aggregate)`;

export function parseArgs(argv: readonly string[]): Args | string {
  const args: Args = { data: resolve(REPO_ROOT, '..', 'shared', 'data'), json: false, spawn: false, reuse: false, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = true;
    else if (a === '--spawn') args.spawn = true;
    else if (a === '--reuse') args.reuse = true;
    else if (a === '--verbose' || a === '--list') args.verbose = true;
    else if (a === '--data') {
      const v = argv[++i];
      if (v === undefined) return '--data needs a path';
      args.data = resolve(v);
    } else if (a === '--help' || a === '-h') return USAGE;
    else return `unknown argument: ${a}\n${USAGE}`;
  }
  return args;
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Resolve an expected list's `file` to an item key and path. */
export function listPath(data: string, file: string): { key: string; path: string } {
  if (file.startsWith('positives/') || file.startsWith('negatives/')) return { key: file, path: join(data, 'articles', file) };
  return { key: file, path: join(data, file) };
}

export function collectItems(data: string): { items: Item[]; problems: string[] } {
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

export interface Row {
  item: Item;
  outcome: Outcome;
}

/** One line of test-output/eval-analyses.jsonl: a header with `meta`, then one per input. */
export interface SavedRun {
  meta?: { at: string; engine: string; totalMs: number };
  path?: string;
  outcome?: Outcome;
}

export const analysisOf = (r: Row): Analysis | null => (r.outcome.ok ? r.outcome.analysis : null);
export const detectedOf = (r: Row): boolean => analysisOf(r)?.cryptoSecurity.detected ?? false;
export const scoreOf = (r: Row): number => analysisOf(r)?.cryptoSecurity.score ?? 0;

export function round(n: number | null, digits = 3): number | null {
  if (n === null) return null;
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export function prfOf(rows: readonly Row[]): Prf {
  return confusion(rows.map((r) => ({ positive: r.item.manifest?.label === 'positive', detected: detectedOf(r) })));
}

export function breakdown(rows: readonly Row[], keys: (r: Row) => readonly string[]): Record<string, Prf> {
  const out: Record<string, Prf> = {};
  const groups = [...groupBy(rows, keys).entries()].sort((a, b) => b[1].length - a[1].length);
  for (const [k, g] of groups) out[k] = prfOf(g);
  return out;
}

export function missRow(r: Row): { file: string; title: string | null; score: number; reasons: string[]; error?: string } {
  const a = analysisOf(r);
  const base = { file: r.item.key, title: r.item.manifest?.title ?? a?.title ?? null, score: round(scoreOf(r)) ?? 0, reasons: a?.cryptoSecurity.reasons ?? [] };
  return r.outcome.ok ? base : { ...base, error: r.outcome.error };
}

/** At most `max` items, then "+N more" (the full lists are in eval.json). */
export function capList(items: readonly string[], max = 8): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} +${items.length - max} more`;
}

export function pct(n: number | null): string {
  return n === null ? '  n/a' : `${(n * 100).toFixed(1).padStart(5)}%`;
}

export function prfLine(label: string, p: Prf, width = 44): string {
  const l = label.length > width ? `${label.slice(0, width - 1)}…` : label.padEnd(width);
  return `  ${l} P ${pct(p.precision)}  R ${pct(p.recall)}  F1 ${pct(p.f1)}   tp ${p.tp} fp ${p.fp} fn ${p.fn} tn ${p.tn}`;
}
