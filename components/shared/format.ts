/** Display formatting for the popup: money, dates, entity-type names. Pure, tested. */
import type { EntityType } from '../../lib/shared/contract';

// What the first screen needs lives in format-first.ts (the page's first script carries only that); the
// components import all of it from here.
export { LEVEL_LABELS, articleMeta, formatAmount, formatDate, formatUsd, hostOf, siteLabel } from './format-first';

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

/** Short form for chart axes: "$1.5B", "$750M", "$0". */
export function formatUsdShort(n: number): string {
  const abs = Math.abs(n);
  const f = (v: number, unit: string) => `$${Number(v.toFixed(v >= 10 ? 0 : 1))}${unit}`;
  if (abs >= 1e9) return f(abs / 1e9, 'B');
  if (abs >= 1e6) return f(abs / 1e6, 'M');
  if (abs >= 1e3) return f(abs / 1e3, 'K');
  return `$${Math.round(abs)}`;
}

/** Sortable time of a partial ISO date ("2019" -> 1 Jan 2019), or NaN. */
export function dateValue(iso: string): number {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso.trim());
  if (!m) return NaN;
  return Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1);
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

