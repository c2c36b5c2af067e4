/**
 * The gate script reads the page metadata in ONE walk of the document (lib/gate/read-gate-meta.ts); it must
 * give exactly what readMeta (one querySelector per selector, used by the annotator) and
 * `querySelector('h1')` give, and so the same gate input as readGateInput. Both are run on every fixture
 * page and on documents built to hit the corner cases (an empty first match, duplicates, metadata in the
 * body, broken or nested JSON-LD, no <h1>, many paragraphs, attribute case).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGateMeta } from '../../../lib/gate/read-gate-meta';
import { gateInputFrom, readGateInput, type GateMeta } from '../../../lib/page/read-gate-input';
import { readMeta } from '../../../lib/page/read-meta';

const FIXTURES = join(import.meta.dirname, '../../fixtures/pages');

function makeDoc(html: string, url = 'https://news.example/2024/story?id=1'): Document {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  Object.defineProperty(doc, 'URL', { value: url });
  return doc;
}


/** What the one-walk reader must equal: readMeta's fields and the first <h1>. */
function expected(doc: Document): GateMeta {
  const { title, url, description, pageType } = readMeta(doc);
  return { title, url, description, pageType, h1: doc.querySelector('h1')?.textContent?.trim() ?? '' };
}

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
  'rel and type in another case (each engine applies its own selector case rules, as before)': `<html><head><link rel="Canonical" href="https://news.example/c">
    <script type="Application/LD+JSON">{"@type":"NewsArticle","headline":"Cased"}</script></head><body></body></html>`,
  'no metadata, no h1, no paragraphs': '<html><head></head><body><div>Only a div</div></body></html>',
  'many short paragraphs before the lead (scan limit)': `<html><head><title>Scan</title></head><body>${'<p>tiny</p>'.repeat(45)}<p>${long('Too late')}</p></body></html>`,
  'og:url only, relative canonical absent': `<html><head><meta property="og:url" content="/relative"><meta property="og:site_name" content="OG site">
    <meta name="twitter:description" content="tw"></head><body></body></html>`,
  'metadata attributes on other elements do not count': `<html><head><title>Real</title></head><body>
    <div name="description" content="not meta"></div><span property="og:title" content="not meta"></span>
    <script type="text/plain">{"@type":"NewsArticle","headline":"no"}</script></body></html>`,
};

describe('readGateMeta: one walk, the same fields as one selector at a time', () => {
  for (const [name, html] of Object.entries(CASES)) {
    it(name, () => {
      const doc = makeDoc(html);
      expect(readGateMeta(doc)).toEqual(expected(doc));
      expect(gateInputFrom(doc, readGateMeta(doc))).toEqual(readGateInput(doc));
    });
  }

  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.html'));
  it(`on every fixture page (${files.length})`, () => {
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const html = readFileSync(join(FIXTURES, f), 'utf8');
      const doc = makeDoc(html);
      expect(readGateMeta(doc), f).toEqual(expected(doc));
      expect(gateInputFrom(doc, readGateMeta(doc)), f).toEqual(readGateInput(doc));
    }
  });

  it('reads the corner cases as intended (not only as the reference does)', () => {
    const m = readGateMeta(makeDoc(CASES['empty first match moves to the next selector, not the next element']!));
    expect(m.title).toBe('Twitter title'); // the first og:title is blank; the second og:title is never consulted
    expect(m.description).toBe('OG description');
    expect(readGateMeta(makeDoc(CASES['metadata in the body, datetime on meta, first of duplicates']!)).url).toBe('https://news.example/canonical/path');
    expect(readGateMeta(makeDoc(CASES['metadata in the body, datetime on meta, first of duplicates']!)).h1).toBe('First heading');
    const ld = readGateMeta(makeDoc(CASES['JSON-LD: graph, arrays, broken blocks, article type preferred']!));
    expect(ld).toMatchObject({ title: 'LD headline', pageType: 'NewsArticle', description: 'LD description' });
    expect(readGateInput(makeDoc(CASES['many short paragraphs before the lead (scan limit)']!)).lead).toBe('\n');
  });
});
