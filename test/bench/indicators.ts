/**
 * Indicator extraction's share of the engine's time per article (issue 18: <= 10%). Over positives of
 * the shared corpus: the full analysis (which includes the indicator pass) and the indicator pass alone
 * (lib/engine/indicators with the addresses already found, as `analyze` runs it), interleaved per
 * article so that load from other work falls on both alike. The figure of a run is the indicator time
 * over the time of the rest of the engine (total minus indicators), summed over the articles.
 */
import { createEngine } from '../../lib/engine/analyze';
import { addressIndex, findAddresses } from '../../lib/engine/addresses';
import { findIndicators } from '../../lib/engine/indicators';
import { loadKb } from '../../lib/kb';
import { loadArticles } from './corpus';
import type { Section } from './report';
import { median, nowMs, settle } from './stats';

export async function runIndicatorsBench(opts: { quick: boolean }): Promise<Section> {
  const { source, articles } = loadArticles(opts.quick ? 12 : 40);
  const kb = loadKb().kb;
  const engine = createEngine(kb);
  const index = addressIndex(kb.addresses);
  const hits = articles.map((a) => findAddresses(a.input.text, index));
  const runs = opts.quick ? 3 : 7;
  const indicatorsOnly = (i: number): number => {
    const t0 = nowMs();
    findIndicators(articles[i]!.input.text, { addresses: hits[i]! });
    return nowMs() - t0;
  };
  const full = (i: number): { total: number; lap: number } => {
    const t0 = nowMs();
    const a = engine.analyze(articles[i]!.input, { budgetMs: Infinity });
    return { total: nowMs() - t0, lap: a.timingsMs.indicators ?? 0 };
  };
  for (let i = 0; i < articles.length; i++) {
    full(i);
    indicatorsOnly(i);
  }
  const share: number[] = [];
  const lapShare: number[] = [];
  const perArticleMs: number[] = [];
  for (let r = 0; r < runs; r++) {
    await settle();
    let ind = 0;
    let total = 0;
    let lap = 0;
    for (let i = 0; i < articles.length; i++) {
      const first = (i + r) % 2 === 0;
      const x = first ? indicatorsOnly(i) : 0;
      const f = full(i);
      const y = first ? x : indicatorsOnly(i);
      ind += y;
      total += f.total;
      lap += f.lap;
      perArticleMs.push(y);
    }
    share.push(ind / Math.max(total - lap, 1e-9));
    lapShare.push(lap / Math.max(total - lap, 1e-9));
  }
  const pct = (x: number): number => Math.round(x * 1000) / 10;
  const m = median(share);
  return {
    id: 'indicators',
    title: 'Indicators (issue 18)',
    figures: [
      { name: 'indicators / rest of engine', unit: '%', median: pct(m), min: pct(Math.min(...share)), max: pct(Math.max(...share)), n: runs, over: 'runs', target: '<= 10%', met: m <= 0.1 },
      { name: 'engine lap "indicators" / rest', unit: '%', median: pct(median(lapShare)), n: runs, over: 'runs', note: 'the same share from the engine\'s own timings (timingsMs.indicators)' },
      { name: 'indicator pass per article', unit: 'ms', median: Math.round(median(perArticleMs) * 1000) / 1000, max: Math.round(Math.max(...perArticleMs) * 1000) / 1000, n: perArticleMs.length, over: 'article runs' },
    ],
    notes: [`${articles.length} articles from ${source}, ${runs} interleaved runs`],
  };
}
