/**
 * Fuzzing the page adapter (lib/page/read-page.ts) with tag soup parsed by happy-dom: it never throws,
 * its text map points at exactly the live text it claims, and the engine's mentions on its text keep
 * exact offsets. The gate input reader is fuzzed alongside (it runs on every page).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../lib/engine/analyze';
import { gate } from '../../../lib/gate/gate';
import { loadKb } from '../../../lib/kb';
import { readGateInput } from '../../../lib/gate/read-gate-input';
import { readPage } from '../../../lib/page/read-page';
import { hostileText, tagSoup } from './arbitraries';
import { MAX_DEPTH, readHtml, treeDepth } from '../../../tools/cli/read-html';

let engine: Engine;
beforeAll(() => {
  engine = createEngine(loadKb());
});

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

/** A page around the soup: sometimes a real article shell, sometimes nothing. */
const page = fc
  .tuple(tagSoup, hostileText, fc.boolean(), fc.string({ unit: 'binary', maxLength: 40 }))
  .map(([soup, text, shell, title]) => {
    const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const body = shell ? `<article><h1>${esc(title)}</h1><p>${esc(text)}</p>${soup}<p>${esc(text)}</p></article>` : `${soup}${esc(text)}`;
    return `<!doctype html><html><head><title>${esc(title)}</title></head><body>${body}</body></html>`;
  });

describe('readPage fuzz', () => {
  it('tag soup: no crash; every segment maps article text to the same live text; mentions keep exact offsets', () => {
    fc.assert(
      fc.property(page, (html) => {
        const doc = parse(html);
        const reading = readPage(doc);
        const text = reading.input.text;
        expect(typeof text).toBe('string');
        let lastEnd = 0;
        for (const seg of reading.map?.segments ?? []) {
          expect(seg.start).toBeGreaterThanOrEqual(lastEnd);
          expect(seg.length).toBeGreaterThan(0);
          expect(seg.nodeOffset + seg.length).toBeLessThanOrEqual(seg.node.data.length);
          expect(text.slice(seg.start, seg.start + seg.length)).toBe(seg.node.data.slice(seg.nodeOffset, seg.nodeOffset + seg.length));
          // the map points into the live document, never a clone
          expect(seg.node.ownerDocument).toBe(doc);
          lastEnd = seg.start + seg.length;
        }
        expect(lastEnd).toBeLessThanOrEqual(text.length);
        const a = engine.analyze(reading.input);
        for (const e of a.entities) for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
        // the gate never throws either, and reading twice gives the same text
        expect(typeof gate(readGateInput(doc)).pass).toBe('boolean');
        expect(readPage(doc).input.text).toBe(text);
      }),
      { numRuns: 100 },
    );
  }, 30_000);
});

/**
 * Deep and wide generated trees through the command line's reader (tools/cli/read-html.ts flattens nesting
 * past 512, as Chromium's parser does; every walk in lib/page is iterative): no stack overflow, and every
 * word comes out once, in document order.
 */
describe('readPage on deep and wide trees', () => {
  const tree = fc.record({
    depth: fc.integer({ min: 1, max: 2500 }),
    width: fc.integer({ min: 1, max: 60 }),
    tag: fc.constantFrom('div', 'span', 'section', 'b', 'li'),
    every: fc.integer({ min: 1, max: 400 }),
  });

  it('any depth and width: the words in order, nothing lost or doubled', async () => {
    await fc.assert(
      fc.asyncProperty(tree, async ({ depth, width, tag, every }) => {
        const words: string[] = [];
        let open = '';
        for (let d = 0; d < depth; d++) {
          const w = d % every === 0 ? `w${d}` : '';
          if (w) words.push(w);
          open += `<${tag}>${w} `;
        }
        const leaves = Array.from({ length: width }, (_, i) => `<p>leaf${i}</p>`).join('');
        for (let i = 0; i < width; i++) words.push(`leaf${i}`);
        const html = `<!doctype html><html><body>${open}${leaves}${`</${tag}>`.repeat(depth)}</body></html>`;
        const { document, close } = readHtml(html, null);
        try {
          const text = readPage(document).input.text;
          expect(text.split(/\s+/).filter(Boolean)).toEqual(words);
        } finally {
          await close();
        }
      }),
      { numRuns: 12 },
    );
  }, 120_000);

  it('20,000 levels deep: read, not a stack overflow', async () => {
    const depth = 20_000;
    const html = `<!doctype html><html><body>${'<div>'.repeat(depth)}<p>Hackers stole bitcoin from the exchange.</p>${'</div>'.repeat(depth)}</body></html>`;
    const { document, close } = readHtml(html, null);
    try {
      expect(treeDepth(document.documentElement)).toBeLessThanOrEqual(MAX_DEPTH + 1);
      expect(readPage(document).input.text).toBe('Hackers stole bitcoin from the exchange.');
    } finally {
      await close();
    }
  }, 120_000);
});
