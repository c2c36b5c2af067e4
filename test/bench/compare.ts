/**
 * `npx tsx test/bench/compare.ts <build A> <build B> [more builds] [--reps N] [--pages DIR]`
 *
 * Same-run comparison of two or more Chrome builds of the extension (e.g. the commit before a change, built
 * in a git worktree with `CNC_OUT_DIR=.output-base npx wxt build`, against the working tree's build). One
 * Chromium per build, all open at once; every page is loaded in each, interleaved, the order alternating
 * per round, so the load from other work on the machine falls on all builds alike. Per load:
 *
 * - non-article pages: the content script's compile + top-level run + later calls from a trace, as thread
 *   CPU time (`tdur`, which moves far less with the load average than wall time), and the extension's
 *   sampled main-thread time (CPU profile, wall clock);
 * - articles: the first annotation after navigation start, DOMContentLoaded and the `load` event.
 *
 * Pages: the benchmark's copies (`test-output/bench-pages/`, written by `npm run bench -- browser`), or
 * `--pages DIR` with `non-article/` and `article/` inside (copy them: a concurrent `npm run bench` rewrites
 * the benchmark's folder). Prints medians and p95 per build; a measurement, not a test.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { launchChromium, startFixtureServer, type ChromiumWithExtension } from '../../tools/cli/browsers';
import { PAGE_PROBE_SCRIPT, profileLoad, traceLoad, type PageProbe } from './chromium';
import { BENCH_PAGES } from './pages';
import { currentLoad } from './report';
import { summarize } from './stats';

/** After `load`: the gate, the round trip, the annotator, the marks (as in browser.ts). */
const SETTLE_AFTER_LOAD_MS = 600;
const ANNOTATION_TIMEOUT_MS = 4_000;
const PROFILE_INTERVAL_US = 100;

async function annotationTimes(context: BrowserContext, url: string): Promise<{ nav: number; dcl: number; load: number } | null> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page
      .waitForFunction(() => (window as unknown as { __cncBench: PageProbe }).__cncBench.firstEntity !== null, null, { timeout: ANNOTATION_TIMEOUT_MS })
      .catch(() => undefined);
    const p = await page.evaluate(() => (window as unknown as { __cncBench: PageProbe }).__cncBench);
    if (p.firstEntity === null) return null;
    return { nav: p.firstEntity, dcl: p.firstEntity - (p.dcl ?? 0), load: p.firstEntity - (p.load ?? 0) };
  } finally {
    await page.close();
  }
}

function fmt(xs: number[]): string {
  const s = summarize(xs);
  return `${s.median.toFixed(2)} (p95 ${s.p95.toFixed(2)}, n ${s.n})`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const reps = Number(opt('--reps') ?? 3);
  const pagesDir = resolve(opt('--pages') ?? BENCH_PAGES);
  const builds = args.filter((a, i) => !a.startsWith('--') && !['--reps', '--pages'].includes(args[i - 1] ?? '')).map((b) => resolve(b));
  if (builds.length < 2 || !builds.every((b) => existsSync(join(b, 'manifest.json')))) {
    console.error('usage: npx tsx test/bench/compare.ts <chrome build A> <chrome build B> [...] [--reps N] [--pages DIR]  (each build: a folder with manifest.json)');
    process.exit(2);
  }
  const list = (kind: string): string[] => (existsSync(join(pagesDir, kind)) ? readdirSync(join(pagesDir, kind)).filter((f) => f.endsWith('.html')).map((f) => `${kind}/${f}`) : []);
  const nonArticles = list('non-article');
  const articles = list('article');
  if (!nonArticles.length && !articles.length) throw new Error(`no pages in ${pagesDir}: run "npm run bench -- browser --quick" once, or pass --pages`);
  const loadStart = currentLoad();
  const server = await startFixtureServer(pagesDir);
  const browsers: ChromiumWithExtension[] = [];
  try {
    for (const b of builds) {
      const c = await launchChromium({ extensionDir: b });
      await c.context.addInitScript({ content: PAGE_PROBE_SCRIPT });
      await c.context.newPage(); // an idle tab, as in the benchmark
      browsers.push(c);
    }
    const results = builds.map(() => ({ compile: [] as number[], run: [] as number[], calls: [] as number[], profile: [] as number[], nav: [] as number[], dcl: [] as number[], load: [] as number[], missing: 0 }));
    let n = 0;
    const url = (p: string): string => `${server.url(p)}?compare=${++n}`;
    for (let round = -1; round < reps; round++) {
      const order = builds.map((_, i) => i);
      if (round % 2) order.reverse();
      for (const p of nonArticles) {
        for (const i of order) {
          const c = browsers[i]!;
          const origin = `chrome-extension://${c.extensionId}/`;
          const t = (await traceLoad(c.context, url(p), SETTLE_AFTER_LOAD_MS, origin)).cpu;
          const prof = (await profileLoad(c.context, url(p), { settleMs: SETTLE_AFTER_LOAD_MS, origin, intervalUs: PROFILE_INTERVAL_US })).extensionMs;
          if (round < 0) continue; // warm-up round
          const r = results[i]!;
          r.compile.push(t.compileMs);
          r.run.push(t.runMs);
          r.calls.push(t.callbacksMs);
          r.profile.push(prof);
        }
      }
      for (const p of articles) {
        for (const i of order) {
          const a = await annotationTimes(browsers[i]!.context, url(p));
          if (round < 0) continue;
          const r = results[i]!;
          if (!a) r.missing++;
          else {
            r.nav.push(a.nav);
            r.dcl.push(a.dcl);
            r.load.push(a.load);
          }
        }
      }
    }
    console.log(`${reps} rounds (after one warm-up round); ${nonArticles.length} non-article pages, ${articles.length} articles from ${pagesDir}; load average ${loadStart} → ${currentLoad()}`);
    builds.forEach((b, i) => {
      const r = results[i]!;
      console.log(`\n${b}`);
      if (nonArticles.length) {
        console.log(`  non-article, content script CPU (trace tdur), ms: compile ${fmt(r.compile)}; top-level run ${fmt(r.run)}; later calls ${fmt(r.calls)}`);
        console.log(`  non-article, extension main-thread time (CPU profile), ms: ${fmt(r.profile)}`);
      }
      if (articles.length) {
        console.log(`  articles, first annotation after navigation start ${fmt(r.nav)}; after DOMContentLoaded ${fmt(r.dcl)}; after load ${fmt(r.load)}${r.missing ? `; ${r.missing} loads without annotations` : ''}`);
      }
    });
  } finally {
    for (const c of browsers) await c.close();
    await server.close();
  }
}

await main();
