/** Words the card shows for entity types and attribution levels. */
import type { EntityType } from './contract';

export const TYPE_LABELS: Record<EntityType, string> = {
  'threat-actor': 'Threat actor',
  agency: 'Government agency',
  malware: 'Malware',
  'sanctioned-jurisdiction': 'Sanctioned country',
  exchange: 'Exchange',
  protocol: 'Protocol',
  mixer: 'Mixer',
  incident: 'Incident',
  person: 'Person',
  organization: 'Organisation',
  cryptocurrency: 'Cryptocurrency',
  address: 'Address',
};

export const LEVEL_LABELS: Record<'official' | 'vendor' | 'press', string> = {
  official: 'official',
  vendor: 'security vendor',
  press: 'press report',
};

/** Relations the card lists under "Attribution". */
export const ATTRIBUTION_RELATIONS = new Set(['attributed-to', 'part-of', 'operated-by', 'affiliated-with', 'alias-of', 'successor-of']);

export const RELATION_LABELS: Record<string, string> = {
  'attributed-to': 'Attributed to',
  'part-of': 'Part of',
  'operated-by': 'Operated by',
  'affiliated-with': 'Affiliated with',
  'alias-of': 'Same as',
  'successor-of': 'Successor of',
  uses: 'Uses',
  'victim-of': 'Victim of',
};

/** Only web links become anchors: anything else in data is shown as text. */
export function safeHref(url: string): string | null {
  return /^https?:\/\/[^\s]+$/i.test(url) ? url : null;
}

/** Built on first use: constructing an Intl.NumberFormat costs milliseconds (locale data), too much for module load. */
let usd: Intl.NumberFormat | undefined;
export function formatUsd(n: number | null | undefined): string | null {
  if (typeof n !== 'number' || !Number.isFinite(n)) return null;
  usd ??= new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1 });
  return usd.format(n);
}
