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
