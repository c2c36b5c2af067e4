import { afterEach, describe, expect, it } from 'vitest';
import { luminance, parseColor, themeBehind } from '../../../components/card/page-theme';

/** Computed styles as a browser reports them (happy-dom does not cascade backgrounds to computed style). */
const styles = (map: Map<Element, Partial<CSSStyleDeclaration>>) => (el: Element) =>
  ({ backgroundColor: 'rgba(0, 0, 0, 0)', colorScheme: 'normal', ...map.get(el) }) as CSSStyleDeclaration;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the card theme from the page behind the mark', () => {
  it('parses the colour forms browsers compute', () => {
    expect(parseColor('rgb(27, 30, 35)')).toEqual([27, 30, 35, 1]);
    expect(parseColor('rgba(0, 0, 0, 0)')).toEqual([0, 0, 0, 0]);
    expect(parseColor('rgb(255 255 255 / 0.5)')).toEqual([255, 255, 255, 0.5]);
    expect(parseColor('oklch(0.5 0.1 200)')).toBeNull();
    expect(luminance([255, 255, 255])).toBeCloseTo(1);
    expect(luminance([0, 0, 0])).toBe(0);
  });

  it('walks up to the first opaque background: dark page -> dark, white page -> light', () => {
    document.body.innerHTML = '<div id="wrap"><p><cncmark id="m">Lazarus</cncmark></p></div>';
    const m = document.getElementById('m')!;
    const wrap = document.getElementById('wrap')!;
    expect(themeBehind(m, styles(new Map([[wrap, { backgroundColor: 'rgb(27, 30, 35)' }]])))).toBe('dark');
    expect(themeBehind(m, styles(new Map([[wrap, { backgroundColor: 'rgb(255, 255, 255)' }], [document.body, { backgroundColor: 'rgb(0, 0, 0)' }]])))).toBe('light');
    // nothing set anywhere: the canvas, white
    expect(themeBehind(m, styles(new Map()))).toBe('light');
    // ...unless the page asks for a dark scheme only
    expect(themeBehind(m, styles(new Map([[document.documentElement, { colorScheme: 'dark' }]])))).toBe('dark');
  });

  it('looks through faint tints to the page below them', () => {
    document.body.innerHTML = '<div id="wrap"><span id="m">x</span></div>';
    const m = document.getElementById('m')!;
    const map = new Map<Element, Partial<CSSStyleDeclaration>>([
      [m, { backgroundColor: 'rgba(250, 190, 20, 0.2)' }], // our own mark's tint
      [document.getElementById('wrap')!, { backgroundColor: 'rgb(10, 10, 10)' }],
    ]);
    expect(themeBehind(m, styles(map))).toBe('dark');
    map.set(m, { backgroundColor: 'rgba(255, 255, 255, 0.9)' });
    expect(themeBehind(m, styles(map))).toBe('light');
  });
});
