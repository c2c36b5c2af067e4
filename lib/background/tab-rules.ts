/** Small pure rules about a tab's record that the background's parts share. */
import type { Settings } from '../settings/types';
import { isSiteDisabled } from '../settings';
import type { TabRecord } from './tab-store';

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

export const isWebUrl = (url: string): boolean => /^https?:\/\//i.test(url);

/**
 * Mode 'click': may this page be read and analysed? Only when the reader asked for it (`requested`: popup
 * or keyboard command) or when it was already analysed before the reader switched from 'auto' to 'click'
 * (such tabs are left as they are until they load another page; see docs/adr/0005-click-mode.md).
 * `record` must be the tab's record for this very page address (or undefined).
 */
export function clickGranted(record: TabRecord | undefined): boolean {
  return !!record && (record.requested === true || (record.phase !== 'disabled' && record.phase !== 'unavailable'));
}

/** The tab's record if it is about the page at `url` (a record of an earlier page in the tab does not apply). */
export function recordOf(record: TabRecord | undefined, url: string | undefined): TabRecord | undefined {
  return record && url !== undefined && record.url === url ? record : undefined;
}

/**
 * Whether the record's finished results are the popup's answer as they stand (the extension on, the site not
 * turned off, and in mode 'click' the reader asked): the background then answers from the record without
 * asking the page, and marks it so that the popup can read it without the background (tab-store.ts).
 */
export function answersFromRecord(rec: TabRecord, settings: Settings): boolean {
  return rec.phase === 'results' && !!rec.analysis && settings.enabled && !isSiteDisabled(settings, rec.host) && (settings.mode === 'auto' || clickGranted(rec));
}
