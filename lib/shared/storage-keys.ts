/**
 * The background's keys in `storage.session`, shared with the popup's first script
 * (components/popup/first-paint.ts), which reads them directly: no imports, so that script stays small.
 */

/** `tab:<tabId>` → the tab's record (lib/background/tab-store.ts, `TabRecord`) */
export const TAB_RECORD_PREFIX = 'tab:';
export const tabRecordKey = (tabId: number): string => `${TAB_RECORD_PREFIX}${tabId}`;

/**
 * `popup:<tabId>` → `{ readingId, url }`: the tab's record is the background's answer to the popup as it
 * stands (finished results that apply under the current settings). The popup's first script reads the mark
 * and the record together and uses the record only when both name the same reading of the same address, so
 * a stopped service worker need not start before the results are drawn. The analysis itself is not copied.
 */
export const popupAnswerKey = (tabId: number): string => `popup:${tabId}`;
