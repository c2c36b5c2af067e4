/**
 * The words for an address's screening against the bundled OFAC list, the same in the card and the popup
 * (messages uiScreening*). Not being listed is said plainly for what it is: not a clean bill of health.
 */
import type { AddressScreening } from './contract';
import { t } from './i18n';

/** The OFAC sanctions search page: a plain link the reader may choose to follow. */
export const OFAC_SEARCH_URL = 'https://sanctionssearch.ofac.treas.gov/';

export function screeningText(s: AddressScreening): string {
  const asOf = s.asOf ?? t('uiScreeningUnknownDate');
  if (!s.listed) return t('uiScreeningNotListed', asOf);
  const details = [s.designated ? t('uiScreeningDesignatedAs', s.designated) : t('uiScreeningDesignated')];
  if (s.programme) details.push(t('uiScreeningProgramme', s.programme));
  if (s.date) details.push(s.date);
  return t('uiScreeningListed', [details.join(', '), asOf]);
}
