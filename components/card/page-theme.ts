/**
 * The card's theme from the page itself: a dark card on a dark page, a light card on a light one, whatever
 * the system's colour scheme (a reader with a dark system theme on a white news page gets a light card).
 * Read from the computed background of the element behind the mark, walking up to the first (mostly)
 * opaque background.
 */

/**
 * A background darker than this relative luminance (WCAG) is dark: 0.179 is where white text and black
 * text have the same contrast against it.
 */
const DARK_LUMINANCE = 0.179;

type Rgba = [number, number, number, number];

/**
 * A computed background colour as browsers report sRGB colours: "rgb(1, 2, 3)", "rgba(1, 2, 3, 0.5)" (also
 * the space-separated form); null for anything else (a page's oklch() background is skipped, not guessed).
 */
export function parseColor(value: string): Rgba | null {
  const m = /^rgba?\(([^)]*)\)$/.exec(value.trim());
  const n = m ? m[1]!.split(/[\s,/]+/).filter(Boolean).map(Number) : [];
  return n.length >= 3 && n.every(Number.isFinite) ? [n[0]!, n[1]!, n[2]!, n[3] ?? 1] : null;
}

/** WCAG relative luminance of an sRGB colour (0-255 channels). */
export function luminance(c: readonly number[]): number {
  const lin = (v: number): number => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(c[0]!) + 0.7152 * lin(c[1]!) + 0.0722 * lin(c[2]!);
}

/**
 * 'dark' when the page behind `el` is dark, else 'light': the first background up from `el` that is at
 * least half opaque (fainter tints are looked through); with none, the canvas, white unless the page asks
 * for `color-scheme: dark` only.
 */
export function themeBehind(el: Element, style: (el: Element) => CSSStyleDeclaration = (e) => getComputedStyle(e)): 'light' | 'dark' {
  for (let node: Element | null = el; node; node = node.parentElement) {
    const c = parseColor(style(node).backgroundColor);
    if (c && c[3] >= 0.5) return luminance(c) < DARK_LUMINANCE ? 'dark' : 'light';
  }
  return /^\s*dark\s*$/.test(style(el.ownerDocument.documentElement).colorScheme || '') ? 'dark' : 'light';
}
