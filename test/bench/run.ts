/**
 * `npm run bench [-- engine worst gate sizes browser scale popup indicators gatescript] [--quick] [--no-build]`
 *
 * Runs the benchmarks (all by default), prints one table and writes the same figures, with the machine
 * they were measured on, to `test-output/bench.json`. Benchmarks are measurements, not tests: a missed
 * target is reported, not failed; a benchmark that cannot run is reported with its reason and makes
 * the command exit 1.
 *
 * The browser benchmarks use their own build in `.output-bench/` (or `$CNC_OUT_DIR`), rebuilt when it is
 * missing or older than the sources, so they never race a concurrent `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { chromiumPath, launchChromium, startFixtureServer, type ChromiumWithExtension, type FixtureServer } from '../../tools/cli/browsers';
import { runBrowserBench } from './browser';
import { launchPlainChromium, PAGE_PROBE_SCRIPT, TargetChannel, type PlainChromium } from './chromium';
import type { Analysis } from '../../lib/shared/contract';
import { loadKb } from '../../lib/kb';
import { gate, type GateInput } from '../../lib/gate/gate';
import { readGateInput } from '../../lib/gate/read-gate-input';
import { readHtml } from '../../tools/cli/read-html';
import { leadOfText, loadArticle, markdownToText, ROOT } from './corpus';
import { loadEngineApi } from './engine-api';
import { runEngineBench } from './engine';
import { runGateBench } from './gate';
import { runGateScriptBench } from './gate-script';
import { runIndicatorsBench } from './indicators';
import { BENCH_PAGES, preparePages, type BenchPage } from './pages';
import { runPopupBench } from './popup';
import { currentLoad, machineInfo, renderTable, type BenchReport, type Section } from './report';
import { runScaleBench } from './scale';
import { runSizesBench } from './sizes';
import { runWorstCaseBench } from './worst-case';

const ALL = ['engine', 'worst', 'gate', 'sizes', 'browser', 'gatescript', 'scale', 'popup', 'indicators'] as const;
type Bench = (typeof ALL)[number];
const TITLES: Record<Bench, string> = { engine: 'Engine', worst: 'Worst case (hostile text)', gate: 'Gate (non-article pages)', sizes: 'Sizes', browser: 'Chromium', gatescript: 'Gate script vs reader floor', scale: 'Scale (KB ×10)', popup: 'Popup', indicators: 'Indicators (issue 18)' };

const OUT_DIR = process.env.CNC_OUT_DIR ?? '.output-bench';
const BUILD = resolve(ROOT, OUT_DIR, 'chrome-mv3');
const REPORT = join(ROOT, 'test-output/bench.json');
/** Where the gate-script section writes its copy of the build with the reader floor as content script. */
const FLOOR_DIR = join(ROOT, 'test-output/bench-floor');
/** Source folders whose changes make the benchmark build stale. */
const SOURCES = ['entrypoints', 'lib', 'components', 'public', 'wxt.config.ts', 'package.json'];

function parseArgs(argv: string[]): { benches: Bench[]; quick: boolean; build: 'auto' | 'always' | 'never' } {
  const names = argv.filter((a) => !a.startsWith('-'));
  const unknown = names.filter((n) => !(ALL as readonly string[]).includes(n));
  if (unknown.length) {
    console.error(`unknown benchmark(s): ${unknown.join(', ')}; choose from ${ALL.join(' ')}`);
    process.exit(2);
  }
  return {
    benches: names.length ? ALL.filter((b) => names.includes(b)) : [...ALL],
    quick: argv.includes('--quick'),
    build: argv.includes('--no-build') ? 'never' : argv.includes('--build') ? 'always' : 'auto',
  };
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = st.mtimeMs;
  for (const e of readdirSync(path)) m = Math.max(m, newestMtime(join(path, e)));
  return m;
}

