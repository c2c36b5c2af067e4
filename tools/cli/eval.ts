/**
 * `npm run -s eval [-- --data <path>] [--json] [--spawn] [--reuse] [--verbose]`
 *
 * Runs the engine over the shared corpus and reports figures. On the old corpus (articles/):
 * detection precision/recall/F1 (by source, topic, scope, with the worst misses), false positives on
 * the Readability test pages, entity and amount recall on the hand-checked lists in
 * test/eval/expected-entities.json (rules in test/eval/README.md), ambiguous-name hits, the
 * seed-article checks, whether summaries lead with the central fact. On articles-more/ (issues 14 and
 * 15; labels test/eval/articles-more-*.json): detection overall, per half and per publisher; entity
 * precision by kind of evidence, must-find recall and trap hits; key facts per field; summaries beside
 * a lead-3 baseline. Then timings.
 *
 * The engine is called in-process when the analyze CLI exports a one-input function, else through
 * one `npm run -s analyze -- --json` process (see eval-runner.ts). Outputs are saved to
 * test-output/eval-analyses.jsonl (`--reuse` scores them again) and the figures to
 * test-output/eval.json, or to $CNC_EVAL_OUT (`--json` prints the same object). It is a measurement, not a test: it exits 0
 * whatever the figures (1 when the data is missing, 2 on a bad argument). Article-level details of the
 * articles-more test half are never printed or saved; that half is reported in aggregate only.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Analysis } from '../../lib/shared/contract';
import { firstSentenceStatesFact, groupBy, median } from './eval-score';
import { REPO_ROOT } from './eval-runner';
import {
  analysisOf,
  breakdown,
  collectItems,
  detectedOf,
  missRow,
  parseArgs,
  pct,
  prfLine,
  prfOf,
  readJson,
  round,
  scoreOf,
  USAGE,
  type ExpectedList,
  type Item,
  type Row,
} from './eval/inputs';
import { halfOf, loadSplit } from './eval/labels';
import { collectMoreItems, moreReport } from './eval/more';
import { printMore } from './eval/more-print';
import { oldEntityFigures, printOldEntities } from './eval/old-entities';
import { getOutcomes } from './eval/run';
import { seedChecks } from './eval/seed';
import { indicatorFigures, printIndicators } from './eval/indicators';

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
  const more = collectMoreItems(args.data);
  problems.push(...more.problems);
  const moreItems: Item[] = more.items.map((m) => ({ kind: 'more', key: `articles-more/${m.key}`, path: m.path, more: m }));
  const allItems = [...items, ...moreItems];

  const log = (s: string): void => {
    if (!args.json) process.stderr.write(s);
  };
  // CNC_EVAL_OUT lets two evals run side by side without overwriting each other's saved outputs.
  const outDir = process.env.CNC_EVAL_OUT ? resolve(process.env.CNC_EVAL_OUT) : join(REPO_ROOT, 'test-output');
  const run = await getOutcomes(args, allItems, outDir, log);
  if (typeof run === 'string') {
    process.stderr.write(`${run}\n`);
    return 1;
  }
  const { outcomes, totalMs, engineMode } = run;
  const rows: Row[] = allItems.map((item, i) => ({ item, outcome: outcomes[i] ?? { ok: false, error: 'no outcome', ms: 0 } }));
  /** the old corpus: articles/, Readability pages, seed (its figures are computed as before) */
  const oldRows = rows.filter((r) => r.item.kind !== 'more');
  const byKey = new Map(oldRows.map((r) => [r.item.key, r]));
  // Files of the articles-more test half are never named (errors, timings): that half is reported in aggregate only.
  const split = loadSplit(join(REPO_ROOT, 'test', 'eval', 'articles-more-split.json'));
  const hidden = (r: Row): boolean => r.item.more !== undefined && halfOf(split, r.item.more.source) !== 'dev';
  const nameOf = (r: Row): string => (hidden(r) ? 'articles-more/(a test-half file)' : r.item.key);
  const errorOf = (r: Row): string => (r.outcome.ok ? '' : hidden(r) ? r.outcome.error.split(r.item.path).join('(file)') : r.outcome.error);

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
  const errors = rows.filter((r) => !r.outcome.ok).map((r) => ({ file: nameOf(r), error: errorOf(r) }));

  // Readability pages
  const rtp = rows.filter((r) => r.item.kind === 'readability');
  const rtpFp = rtp.filter(detectedOf).sort((a, b) => scoreOf(b) - scoreOf(a));

  // Entities and amounts on the old hand-checked lists
  const old = await oldEntityFigures(args.data, lists, oldRows, byKey);

  // articles-more: detection, entities, key facts, summaries (issues 14 and 15)
  const moreRows = rows.filter((r) => r.item.kind === 'more');
  const articlesMore = await moreReport(REPO_ROOT, more.items, moreRows.map((r) => r.outcome), []);

  // Seed
  const seedRow = byKey.get('seed-article.txt');
  const seed = seedChecks(seedRow ? analysisOf(seedRow) : null, seedRow && !seedRow.outcome.ok ? seedRow.outcome.error : null);

  // Summaries: detected positives (and the seed)
  const summaryRows = oldRows.filter((r) => (r.item.manifest?.label === 'positive' || r.item.kind === 'seed') && detectedOf(r));
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
  const slowest = [...rows].sort((a, b) => b.outcome.ms - a.outcome.ms).slice(0, 5).map((r) => ({ file: nameOf(r), ms: Math.round(r.outcome.ms) }));

  const report = {
    generatedAt: new Date().toISOString(),
    data: args.data,
    engine: engineMode,
    inputs: { articles: articles.length, readabilityPages: rtp.length, seed: seedRow ? 1 : 0, articlesMore: moreRows.length, errors: errors.length, problems },
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
    entities: old.entities,
    amounts: old.amounts,
    perArticle: old.perArticle,
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
    articlesMore,
    indicators: indicatorFigures(rows, nameOf),
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
  L.push(
    `inputs: ${articles.length} articles, ${rtp.length} Readability pages, seed ${seedRow ? 'yes' : 'no'}, ${moreRows.length} articles-more pages; errors: ${errors.length}`,
  );
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

  L.push(...printOldEntities(old, lists.length));

  h('Seed article (seed-article.txt)');
  for (const c of seed) L.push(`  [${c.ok ? 'ok' : 'NO'}] ${c.check}: ${c.detail}`);

  h('Summaries: first sentence states the central fact (names an actor/victim or an amount)');
  L.push(`  ${summaryOk}/${summaryResults.length} = ${pct(report.summaries.rate)} of detected positives`);
  for (const f of report.summaries.failures.slice(0, 5)) L.push(`    ${f.file}: "${f.first}"`);

  L.push(...printMore(articlesMore, args.verbose));
  L.push(...printIndicators(report.indicators));

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
