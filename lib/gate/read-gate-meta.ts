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
import { absolute, ARTICLE_TYPES_RE, JSON_LD_SELECTOR, jsonLdObjects, str, typeOf } from '../page/json-ld';
import type { GateMeta } from '../page/read-gate-input';

const TITLE = ['meta[property="og:title"]', 'meta[name="twitter:title"]'];
const OG_URL = ['meta[property="og:url"]'];
const OG_TYPE = ['meta[property="og:type"]'];
const DESCRIPTION = ['meta[name="description"]', 'meta[property="og:description"]', 'meta[name="twitter:description"]'];
const CANONICAL = 'link[rel="canonical"]';

/** Everything any lookup here can want, for the one walk. */
const ALL = [...TITLE, ...OG_URL, ...OG_TYPE, ...DESCRIPTION, CANONICAL, JSON_LD_SELECTOR, 'h1'].join();

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

/** Title, URL, description, page type and the first <h1>, exactly as readMeta + querySelector('h1') give them. */
export function readGateMeta(doc: Document): GateMeta {
  const candidates = Array.from(doc.querySelectorAll(ALL));
  const first: First = (sel) => candidates.find((el) => el.matches(sel)) ?? null;
  const ld = jsonLdObjects(candidates.filter((el) => el.matches(JSON_LD_SELECTOR)));
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
