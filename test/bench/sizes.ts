/**
 * Benchmark 4: what each part of the built extension weighs, raw and gzip (level 9, as size tools and
 * stores compress), against the budgets. The content-script budget is also enforced in CI by
 * `test/browser/size-budget.test.ts`, which uses `measureBuildSizes` from here.
 *
 * A part is every file it loads: the manifest's content-script js/css, the background service worker
 * and the modules it imports, the popup page and every script, module preload and stylesheet it names
 * (followed transitively through static `import ... from "./x.js"`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Figure, Section } from './report';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * The content script the manifest injects into every page the user opens: only the cheap gate since the
 * split (issue 7, docs/performance.md). It must stay tiny.
 */
export const CONTENT_SCRIPT_BUDGET_GZIP = 5 * 1024;
/** The annotator, injected by the background only into pages that pass the gate (docs/adr/0011-annotator-budget.md). */
export const ANNOTATOR_BUDGET_GZIP = 42 * 1024;
/** Where the runtime-registered annotator content script is built (entrypoints/annotator.content.ts). */
export const ANNOTATOR_FILE = 'content-scripts/annotator.js';

export interface PartSize {
  files: string[];
  raw: number;
  gzip: number;
}

export interface BuildSizes {
  dir: string;
  /** what the manifest injects into every page (the gate script) */
  contentScript: PartSize;
  /** what the background injects into pages that pass the gate (empty when the build has none) */
  annotator: PartSize;
  background: PartSize;
  popup: PartSize;
  /** the compiled KB as a file in the repo (null when it has not been compiled yet) */
  kb: PartSize | null;
}

interface ManifestLike {
  background?: { service_worker?: string; scripts?: string[] };
  content_scripts?: { js?: string[]; css?: string[] }[];
  action?: { default_popup?: string };
  browser_action?: { default_popup?: string };
}

function gzipSize(buf: Buffer): number {
  return gzipSync(buf, { level: 9 }).length;
}

/** The file plus every module it imports statically (relative or root-absolute paths inside the build). */
function withImports(dir: string, file: string, seen: Set<string>): void {
  const rel = normalize(file).replace(/^\/+/, '');
  if (seen.has(rel)) return;
  const abs = join(dir, rel);
  if (!existsSync(abs)) return;
  seen.add(rel);
  if (!/\.m?js$/.test(rel)) return;
  const src = readFileSync(abs, 'utf8');
  const re = /(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+\.m?js)["']/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src)) !== null) {
    const spec = m[1]!;
    if (/^[a-z]+:/i.test(spec)) continue;
    const next = spec.startsWith('/') ? spec : join(dirname(rel), spec);
    withImports(dir, next, seen);
  }
}

function partOf(dir: string, files: string[]): PartSize {
  const seen = new Set<string>();
  for (const f of files) withImports(dir, f, seen);
  let raw = 0;
  let gzip = 0;
  for (const f of seen) {
    const buf = readFileSync(join(dir, f));
    raw += buf.length;
    gzip += gzipSize(buf);
  }
  return { files: [...seen].sort(), raw, gzip };
}

function htmlAssets(html: string): string[] {
  const out: string[] = [];
  const re = /<(?:script|link)\b[^>]*?\b(?:src|href)=["']([^"']+)["'][^>]*>/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html)) !== null) {
    const ref = m[1]!;
    if (/^[a-z]+:/i.test(ref) || !/\.(m?js|css)$/.test(ref)) continue;
    out.push(ref);
  }
  return out;
}

export function measureBuildSizes(dir: string): BuildSizes {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`No extension build at ${dir}. Run "npm run build" first.`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as ManifestLike;
  const cs = (manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]);
  const bg = manifest.background?.service_worker ? [manifest.background.service_worker] : (manifest.background?.scripts ?? []);
  const popupHtml = manifest.action?.default_popup ?? manifest.browser_action?.default_popup ?? 'popup.html';
  const popupFiles = [popupHtml];
  if (existsSync(join(dir, popupHtml))) {
    const html = readFileSync(join(dir, popupHtml), 'utf8');
    for (const ref of htmlAssets(html)) popupFiles.push(ref.startsWith('/') ? ref : join(dirname(popupHtml), ref));
  }
  const kbPath = join(ROOT, 'lib/kb/compiled/kb.json');
  let kb: PartSize | null = null;
  if (existsSync(kbPath)) {
    const buf = readFileSync(kbPath);
    kb = { files: [relative(ROOT, kbPath)], raw: buf.length, gzip: gzipSize(buf) };
  }
  return { dir, contentScript: partOf(dir, cs), annotator: partOf(dir, [ANNOTATOR_FILE]), background: partOf(dir, bg), popup: partOf(dir, popupFiles), kb };
}

const kB = (n: number): number => Math.round((n / 1024) * 10) / 10;

export function runSizesBench(dir: string): Section {
  const s = measureBuildSizes(dir);
  const figure = (name: string, p: PartSize, budgetGzip?: number): Figure[] => [
    { name: `${name} raw`, unit: 'KB', median: kB(p.raw), n: 1, over: 'build' },
    {
      name: `${name} gzip`,
      unit: 'KB',
      median: kB(p.gzip),
      n: 1,
      over: 'build',
      ...(budgetGzip !== undefined ? { target: `<= ${budgetGzip / 1024} KB gzip`, met: p.gzip <= budgetGzip } : {}),
    },
  ];
  const figures = [
    ...figure('content script (gate, every page)', s.contentScript, CONTENT_SCRIPT_BUDGET_GZIP),
    ...figure('annotator (pages that pass the gate)', s.annotator, ANNOTATOR_BUDGET_GZIP),
    ...figure('background', s.background),
    ...figure('popup', s.popup),
    ...(s.kb ? figure('compiled KB (kb.json)', s.kb) : []),
  ];
  const notes = [
    `build: ${relative(ROOT, dir) || dir}; gzip level 9; sizes are exact (one build, no spread).`,
    `content script = ${s.contentScript.files.join(' + ')}; annotator = ${s.annotator.files.join(' + ') || '(none)'}; background = ${s.background.files.join(' + ')}; popup = ${s.popup.files.join(' + ')}.`,
  ];
  if (!s.kb) notes.push('lib/kb/compiled/kb.json not found: run `npm run kb:build`.');
  return { id: 'sizes', title: 'Sizes', figures, notes, details: s };
}
