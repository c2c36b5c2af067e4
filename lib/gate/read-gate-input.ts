/**
 * What the content scripts hand to the cheap gate: the title, the address, the description and the first
 * paragraphs. No Readability and no JSON-LD parsing: the <head>'s own metadata, the first <h1>, and the
 * first substantial paragraphs, a few kilobytes at most. Every http(s) page pays for this reading (the
 * gate script runs it on each), so it visits the head's elements once and stops at the first paragraphs;
 * the page is read in full only by the annotator, with lib/page/read-meta.ts and ./read-page.ts.
 */
import { endsWithPhraseStart, gate, GATE_MAX_LEAD_CHARS, isSpace, type GateInput, type GateResult } from './gate';
import { renderedIn, seenIn, type Seen } from '../page/visible';

/** Paragraphs read for the gate's lead text: the first two substantial ones are enough. */
export const LEAD_PARAGRAPHS = 2;
/** A paragraph shorter than this is a caption, byline or button, not the lead. */
const MIN_LEAD_PARAGRAPH_CHARS = 80;
/** Paragraph elements inspected at most, so a page with thousands of <p> stays cheap. */
const MAX_PARAGRAPHS_SCANNED = 40;
/** Ancestors of a paragraph looked at for a clipping box (lib/page/visible.ts): a page is rarely deeper. */
const MAX_ANCESTORS_CHECKED = 64;

/**
 * The first substantial paragraphs the page shows (at most LEAD_PARAGRAPHS), whitespace collapsed. Fewer
 * than that: the page shows no article text (yet); the gate script then watches it for a while (lib/gate).
 * Hidden paragraphs (display:none, off-screen, zero-size...: lib/page/visible.ts) do not count, or a page
 * could get itself read, or learn the extension is there, with text nobody sees; only the substantial
 * candidates are checked, so a page costs at most a few dozen visibility checks.
 */
export function leadParagraphs(doc: Document): string[] {
  return substantialParagraphs(doc, true).texts;
}

/**
 * The substantial paragraphs among the first MAX_PARAGRAPHS_SCANNED: the first LEAD_PARAGRAPHS shown
 * (`shownOnly`), or all of them, shown or not, with their elements.
 */
function substantialParagraphs(doc: Document, shownOnly: boolean): { texts: string[]; elements: Element[] } {
  const texts: string[] = [];
  const elements: Element[] = [];
  // A live collection is walked lazily: only the first paragraphs are visited, where querySelectorAll would
  // match the whole document first. Indexed access only: asking for `ps.length` would count every <p> of
  // the page, one whole walk.
  const ps = doc.getElementsByTagName('p');
  let seen: Seen | undefined;
  for (let i = 0; i < MAX_PARAGRAPHS_SCANNED && !(shownOnly && texts.length >= LEAD_PARAGRAPHS); i++) {
    const p = ps[i];
    if (!p) break;
    const raw = p.textContent ?? '';
    if (raw.length < MIN_LEAD_PARAGRAPH_CHARS) continue; // collapsing whitespace only shortens it
    const t = squash(raw);
    if (t.length < MIN_LEAD_PARAGRAPH_CHARS || (shownOnly && !(seen ??= seenIn(doc, true, MAX_ANCESTORS_CHECKED))(p))) continue;
    texts.push(t);
    elements.push(p);
  }
  return { texts, elements };
}

/** Whitespace runs collapsed to one space, ends trimmed. */
function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Leads longer than this (all substantial paragraphs together) are left to the exact reading. */
const MAX_UNSEEN_LEAD_CHARS = 4 * GATE_MAX_LEAD_CHARS;

/** A page's parts as `gateWithoutLayout` read them (it fails): enough to finish the exact reading later (`unseenGate`). */
export interface UnseenRead {
  /** the substantial paragraphs the lead could hold, and their text */
  elements: Element[];
  texts: string[];
  h1: Element | undefined;
  h1Text: string;
  head: Pick<GateInput, 'title' | 'url' | 'description'>;
}

