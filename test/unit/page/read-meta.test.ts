/**
 * readMeta / readGateInput read the metadata in ONE walk of the document. They must give exactly what the
 * former one-querySelector-per-selector reading gave: that reading is kept here as the reference and both
 * are run on every fixture page and on documents built to hit the corner cases (an empty first match,
 * duplicates, metadata in the body, broken or nested JSON-LD, no <h1>, many paragraphs).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GateInput } from '../../../lib/engine/gate';
import { readGateInput } from '../../../lib/page/read-gate-input';
import { readGateMeta, readMeta, type PageMeta } from '../../../lib/page/read-meta';

const FIXTURES = join(import.meta.dirname, '../../fixtures/pages');

function makeDoc(html: string, url = 'https://news.example/2024/story?id=1'): Document {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  Object.defineProperty(doc, 'URL', { value: url });
  return doc;
}

// ---- the reference: the reading as it was, one querySelector per candidate selector ----
type Json = Record<string, unknown>;
const ARTICLE_TYPES_RE = /Article|BlogPosting|Report|NewsArticle|Posting/;
function refMetaContent(doc: Document, selectors: string[]): string | null {
  for (const sel of selectors) {
    const el = doc.querySelector(sel);
    const v = el?.getAttribute('content') ?? el?.getAttribute('datetime') ?? null;
    if (v && v.trim()) return v.trim();
  }
  return null;
}
function refJsonLd(doc: Document): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      out.push(v as Json);
      if (Array.isArray((v as Json)['@graph'])) visit((v as Json)['@graph']);
    }
  };
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    const raw = s.textContent ?? '';
    if (!raw.trim() || raw.length > 200_000) continue;
    try {
      visit(JSON.parse(raw));
    } catch {
      // ignored, as before
    }
  }
  return out;
}
function refTypeOf(o: Json): string | null {
  const t = o['@type'];
  if (typeof t === 'string') return t;
  if (Array.isArray(t) && typeof t[0] === 'string') return t.find((x) => typeof x === 'string' && ARTICLE_TYPES_RE.test(x)) ?? t[0];
  return null;
}
function refStr(v: unknown): string | null {
  if (typeof v === 'string' && v.trim()) return v.trim();
  if (v && typeof v === 'object' && !Array.isArray(v) && typeof (v as Json).name === 'string') return ((v as Json).name as string).trim();
  if (Array.isArray(v) && v.length) return refStr(v[0]);
  return null;
}
function refAbsolute(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    return new URL(href, base ?? undefined).href;
  } catch {
    return /^https?:\/\//i.test(href) ? href : null;
  }
}
function refReadMeta(doc: Document): PageMeta {
  const ld = refJsonLd(doc);
  const article = ld.find((o) => ARTICLE_TYPES_RE.test(refTypeOf(o) ?? '')) ?? null;
  const docUrl = doc.URL && /^https?:/i.test(doc.URL) ? doc.URL : null;
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  const ogUrl = refMetaContent(doc, ['meta[property="og:url"]']);
  return {
    title: refMetaContent(doc, ['meta[property="og:title"]', 'meta[name="twitter:title"]']) ?? refStr(article?.headline) ?? (doc.title?.trim() || null),
    url: refAbsolute(canonical, docUrl) ?? refAbsolute(ogUrl, docUrl) ?? docUrl,
    publishedAt:
      refMetaContent(doc, [
        'meta[property="article:published_time"]',
        'meta[name="article:published_time"]',
        'meta[itemprop="datePublished"]',
        'meta[name="pubdate"]',
        'meta[name="date"]',
        'meta[name="DC.date.issued"]',
        'meta[name="dc.date"]',
        'meta[name="parsely-pub-date"]',
      ]) ??
      refStr(article?.datePublished) ??
      doc.querySelector('time[datetime]')?.getAttribute('datetime') ??
      null,
    siteName: refMetaContent(doc, ['meta[property="og:site_name"]', 'meta[name="application-name"]']) ?? refStr(article?.publisher) ?? null,
    pageType: (article ? refTypeOf(article) : null) ?? refMetaContent(doc, ['meta[property="og:type"]']) ?? (ld[0] ? refTypeOf(ld[0]) : null),
    description:
      refMetaContent(doc, ['meta[name="description"]', 'meta[property="og:description"]', 'meta[name="twitter:description"]']) ?? refStr(article?.description),
  };
}
function refReadGateInput(doc: Document): GateInput {
  const meta = refReadMeta(doc);
  const parts: string[] = [];
  const ps = doc.getElementsByTagName('p');
  for (let i = 0; i < ps.length && i < 40 && parts.length < 2; i++) {
    const t = (ps[i]!.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (t.length >= 80) parts.push(t);
  }
  const h1 = doc.querySelector('h1')?.textContent?.trim() ?? '';
  return { title: meta.title ?? h1, url: meta.url, description: meta.description, pageType: meta.pageType, lead: `${h1}\n${parts.join('\n')}` };
}
// ---- end of the reference ----

const long = (s: string): string => `${s} ${'Readers were told the figures came from the filing and from people familiar with it.'.repeat(2)}`;

/** Documents built to hit the corner cases of the lookups. */
const CASES: Record<string, string> = {
  'empty first match moves to the next selector, not the next element': `<html><head><title> Doc title </title>
    <meta property="og:title" content="  "><meta property="og:title" content="Second og title">
    <meta name="twitter:title" content="Twitter title"><meta name="description">
    <meta name="description" content="second description"><meta property="og:description" content="OG description">
    </head><body><p>${long('One')}</p></body></html>`,
  'metadata in the body, datetime on meta, first of duplicates': `<html><head><title>T</title></head><body>
    <h1> First heading </h1><h1>Second heading</h1>
    <meta itemprop="datePublished" datetime="2024-05-01"><meta itemprop="datePublished" content="2099-01-01">
    <meta name="date" content="2023-01-01"><time datetime="2020-02-02">then</time>
    <link rel="canonical" href="/canonical/path"><link rel="canonical" href="/other">
    <meta property="og:url" content="https://og.example/x"><meta name="application-name" content="App">
    <p>short</p><p>${long('Lead paragraph one')}</p><p>${long('Lead paragraph two')}</p><p>${long('Three')}</p></body></html>`,
  'JSON-LD: graph, arrays, broken blocks, article type preferred': `<html><head><title>Fallback</title>
    <script type="application/ld+json">{ broken</script>
    <script type="application/ld+json">[{"@type":"WebSite","name":"Site"},{"@graph":[{"@type":["Thing","NewsArticle"],"headline":"  LD headline ","datePublished":"2024-01-02","publisher":{"name":"Pub"},"description":"LD description"}]}]</script>
    <meta property="og:type" content="website"></head><body><p>${long('Body')}</p></body></html>`,
  'JSON-LD without an article: the first object names the type': `<html><head>
    <script type="application/ld+json">{"@type":"Product","name":"A thing"}</script></head><body><h1>Shop</h1></body></html>`,
  'no metadata, no h1, no paragraphs': '<html><head></head><body><div>Only a div</div></body></html>',
  'many short paragraphs before the lead (scan limit)': `<html><head><title>Scan</title></head><body>${'<p>tiny</p>'.repeat(45)}<p>${long('Too late')}</p></body></html>`,
  'og:url only, relative canonical absent': `<html><head><meta property="og:url" content="/relative"><meta property="og:site_name" content="OG site">
    <meta name="twitter:description" content="tw"></head><body></body></html>`,
  'metadata attributes on other elements do not count': `<html><head><title>Real</title></head><body>
    <div name="description" content="not meta"></div><span property="og:title" content="not meta"></span>
    <script type="text/plain">{"@type":"NewsArticle","headline":"no"}</script></body></html>`,
};

