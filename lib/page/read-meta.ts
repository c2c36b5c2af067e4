/**
 * Page metadata without parsing the article: title, canonical URL, publish date, site name, page type,
 * description. Cheap and safe on any Document: ONE walk of the document collects every <meta>, <link rel>,
 * <script type> and the first <h1>; the fields are then looked up in that index. (One querySelector per
 * candidate selector, as before, walked the whole document once for every selector a page lacks: about
 * twenty walks on a large page that is not an article, the main cost of the gate script there.)
 *
 * The lookups keep the selectors' meaning exactly: for each candidate, the FIRST element in document order
 * with that attribute value (as `querySelector('meta[name="…"]')` finds it), its `content` or else its
 * `datetime`; an empty value moves on to the next candidate, not to the next element. `rel` and `type` are
 * compared without regard to case, as HTML selectors do for those attributes.
 */

export interface PageMeta {
  title: string | null;
  url: string | null;
  publishedAt: string | null;
  siteName: string | null;
  pageType: string | null;
  description: string | null;
}

/** What the gate reads (readGateInput): no publish date or site name, so no lookups for them. */
export type GateMeta = Pick<PageMeta, 'title' | 'url' | 'pageType' | 'description'> & {
  /** text of the first <h1>, trimmed; '' when there is none */
  h1: string;
};

/** JSON-LD blocks larger than this are skipped: metadata is small, a huge block is data, not metadata. */
const MAX_JSONLD_CHARS = 200_000;

/** One walk: the elements every lookup below needs, in document order. */
const INDEXED = 'meta,link[rel],script[type],h1';

type Json = Record<string, unknown>;

/** The document's metadata elements, indexed by one walk (see the file comment). */
interface MetaIndex {
  /** first <meta> per `property:<v>`, `name:<v>`, `itemprop:<v>` */
  meta: Map<string, Element>;
  /** href of the first <link rel="canonical"> */
  canonical: string | null;
  ldScripts: Element[];
  h1: Element | null;
}

function indexDocument(doc: Document): MetaIndex {
  const meta = new Map<string, Element>();
  let canonical: string | null | undefined;
  const ldScripts: Element[] = [];
  let h1: Element | null = null;
  const keep = (key: string, el: Element): void => {
    if (!meta.has(key)) meta.set(key, el);
  };
  const els = doc.querySelectorAll(INDEXED);
  for (let i = 0; i < els.length; i++) {
    const el = els[i]!;
    switch (el.localName) {
      case 'meta': {
        const property = el.getAttribute('property');
        const name = el.getAttribute('name');
        const itemprop = el.getAttribute('itemprop');
        if (property !== null) keep(`property:${property}`, el);
        if (name !== null) keep(`name:${name}`, el);
        if (itemprop !== null) keep(`itemprop:${itemprop}`, el);
        break;
      }
      case 'link':
        if (canonical === undefined && el.getAttribute('rel')?.toLowerCase() === 'canonical') canonical = el.getAttribute('href');
        break;
      case 'script':
        if (el.getAttribute('type')?.toLowerCase() === 'application/ld+json') ldScripts.push(el);
        break;
      case 'h1':
        h1 ??= el;
        break;
    }
  }
  return { meta, canonical: canonical ?? null, ldScripts, h1 };
}

/** The first non-empty `content` (or `datetime`) among `keys`, each key's first element only. */
function metaContent(index: MetaIndex, keys: string[]): string | null {
  for (const key of keys) {
    const el = index.meta.get(key);
    const v = el?.getAttribute('content') ?? el?.getAttribute('datetime') ?? null;
    if (v && v.trim()) return v.trim();
  }
  return null;
}

function jsonLdObjects(index: MetaIndex): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      const o = v as Json;
      out.push(o);
      if (Array.isArray(o['@graph'])) visit(o['@graph']);
    }
  };
  for (const s of index.ldScripts) {
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

/** The fields both readers need, from one index. */
function commonMeta(doc: Document, index: MetaIndex, ld: Json[]): { article: Json | null } & Pick<PageMeta, 'title' | 'url' | 'pageType' | 'description'> {
  const article = ld.find((o) => ARTICLE_TYPES_RE.test(typeOf(o) ?? '')) ?? null;
  const docUrl = doc.URL && /^https?:/i.test(doc.URL) ? doc.URL : null;
  const ogUrl = metaContent(index, ['property:og:url']);
  const title = metaContent(index, ['property:og:title', 'name:twitter:title']) ?? str(article?.headline) ?? (doc.title?.trim() || null);
  const pageType = (article ? typeOf(article) : null) ?? metaContent(index, ['property:og:type']) ?? (ld[0] ? typeOf(ld[0]) : null);
  const description =
    metaContent(index, ['name:description', 'property:og:description', 'name:twitter:description']) ?? str(article?.description);
  return {
    article,
    title,
    url: absolute(index.canonical, docUrl) ?? absolute(ogUrl, docUrl) ?? docUrl,
    pageType,
    description,
  };
}

export function readMeta(doc: Document): PageMeta {
  const index = indexDocument(doc);
  const { article, title, url, pageType, description } = commonMeta(doc, index, jsonLdObjects(index));
  const publishedAt =
    metaContent(index, [
      'property:article:published_time',
      'name:article:published_time',
      'itemprop:datePublished',
      'name:pubdate',
      'name:date',
      'name:DC.date.issued',
      'name:dc.date',
      'name:parsely-pub-date',
    ]) ??
    str(article?.datePublished) ??
    doc.querySelector('time[datetime]')?.getAttribute('datetime') ??
    null;
  const siteName = metaContent(index, ['property:og:site_name', 'name:application-name']) ?? str(article?.publisher) ?? null;
  return { title, url, publishedAt, siteName, pageType, description };
}

/** What the gate needs (title, URL, type, description) and the first <h1>, from the same single walk. */
export function readGateMeta(doc: Document): GateMeta {
  const index = indexDocument(doc);
  const { title, url, pageType, description } = commonMeta(doc, index, jsonLdObjects(index));
  return { title, url, pageType, description, h1: index.h1?.textContent?.trim() ?? '' };
}
