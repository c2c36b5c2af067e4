/**
 * Hostnames in the per-site lists: how user input is normalised and how a page's host is matched.
 * Pure functions; no zod so they are cheap wherever they are imported.
 */

/** One DNS label: letters, digits, hyphens inside, 1-63 characters. */
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/**
 * "https://www.Example.com/path" -> "example.com"; "news.example.com." -> "news.example.com".
 * Returns null when the input is not a hostname (spaces, "exa mple", "http://", "-bad-.com", ...).
 * International names come back in their ASCII (punycode) form, as the browser reports them.
 */
export function normalizeHostname(input: string): string | null {
  let s = input.trim().toLowerCase();
  if (!s || s.length > 253 + 8 + 2048) return null;
  if (/\s/.test(s)) return null;
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//.test(s);
  if (!hasScheme) s = `http://${s}`;
  let host: string;
  try {
    const url = new URL(s);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.username || url.password) return null;
    host = url.hostname;
  } catch {
    return null;
  }
  // "www." adds nothing: the entry covers the site and its subdomains anyway
  host = host.replace(/\.$/, '').replace(/^www\./, '');
  if (!host || host.length > 253) return null;
  if (host === 'localhost') return host;
  // the URL parser turns "1.2.3" into "1.2.0.3": accept only addresses written out in full
  if (IPV4.test(host)) return s.includes(host) ? host : null;
  const labels = host.split('.');
  if (labels.length < 2) return null;
  if (!labels.every((l) => LABEL.test(l))) return null;
  // the last label (TLD) is never all digits
  if (/^\d+$/.test(labels[labels.length - 1] ?? '')) return null;
  return host;
}

/** True when `host` is `site` or one of its subdomains ("news.example.com" matches "example.com"). */
export function hostMatches(host: string, site: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === site || h.endsWith(`.${site}`);
}

/** The list entry that covers `host`, if any. */
export function findSiteEntry(sites: readonly string[], host: string): string | undefined {
  return sites.find((site) => hostMatches(host, site));
}
