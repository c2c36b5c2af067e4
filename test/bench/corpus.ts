/**
 * The real texts and pages the benchmarks run on, loaded once and outside every timed part.
 *
 * - Articles for the engine: `../shared/data/articles/positives` (and negatives where asked) when present,
 *   else the repo's fixtures (`test/fixtures/articles/**`, `test/fixtures/pages/*.html`).
 * - Gate inputs for pages that are NOT crypto-security articles: the Readability test pages and the
 *   labelled negatives, read with the content script's own `readGateInput` (under happy-dom). Parsing a
 *   megabyte page with happy-dom takes up to a second, so the extracted inputs are cached in
 *   `test-output/bench-cache/` (keyed by file size and mtime and by the reader's source files).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import type { AnalysisInput } from '../../lib/shared/contract';
import type { GateInput } from '../../lib/gate/gate';
import { readGateInput } from '../../lib/gate/read-gate-input';
import { readHtml } from '../../tools/cli/read-html';
import { readPage } from '../../lib/page/read-page';
import { spreadSample } from './stats';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SHARED_DATA = resolve(ROOT, '../shared/data');
export const ARTICLES = join(SHARED_DATA, 'articles');
export const READABILITY_PAGES = join(SHARED_DATA, 'readability-test-pages');
export const FIXTURE_ARTICLES = join(ROOT, 'test/fixtures/articles');
export const FIXTURE_PAGES = join(ROOT, 'test/fixtures/pages');
export const CACHE_DIR = join(ROOT, 'test-output/bench-cache');

export interface ManifestEntry {
  file: string;
  title?: string;
  label?: 'positive' | 'negative';
  format?: 'html' | 'markdown';
  origin?: { url?: string | null };
  topics?: string[];
}

export interface Article {
  /** path relative to the repo root (or to the shared data) */
  id: string;
  input: AnalysisInput;
  words: number;
}

export function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu);
  return m ? m.length : 0;
}

