/** Words the card shows for entity types and attribution levels (money, dates and links: components/shared/format.ts). */
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


/** Relations the card lists under "Attribution". */
export const ATTRIBUTION_RELATIONS = new Set(['attributed-to', 'part-of', 'operated-by', 'affiliated-with', 'alias-of', 'successor-of']);

