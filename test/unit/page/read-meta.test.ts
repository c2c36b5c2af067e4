/**
 * The gate's cheap reading of a page (lib/gate/read-gate-input.ts), which every http(s) page pays for: the
 * head's metadata in one pass, the first <h1>, the first substantial paragraphs, no JSON-LD. Run on documents
 * built to hit the corner cases (empty values, duplicates, metadata in the body, JSON-LD, no <h1>, many
 * paragraphs, attribute case), and on every fixture page against the annotator's full metadata reader.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gate } from '../../../lib/gate/gate';
import { gateInputWith, readGateInput } from '../../../lib/gate/read-gate-input';
import { readMeta } from '../../../lib/page/read-meta';

const FIXTURES = join(import.meta.dirname, '../../fixtures/pages');

function makeDoc(html: string, url = 'https://news.example/2024/story?id=1'): Document {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  Object.defineProperty(doc, 'URL', { value: url });
  return doc;
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

describe('readGateInput: the head in one pass, the first heading and paragraphs', () => {
  const read = (name: string) => readGateInput(makeDoc(CASES[name]!));

  it('takes the first non-empty value of the most preferred key', () => {
    const g = read('empty first match moves to the next selector, not the next element');
    expect(g.title).toBe('Second og title'); // a blank og:title is skipped; og:title is preferred to twitter:title
    expect(g.description).toBe('second description');
    expect(g.url).toBe('https://news.example/2024/story?id=1');
  });

  it('reads only the head: metadata in the body does not count; the first <h1> and substantial paragraphs do', () => {
    const g = read('metadata in the body, datetime on meta, first of duplicates');
    expect(g).toMatchObject({ title: 'T', url: 'https://news.example/2024/story?id=1', description: null });
    expect(g.lead).toBe(`First heading\n${long('Lead paragraph one')}\n${long('Lead paragraph two')}`);
    expect(read('metadata attributes on other elements do not count')).toMatchObject({ title: 'Real', description: null });
  });

  it('does not parse JSON-LD (the annotator does): the document title stands', () => {
    expect(read('JSON-LD: graph, arrays, broken blocks, article type preferred').title).toBe('Fallback');
    expect(read('JSON-LD without an article: the first object names the type').title).toBe('Shop'); // no <title>: the <h1>
  });

  it('takes the canonical link (rel in any case), else og:url, if absolute http(s); else the page\'s own address', () => {
    expect(read('rel and type in another case (each engine applies its own selector case rules, as before)').url).toBe('https://news.example/c');
    expect(read('og:url only, relative canonical absent')).toMatchObject({ url: 'https://news.example/2024/story?id=1', description: 'tw' });
    const og = makeDoc('<html><head><meta property="og:url" content="https://news.example/og"></head><body></body></html>');
    expect(readGateInput(og).url).toBe('https://news.example/og');
    const js = makeDoc('<html><head><link rel="canonical" href="javascript:alert(1)"></head><body></body></html>');
    expect(readGateInput(js).url).toBe('https://news.example/2024/story?id=1');
  });

  it('stops at its bounds: no paragraph past the scan limit, at most two', () => {
    expect(read('many short paragraphs before the lead (scan limit)').lead).toBe('\n');
    expect(read('no metadata, no h1, no paragraphs')).toEqual({ title: '', url: 'https://news.example/2024/story?id=1', description: null, lead: '\n' });
  });

  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.html'));
  it(`gives the same verdict as the annotator's full metadata reader on every fixture page (${files.length})`, () => {
    expect(files.length).toBeGreaterThan(5);
    let passes = 0;
    for (const f of files) {
      const doc = makeDoc(readFileSync(join(FIXTURES, f), 'utf8'));
      const verdict = gate(readGateInput(doc)).pass;
      // the annotator's reading: the head's fields from its full metadata reader
      expect(verdict, f).toBe(gate(gateInputWith(doc, readMeta(doc))).pass);
      if (verdict) passes++;
    }
    expect(passes).toBeGreaterThan(0); // the fixtures include articles that pass, so the comparison means something
  });
});
