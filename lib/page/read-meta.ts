/**
 * Page metadata without parsing the article: title, canonical URL, publish date, site name, page type,
 * description. Cheap (a handful of querySelector calls and the JSON-LD blocks); safe on any Document.
 */
import { absolute, ARTICLE_TYPES_RE, JSON_LD_SELECTOR, jsonLdObjects, str, typeOf } from './json-ld';

export interface PageMeta {
  title: string | null;
  url: string | null;
  publishedAt: string | null;
  siteName: string | null;
  pageType: string | null;
  description: string | null;
}

function metaContent(doc: Document, selectors: string[]): string | null {
  for (const sel of selectors) {
    const el = doc.querySelector(sel);
    const v = el?.getAttribute('content') ?? el?.getAttribute('datetime') ?? null;
    if (v && v.trim()) return v.trim();
  }
  return null;
}

export function readMeta(doc: Document): PageMeta {
  const ld = jsonLdObjects(doc.querySelectorAll(JSON_LD_SELECTOR));
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
