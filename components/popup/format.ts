/** Display formatting for the popup: money, dates, entity-type names. Pure, tested. */
import type { Amount, EntityType } from '../../lib/contract';

export const TYPE_LABELS: Record<EntityType, { one: string; many: string }> = {
  'threat-actor': { one: 'Threat actor', many: 'Threat actors' },
  agency: { one: 'Agency', many: 'Agencies' },
  malware: { one: 'Malware', many: 'Malware' },
  'sanctioned-jurisdiction': { one: 'Sanctioned jurisdiction', many: 'Sanctioned jurisdictions' },
  exchange: { one: 'Exchange', many: 'Exchanges' },
  protocol: { one: 'Protocol', many: 'Protocols' },
  mixer: { one: 'Mixer', many: 'Mixers' },
  incident: { one: 'Incident', many: 'Incidents' },
  person: { one: 'Person', many: 'People' },
  organization: { one: 'Organisation', many: 'Organisations' },
  cryptocurrency: { one: 'Cryptocurrency', many: 'Cryptocurrencies' },
  address: { one: 'Address', many: 'Addresses' },
};

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

/** Short form for chart axes: "$1.5B", "$750M", "$0". */
export function formatUsdShort(n: number): string {
  const abs = Math.abs(n);
  const f = (v: number, unit: string) => `$${Number(v.toFixed(v >= 10 ? 0 : 1))}${unit}`;
  if (abs >= 1e9) return f(abs / 1e9, 'B');
  if (abs >= 1e6) return f(abs / 1e6, 'M');
  if (abs >= 1e3) return f(abs / 1e3, 'K');
  return `$${Math.round(abs)}`;
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

/** Sortable time of a partial ISO date ("2019" -> 1 Jan 2019), or NaN. */
export function dateValue(iso: string): number {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso.trim());
  if (!m) return NaN;
  return Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1);
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

export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname : null;
  } catch {
    return null;
  }
}

/** Only http(s) links are rendered as links; anything else is shown as text. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.toString() : null;
  } catch {
    return null;
  }
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export const LEVEL_LABELS: Record<'official' | 'vendor' | 'press' | 'article', string> = {
  official: 'official attribution',
  vendor: 'security-vendor attribution',
  press: 'press reports',
  article: 'named in the article',
};
