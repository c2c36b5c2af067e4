/**
 * Display formatting for every UI (popup, options, hover card): money, dates, hosts, safe links and the
 * order of the entity types. Numbers and dates follow the reader's locale (Intl, the browser's language); the
 * `locale` parameters exist for tests. Words come from lib/shared/i18n.
 */
import type { Amount, Analysis, EntityType } from '../../lib/shared/contract';
import { t } from '../../lib/shared/i18n';
import { intlFormatter, type Locale } from '../../lib/shared/intl';
import { formatUsd } from '../../lib/shared/usd';

/** US dollars, short and in the reader's locale: the one formatter in lib/shared/usd.ts. */
export { formatUsd };

/** A plain number in the reader's locale, up to 8 decimals (crypto units): 401347 -> "401,347". */
function formatNumber(n: number, locale?: Locale): string {
  const f = intlFormatter(locale, 'num', (l) => new Intl.NumberFormat(l, { maximumFractionDigits: 8 }));
  return f.format(n);
}

/** "401,347 ETH (about $1.46B)" or "$81M"; the currency code as the article gives it. */
export function formatAmount(a: Amount, locale?: Locale): string {
  if (a.currency === 'USD') return formatUsd(a.value, 3, locale);
  const original = `${formatNumber(a.value, locale)} ${a.currency}`;
  return a.usd !== null && a.usd !== undefined ? `${original} (${t('uiAboutUsd', formatUsd(a.usd, 3, locale))})` : original;
}

const PARTIAL_ISO_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A date for display in the reader's locale. Partial ISO dates keep their precision: "2019" -> "2019",
 * "2019-08" -> "Aug 2019", "2019-08-07" -> "Aug 7, 2019" (en-US) / "7 Aug 2019" (en-GB), read as calendar
 * dates (no time-zone shift). A full timestamp ("2019-11-20T08:00:58Z", "Wed Nov 20 2019 08:00:58 GMT+0000")
 * is shown as the reader's calendar date. Anything that is not a date is shown as it is.
 */
export function formatDate(raw: string, locale?: Locale): string {
  const s = raw.trim();
  const m = PARTIAL_ISO_RE.exec(s);
  if (m && !m[4]) {
    const [, y, mo, d] = m;
    const month = mo ? Number(mo) : 0;
    if (!mo || month < 1 || month > 12) return y!;
    const t = Date.UTC(Number(y), month - 1, d ? Number(d) : 1);
    const parts: Intl.DateTimeFormatOptions = d ? { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' } : { year: 'numeric', month: 'short', timeZone: 'UTC' };
    return intlFormatter(locale, d ? 'dayUtc' : 'monthUtc', (l) => new Intl.DateTimeFormat(l, parts)).format(t);
  }
  // a timestamp with a time of day: the reader's own calendar date (needs a year to be a date at all)
  const t = /\d{4}/.test(s) ? Date.parse(s) : NaN;
  if (!Number.isFinite(t)) return raw;
  return intlFormatter(locale, 'day', (l) => new Intl.DateTimeFormat(l, { year: 'numeric', month: 'short', day: 'numeric' })).format(t);
}

/** Sortable time of a partial ISO date ("2019" -> 1 Jan 2019), or NaN. */
export function dateValue(iso: string): number {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso.trim());
  if (!m) return NaN;
  return Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1);
}

/** Only http(s) links are rendered as links (normalised by URL); anything else is shown as text. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.toString() : null;
  } catch {
    return null;
  }
}

/** The host of a web page's address; null for anything else (browser pages, files, not an address). */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname : null;
  } catch {
    return null;
  }
}

/** The site for display: "Ledger Street", else "ledgerstreet.example". */
export function siteLabel(siteName: string | null | undefined, url: string | null | undefined): string | null {
  if (siteName) return siteName;
  return hostOf(url)?.replace(/^www\./, '') ?? null;
}

/** The line under the results' heading: "Ledger Street · Aug 7, 2019" (site and date, either may be missing). */
export function articleMeta(a: Pick<Analysis, 'siteName' | 'url' | 'publishedAt'>, locale?: Locale): string {
  return [siteLabel(a.siteName, a.url), a.publishedAt ? formatDate(a.publishedAt, locale) : null].filter(Boolean).join(' · ');
}

/** Order of the entity groups: who did it first, then what and where. */
export const TYPE_ORDER: readonly EntityType[] = [
  'threat-actor',
  'incident',
  'malware',
  'agency',
  'sanctioned-jurisdiction',
  'exchange',
  'protocol',
  'mixer',
  'organization',
  'person',
  'cryptocurrency',
  'address',
];
