/**
 * `npm run bench -- gatescript`: the gate script's cost on pages that fail the gate against the hand-written
 * reader floor (floors.ts), in the same run (issue 19: within 1.5×).
 *
 * Two Chromiums side by side: the benchmark build, and a copy of it whose content script is the reader
 * floor. Every non-article bench page is loaded in each, interleaved, the order alternating per round, after
 * one warm-up round, each load traced (chromium.ts `traceLoad`): thread CPU (`tdur`) of the content script's
 * compile, top-level run and every later call into it (listeners, frames, timers) until 600 ms after `load`.
 * Thread CPU moves far less with the machine's load than wall time, and the ratio is taken per page and
 * round before the median, so load from other work falls on both alike.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, startFixtureServer, type ChromiumWithExtension } from '../../tools/cli/browsers';
import { PAGE_PROBE_SCRIPT, traceLoad } from './chromium';
import { writeFloorBuild } from './floors';
import { fromSummary, type Figure, type Section } from './report';
import { summarize } from './stats';

/** The issue's target: the gate script within this factor of the reader floor (median over loads). */
const TARGET_RATIO = 1.5;
/** After `load`: the gate runs at DOMContentLoaded, and once more after the first frame on some pages. */
const SETTLE_AFTER_LOAD_MS = 600;

export interface ScriptCpu {
  compileMs: number;
  runMs: number;
  callbacksMs: number;
  totalMs: number;
}

/**
 * Thread CPU of the content script of each build on each non-article page of `pagesDir`, loads interleaved
 * (the order of builds alternating per round) after one warm-up round: `[build][round * pages + page]`.
 */
export async function traceBuilds(builds: string[], pagesDir: string, rounds: number): Promise<{ pages: string[]; loads: ScriptCpu[][] }> {
  const pages = existsSync(join(pagesDir, 'non-article'))
    ? readdirSync(join(pagesDir, 'non-article'))
        .filter((f) => f.endsWith('.html'))
        .sort()
        .map((f) => `non-article/${f}`)
    : [];
  if (!pages.length) throw new Error(`no non-article pages in ${pagesDir}`);
  const server = await startFixtureServer(pagesDir);
  const browsers: ChromiumWithExtension[] = [];
  try {
    for (const b of builds) {
      const c = await launchChromium({ extensionDir: b });
      browsers.push(c);
      await c.context.addInitScript({ content: PAGE_PROBE_SCRIPT });
      await c.context.newPage(); // an idle tab, as in the other browser benchmarks
    }
    const loads: ScriptCpu[][] = builds.map(() => []);
    let n = 0;
    for (let round = -1; round < rounds; round++) {
      for (const p of pages) {
        const order = builds.map((_, i) => i);
        if ((round + pages.indexOf(p)) % 2) order.reverse();
        for (const i of order) {
          const c = browsers[i]!;
          const { cpu } = await traceLoad(c.context, `${server.url(p)}?gate=${++n}`, SETTLE_AFTER_LOAD_MS, `chrome-extension://${c.extensionId}/`);
          if (round >= 0) loads[i]!.push({ ...cpu, totalMs: cpu.compileMs + cpu.runMs + cpu.callbacksMs });
        }
      }
    }
    return { pages, loads };
  } finally {
    for (const c of browsers) await c.close();
    await server.close();
  }
}

export async function runGateScriptBench(opts: { quick: boolean }, env: { build: string; pagesDir: string; floorDir: string }): Promise<Section> {
  const rounds = opts.quick ? 2 : 5;
  const floor = writeFloorBuild(env.build, env.floorDir, 'reader');
  const { pages, loads } = await traceBuilds([env.build, floor], env.pagesDir, rounds);
  const [ours, base] = loads as [ScriptCpu[], ScriptCpu[]];
  const ratios = ours.map((o, i) => o.totalMs / base[i]!.totalMs);
  const ratio = summarize(ratios);
  const over = { over: 'loads' };
  const figures: Figure[] = [
    fromSummary('gate script / reader floor, thread CPU per load, same run', '×', ratio, {
      ...over,
      target: `<= ${TARGET_RATIO}× (median)`,
      met: ratio.median <= TARGET_RATIO,
    }),
    fromSummary('gate script thread CPU per load (compile + top level + later calls)', 'ms', summarize(ours.map((x) => x.totalMs)), over),
    fromSummary('of which compile', 'ms', summarize(ours.map((x) => x.compileMs)), over),
    fromSummary('of which top-level run', 'ms', summarize(ours.map((x) => x.runMs)), over),
    fromSummary('of which later calls (DOMContentLoaded, frames, timers)', 'ms', summarize(ours.map((x) => x.callbacksMs)), over),
    fromSummary('reader floor thread CPU per load, same run', 'ms', summarize(base.map((x) => x.totalMs)), over),
  ];
  const perPage = pages.map((page, p) => {
    const at = (xs: ScriptCpu[]): number[] => xs.filter((_, i) => i % pages.length === p).map((x) => x.totalMs);
    return { page, gateScriptMs: summarize(at(ours)).median, floorMs: summarize(at(base)).median };
  });
  return {
    id: 'gatescript',
    title: 'Gate script vs reader floor',
    figures,
    notes: [
      `${pages.length} non-article pages × ${rounds} rounds (after a warm-up round) in each of two Chromiums, interleaved, order alternating; trace thread CPU (tdur) of the content script until ${SETTLE_AFTER_LOAD_MS} ms after load. Per-page medians (gate script / floor, ms): ${perPage.map((x) => `${x.page.replace('non-article/', '')} ${x.gateScriptMs.toFixed(2)}/${x.floorMs.toFixed(2)}`).join(', ')}.`,
    ],
    details: { pages, ours, floor: base, perPage },
  };
}
