/**
 * The pages the browser benchmarks load from 127.0.0.1: copies written to `test-output/bench-pages/`.
 *
 * - non-article pages (should fail the gate): Readability test pages (`../shared/data`) when present,
 *   else `test/fixtures/pages` without "article" in the name;
 * - articles (should be annotated): the fixture demo article, the HTML positives of the shared data and a
 *   few Markdown positives rendered as a plain news-article page.
 *
 * The pages' own executable scripts are removed (JSON-LD is kept: it is metadata the reader uses): this
 * machine has no network, the scripts would fail anyway, and their timing noise would drown the
 * extension's. A Content-Security-Policy meta tag keeps every copy from loading anything beyond 127.0.0.1.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ARTICLES, FIXTURE_PAGES, READABILITY_PAGES, ROOT, markdownToText, type ManifestEntry } from './corpus';
import { spreadSample } from './stats';

export const BENCH_PAGES = join(ROOT, 'test-output/bench-pages');

export interface BenchPage {
  /** path under BENCH_PAGES */
  path: string;
  kind: 'non-article' | 'article';
  from: string;
}

/** Words that make a Markdown positive a good annotation test (it names KB entities). */
const RICH_IN_ENTITIES = /Lazarus|North Korea|Tornado Cash|TraderTraitor|Bybit|Ronin|OFAC|Kimsuky|LockBit/;

/**
 * Keeps the copies on this machine: a Content-Security-Policy that blocks every load leaving 127.0.0.1
 * before it is attempted (the pages name CDNs, ads and fonts; the machine has no network). Extension
 * resources stay allowed. Cheaper and quieter than intercepting requests from the benchmark.
 */
const LOCAL_ONLY_CSP = "default-src 'self' 'unsafe-inline' data: blob: chrome-extension:; script-src 'self'";

