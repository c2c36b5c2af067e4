/**
 * Storage keys shared between contexts. The popup's first script (components/popup/first-load.ts) reads
 * some of them directly: this module imports nothing, so that script stays small.
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

/*
 * The settings' own keys in `storage.local` (lib/settings/storage.ts keeps the rest of its keys itself).
 */

/** `settings.backups` → the latest stored settings from before a repair or migration wrote over them (`SettingsBackup[]`). */
export const SETTINGS_BACKUPS_KEY = 'settings.backups';
/** `settings.newerSeen` → the newest settings version from a newer install that the user has been told about. */
export const SETTINGS_NEWER_SEEN_KEY = 'settings.newerSeen';

/**
 * `popup.sections` in `storage.local` → `{ [section]: boolean }`: which of the popup's sections below the
 * summary and key facts (names, disclaimers, related coverage, timeline, what the extension did) the reader
 * left open; absent sections are closed.
 */
export const POPUP_SECTIONS_KEY = 'popup.sections';
