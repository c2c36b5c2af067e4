/**
 * Parse an HTML string into a Document with happy-dom, for the CLI and tests (Node only; the extension
 * reads the live page instead). Scripts, styles, images, frames and navigation are all off. Nesting
 * deeper than MAX_DEPTH is flattened, as Chromium's parser does: happy-dom's selectors, cloning and node
 * moves recurse once per level and overflow the stack on a page nested some thousands deep.
 */
import { Window } from 'happy-dom';

/** Chromium's HTML parser puts elements below this depth beside each other, not inside (kMaximumHTMLParserDOMTreeDepth). */
export const MAX_DEPTH = 512;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** The deepest element's depth (the root element is 1); iterative, one pass. */
export function treeDepth(root: Node): number {
  let max = 0;
  const stack: [Node, number][] = [[root, 1]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [n, d] = top;
    if (d > max) max = d;
    const kids = n.childNodes;
    for (let i = 0; i < kids.length; i++) if (kids[i]!.nodeType === ELEMENT_NODE) stack.push([kids[i]!, d + 1]);
  }
  return max;
}

/**
 * A copy of `doc` with nothing deeper than `max`: an element that would be deeper goes beside the others
 * inside the element at depth `max - 1`, keeping its text; order is kept. Built top-down from new, still
 * empty nodes, so no step touches a deep subtree. Elements and text only (comments and templates' contents
 * are not page text).
 */
function flattened(doc: Document, parse: (html: string) => Document, max: number): Document {
  const out = parse('<!doctype html><html></html>');
  const html = out.documentElement;
  const copy = (el: Element): Element => {
    const c = out.createElementNS(el.namespaceURI, el.localName);
    for (const a of Array.from(el.attributes)) {
      try {
        c.setAttributeNS(a.namespaceURI, a.name, a.value);
      } catch {
        // a name the parser accepted but the DOM refuses: not text, drop it
      }
    }
    return c;
  };
  const top = copy(doc.documentElement);
  out.removeChild(html);
  out.appendChild(top);
  // [old node, its copy, the copy's depth, the copy's parent]
  const stack: [Node, Element, number, Element | null][] = [[doc.documentElement, top, 1, null]];
  for (let f = stack.pop(); f; f = stack.pop()) {
    const [old, into, depth, parent] = f;
    const kids = old.childNodes;
    const todo: [Node, Element, number, Element | null][] = [];
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i]!;
      if (k.nodeType === TEXT_NODE) into.appendChild(out.createTextNode((k as Text).data));
      else if (k.nodeType === ELEMENT_NODE) {
        const at = depth < max ? into : parent!; // too deep: beside `into`, inside its parent
        const c = copy(k as Element);
        at.appendChild(c);
        todo.push([k, c, depth < max ? depth + 1 : depth, at]);
      }
    }
    for (let i = todo.length; i--; ) stack.push(todo[i]!);
  }
  return out;
}

/** Call `close()` (and await it) when done: happy-dom keeps the window alive until then. */
export function readHtml(html: string, url?: string | null): { document: Document; close: () => Promise<void> } {
  const window = new Window({
    url: url && /^https?:\/\//i.test(url) ? url : 'https://localhost/',
    settings: {
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableComputedStyleRendering: true,
      handleDisabledFileLoadingAsSuccess: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true, disableFallbackToSetURL: true },
    },
  });
  const parser = new window.DOMParser();
  const parse = (s: string): Document => parser.parseFromString(s, 'text/html') as unknown as Document;
  let document = parse(html);
  if (document.documentElement && treeDepth(document.documentElement) > MAX_DEPTH) document = flattened(document, parse, MAX_DEPTH);
  return { document, close: () => window.happyDOM.close() };
}