/** The gate's input with every substantial paragraph and the <h1> read as if shown: the most the lead can hold. */
function mostInput(read: Omit<UnseenRead, 'elements'>): GateInput {
  const { head, h1Text } = read;
  return { title: head.title ?? h1Text, url: head.url, description: head.description, lead: `${h1Text}\n${read.texts.join('\n')}` };
}

/**
 * A fail verdict without asking the browser what is shown, when that cannot change it; else null.
 *
 * What the page shows is a part of what it holds, and the gate only adds up words, so: with every
 * substantial paragraph and the first <h1> read as if shown (the most the lead can hold) the page fails,
 * then the exact reading (`gate(readGateInput(doc))`, only what is shown) fails too. Only the verdict is
 * searched for here; the groups of words are found when asked (`unseenGate`). Two cases are left to the
 * exact reading, where parts put side by side could say more than each: a paragraph or heading that ends
 * with the first word of a two-word term ("... in North" + "Korea ..."), and a lead long enough for the
 * gate's GATE_MAX_LEAD_CHARS cut to fall inside it. The computed style and layout the exact reading needs
 * (a forced layout of the whole page when it runs before the browser's first one) are not asked for.
 */
export function gateWithoutLayout(doc: Document): UnseenRead | null {
  const { texts, elements } = substantialParagraphs(doc, false);
  const h1 = doc.getElementsByTagName('h1')[0];
  const h1Text = squash(h1?.textContent ?? '');
  let first = 0;
  let second = 0;
  let total = h1Text.length;
  for (const t of texts) {
    if (endsWithPhraseStart(t)) return null;
    total += t.length + 1;
    if (t.length > first) {
      second = first;
      first = t.length;
    } else if (t.length > second) second = t.length;
  }
  if (endsWithPhraseStart(h1Text) || h1Text.length + 2 + first + second > GATE_MAX_LEAD_CHARS || total > MAX_UNSEEN_LEAD_CHARS) return null;
  const read = { elements, texts, h1, h1Text, head: readHead(doc) };
  return gate(mostInput(read), MAX_UNSEEN_LEAD_CHARS, true).pass ? null : read;
}

/**
 * The exact reading's result for a page `gateWithoutLayout` judged (a fail), groups of words included:
 * when the head alone (title, address, description: the least the page can say) has as many groups as
 * all it holds, exactly those, with no style or layout read; else those of what it shows now (`gateShown`).
 */
export function unseenGate(doc: Document, read: UnseenRead): GateResult {
  const most = gate(mostInput(read), MAX_UNSEEN_LEAD_CHARS);
  return gate({ ...read.head, lead: '' }).hits.length === most.hits.length ? most : gateShown(doc, read).result;
}

/** The first LEAD_PARAGRAPHS of the paragraphs `gateWithoutLayout` read that the page shows now, as `readGateInput` takes them. */
function shownParts(seen: Seen, read: UnseenRead): string[] {
  const parts: string[] = [];
  for (let i = 0; i < read.elements.length && parts.length < LEAD_PARAGRAPHS; i++) if (seen(read.elements[i]!)) parts.push(read.texts[i]!);
  return parts;
}

/**
 * The exact reading of the parts `gateWithoutLayout` read, with what the page shows now (as
 * `readGateInput` reads it: the first LEAD_PARAGRAPHS shown paragraphs, the <h1> if shown), and how many
 * paragraphs it shows (up to LEAD_PARAGRAPHS).
 */
export function gateShown(doc: Document, read: UnseenRead): { result: GateResult; shown: number } {
  const seen = seenIn(doc, true, MAX_ANCESTORS_CHECKED);
  const parts = shownParts(seen, read);
  const h1 = read.h1 && seen(read.h1) ? read.h1Text : '';
  const { title, url, description } = read.head;
  return { result: gate({ title: title ?? h1, url, description, lead: `${h1}\n${parts.join('\n')}` }), shown: parts.length };
}

/**
 * How many of the paragraphs `gateWithoutLayout` read the page renders now (up to LEAD_PARAGRAPHS), for the
 * gate script's watch window: by the browser's cheaper `checkVisibility()` (lib/page/visible.ts `renderedIn`:
 * no layout read), so paragraphs off-screen or in a clipped box count here though the gate would not read them.
 */