function ensureBuild(mode: 'auto' | 'always' | 'never'): string[] {
  const manifest = join(BUILD, 'manifest.json');
  if (mode === 'never') {
    if (!existsSync(manifest)) throw new Error(`no build in ${OUT_DIR}/chrome-mv3 and --no-build given: run "CNC_OUT_DIR=${OUT_DIR} npx wxt build"`);
    return [`used the existing build in ${OUT_DIR}/chrome-mv3 (--no-build)`];
  }
  const stale = !existsSync(manifest) || SOURCES.some((s) => newestMtime(join(ROOT, s)) > statSync(manifest).mtimeMs);
  if (mode === 'auto' && !stale) return [`build in ${OUT_DIR}/chrome-mv3 is up to date`];
  console.error(`bench: building the extension into ${OUT_DIR}/ (wxt build) ...`);
  const r = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, env: { ...process.env, CNC_OUT_DIR: OUT_DIR }, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0 || !existsSync(manifest)) throw new Error(`wxt build into ${OUT_DIR} failed (exit ${r.status}); "npm run build" shows why`);
  return [`built ${OUT_DIR}/chrome-mv3 for this run`];
}

interface BrowserEnv {
  ext: ChromiumWithExtension;
  plain: PlainChromium | null;
  server: FixtureServer;
  pages: BenchPage[];
  /** positives left out because the gate or the engine would not have them annotated */
  skipped: string[];
  worker: TargetChannel;
  close(): Promise<void>;
}

/**
 * Whether the extension would mark an article, judged in Node: the content script's gate passes on it
 * (title, lead paragraphs as `readGateInput` reads them) and the engine finds a crypto-security article
 * naming something. Any failure: assume it would.
 */
async function annotatesPredicate(): Promise<(file: string) => boolean> {
  try {
    const api = await loadEngineApi();
    const engine = api.create(loadKb());
    return (file) => {
      const raw = readFileSync(file, 'utf8');
      let gateInput: GateInput;
      if (/\.html?$/i.test(file)) {
        const { document, close } = readHtml(raw, null);
        try {
          gateInput = readGateInput(document);
        } finally {
          close();
        }
      } else {
        const { text, title } = markdownToText(raw);
        gateInput = { title, lead: `${title ?? ''}\n${leadOfText(text)}`, pageType: 'article' };
      }
      if (!gate(gateInput).pass) return false;
      const a = engine.analyze(loadArticle(file)) as Partial<Analysis>;
      if (a instanceof Promise || !a.cryptoSecurity) return true;
      return a.cryptoSecurity.detected && (a.entities ?? []).some((e) => !e.inferred);
    };
  } catch {
    return () => true;
  }
}

/** The bench pages (pages.ts), the same set for every browser section of a run. */
async function benchPages(quick: boolean): Promise<{ pages: BenchPage[]; skipped: string[] }> {
  return preparePages({ nonArticles: quick ? 2 : 5, articles: quick ? 2 : 4, annotates: await annotatesPredicate() });
}

async function openBrowsers(quick: boolean, withPlain: boolean): Promise<BrowserEnv> {
  const { pages, skipped } = await benchPages(quick);
  const server = await startFixtureServer(BENCH_PAGES);
  const ext = await launchChromium({ extensionDir: BUILD });
  const plain = withPlain ? await launchPlainChromium() : null;
  await ext.context.addInitScript({ content: PAGE_PROBE_SCRIPT });
  if (plain) await plain.context.addInitScript({ content: PAGE_PROBE_SCRIPT });
  // a tab that stays open in each browser (same tab count); the extension's one reaches the worker
  const control = await ext.context.newPage();
  if (plain) await plain.context.newPage();
  const worker = await TargetChannel.attach(await ext.context.newCDPSession(control), 'service_worker', `chrome-extension://${ext.extensionId}/`);
  return {
    ext,
    plain,
    server,
    pages,
    skipped,
    worker,
    async close() {
      await ext.close();
      await plain?.close();
      await server.close();
    },
  };
}

async function section(id: Bench, fn: () => Promise<Section> | Section): Promise<Section> {
  const t0 = performance.now();
  console.error(`bench: ${id} ...`);
  try {
    const s = await fn();
    s.seconds = Math.round((performance.now() - t0) / 100) / 10;
    console.error(`bench: ${id} done in ${s.seconds} s`);
    return s;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    console.error(`bench: ${id} could not run: ${message}`);
    return { id, title: TITLES[id], figures: [], notes: [], error: message, seconds: Math.round((performance.now() - t0) / 100) / 10 };
  }
}

