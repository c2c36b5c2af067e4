/**
 * The page adapter: reads a Document into the engine's `AnalysisInput` plus a `TextMap` from offsets in
 * the article text back to the page's LIVE text nodes.
 *
 * Readability runs on a clone, never on the live page. Before it runs, the clone's text nodes are paired
 * with the live ones by walking both trees in lockstep (a deep clone has the same shape), so whatever
 * Readability keeps can be traced back to the node the user sees. Only text shown in the live page is
 * kept (./visible.ts): Readability works on a clone that has no styles, so it keeps hidden text too.
 * Works in browsers and under happy-dom.
 */
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import type { PageReading, TextSegment } from './types';
import { readMeta } from './read-meta';
import { seenIn, type Seen } from './visible';

/** Pages with more elements than this are not handed to Readability (its own default guard is similar). */
const MAX_ELEMENTS_FOR_READABILITY = 20_000;
/** A paragraph at least this long counts as a real paragraph in the structure signals. */
const MIN_PARAGRAPH_CHARS = 80;
/** Readability results shorter than this are treated as a failure (a teaser, a cookie notice). */
const MIN_READABLE_CHARS = 250;

const BLOCK_TAGS = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BODY DD DETAILS DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION SUMMARY TABLE TBODY TD TFOOT TH THEAD TR UL CAPTION'.split(' '),
);
const SKIP_TAGS = new Set('SCRIPT STYLE NOSCRIPT TEMPLATE SVG CANVAS IFRAME OBJECT SELECT TEXTAREA BUTTON'.split(' '));

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/**
 * Pair every text node of `clone` with the text node at the same position in `live`. Iterative (an explicit
 * stack), like every walk here: a page can be nested 100,000 deep.
 */
function pairTextNodes(live: Node, clone: Node): Map<Text, Text> {
  const pairs = new Map<Text, Text>();
  const stack: [Node, Node][] = [[live, clone]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const a = top[0].childNodes;
    const b = top[1].childNodes;
    for (let i = 0, n = Math.min(a.length, b.length); i < n; i++) {
      const ca = a[i]!;
      const cb = b[i]!;
      if (ca.nodeType === TEXT_NODE && cb.nodeType === TEXT_NODE) pairs.set(cb as Text, ca as Text);
      else if (ca.firstChild && cb.firstChild) stack.push([ca, cb]);
    }
  }
  return pairs;
}

/** One element being walked in `collectText`: its children, the next one to visit, its nearest block. */
interface Frame {
  kids: NodeListOf<ChildNode>;
  i: number;
  block: Node;
  /** whether leaving it ends a block */
  ends: boolean;
}

/**
 * Collect text under `root` into one string with consistent whitespace: runs of whitespace become one
 * space, block boundaries become "\n\n", <br> becomes "\n". `resolve` maps a node under `root` to the live
 * node whose text is used (identity for the live body; the pairing map for Readability's clone); only text
 * that `seen` says is shown in the live page is kept (./visible.ts). One pass, in document order.
 */
