import type { TextMap, TextSegment } from '../../../lib/page/types';

/** A minimal page reader for tests: every non-empty text node under `root`, concatenated. */
export function mapOf(root: Node): { text: string; map: TextMap } {
  const segments: TextSegment[] = [];
  let text = '';
  const walker = root.ownerDocument!.createTreeWalker(root, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text;
    if (!t.data.length) continue;
    segments.push({ start: text.length, node: t, nodeOffset: 0, length: t.data.length });
    text += t.data;
  }
  return { text, map: { segments } };
}

export function mention(text: string, needle: string, entityId: string, nth = 0, key?: string) {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(needle, start + 1);
  if (start < 0) throw new Error(`"${needle}" not in text`);
  return { entityId, entityType: 'threat-actor', label: `${needle}: test`, key: key ?? `${entityId}~${nth}`, start, end: start + needle.length, text: needle };
}

/** Serialise including text node boundaries, so "restored exactly" means node for node. */
export function structure(node: Node): string {
  if (node.nodeType === 3) return `#text(${JSON.stringify((node as Text).data)})`;
  const el = node as Element;
  const attrs = el.attributes ? Array.from(el.attributes).map((a) => `${a.name}=${a.value}`).join(' ') : '';
  return `<${el.nodeName.toLowerCase()}${attrs ? ' ' + attrs : ''}>[${Array.from(node.childNodes).map(structure).join(',')}]`;
}
