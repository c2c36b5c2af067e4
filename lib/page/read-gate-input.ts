/**
 * What the content script hands to the cheap gate: title, URL, meta description/type and the first
 * paragraphs. No Readability, no parsing: the page's metadata, the first paragraphs, bounded text.
 *
 * Two readers of the metadata give the same fields: `readMeta` (one selector at a time; the annotator and
 * readPage use it) and the gate script's one-walk `readGateMeta` (lib/gate/read-gate-meta.ts), which every
 * page pays for. test/unit/page/read-meta.test.ts holds them to the same results.
 */
import type { GateInput } from '../engine/gate';
import { readMeta, type PageMeta } from './read-meta';

/** Paragraphs read for the gate's lead text: the first two substantial ones are enough. */
export const LEAD_PARAGRAPHS = 2;
/** A paragraph shorter than this is a caption, byline or button, not the lead. */
const MIN_LEAD_PARAGRAPH_CHARS = 80;
/** Paragraph elements inspected at most, so a page with thousands of <p> stays cheap. */
const MAX_PARAGRAPHS_SCANNED = 40;

/** The metadata the gate reads, and the text of the first <h1> (trimmed; '' when there is none). */
export type GateMeta = Pick<PageMeta, 'title' | 'url' | 'description' | 'pageType'> & { h1: string };

/**
 * The first substantial paragraphs of the page (at most LEAD_PARAGRAPHS), whitespace collapsed. Fewer than
 * that: the page shows no article text (yet); the gate script then watches it for a while (lib/gate).
 */
export function leadParagraphs(doc: Document): string[] {
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
  return parts;
}

/** The gate's input from its metadata and the page's first paragraphs. */
export function gateInputFrom(doc: Document, meta: GateMeta, paragraphs: string[] = leadParagraphs(doc)): GateInput {
  return {
    title: meta.title ?? meta.h1,
    url: meta.url,
    description: meta.description,
    pageType: meta.pageType,
    lead: `${meta.h1}\n${paragraphs.join('\n')}`,
  };
}

export function readGateInput(doc: Document): GateInput {
  return gateInputFrom(doc, { ...readMeta(doc), h1: doc.querySelector('h1')?.textContent?.trim() ?? '' });
}