function collectText(root: Node, resolve: (t: Text) => Text | undefined, seen: Seen): { text: string; segments: TextSegment[] } {
  let out = '';
  const segments: TextSegment[] = [];
  let pendingSpace = false;
  let pendingBreak = '';
  let lastBlock: Node | null = null;

  const emit = (node: Text, data: string, from: number, to: number): void => {
    if (out.length) {
      if (pendingBreak) out += pendingBreak;
      else if (pendingSpace) out += ' ';
    }
    pendingBreak = '';
    pendingSpace = false;
    segments.push({ start: out.length, node, nodeOffset: from, length: to - from });
    out += data.slice(from, to);
  };

  const stack: Frame[] = [{ kids: root.childNodes, i: 0, block: root, ends: false }];
  while (stack.length) {
    const f = stack[stack.length - 1]!;
    if (f.i >= f.kids.length) {
      stack.pop();
      if (f.ends) pendingBreak = '\n\n';
      continue;
    }
    const c = f.kids[f.i++]!;
    if (c.nodeType === ELEMENT_NODE) {
      const tag = (c as Element).tagName.toUpperCase();
      if (SKIP_TAGS.has(tag)) continue;
      if (tag === 'BR') {
        if (pendingBreak !== '\n\n') pendingBreak = '\n';
        continue;
      }
      const block = BLOCK_TAGS.has(tag);
      stack.push({ kids: c.childNodes, i: 0, block: block ? c : f.block, ends: block });
    } else if (c.nodeType === TEXT_NODE) {
      const live = resolve(c as Text);
      const holder = live?.parentElement;
      if (!live || (holder && !seen(holder))) continue;
      const data = live.data;
      const block = f.block;
      if (lastBlock && block !== lastBlock && out.length) pendingBreak = '\n\n';
      const runs = /\S+(?: \S+)*/g;
      let m: RegExpExecArray | null;
      let first = true;
      let any = false;
      while ((m = runs.exec(data)) !== null) {
        if (first && m.index > 0) pendingSpace = true;
        if (!first) pendingSpace = true;
        emit(live, data, m.index, m.index + m[0].length);
        first = false;
        any = true;
        if (m.index + m[0].length < data.length) pendingSpace = true;
      }
      if (!any && data.length) pendingSpace = true;
      if (any) lastBlock = block;
    }
  }
  return { text: out, segments };
}

function structureOf(root: Element, textLength: number): { paragraphs: number; linkDensity: number } {
  let paragraphs = 0;
  for (const p of Array.from(root.querySelectorAll('p, li, blockquote'))) {
    if ((p.textContent ?? '').trim().length >= MIN_PARAGRAPH_CHARS) paragraphs++;
  }
  let linkChars = 0;
  for (const a of Array.from(root.querySelectorAll('a'))) linkChars += (a.textContent ?? '').replace(/\s+/g, ' ').trim().length;
  return { paragraphs, linkDensity: textLength ? Math.min(1, linkChars / textLength) : 0 };
}

export function readPage(doc: Document): PageReading {
  const meta = readMeta(doc);
  const base = {
    title: meta.title,
    url: meta.url,
    siteName: meta.siteName,
    publishedAt: meta.publishedAt,
    pageType: meta.pageType,
  };
  let note: string | undefined;
  const seen = seenIn(doc);
  const elementCount = doc.getElementsByTagName('*').length;
  let readerable = false;
  try {
    readerable = elementCount <= MAX_ELEMENTS_FOR_READABILITY && isProbablyReaderable(doc);
  } catch {
    readerable = false;
  }
  if (!readerable) note = elementCount > MAX_ELEMENTS_FOR_READABILITY ? 'page too large for Readability' : 'not readerable';
  if (readerable && doc.documentElement) {
    try {
      const clone = doc.cloneNode(true) as Document;
      const pairs = pairTextNodes(doc.documentElement, clone.documentElement);
      const article = new Readability<Node>(clone, { serializer: (el) => el }).parse();
      const content = article?.content;
      if (content && content.nodeType === ELEMENT_NODE) {
        const { text, segments } = collectText(content, (t) => pairs.get(t), seen);
        if (text.length >= MIN_READABLE_CHARS) {
          const s = structureOf(content as Element, text.length);
          return {
            input: {
              ...base,
              title: article?.title?.trim() || base.title,
              siteName: base.siteName ?? article?.siteName ?? null,
              publishedAt: base.publishedAt ?? article?.publishedTime ?? null,
              text,
              structure: { ...s, readabilityOk: true },
            },
            map: segments.length ? { segments } : null,
          };
        }
        note = 'Readability result too short';
      } else note = 'Readability found no article';
    } catch (e) {
      note = `Readability failed: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
  const body = doc.body ?? doc.documentElement;
  if (!body) return { input: { ...base, text: '', structure: { paragraphs: 0, linkDensity: 0, readabilityOk: false } }, map: null, note };
  const { text, segments } = collectText(body, (t) => t, seen);
  const s = structureOf(body, text.length);
  return {
    input: { ...base, text, structure: { ...s, readabilityOk: false } },
    map: segments.length ? { segments } : null,
    note,
  };
}
