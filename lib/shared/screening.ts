/**
 * The words for an address's screening against the bundled OFAC list, the same in the card, the popup
 * and the exports. Not being listed is said plainly for what it is: not a clean bill of health.
 */
import type { AddressScreening } from './contract';

/** The OFAC sanctions search page: a plain link the reader may choose to follow. */
export const OFAC_SEARCH_URL = 'https://sanctionssearch.ofac.treas.gov/';

export function screeningText(s: AddressScreening): string {
  if (!s.listed) return `Not on the lists we ship (as of ${s.asOf ?? 'an unknown date'}) — this does not mean it is safe.`;
  const who = s.designated ? `designated: ${s.designated}` : 'designated';
  const programme = s.programme ? `, programme ${s.programme}` : '';
  const date = s.date ? `, ${s.date}` : '';
  return `On the US Treasury OFAC sanctions list (${who}${programme}${date}; list as of ${s.asOf ?? 'an unknown date'}).`;
}
