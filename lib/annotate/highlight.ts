/**
 * The highlighter: wraps mentions of entities in the live page in one project-prefixed element,
 * `<cncmark>`, and can undo every change exactly. Modelled on hypothesis' `highlighter.ts`.
 *
 * - Offsets in the article text are mapped to (text node, from, to) pieces through the page reading's
 *   `TextMap`; a mention that crosses element boundaries (<em>, <a>) becomes several marks that share
 *   one `data-cnc-mention` key.
 * - Only `splitText` and DOM methods: never an HTML sink.
 * - Undo moves the text back out of the mark and merges exactly the text nodes that `splitText`
 *   created back into the node they were split from (a targeted `normalize()`: the page's own adjacent
 *   text nodes are never merged), so the DOM is the same as before, node for node.
 * - `sync()` is incremental: marks that are still right stay, stale ones go, new ones are added.
 * - What a mark stands for (entity id, mention key, the mention as the engine saw it) is kept in a
 *   `WeakMap` when the mark is made. The `data-cnc-*` attributes are for CSS and tests only: the page can
 *   rewrite them, so nothing of ours ever reads them back.
 */
import type { TextMap } from '../page/types';

/**
 * Marks use a tag with no hyphen: a page cannot register it as a custom element (names need a
 * hyphen), so no page code runs in our marks. Unknown elements are inline, like <span>.
 */
export const MARK_TAG = 'cncmark';
/**
 * The UI host is a built-in <div> (which may host a shadow root) carrying this attribute: a page
 * cannot define or upgrade a built-in element, so it cannot take over our host.
 */
export const UI_HOST_ATTR = 'data-cnc-ui';
export const UI_HOST_SELECTOR = `div[${UI_HOST_ATTR}]`;

/** Text inside these is never marked: form fields, code, scripts, graphics and our own UI. */
const EXCLUDED_SELECTOR = [
  'input',
  'textarea',
  'select',
  'option',
  'button',
  'code',
  'pre',
  'kbd',
  'samp',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'head',
  'title',
  '[contenteditable=""]',
  '[contenteditable="true"]',
  '[contenteditable="plaintext-only"]',
  UI_HOST_SELECTOR,
].join(',');
/**
 * Marks inside these are not made focusable: a press on them belongs to the control. Marks inside links
 * are (the link keeps its own Tab stop and Enter; the mark's Enter opens the card): see `describe`.
 */
const INTERACTIVE_ANCESTOR = 'button,label,summary,select,[role="button"],[role="link"]';

export interface MentionToMark {
  entityId: string;
  entityType: string;
  /** accessible name of the mark, e.g. "RGB (Reconnaissance General Bureau, government agency)" */
  label: string;
  /** unique per mention in this plan, shared by the pieces of one mention */
  key: string;
  start: number;
  end: number;
  /** the mention as the engine saw it: the mapped text must equal it, else the map is stale */
  text: string;
}

export interface Piece {
  node: Text;
  /** offsets into node.data */
  from: number;
  to: number;
}

const ws = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Map an offset range of the article text to pieces of live text nodes (pure; skips separator gaps). */
export function piecesFor(map: TextMap, start: number, end: number): Piece[] {
  const segs = map.segments;
  // first segment whose end is after `start`
  let lo = 0;
  let hi = segs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const s = segs[mid]!;
    if (s.start + s.length <= start) lo = mid + 1;
    else hi = mid;
  }
  const out: Piece[] = [];
  for (let i = lo; i < segs.length; i++) {
    const s = segs[i]!;
    if (s.start >= end) break;
    const a = Math.max(start, s.start) - s.start;
    const b = Math.min(end, s.start + s.length) - s.start;
    if (b <= a) continue;
    const from = s.nodeOffset + a;
    const to = s.nodeOffset + b;
    // A piece that is only whitespace (the space between "<em>Lazarus</em> <a>Group</a>") stays unmarked.
    if (!/\S/.test(s.node.data.slice(from, to))) continue;
    out.push({ node: s.node, from, to });
  }
  return out;
}

function excluded({ node }: Piece): boolean {
  const el = node.parentElement;
  return !el || el.closest(EXCLUDED_SELECTOR) !== null;
}

function sameMention(pieces: Piece[], text: string): boolean {
  return ws(pieces.map((p) => p.node.data.slice(p.from, p.to)).join(' ')) === ws(text);
}

interface PlannedPiece extends Piece {
  mention: MentionToMark;
  first: boolean;
}

/**
 * Resolve mentions to pieces: drops stale, excluded and overlapping mentions. `firstOnly`: keep only the
 * first mention of each entity that can be marked.
 */
export function planPieces(map: TextMap, mentions: readonly MentionToMark[], firstOnly = false): PlannedPiece[] {
  const done = new Set<string>();
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PlannedPiece[] = [];
  let lastEnd = -1;
  for (const m of sorted) {
    if (m.start < lastEnd || m.end <= m.start) continue; // overlaps a mention already taken
    if (firstOnly && done.has(m.entityId)) continue;
    const pieces = piecesFor(map, m.start, m.end);
    if (!pieces.length || !pieces.every((p) => p.node.isConnected && p.to <= p.node.length)) continue;
    if (pieces.some(excluded) || !sameMention(pieces, m.text)) continue;
    lastEnd = m.end;
    done.add(m.entityId);
    pieces.forEach((p, i) => out.push({ ...p, mention: m, first: i === 0 }));
  }
  return out;
}

/** What the highlighter recorded about a mark when it made it (never read from the page's DOM). */
export interface MarkRecord {
  entityId: string;
  /** the mention this piece belongs to (pieces of one mention share it) */
  key: string;
  /** the mention's text as the engine saw it (the page may have edited the mark's text since) */
  text: string;
}

