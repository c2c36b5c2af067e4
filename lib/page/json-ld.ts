/**
 * Reading JSON-LD metadata blocks and the values in them: shared by the page adapter's `readMeta`
 * (./read-meta.ts).
 */

export type Json = Record<string, unknown>;

/** JSON-LD blocks larger than this are skipped: metadata is small, a huge block is data, not metadata. */
const MAX_JSONLD_CHARS = 200_000;

export const JSON_LD_SELECTOR = 'script[type="application/ld+json"]';

/** Every object in the given JSON-LD <script> elements, `@graph` members included; broken blocks are skipped. */
export function jsonLdObjects(scripts: Iterable<Element>): Json[] {
  const out: Json[] = [];
  // iterative, in document order: a block can nest arrays thousands deep
  const visit = (v: unknown): void => {
    const todo = [v];
    while (todo.length) {
      const x = todo.pop();
      if (Array.isArray(x)) for (let i = x.length; i--; ) todo.push(x[i]);
      else if (x && typeof x === 'object') {
        const o = x as Json;
        out.push(o);
        if (Array.isArray(o['@graph'])) todo.push(o['@graph']);
      }
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

export const ARTICLE_TYPES_RE = /Article|BlogPosting|Report|NewsArticle|Posting/;

/** An object's `@type`; of a list, the first article-like type, else the first. */
export function typeOf(o: Json): string | null {
  const t = o['@type'];
  if (typeof t === 'string') return t;
  if (Array.isArray(t) && typeof t[0] === 'string') return t.find((x) => typeof x === 'string' && ARTICLE_TYPES_RE.test(x)) ?? t[0];
  return null;
}

/** A text value: a string, an object's `name`, or the first of a list. */
export function str(v: unknown): string | null {
  if (typeof v === 'string' && v.trim()) return v.trim();
  if (v && typeof v === 'object' && !Array.isArray(v) && typeof (v as Json).name === 'string') return ((v as Json).name as string).trim();
  if (Array.isArray(v) && v.length) return str(v[0]);
  return null;
}

/** `href` resolved against `base`; null when it is not a usable address. */
export function absolute(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    return new URL(href, base ?? undefined).href;
  } catch {
    return /^https?:\/\//i.test(href) ? href : null;
  }
}
