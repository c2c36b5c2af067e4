/**
 * What the content script hands to the cheap gate: title, URL, meta description/type and the first
 * paragraphs. No Readability, no parsing: one walk for the metadata, the first paragraphs, bounded text.
 */
import type { GateInput } from '../engine/gate';
import { readGateMeta } from './read-meta';

/** Paragraphs read for the gate's lead text: the first two substantial ones are enough. */
const LEAD_PARAGRAPHS = 2;
/** A paragraph shorter than this is a caption, byline or button, not the lead. */
const MIN_LEAD_PARAGRAPH_CHARS = 80;
/** Paragraph elements inspected at most, so a page with thousands of <p> stays cheap. */
const MAX_PARAGRAPHS_SCANNED = 40;

export function readGateInput(doc: Document): GateInput {
  // one walk for the metadata and the first <h1> (see read-meta.ts)
  const meta = readGateMeta(doc);
  const parts: string[] = [];
  // A live collection is walked lazily: only the first paragraphs are visited, where querySelectorAll would
  // match the whole document first (`article p, main p, p` selected the same elements, in the same order).
  // Indexed access only: asking for `ps.length` would count every <p> of the page, one whole walk.
  const ps = doc.getElementsByTagName('p');
  for (let i = 0; i < MAX_PARAGRAPHS_SCANNED && parts.length < LEAD_PARAGRAPHS; i++) {
    const p = ps[i];
    if (!p) break;
    const t = (p.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (t.length >= MIN_LEAD_PARAGRAPH_CHARS) parts.push(t);
  }
  const h1 = meta.h1;
  return {
    title: meta.title ?? h1,
    url: meta.url,
    description: meta.description,
    pageType: meta.pageType,
    lead: `${h1}\n${parts.join('\n')}`,
  };
}
