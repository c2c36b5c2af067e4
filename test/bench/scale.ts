/**
 * Benchmark 5: matching time with the real KB and with a 10x larger synthetic KB (synthetic-kb.ts).
 * Both engines (and both bare matchers) are built once, outside the timed loop; every run times the
 * same articles with the small and the large one, alternating which goes first. Figure: the ratio
 * large/small of the same run, median over runs. Target < 2x.
 */
import { compileMatcher } from '../../lib/engine/matcher';
import { createLookup, loadKb } from '../../lib/kb';
import { loadArticles, type Article } from './corpus';
import { loadEngineApi, type EngineLike } from './engine-api';
import { fromSummary, type Figure, type Section } from './report';
import { nowMs, settle, summarize } from './stats';
import { syntheticKb } from './synthetic-kb';

/** Target from the issue: a 10x larger KB must not double the matching time. */
const TARGET_RATIO = 2;
const FACTOR = 10;

export interface ScaleOptions {
  quick: boolean;
}

async function timeOne(fn: (a: Article) => unknown, a: Article): Promise<number> {
  const t0 = nowMs();
  const r = fn(a);
  if (r instanceof Promise) await r;
  return nowMs() - t0;
}

/** Small and large are interleaved per article (alternating which goes first): load on the machine hits both alike. */
async function compare(name: string, small: (a: Article) => unknown, large: (a: Article) => unknown, articles: Article[], runs: number): Promise<{ figures: Figure[] }> {
  const words = articles.reduce((s, a) => s + a.words, 0);
  for (let w = 0; w < 2; w++) {
    for (const a of articles) {
      await timeOne(small, a);
      await timeOne(large, a);
    }
  }
  const s: number[] = [];
  const l: number[] = [];
  const ratio: number[] = [];
  for (let r = 0; r < runs; r++) {
    await settle();
    let ts = 0;
    let tl = 0;
    for (let i = 0; i < articles.length; i++) {
      const a = articles[i]!;
      if ((i + r) % 2 === 0) {
        ts += await timeOne(small, a);
        tl += await timeOne(large, a);
      } else {
        tl += await timeOne(large, a);
        ts += await timeOne(small, a);
      }
    }
    s.push((ts / words) * 1000);
    l.push((tl / words) * 1000);
    ratio.push(tl / ts);
  }
  const rs = summarize(ratio);
  return {
    figures: [
      fromSummary(`${name}, KB`, 'ms/1k words', summarize(s), { over: 'runs' }),
      fromSummary(`${name}, KB ×${FACTOR}`, 'ms/1k words', summarize(l), { over: 'runs' }),
      fromSummary(`${name}: ×${FACTOR} ÷ ×1 (same run)`, '×', rs, { over: 'runs', target: `< ${TARGET_RATIO}`, met: rs.median < TARGET_RATIO }),
    ],
  };
}

export async function runScaleBench(opts: ScaleOptions): Promise<Section> {
  const runs = opts.quick ? 5 : 9;
  const { source, articles } = loadArticles(opts.quick ? 12 : 40);
  const kb = loadKb().kb;
  const big = syntheticKb(kb, FACTOR);
  const figures: Figure[] = [];
  const notes: string[] = [
    `${articles.length} articles from ${source}; KB ${kb.entities.length} entities vs synthetic ${big.entities.length} (${big.entities.reduce((n, e) => n + 1 + e.aliases.length, 0)} names); ${runs} runs.`,
  ];

  const t0 = nowMs();
  const mSmall = compileMatcher(kb);
  const t1 = nowMs();
  const mLarge = compileMatcher(big);
  const t2 = nowMs();
  figures.push(...(await compare('KB matcher', (a) => mSmall.match(a.input.text), (a) => mLarge.match(a.input.text), articles, runs)).figures);
  notes.push(`matcher compile: ${(t1 - t0).toFixed(1)} ms (${mSmall.patternCount} patterns) vs ${(t2 - t1).toFixed(1)} ms (${mLarge.patternCount} patterns).`);

  try {
    const api = await loadEngineApi();
    const eSmall: EngineLike = api.create(loadKb());
    const t3 = nowMs();
    const eLarge: EngineLike = api.create(createLookup(big));
    notes.push(`createEngine(KB ×${FACTOR}): ${(nowMs() - t3).toFixed(0)} ms.`);
    figures.push(...(await compare('full analysis', (a) => eSmall.analyze(a.input), (a) => eLarge.analyze(a.input), articles, runs)).figures);
  } catch (e) {
    notes.push(`full analysis not measured: ${(e as Error).message}`);
  }
  return { id: 'scale', title: 'Scale (KB ×10)', figures, notes };
}
