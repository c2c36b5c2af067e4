/**
 * The articles-more part of `npm run -s eval`: which files to analyse, and, given the engine's
 * outcomes, all the figures of issues 14 and 15 (see more-figures.ts) as one JSON-ready object.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Outcome } from '../eval-runner';
import { inputSentences } from './input-text';
import { halfOf, loadLabels, loadSplit } from './labels';
import {
  detectionFigures,
  devDetails,
  entityByPublisher,
  MIN_PUBLISHER_ARTICLES,
  ruleTally,
  scopeFigures,
  scoreArticle,
  type ArticleResult,
  type MoreRow,
} from './more-figures';

export type { EntityAggregate, FieldFigure, SummarySide } from './more-figures';

interface MoreManifestEntry {
  file: string;
  label: 'positive' | 'negative';
  source: string;
}

export interface MoreItem {
  /** "positives/<file>" or "negatives/<file>" */
  key: string;
  path: string;
  source: string;
  positive: boolean;
}

/** Every file of articles-more/ listed in its two manifests. */
export function collectMoreItems(data: string): { items: MoreItem[]; problems: string[] } {
  const items: MoreItem[] = [];
  const problems: string[] = [];
  for (const label of ['positives', 'negatives'] as const) {
    const dir = join(data, 'articles-more', label);
    const manifest = join(dir, 'manifest.json');
    if (!existsSync(manifest)) {
      problems.push(`missing ${manifest}`);
      continue;
    }
    for (const m of JSON.parse(readFileSync(manifest, 'utf8')) as MoreManifestEntry[])
      items.push({ key: `${label}/${m.file}`, path: join(dir, m.file), source: m.source, positive: m.label === 'positive' });
  }
  return { items, problems };
}

/** Is an id a knowledge-base id? Loads the KB the way the engine does (lib/kb); null when it cannot be loaded. */
async function kbIdCheck(): Promise<{ isKbId: (id: string) => boolean; note: string | null }> {
  try {
    const mod = await import('../../../lib/kb/index');
    const kb = mod.loadKb();
    return { isKbId: (id) => kb.byId(id) !== undefined, note: null };
  } catch (e) {
    return { isKbId: () => false, note: `knowledge base not loaded (every entity counts as name-finder): ${e instanceof Error ? e.message : String(e)}` };
  }
}

export async function moreReport(repoRoot: string, items: readonly MoreItem[], outcomes: readonly Outcome[], itemProblems: readonly string[]) {
  const evalDir = join(repoRoot, 'test', 'eval');
  const split = loadSplit(join(evalDir, 'articles-more-split.json'));
  const problems = [...itemProblems];
  if (!split) problems.push('missing test/eval/articles-more-split.json: every publisher is "unsplit"');
  const rows: MoreRow[] = items.map((it, i) => ({
    file: it.key,
    source: it.source,
    positive: it.positive,
    half: halfOf(split, it.source),
    outcome: outcomes[i] ?? { ok: false, error: 'no outcome', ms: 0 },
  }));
  const unsplit = [...new Set(rows.filter((r) => r.half === null).map((r) => r.source))];
  if (split && unsplit.length) problems.push(`publishers not in the split: ${unsplit.join(', ')}`);

  const loaded = loadLabels([join(evalDir, 'articles-more-dev.json'), join(evalDir, 'articles-more-test.json')], split);
  problems.push(...loaded.problems);
  const { isKbId, note } = await kbIdCheck();
  if (note) problems.push(note);
  const byFile = new Map(rows.map((r) => [r.file, r]));
  const pathOf = new Map(items.map((i) => [i.key, i.path]));
  const results: ArticleResult[] = [];
  for (const label of loaded.labels) {
    const path = pathOf.get(label.file);
    let sentences: string[] | null = null;
    if (path && label.file.startsWith('positives/') && (label.keySentences ?? []).length > 0) {
      try {
        sentences = await inputSentences(path);
      } catch (e) {
        problems.push(`${label.half === 'dev' ? label.file : 'a test-half file'}: text not read for lead-3 (${e instanceof Error ? e.message : String(e)})`);
      }
    }
    results.push(scoreArticle(label, byFile.get(label.file), sentences, isKbId));
  }
  const dev = results.filter((r) => r.label.half === 'dev');
  const test = results.filter((r) => r.label.half === 'test');
  return {
    problems,
    publishers: new Set(rows.map((r) => r.source)).size,
    minPublisherArticles: MIN_PUBLISHER_ARTICLES,
    detection: detectionFigures(rows),
    labelled: { all: results.length, dev: dev.length, test: test.length },
    labelsListAddresses: loaded.labels.some((l) => l.entities.some((e) => e.type === 'address')),
    scopes: { all: scopeFigures(results), dev: scopeFigures(dev), test: scopeFigures(test) },
    entityPublishers: entityByPublisher(results),
    /** name-finder rules on the dev half: [correct, reported] (RULE_INFO's `dev`) */
    devRules: ruleTally(dev),
    devArticles: devDetails(results),
  };
}

export type MoreReport = Awaited<ReturnType<typeof moreReport>>;
