/**
 * The hand-made labels of ../shared/data/articles-more (test/eval/articles-more-*.json, format in
 * test/eval/README.md) and the fixed publisher split (test/eval/articles-more-split.json).
 * Types, loading and a shape check; no scoring here.
 */
import { existsSync, readFileSync } from 'node:fs';

export type Half = 'dev' | 'test';

export interface LabelEntity {
  name: string;
  type: string;
  aliases?: string[];
  /** a must-find entity (counts for must-find recall) */
  must?: boolean;
}

interface GoldAmount {
  text: string;
  usd: number | null;
  role: string;
}

interface GoldActor {
  name: string;
  by?: string;
  level?: string;
}

export interface GoldKeyFacts {
  event: string | null;
  victims: string[];
  amounts: GoldAmount[];
  /** YYYY, YYYY-MM or YYYY-MM-DD, or null */
  date: string | null;
  actors: GoldActor[];
}

export interface MoreLabel {
  /** "positives/<file>" or "negatives/<file>", relative to articles-more/ */
  file: string;
  half: Half;
  source: string;
  checkedBy: string;
  /** every legitimate entity the article names (meant to be exhaustive) */
  entities: LabelEntity[];
  /** names that must NOT be reported for this article (traps) */
  notExpected?: string[];
  /** null for negatives (and any article whose facts were not written) */
  keyFacts: GoldKeyFacts | null;
  /** the first 6-10 words of each sentence a good summary carries */
  keySentences?: string[];
}

export interface Split {
  dev: string[];
  test: string[];
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

/** The split, or null when the file is missing. */
export function loadSplit(path: string): Split | null {
  if (!existsSync(path)) return null;
  const s = readJson(path) as Partial<Split>;
  return { dev: Array.isArray(s.dev) ? s.dev : [], test: Array.isArray(s.test) ? s.test : [] };
}

/** The half a publisher belongs to, or null when the split does not name it. */
export function halfOf(split: Split | null, source: string): Half | null {
  if (!split) return null;
  if (split.dev.includes(source)) return 'dev';
  if (split.test.includes(source)) return 'test';
  return null;
}

/**
 * Load the label files (missing files are skipped), keeping entries with a usable shape; the others
 * are reported as problems. An entry whose `half` disagrees with the split is a problem too (the split wins).
 */
export function loadLabels(paths: readonly string[], split: Split | null): { labels: MoreLabel[]; problems: string[] } {
  const labels: MoreLabel[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    if (!existsSync(path)) {
      problems.push(`missing ${path}`);
      continue;
    }
    const raw = readJson(path);
    if (!Array.isArray(raw)) {
      problems.push(`${path}: not a JSON array`);
      continue;
    }
    for (const x of raw as Partial<MoreLabel>[]) {
      if (typeof x.file !== 'string' || !Array.isArray(x.entities)) {
        problems.push(`${path}: entry without file or entities`);
        continue;
      }
      // a test-half file is never named, even in a problem line
      const name = x.half === 'test' || halfOf(split, typeof x.source === 'string' ? x.source : '') === 'test' ? 'a test-half entry' : x.file;
      if (seen.has(x.file)) {
        problems.push(`${path}: ${name} labelled twice (first kept)`);
        continue;
      }
      seen.add(x.file);
      const source = typeof x.source === 'string' ? x.source : '?';
      const half = halfOf(split, source) ?? (x.half === 'test' ? 'test' : 'dev');
      if (x.half !== undefined && x.half !== half) problems.push(`${name}: half "${String(x.half)}" but the split says "${half}"`);
      labels.push({
        file: x.file,
        half,
        source,
        checkedBy: typeof x.checkedBy === 'string' ? x.checkedBy : '?',
        entities: x.entities,
        notExpected: Array.isArray(x.notExpected) ? x.notExpected : [],
        keyFacts: x.keyFacts ?? null,
        keySentences: Array.isArray(x.keySentences) ? x.keySentences : [],
      });
    }
  }
  return { labels, problems };
}