describe('readMeta: one walk, the same fields as one selector at a time', () => {
  for (const [name, html] of Object.entries(CASES)) {
    it(name, () => {
      expect(readMeta(makeDoc(html))).toEqual(refReadMeta(makeDoc(html)));
      expect(readGateInput(makeDoc(html))).toEqual(refReadGateInput(makeDoc(html)));
    });
  }

  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.html'));
  it(`on every fixture page (${files.length})`, () => {
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const html = readFileSync(join(FIXTURES, f), 'utf8');
      expect(readMeta(makeDoc(html)), f).toEqual(refReadMeta(makeDoc(html)));
      expect(readGateInput(makeDoc(html)), f).toEqual(refReadGateInput(makeDoc(html)));
    }
  });

  it('reads the corner cases as intended (not only as the reference does)', () => {
    const m = readMeta(makeDoc(CASES['empty first match moves to the next selector, not the next element']!));
    expect(m.title).toBe('Twitter title'); // the first og:title is blank; the second og:title is never consulted
    expect(m.description).toBe('OG description');
    const b = readMeta(makeDoc(CASES['metadata in the body, datetime on meta, first of duplicates']!));
    expect(b.publishedAt).toBe('2024-05-01');
    expect(b.url).toBe('https://news.example/canonical/path');
    expect(readGateMeta(makeDoc(CASES['metadata in the body, datetime on meta, first of duplicates']!)).h1).toBe('First heading');
    const ld = readMeta(makeDoc(CASES['JSON-LD: graph, arrays, broken blocks, article type preferred']!));
    expect(ld).toMatchObject({ title: 'LD headline', pageType: 'NewsArticle', siteName: 'Pub', publishedAt: '2024-01-02', description: 'LD description' });
    expect(readGateInput(makeDoc(CASES['many short paragraphs before the lead (scan limit)']!)).lead).toBe('\n');
  });

  it('matches rel and type without regard to case, as selectors do in HTML documents', () => {
    const doc = makeDoc(`<html><head><link rel="Canonical" href="https://news.example/c">
      <script type="Application/LD+JSON">{"@type":"NewsArticle","headline":"Cased"}</script></head><body></body></html>`);
    expect(readMeta(doc)).toMatchObject({ url: 'https://news.example/c', title: 'Cased', pageType: 'NewsArticle' });
  });
});