/** Markdown to the plain text a reader sees: front matter, images, link targets and markup removed. */
export function markdownToText(md: string): { text: string; title: string | null; description: string | null } {
  let body = md;
  let title: string | null = null;
  let description: string | null = null;
  const fm = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(md);
  if (fm) {
    body = md.slice(fm[0].length);
    title = /^title:\s*["']?(.+?)["']?\s*$/m.exec(fm[1]!)?.[1] ?? null;
    description = /^excerpt:\s*["']?(.+?)["']?\s*$/m.exec(fm[1]!)?.[1] ?? null;
  }
  const text = body
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/^#{1,6}\s*/gm, '')
    .replace(/^\s*[-*+>]\s+/gm, '')
    .replace(/[*_`]{1,3}/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (!title) title = /^(.+)\n/.exec(text)?.[1]?.trim() ?? null;
  return { text, title, description };
}

function readManifest(dir: string): ManifestEntry[] {
  const p = join(dir, 'manifest.json');
  if (!existsSync(p)) return readdirSync(dir).filter((f) => /\.(md|html?)$/i.test(f)).sort().map((file) => ({ file }));
  return (JSON.parse(readFileSync(p, 'utf8')) as ManifestEntry[]).slice().sort((a, b) => a.file.localeCompare(b.file));
}

function listFiles(dir: string, re: RegExp): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p, re));
    else if (re.test(e.name)) out.push(p);
  }
  return out.sort();
}

/** One file as the engine's input: Markdown via `markdownToText`, HTML via the page adapter (Readability). */
export function loadArticle(path: string, url?: string | null): AnalysisInput {
  const raw = readFileSync(path, 'utf8');
  if (/\.html?$/i.test(path)) {
    const { document, close } = readHtml(raw, url ?? null);
    try {
      return readPage(document).input;
    } finally {
      close();
    }
  }
  const { text, title } = markdownToText(raw);
  return { text, title, url: url ?? null, pageType: 'article' };
}

export interface ArticleSet {
  source: string;
  articles: Article[];
}

/** Up to `count` articles spread over the positives (shared data) or the repo's fixtures. */
export function loadArticles(count: number, label: 'positives' | 'negatives' = 'positives'): ArticleSet {
  const dir = join(ARTICLES, label);
  if (existsSync(dir)) {
    const entries = spreadSample(readManifest(dir), count);
    const articles = entries.map((e) => {
      const input = loadArticle(join(dir, e.file), e.origin?.url ?? null);
      if (!input.title && e.title) input.title = e.title;
      return { id: `articles/${label}/${e.file}`, input, words: countWords(input.text) };
    });
    return { source: relative(ROOT, dir), articles: articles.filter((a) => a.words > 0) };
  }
  const files = [...listFiles(FIXTURE_ARTICLES, /\.(md|txt|html?)$/i), ...listFiles(FIXTURE_PAGES, /\.html?$/i)];
  const articles = spreadSample(files, count).map((f) => {
    const input = loadArticle(f);
    return { id: relative(ROOT, f), input, words: countWords(input.text) };
  });
  return { source: 'test/fixtures', articles: articles.filter((a) => a.words > 0) };
}

export interface GatePage {
  id: string;
  input: GateInput;
}

export function leadOfText(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length >= 80)
    .slice(0, 2)
    .join('\n');
}

function sourceStamp(): string {
  const files = ['lib/gate/read-gate-input.ts', 'lib/page/read-meta.ts', 'test/bench/corpus.ts'].map((f) => join(ROOT, f));
  return files.map((f) => (existsSync(f) ? `${statSync(f).mtimeMs}` : '-')).join(',');
}

interface GateCache {
  stamp: string;
  pages: Record<string, { key: string; input: GateInput }>;
}

/**
 * Gate inputs of non-article pages: every Readability test page and every labelled negative (or the
 * fixture pages when the shared data is absent), spread-sampled to `limit`.
 */
export function loadGatePages(limit: number): { source: string; pages: GatePage[] } {
  const candidates: { id: string; path: string; url: string | null; markdown: boolean }[] = [];
  if (existsSync(READABILITY_PAGES)) {
    for (const d of readdirSync(READABILITY_PAGES).sort()) {
      const p = join(READABILITY_PAGES, d, 'source.html');
      if (existsSync(p)) candidates.push({ id: `readability/${d}`, path: p, url: `https://example.org/${d}/`, markdown: false });
    }
  }
  const neg = join(ARTICLES, 'negatives');
  if (existsSync(neg)) {
    for (const e of readManifest(neg)) {
      const path = join(neg, e.file);
      candidates.push({ id: `negatives/${e.file}`, path, url: e.origin?.url ?? null, markdown: extname(e.file) === '.md' });
    }
  }
  let source = 'readability-test-pages + articles/negatives';
  if (candidates.length === 0) {
    source = 'test/fixtures/pages (non-article)';
    for (const f of listFiles(FIXTURE_PAGES, /\.html?$/i).filter((f) => !/article/i.test(basename(f)))) {
      candidates.push({ id: relative(ROOT, f), path: f, url: null, markdown: false });
    }
  }
  const chosen = spreadSample(candidates, limit);
  const cachePath = join(CACHE_DIR, 'gate-inputs.json');
  const stamp = sourceStamp();
  let cache: GateCache = { stamp, pages: {} };
  if (existsSync(cachePath)) {
    try {
      const c = JSON.parse(readFileSync(cachePath, 'utf8')) as GateCache;
      if (c.stamp === stamp) cache = c;
    } catch {
      // a broken cache is rebuilt
    }
  }
  let dirty = false;
  const pages = chosen.map((c) => {
    const st = statSync(c.path);
    const key = `${st.size}:${st.mtimeMs}:${c.url ?? ''}`;
    const hit = cache.pages[c.id];
    if (hit && hit.key === key) return { id: c.id, input: hit.input };
    let input: GateInput;
    const raw = readFileSync(c.path, 'utf8');
    if (c.markdown) {
      const { text, title, description } = markdownToText(raw);
      input = { title, url: c.url, description, pageType: 'article', lead: leadOfText(text) };
    } else {
      const { document, close } = readHtml(raw, c.url);
      try {
        input = readGateInput(document);
      } finally {
        close();
      }
    }
    cache.pages[c.id] = { key, input };
    dirty = true;
    return { id: c.id, input };
  });
  if (dirty) {
    mkdirSync(CACHE_DIR, { recursive: true });
    writeFileSync(cachePath, JSON.stringify(cache));
  }
  return { source, pages };
}

/** A short fingerprint of a list of texts, so two sections can say they ran on the same input. */
export function fingerprint(texts: readonly string[]): string {
  const h = createHash('sha256');
  for (const t of texts) h.update(t).update('\u0000');
  return h.digest('hex').slice(0, 12);
}