export class Highlighter {
  private readonly marks = new Set<HTMLElement>();
  private readonly records = new WeakMap<Element, MarkRecord>();
  /** Text nodes made by splitText: the only nodes undo merges back into their neighbours. */
  private readonly created = new WeakSet<Text>();

  constructor(private readonly doc: Document) {}

  /** True only for marks this highlighter made: a page can build look-alike elements with our attributes. */
  owns(el: Element): boolean {
    return this.marks.has(el as HTMLElement);
  }

  /** What one of our marks stands for; undefined for any element we did not make (or no longer own). */
  recordOf(el: Element): MarkRecord | undefined {
    return this.owns(el) ? this.records.get(el) : undefined;
  }

  /** The live pieces of a mention, in document order (the first one is the one that takes focus). */
  piecesOf(key: string): HTMLElement[] {
    return sortInDocumentOrder(this.all().filter((m) => this.records.get(m)?.key === key));
  }

  /** Live marks, in no particular order. */
  all(): HTMLElement[] {
    return [...this.marks].filter((m) => m.isConnected);
  }

  /** The marks of an entity in document order. */
  marksOf(entityId: string): HTMLElement[] {
    return sortInDocumentOrder(this.all().filter((m) => this.records.get(m)?.entityId === entityId));
  }

  /** Make the page show exactly `mentions` (as far as they can be mapped): keep, add and remove marks. */
  sync(map: TextMap, mentions: readonly MentionToMark[], firstOnly = false): void {
    const planned = planPieces(map, mentions, firstOnly);
    const keep = new Set<HTMLElement>();
    const toWrap: PlannedPiece[] = [];
    for (const p of planned) {
      const parent = p.node.parentElement;
      if (
        parent &&
        this.marks.has(parent) &&
        parent.childNodes.length === 1 &&
        p.from === 0 &&
        p.to === p.node.length &&
        this.records.get(parent)?.entityId === p.mention.entityId
      ) {
        keep.add(parent);
        this.describe(parent, p);
      } else {
        toWrap.push(p);
      }
    }
    const touched = new Set<Node>();
    for (const m of [...this.marks]) {
      if (!keep.has(m)) this.unwrap(m, touched);
    }
    const byNode = new Map<Text, PlannedPiece[]>();
    for (const p of toWrap) {
      const list = byNode.get(p.node) ?? [];
      list.push(p);
      byNode.set(p.node, list);
    }
    for (const [node, list] of byNode) {
      // Split from the end of the node so that the offsets of earlier pieces stay valid.
      list.sort((a, b) => b.from - a.from);
      for (const p of list) this.wrap(node, p);
    }
    this.merge(touched);
  }

  /** Remove every mark and restore the page's text nodes exactly. */
  clear(): void {
    const touched = new Set<Node>();
    for (const m of [...this.marks]) this.unwrap(m, touched);
    this.merge(touched);
  }

  private wrap(node: Text, p: PlannedPiece): void {
    let target = node;
    if (p.to < target.length) this.created.add(target.splitText(p.to));
    if (p.from > 0) {
      target = target.splitText(p.from);
      this.created.add(target);
    }
    const mark = this.doc.createElement(MARK_TAG);
    this.describe(mark, p);
    target.parentNode!.insertBefore(mark, target);
    mark.appendChild(target);
    this.marks.add(mark);
  }

  private describe(mark: HTMLElement, p: PlannedPiece): void {
    const m = p.mention;
    this.records.set(mark, { entityId: m.entityId, key: m.key, text: m.text });
    mark.setAttribute('data-cnc-entity', m.entityId);
    mark.setAttribute('data-cnc-type', m.entityType);
    mark.setAttribute('data-cnc-mention', m.key);
    // The element the text sits in, the mark itself excepted (a kept mark is described again: its text's
    // parent is then the mark, a role=button of ours, which must not count as the page's interactive element).
    const host = p.node.parentElement === mark ? mark.parentElement : p.node.parentElement;
    const focusable = p.first && !mark.parentElement?.closest(INTERACTIVE_ANCESTOR) && !host?.closest(INTERACTIVE_ANCESTOR);
    if (focusable) {
      mark.setAttribute('tabindex', '0');
      mark.setAttribute('role', 'button');
      mark.setAttribute('aria-haspopup', 'dialog');
      mark.setAttribute('aria-expanded', 'false');
      // Inside a link the mark is named by its text: an aria-label would also rename the page's link.
      if (host?.closest('a[href]')) mark.removeAttribute('aria-label');
      else mark.setAttribute('aria-label', m.label);
    } else {
      for (const a of ['tabindex', 'role', 'aria-haspopup', 'aria-expanded', 'aria-label']) mark.removeAttribute(a);
    }
  }

  private unwrap(mark: HTMLElement, touched: Set<Node>): void {
    this.marks.delete(mark);
    const parent = mark.parentNode;
    if (!parent) return;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    touched.add(parent);
  }

  /** Merge text nodes that splitText created back into the text node just before them. */
  private merge(parents: Set<Node>): void {
    for (const parent of parents) {
      let n = parent.firstChild;
      while (n) {
        const next = n.nextSibling;
        const prev = n.previousSibling;
        if (n.nodeType === 3 && this.created.has(n as Text) && prev && prev.nodeType === 3) {
          (prev as Text).appendData((n as Text).data);
          parent.removeChild(n);
          this.created.delete(n as Text);
        }
        n = next;
      }
    }
  }
}

function sortInDocumentOrder<T extends Node>(nodes: T[]): T[] {
  return nodes.sort((a, b) => (a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1));
}