async function main(): Promise<void> {
  const { benches, quick, build } = parseArgs(process.argv.slice(2));
  const t0 = performance.now();
  const loadAtStart = currentLoad();
  const sections: Section[] = [];
  const needsBuild = benches.some((b) => b === 'sizes' || b === 'browser' || b === 'popup' || b === 'gatescript');
  let buildNotes: string[] = [];
  let buildError: string | null = null;
  if (needsBuild) {
    try {
      buildNotes = ensureBuild(build);
    } catch (e) {
      buildError = (e as Error).message;
    }
  }
  for (const b of benches) {
    if (b === 'engine') sections.push(await section(b, () => runEngineBench({ quick })));
    if (b === 'indicators') sections.push(await section(b, () => runIndicatorsBench({ quick })));
    if (b === 'worst') sections.push(await section(b, () => runWorstCaseBench({ quick })));
    if (b === 'gate') sections.push(await section(b, () => runGateBench({ quick })));
    if (b === 'scale') sections.push(await section(b, () => runScaleBench({ quick })));
    if (b === 'sizes')
      sections.push(
        await section(b, () => {
          if (buildError) throw new Error(buildError);
          const s = runSizesBench(BUILD);
          s.notes.push(...buildNotes);
          return s;
        }),
      );
  }
  const wantsBrowser = benches.includes('browser');
  const wantsPopup = benches.includes('popup');
  if (wantsBrowser || wantsPopup) {
    let env: BrowserEnv | null = null;
    try {
      if (buildError) throw new Error(buildError);
      env = await openBrowsers(quick, wantsBrowser);
    } catch (e) {
      const message = (e as Error).message;
      if (wantsBrowser) sections.push({ id: 'browser', title: TITLES.browser, figures: [], notes: [], error: message });
      if (wantsPopup) sections.push({ id: 'popup', title: TITLES.popup, figures: [], notes: [], error: message });
    }
    if (env) {
      const e = env;
      try {
        if (wantsBrowser) {
          const s = await section('browser', () => runBrowserBench({ quick }, { ext: e.ext, plain: e.plain!, server: e.server, pages: e.pages, worker: e.worker }));
          if (e.skipped.length) s.notes.push(`positives not used as articles because the gate or the engine (run in Node) would not have them annotated: ${e.skipped.join(', ')}.`);
          sections.push(s);
        }
        if (wantsPopup) sections.push(await section('popup', () => runPopupBench({ quick }, { ext: e.ext, server: e.server, pages: e.pages })));
      } finally {
        await e.close();
      }
    }
  }
  if (benches.includes('gatescript')) {
    sections.push(
      await section('gatescript', async () => {
        if (buildError) throw new Error(buildError);
        // written by openBrowsers when the browser or popup section ran; else reused (a concurrent run may be reading them)
        if (!wantsBrowser && !wantsPopup && !existsSync(join(BENCH_PAGES, 'non-article'))) await benchPages(quick);
        return runGateScriptBench({ quick }, { build: BUILD, pagesDir: BENCH_PAGES, floorDir: FLOOR_DIR });
      }),
    );
  }
  // keep the table in the order of ALL
  sections.sort((a, b) => ALL.indexOf(a.id as Bench) - ALL.indexOf(b.id as Bench));

  let chromium: string | null = null;
  try {
    chromium = chromiumPath();
  } catch {
    chromium = null;
  }
  const machine = machineInfo(chromium);
  machine.loadAverage = { start: loadAtStart, end: currentLoad() };
  const report: BenchReport = { machine, quick, sections };
  mkdirSync(join(ROOT, 'test-output'), { recursive: true });
  writeFileSync(REPORT, `${JSON.stringify(report, null, 2)}\n`);
  console.log(renderTable(report));
  console.log(`\n${relative(ROOT, REPORT)} written; ${((performance.now() - t0) / 1000).toFixed(0)} s in all.`);
  if (sections.some((s) => s.error)) process.exitCode = 1;
}

await main();
