/**
 * Page metadata without parsing the article: title, canonical URL, publish date, site name, page type,
 * description. Cheap (a handful of querySelector calls and the JSON-LD blocks); safe on any Document.
 */

export interface PageMeta {
  title: string | null;
  url: string | null;
  publishedAt: string | null;
  siteName: string | null;
  pageType: string | null;
  description: string | null;
}

/** JSON-LD blocks larger than this are skipped: metadata is small, a huge block is data, not metadata. */
const MAX_JSONLD_CHARS = 200_000;

function metaContent(doc: Document, selectors: string[]): string | null {
  for (const sel of selectors) {
    const el = doc.querySelector(sel);
    const v = el?.getAttribute('content') ?? el?.getAttribute('datetime') ?? null;
    if (v && v.trim()) return v.trim();
  }
  return null;
}

type Json = Record<string, unknown>;

function jsonLdObjects(doc: Document): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      const o = v as Json;
      out.push(o);
      if (Array.isArray(o['@graph'])) visit(o['@graph']);
    }
  };
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
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

export function readMeta(doc: Document): PageMeta {
  const ld = jsonLdObjects(doc);
  const article = ld.find((o) => ARTICLE_TYPES_RE.test(typeOf(o) ?? '')) ?? null;
  const docUrl = doc.URL && /^https?:/i.test(doc.URL) ? doc.URL : null;
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  const ogUrl = metaContent(doc, ['meta[property="og:url"]']);
  const title =
    metaContent(doc, ['meta[property="og:title"]', 'meta[name="twitter:title"]']) ??
    str(article?.headline) ??
    (doc.title?.trim() || null);
  const publishedAt =
    metaContent(doc, [
      'meta[property="article:published_time"]',
      'meta[name="article:published_time"]',
      'meta[itemprop="datePublished"]',
      'meta[name="pubdate"]',
      'meta[name="date"]',
      'meta[name="DC.date.issued"]',
      'meta[name="dc.date"]',
      'meta[name="parsely-pub-date"]',
    ]) ??
    str(article?.datePublished) ??
    doc.querySelector('time[datetime]')?.getAttribute('datetime') ??
    null;
  const siteName =
    metaContent(doc, ['meta[property="og:site_name"]', 'meta[name="application-name"]']) ?? str(article?.publisher) ?? null;
  const pageType = (article ? typeOf(article) : null) ?? metaContent(doc, ['meta[property="og:type"]']) ?? (ld[0] ? typeOf(ld[0]) : null);
  const description =
    metaContent(doc, ['meta[name="description"]', 'meta[property="og:description"]', 'meta[name="twitter:description"]']) ??
    str(article?.description);
  return {
    title,
    url: absolute(canonical, docUrl) ?? absolute(ogUrl, docUrl) ?? docUrl,
    publishedAt,
    siteName,
    pageType,
    description,
  };
}
