/**
 * The formatting the popup's first screen needs (title line, key facts): pure, and without the rest of
 * format.ts, so that the page's first script (components/popup/first-paint.ts) carries only this and its
 * chunk stays apart from the options page's (which imports format.ts for the type names).
 */
import type { Amount, Analysis } from '../../lib/shared/contract';

/** 1_460_000_000 -> "$1.46 billion"; 81_000_000 -> "$81 million"; 950 -> "$950". */
export function formatUsd(n: number): string {
  const abs = Math.abs(n);
  const sign = n < 0 ? '-' : '';
  const scaled = (v: number, word: string): string => {
    const digits = v >= 100 ? 0 : v >= 10 ? 1 : 2;
    return `${sign}$${Number(v.toFixed(digits))} ${word}`;
  };
  if (abs >= 1e12) return scaled(abs / 1e12, 'trillion');
  if (abs >= 1e9) return scaled(abs / 1e9, 'billion');
  if (abs >= 1e6) return scaled(abs / 1e6, 'million');
  return `${sign}$${Math.round(abs).toLocaleString('en-US')}`;
}

/** "401,347 ETH (about $1.46 billion)" or "$81 million"; the article's own text when unsure. */
export function formatAmount(a: Amount): string {
  if (a.currency === 'USD') return formatUsd(a.value);
  const original = `${a.value.toLocaleString('en-US', { maximumFractionDigits: 8 })} ${a.currency}`;
  return a.usd !== null && a.usd !== undefined ? `${original} (about ${formatUsd(a.usd)})` : original;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2019" -> "2019"; "2019-08" -> "Aug 2019"; "2019-08-07..." -> "7 Aug 2019"; anything else as is. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso.trim());
  if (!m) return iso;
  const [, y, mo, d] = m;
  const month = mo ? MONTHS[Number(mo) - 1] : undefined;
  if (!month) return y ?? iso;
  if (!d) return `${month} ${y}`;
  return `${Number(d)} ${month} ${y}`;
}

/** The site for display: "Ledger Street", else "ledgerstreet.example". */
export function siteLabel(siteName: string | null | undefined, url: string | null | undefined): string | null {
  if (siteName) return siteName;
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** The line under the results' heading: "Ledger Street · 7 Aug 2019" (site and date, either may be missing). */
export function articleMeta(a: Pick<Analysis, 'siteName' | 'url' | 'publishedAt'>): string {
  return [siteLabel(a.siteName, a.url), a.publishedAt ? formatDate(a.publishedAt) : null].filter(Boolean).join(' · ');
}

export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname : null;
  } catch {
    return null;
  }
}

export const LEVEL_LABELS: Record<'official' | 'vendor' | 'press' | 'article', string> = {
  official: 'official attribution',
  vendor: 'security-vendor attribution',
  press: 'press reports',
  article: 'named in the article',
};
