/**
 * The gate script's reading of the page metadata (title, canonical URL, page type, description) and the
 * first <h1>: the same fields as lib/page/read-meta.ts + `querySelector('h1')` give, in ONE walk of the
 * document. `querySelectorAll` of every selector below at once finds the candidates; each selector's first
 * element is then picked from that short list with `matches`, so the selectors keep their exact meaning
 * (first element in document order, the engine's own case rules). One `querySelector` per selector walks
 * the whole document once for every selector a page lacks: about a dozen walks on a large page that is not
 * an article, the main cost of the gate script there. For each field the first selector whose element has
 * a non-empty `content` (or `datetime`) wins; an empty value moves on to the next selector.
 * Held to readMeta's results by test/unit/page/read-meta.test.ts.
 */
import type { GateMeta } from '../page/read-gate-input';

/** JSON-LD blocks larger than this are skipped: metadata is small, a huge block is data, not metadata. */
const MAX_JSONLD_CHARS = 200_000;

const TITLE = ['meta[property="og:title"]', 'meta[name="twitter:title"]'];
const OG_URL = ['meta[property="og:url"]'];
const OG_TYPE = ['meta[property="og:type"]'];
const DESCRIPTION = ['meta[name="description"]', 'meta[property="og:description"]', 'meta[name="twitter:description"]'];
const CANONICAL = 'link[rel="canonical"]';
const JSON_LD = 'script[type="application/ld+json"]';
/** Everything any lookup here can want, for the one walk. */
const ALL = [...TITLE, ...OG_URL, ...OG_TYPE, ...DESCRIPTION, CANONICAL, JSON_LD, 'h1'].join();

type Json = Record<string, unknown>;
/** the first candidate matching a selector, as `doc.querySelector(selector)` would find it */
type First = (selector: string) => Element | null;

function metaContent(first: First, selectors: string[]): string | null {
  for (const sel of selectors) {
    const el = first(sel);
    const v = el?.getAttribute('content') ?? el?.getAttribute('datetime') ?? null;
    if (v && v.trim()) return v.trim();
  }
  return null;
}

function jsonLdObjects(scripts: Element[]): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      const o = v as Json;
      out.push(o);
      if (Array.isArray(o['@graph'])) visit(o['@graph']);
    }
  };
  for (const s of scripts) {
    const raw = s.textContent ?? '';
    if (!raw.trim() || raw.length > MAX_JSONLD_CHARS) continue;
    try {
      visit(JSON.parse(raw));
    } catch {
      // broken JSON-LD is common; ignore
    }
  }
  return out;
}

const ARTICLE_TYPES_RE = /Article|BlogPosting|Report|NewsArticle|Posting/;

function typeOf(o: Json): string | null {
  const t = o['@type'];
  if (typeof t === 'string') return t;
  if (Array.isArray(t) && typeof t[0] === 'string') return t.find((x) => typeof x === 'string' && ARTICLE_TYPES_RE.test(x)) ?? t[0];
  return null;
}

function str(v: unknown): string | null {
  if (typeof v === 'string' && v.trim()) return v.trim();
  if (v && typeof v === 'object' && !Array.isArray(v) && typeof (v as Json).name === 'string') return ((v as Json).name as string).trim();
  if (Array.isArray(v) && v.length) return str(v[0]);
  return null;
}

function absolute(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    return new URL(href, base ?? undefined).href;
  } catch {
    return /^https?:\/\//i.test(href) ? href : null;
  }
}

/** Title, URL, description, page type and the first <h1>, exactly as readMeta + querySelector('h1') give them. */
export function readGateMeta(doc: Document): GateMeta {
  const candidates = Array.from(doc.querySelectorAll(ALL));
  const first: First = (sel) => candidates.find((el) => el.matches(sel)) ?? null;
  const ld = jsonLdObjects(candidates.filter((el) => el.matches(JSON_LD)));
  const article = ld.find((o) => ARTICLE_TYPES_RE.test(typeOf(o) ?? '')) ?? null;
  const docUrl = doc.URL && /^https?:/i.test(doc.URL) ? doc.URL : null;
  return {
    title: metaContent(first, TITLE) ?? str(article?.headline) ?? (doc.title?.trim() || null),
    url: absolute(first(CANONICAL)?.getAttribute('href') ?? null, docUrl) ?? absolute(metaContent(first, OG_URL), docUrl) ?? docUrl,
    pageType: (article ? typeOf(article) : null) ?? metaContent(first, OG_TYPE) ?? (ld[0] ? typeOf(ld[0]) : null),
    description: metaContent(first, DESCRIPTION) ?? str(article?.description),
    h1: first('h1')?.textContent?.trim() ?? '',
  };
}