export function countShown(doc: Document, read: UnseenRead): number {
  return shownParts(renderedIn(doc), read).length;
}

/**
 * Whether a space-separated attribute value (such as `rel`) holds `token`, ignoring case. By hand: in a
 * content script, a regular expression costs 50–250 µs to compile on its first use in each page, and
 * `relList` is one more DOM interface to set up (docs/performance.md, section 3).
 */
export function hasToken(list: string, token: string): boolean {
  const l = list.toLowerCase();
  for (let at = l.indexOf(token); at >= 0; at = l.indexOf(token, at + 1)) {
    const end = at + token.length;
    if ((at === 0 || isSpace(l.charCodeAt(at - 1))) && (end === l.length || isSpace(l.charCodeAt(end)))) return true;
  }
  return false;
}

/** `<meta>` names and properties the gate reads, in order of preference per field. */
const TITLE_KEYS = ['og:title', 'twitter:title'];
const DESCRIPTION_KEYS = ['description', 'og:description', 'twitter:description'];

/**
 * The head's title, description and canonical address: the first non-empty value of the most preferred key
 * wins, then the document's <title>; the canonical link, then og:url, then the document's own address (each
 * only if it is an absolute http(s) address). One query inside <head> finds the candidates: walking the
 * head's children instead would touch every kind of element there (scripts, styles), and in a content
 * script's world each kind of element costs something on its first use (docs/performance.md).
 */
function readHead(doc: Document): Pick<GateInput, 'title' | 'url' | 'description'> {
  const found = new Map<string, string>();
  let canonical: string | null = null;
  for (const el of doc.head?.querySelectorAll('meta[content], link[rel][href]') ?? []) {
    if (el.localName === 'meta') {
      const key = (el.getAttribute('property') ?? el.getAttribute('name'))?.toLowerCase();
      const value = el.getAttribute('content')?.trim();
      if (key && value && !found.has(key)) found.set(key, value);
    } else if (canonical === null && hasToken(el.getAttribute('rel') ?? '', 'canonical')) {
      canonical = (el as HTMLLinkElement).href; // resolved against the page by the browser
    }
  }
  const first = (keys: string[]): string | null => {
    for (const k of keys) {
      const v = found.get(k);
      if (v) return v;
    }
    return null;
  };
  // by hand, not /^https?:\/\//i: no regular expression to compile in every page
  const web = (url: string | null | undefined): string | null => {
    const scheme = url?.slice(0, 8).toLowerCase();
    return scheme?.startsWith('http://') || scheme?.startsWith('https://') ? url! : null;
  };
  return {
    title: first(TITLE_KEYS) ?? (doc.title.trim() || null),
    url: web(canonical) ?? web(first(['og:url'])) ?? web(doc.URL),
    description: first(DESCRIPTION_KEYS),
  };
}

/** The gate's input; `paragraphs`: the first paragraphs if already read (the gate script also counts them). */
export function readGateInput(doc: Document, paragraphs: string[] = leadParagraphs(doc)): GateInput {
  return gateInputWith(doc, readHead(doc), paragraphs);
}

/**
 * The gate's input with the head's fields read elsewhere: the annotator takes them from its full metadata
 * reader (lib/page/read-meta.ts), which it bundles anyway, rather than carry this file's head reader too
 * (its size budget is tight). A test checks that both readings give the same verdict on every fixture page.
 */
export function gateInputWith(doc: Document, head: Pick<GateInput, 'title' | 'url' | 'description'>, paragraphs: string[] = leadParagraphs(doc)): GateInput {
  const h = doc.getElementsByTagName('h1')[0];
  const h1 = h && seenIn(doc, true, MAX_ANCESTORS_CHECKED)(h) ? squash(h.textContent ?? '') : '';
  return { title: head.title ?? h1, url: head.url, description: head.description, lead: `${h1}\n${paragraphs.join('\n')}` };
}
