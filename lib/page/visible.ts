/**
 * Whether the text an element holds is shown to a reader, for the gate (lib/gate/read-gate-input.ts) and
 * the page reader (./read-page.ts): a page must not get itself marked, or learn that the extension is
 * there, with text nobody sees.
 *
 * Hidden: an element or ancestor that is `display:none`, has the `hidden` attribute or `opacity:0`; a box
 * of at most 1 px across that clips its content (zero-size boxes, `clip: rect(0 0 0 0)` screen-reader
 * text: a sighted reader never sees it, and it is the usual place for "Skip to content" and button
 * labels, not article text); text whose own element is `visibility:hidden`, has font size 0, has no box
 * at all (0×0, a closed <details>), or lies outside the document (left of or above its origin, or more
 * than three screens to the right). `aria-hidden` is not a criterion: the text is visible, and dialog
 * scripts set it on the whole page behind a cookie banner. Without layout (happy-dom, the CLI) only the
 * style attributes are read (and off-screen and zero-size text cannot be told).
 */

/** Elements at most this many pixels across that clip their content hide it. */
const TINY_PX = 1;
/** Text further right than this many viewport widths is off-screen. */
const OFFSCREEN_WIDTHS = 4;

export type Seen = (el: Element) => boolean;

type Style = Partial<Pick<CSSStyleDeclaration, 'display' | 'opacity' | 'visibility' | 'fontSize' | 'overflow' | 'overflowX' | 'overflowY'>>;

/** hidden, clip, scroll, auto, or two values ("visible hidden"); '' (no style engine) is not clipping */
const clips = (v: string | undefined): boolean => !!v && v !== 'visible';
const zero = (v: string | undefined): boolean => parseFloat(v ?? '') === 0;

/**
 * A check for one reading of `doc`, memoised per element (each ancestor is looked at once, so a whole page
 * costs one pass). In a rendered page the computed style and boxes decide; without layout (happy-dom) the
 * `style` attributes do (computed style there costs a walk to the root per element). `gate`: the every-page
 * gate's cheaper check: the browser's `checkVisibility()` for display, visibility and opacity, computed
 * style only for boxes of 1 px, and at most `climb` ancestors looked at.
 */
export function seenIn(doc: Document, gate = false, climb = Infinity): Seen {
  const view = doc.defaultView;
  const root = doc.documentElement;
  const layout = !!view && !!root && root.getBoundingClientRect().width > 0;
  const style = (el: Element): Style => (layout ? view!.getComputedStyle(el) : (el as HTMLElement).style) ?? {};
  const native = gate && layout && typeof root!.checkVisibility === 'function';
  /** whether the element and every ancestor let their content show */
  const open = new Map<Element, boolean>();
  const shown = new Map<Element, boolean>();

  const hidesAll = (el: Element): boolean => {
    if (el.hasAttribute('hidden')) return true;
    let s: Style | undefined;
    if (!native) {
      s = style(el);
      // without layout, `visibility` is read from the attribute, which children do not inherit: treat it as hiding all
      if (s.display === 'none' || zero(s.opacity) || (!layout && (s.visibility === 'hidden' || s.visibility === 'collapse'))) return true;
    }
    if (!layout) return false;
    const r = el.getBoundingClientRect();
    if (r.width > TINY_PX && r.height > TINY_PX) return false;
    s ??= style(el);
    return s.display !== 'contents' && clips(s.overflow || s.overflowX || s.overflowY);
  };

  const ownShown = (el: Element): boolean => {
    if (native && !el.checkVisibility({ opacityProperty: true, visibilityProperty: true, checkOpacity: true, checkVisibilityCSS: true })) return false;
    const chain: Element[] = [];
    let ok = true;
    for (let a: Element | null = el; a && chain.length < climb; a = a.parentElement) {
      const known = open.get(a);
      if (known !== undefined) {
        ok = known;
        break;
      }
      chain.push(a);
    }
    for (let i = chain.length; i--; ) open.set(chain[i]!, (ok &&= !hidesAll(chain[i]!)));
    if (!ok) return false;
    if (!native) {
      const s = style(el);
      if (s.visibility === 'hidden' || s.visibility === 'collapse' || zero(s.fontSize)) return false;
    }
    if (!layout) return true;
    const r = el.getBoundingClientRect();
    const x = view!.scrollX;
    const y = view!.scrollY;
    return (r.width > 0 || r.height > 0) && r.right + x > 0 && r.bottom + y > 0 && r.left + x < OFFSCREEN_WIDTHS * root!.clientWidth;
  };

  return (el) => {
    let v = shown.get(el);
    if (v === undefined) shown.set(el, (v = ownShown(el)));
    return v;
  };
}

/**
 * A cheaper check than `seenIn`, for the gate script's watch window (lib/gate/gate-script.ts): whether the
 * element is rendered at all — not `display:none`, `visibility:hidden`, `opacity:0` or
 * `content-visibility:hidden`, itself or an ancestor — by the browser's `checkVisibility()`, which needs
 * style but no layout. Off-screen, zero-size and clipped text count as rendered here. Without
 * `checkVisibility`: `seenIn`.
 */
export function renderedIn(doc: Document): Seen {
  if (typeof doc.documentElement?.checkVisibility !== 'function') return seenIn(doc);
  return (el) => el.checkVisibility({ opacityProperty: true, visibilityProperty: true, checkOpacity: true, checkVisibilityCSS: true });
}