function localOnly(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${LOCAL_ONLY_CSP}">`;
  const head = /<head\b[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + meta + html.slice(head.index + head[0].length);
  return meta + html;
}

function stripScripts(html: string): string {
  return localOnly(html).replace(/<script\b([^>]*)>[\s\S]*?<\/script\s*>/gi, (all, attrs: string) =>
    /type\s*=\s*["']?application\/(?:ld\+)?json/i.test(attrs) ? all : '',
  );
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A plain news-article page around Markdown text: header, nav, article with h1 and paragraphs, footer. */
function articleHtml(title: string, text: string, date: string | null): string {
  return localOnly(articleHtmlRaw(title, text, date));
}

function articleHtmlRaw(title: string, text: string, date: string | null): string {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p && p !== title);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta property="og:type" content="article"><meta property="og:title" content="${escapeHtml(title)}">
${date ? `<meta property="article:published_time" content="${escapeHtml(date)}">` : ''}
<style>body{font:18px/1.6 Georgia,serif;max-width:42em;margin:2em auto;padding:0 1em}nav a{margin-right:1em}</style></head>
<body><header><nav><a href="/">Home</a><a href="/news">News</a><a href="/about">About</a></nav></header>
<main><article><h1>${escapeHtml(title)}</h1>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</article></main><footer><p>© Example News</p></footer></body></html>`;
}

function readManifest(dir: string): ManifestEntry[] {
  return (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as ManifestEntry[]).slice().sort((a, b) => a.file.localeCompare(b.file));
}

/**
 * `annotates(file)`: whether the extension would mark this article (the engine says it is a
 * crypto-security article and names something); pages it would leave alone are not used as articles,
 * since "time until annotations are visible" means nothing on them.
 */
export function preparePages(opts: { nonArticles: number; articles: number; annotates?: (file: string) => boolean }): { pages: BenchPage[]; skipped: string[] } {
  const skipped: string[] = [];
  const check = opts.annotates ?? ((): boolean => true);
  const annotates = (file: string): boolean => {
    const ok = check(file);
    if (!ok) skipped.push(basename(file));
    return ok;
  };
  rmSync(BENCH_PAGES, { recursive: true, force: true });
  mkdirSync(join(BENCH_PAGES, 'non-article'), { recursive: true });
  mkdirSync(join(BENCH_PAGES, 'article'), { recursive: true });
  const pages: BenchPage[] = [];

  // non-article pages
  const plain = join(FIXTURE_PAGES, 'plain-page.html');
  if (existsSync(plain)) {
    writeFileSync(join(BENCH_PAGES, 'non-article/plain-page.html'), stripScripts(readFileSync(plain, 'utf8')));
    pages.push({ path: 'non-article/plain-page.html', kind: 'non-article', from: 'test/fixtures/pages/plain-page.html' });
  }
  if (existsSync(READABILITY_PAGES)) {
    const dirs = readdirSync(READABILITY_PAGES).filter((d) => existsSync(join(READABILITY_PAGES, d, 'source.html'))).sort();
    for (const d of spreadSample(dirs, opts.nonArticles)) {
      const html = stripScripts(readFileSync(join(READABILITY_PAGES, d, 'source.html'), 'utf8'));
      writeFileSync(join(BENCH_PAGES, 'non-article', `${d}.html`), html);
      pages.push({ path: `non-article/${d}.html`, kind: 'non-article', from: `readability-test-pages/${d}` });
    }
  } else {
    for (const f of readdirSync(FIXTURE_PAGES).filter((f) => /\.html?$/.test(f) && !/article|plain-page/.test(f))) {
      writeFileSync(join(BENCH_PAGES, 'non-article', f), stripScripts(readFileSync(join(FIXTURE_PAGES, f), 'utf8')));
      pages.push({ path: `non-article/${f}`, kind: 'non-article', from: `test/fixtures/pages/${f}` });
    }
  }

  // articles
  for (const f of existsSync(FIXTURE_PAGES) ? readdirSync(FIXTURE_PAGES).filter((f) => /article/.test(f)) : []) {
    writeFileSync(join(BENCH_PAGES, 'article', f), stripScripts(readFileSync(join(FIXTURE_PAGES, f), 'utf8')));
    pages.push({ path: `article/${f}`, kind: 'article', from: `test/fixtures/pages/${f}` });
  }
  const positives = join(ARTICLES, 'positives');
  if (existsSync(positives)) {
    const manifest = readManifest(positives);
    const html = manifest.filter((e) => e.format === 'html');
    const md = manifest.filter((e) => e.format !== 'html' && RICH_IN_ENTITIES.test(readFileSync(join(positives, e.file), 'utf8')));
    const wanted = Math.max(0, opts.articles - pages.filter((p) => p.kind === 'article').length);
    const htmlWanted = Math.ceil(wanted / 2);
    const chosenHtml = spreadSample(html, html.length).filter((e) => annotates(join(positives, e.file))).slice(0, htmlWanted);
    for (const e of chosenHtml) {
      const name = basename(e.file);
      writeFileSync(join(BENCH_PAGES, 'article', name), stripScripts(readFileSync(join(positives, e.file), 'utf8')));
      pages.push({ path: `article/${name}`, kind: 'article', from: `articles/positives/${e.file}` });
    }
    const mdWanted = wanted - chosenHtml.length;
    const chosenMd: ManifestEntry[] = [];
    for (const e of spreadSample(md, Math.min(md.length, mdWanted * 3))) {
      if (chosenMd.length >= mdWanted) break;
      if (annotates(join(positives, e.file))) chosenMd.push(e);
    }
    for (const e of chosenMd) {
      const { text, title } = markdownToText(readFileSync(join(positives, e.file), 'utf8'));
      const name = basename(e.file).replace(/\.md$/, '.html');
      writeFileSync(join(BENCH_PAGES, 'article', name), articleHtml(title ?? e.title ?? name, text, (e as { date?: string }).date ?? null));
      pages.push({ path: `article/${name}`, kind: 'article', from: `articles/positives/${e.file} (Markdown rendered as a page)` });
    }
  }
  return { pages, skipped };
}
