/**
 * Benchmark 2: the cheap gate on pages that are NOT crypto-security articles.
 *
 * The gate's inputs (title, URL, meta, first paragraphs) are extracted outside the timed part (see
 * corpus.ts); only `gate(input)` is timed, in batches of many calls per page. A page's figure is the
 * median of its batch means; the table gives the distribution over pages (median and p95).
 */
import { gate } from '../../lib/gate/gate';
import { loadGatePages } from './corpus';
import { fromSummary, type Section } from './report';
import { nowMs, summarize } from './stats';

/** Target from the issue: the gate must cost less than a millisecond even on the slowest pages. */
const TARGET_P95_US = 1000;

export interface GateOptions {
  quick: boolean;
}

export async function runGateBench(opts: GateOptions): Promise<Section> {
  const pageLimit = opts.quick ? 40 : 1000;
  const batches = opts.quick ? 3 : 7;
  const callsPerBatch = opts.quick ? 100 : 200;
  const { source, pages } = loadGatePages(pageLimit);
  let passes = 0;
  let sink = 0;
  const perPageUs: number[] = [];
  const details: { id: string; us: number; pass: boolean; leadChars: number }[] = [];
  // warm-up: every page a few times, so the regular expressions are compiled and optimised
  for (let r = 0; r < 20; r++) for (const p of pages) sink += gate(p.input).hits.length;
  for (const p of pages) {
    const means: number[] = [];
    for (let b = 0; b < batches; b++) {
      const t0 = nowMs();
      for (let i = 0; i < callsPerBatch; i++) sink += gate(p.input).hits.length;
      means.push(((nowMs() - t0) * 1000) / callsPerBatch);
    }
    const us = summarize(means).median;
    const pass = gate(p.input).pass;
    if (pass) passes++;
    perPageUs.push(us);
    details.push({ id: p.id, us, pass, leadChars: p.input.lead?.length ?? 0 });
  }
  const s = summarize(perPageUs);
  const slowest = details.slice().sort((a, b) => b.us - a.us).slice(0, 3);
  return {
    id: 'gate',
    title: 'Gate (non-article pages)',
    figures: [
      fromSummary('gate() per page', 'µs', s, {
        over: 'pages',
        target: `p95 < ${TARGET_P95_US / 1000} ms`,
        met: s.p95 < TARGET_P95_US,
      }),
      { name: 'non-article pages that pass the gate', unit: '%', median: (100 * passes) / Math.max(1, pages.length), n: pages.length, over: 'pages', note: 'these pay for a full read + analysis' },
    ],
    notes: [
      `${pages.length} pages from ${source}; per page ${batches} batches × ${callsPerBatch} calls after warm-up (checksum ${sink % 997}).`,
      `slowest: ${slowest.map((d) => `${d.id} ${d.us.toFixed(1)} µs`).join(', ')}; ${passes} of ${pages.length} pass the gate.`,
    ],
    details,
  };
}
