/**
 * Hidden text is not read (issue 16.6): the gate's lead paragraphs and the page reader keep only text a
 * reader can see (lib/page/visible.ts). happy-dom has no layout: the style-attribute rules are tested as
 * they run there, and the layout rules (off-screen, zero-size, clipped) with boxes given by the test.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { gate } from '../../../lib/gate/gate';
import { leadParagraphs, readGateInput } from '../../../lib/gate/read-gate-input';
import { readPage } from '../../../lib/page/read-page';
import { seenIn } from '../../../lib/page/visible';

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

const HACK = 'Hackers linked to North Korea drained a crypto bridge of $100 million in stolen bitcoin, the FBI said on Friday.';
const GARDEN = 'Tomatoes want full sun, deep watering once a week and a stake to climb; pinch the side shoots as they grow.';
const garden = (n: number): string => Array.from({ length: n }, (_, i) => `<p>${GARDEN} Tip ${i + 1}.</p>`).join('');
/** An unrelated page with one crypto-hack paragraph hidden by `hide` (on the paragraph or its wrapper). */
const page = (hidden: string): string =>
  `<!doctype html><html><head><title>Summer gardening</title></head><body><h1>Summer gardening</h1>${hidden}${garden(6)}</body></html>`;

const HIDERS: [string, string][] = [
  ['display:none', `<p style="display:none">${HACK}</p>`],
  ['display:none on a wrapper', `<div style="display: none"><section><p>${HACK}</p></section></div>`],
  ['visibility:hidden', `<p style="visibility:hidden">${HACK}</p>`],
  ['opacity:0 on a wrapper', `<div style="opacity:0"><p>${HACK}</p></div>`],
  ['the hidden attribute', `<div hidden><p>${HACK}</p></div>`],
  ['font-size:0', `<p style="font-size:0">${HACK}</p>`],
];

describe('hidden text, by style attributes (no layout)', () => {
  it.each(HIDERS)('%s: not in the gate lead, not in the reading, the gate fails', (_name, hidden) => {
    const doc = parse(page(hidden));
    expect(leadParagraphs(doc).join(' ')).not.toContain('North Korea');
    expect(gate(readGateInput(doc)).pass).toBe(false);
    const r = readPage(doc);
    expect(r.input.text).toContain('Tomatoes want full sun');
    expect(r.input.text).not.toContain('North Korea');
    for (const s of r.map?.segments ?? []) expect(s.node.data).not.toContain('North Korea');
  });

  it('the same paragraph shown: read by both, and the gate passes (the test can fail)', () => {
    const doc = parse(page(`<p>${HACK}</p>`));
    expect(leadParagraphs(doc)[0]).toBe(HACK);
    expect(gate(readGateInput(doc)).pass).toBe(true);
    expect(readPage(doc).input.text).toContain('North Korea');
  });

  it('a hidden <h1> is not the gate title or lead', () => {
    const doc = parse(`<!doctype html><html><body><h1 style="display:none">Lazarus crypto hack</h1>${garden(3)}</body></html>`);
    const input = readGateInput(doc);
    expect(input.lead).not.toContain('Lazarus');
    expect(gate(input).pass).toBe(false);
  });

  it('aria-hidden is not hiding: the text is visible (dialog scripts set it on the whole page)', () => {
    const doc = parse(`<!doctype html><html><body><div aria-hidden="true"><h1>Bridge hacked</h1><p>${HACK}</p>${garden(3)}</div></body></html>`);
    expect(leadParagraphs(doc)[0]).toBe(HACK);
    expect(readPage(doc).input.text).toContain('North Korea');
  });

  it('visible text inside a hidden Readability pick is dropped from the text map too', () => {
    const article = `<article><h1>Bridge hacked</h1>${Array.from({ length: 5 }, () => `<p>${HACK} ${GARDEN}</p>`).join('')}<p style="display:none">Secret Lazarus Group note.</p></article>`;
    const doc = parse(`<!doctype html><html><head><title>Bridge hacked</title></head><body>${article}</body></html>`);
    const r = readPage(doc);
    expect(r.input.structure?.readabilityOk).toBe(true);
    expect(r.input.text).toContain('North Korea');
    expect(r.input.text).not.toContain('Secret Lazarus');
  });
});

describe('hidden text, by layout (boxes given by the test)', () => {
  afterEach(() => vi.restoreAllMocks());

  /** Boxes from `data-box="left top width height"`; the root element is 1000 wide (so there is layout). */
  function withBoxes(doc: Document): void {
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
      const [left, top, width, height] = (this === doc.documentElement ? '0 0 1000 5000' : (this.closest('[data-box]')?.getAttribute('data-box') ?? '0 0 800 20')).split(' ').map(Number) as [number, number, number, number];
      return { left, top, width, height, right: left + width, bottom: top + height, x: left, y: top, toJSON: () => ({}) } as DOMRect;
    });
    vi.spyOn(doc.documentElement, 'clientWidth', 'get').mockReturnValue(1000);
  }

  it.each([
    ['off-screen to the left', `<p data-box="-10000 100 800 20">${HACK}</p>`],
    ['above the page', `<p data-box="0 -5000 800 20">${HACK}</p>`],
    ['far to the right', `<p data-box="40000 100 800 20">${HACK}</p>`],
    ['zero-size', `<p data-box="0 100 0 0" style="overflow:hidden">${HACK}</p>`],
    ['a clipped 1 px screen-reader box', `<span data-box="0 100 1 1" style="position:absolute;overflow:hidden;clip:rect(0 0 0 0)"><p data-box="0 100 800 20">${HACK}</p></span>`],
    ['a 0-high clipping wrapper', `<div data-box="0 100 800 0" style="overflow:hidden"><p data-box="0 100 800 20">${HACK}</p></div>`],
  ])('%s: hidden from the gate and the reader', (_name, hidden) => {
    const doc = parse(page(hidden));
    withBoxes(doc);
    expect(leadParagraphs(doc).join(' ')).not.toContain('North Korea');
    expect(readPage(doc).input.text).not.toContain('North Korea');
  });

  it('a 0-high wrapper that does not clip shows its content; a normal box is shown', () => {
    const doc = parse(page(`<div data-box="0 100 800 0"><p data-box="0 100 800 20">${HACK}</p></div>`));
    withBoxes(doc);
    expect(leadParagraphs(doc)[0]).toBe(HACK);
    expect(readPage(doc).input.text).toContain('North Korea');
    const seen = seenIn(doc);
    expect(seen(doc.querySelector('p')!)).toBe(true);
  });
});
