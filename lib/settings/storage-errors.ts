/**
 * Why a save failed, in words a reader can act on: the one place for the messages shown when the
 * browser's storage refuses a write (popup, options, hover card). Pure; no browser APIs.
 *
 *   try { await setSiteDisabled(host, true); } catch (err) { show(storageErrorMessage(err)); }
 */
import { SETTING_LABELS } from './labels';
import { SettingsValidationError } from './storage';

type StorageErrorKind =
  /** the area's total quota (storage.local: 10 MB in Chromium; storage.sync: 100 KB) */
  | 'full'
  /** storage.sync: one item over 8 KB (QUOTA_BYTES_PER_ITEM) or too many items (MAX_ITEMS) */
  | 'item-too-large'
  /** storage.sync: too many writes in a minute or an hour (MAX_WRITE_OPERATIONS_PER_*) */
  | 'too-many-writes'
  /** the value itself was refused by lib/settings (SettingsValidationError) */
  | 'invalid'
  /** anything else: storage unavailable, the extension reloaded, ... */
  | 'other';

export interface StorageErrorInfo {
  kind: StorageErrorKind;
  /** one or two plain sentences: what happened, that earlier settings are safe, what to do */
  message: string;
}

const NOT_LOST = 'Your earlier settings are unchanged.';

const STORAGE_ERROR_MESSAGES: Readonly<Record<Exclude<StorageErrorKind, 'invalid'>, string>> = Object.freeze({
  full:
    'Your browser’s storage for this extension is full, so this change was not saved. ' +
    `${NOT_LOST} Clearing the reading history in Settings frees space; then try again.`,
  'item-too-large':
    'This change makes your settings too large for your browser’s sync storage, so it was not saved. ' +
    `${NOT_LOST} Remove some sites or names from the lists in Settings, then try again.`,
  'too-many-writes':
    'Your browser limits how often synced settings can change, and that limit was reached, so this change was not saved. ' +
    `${NOT_LOST} Wait a minute, then try again.`,
  other: `Your browser’s storage did not accept this change, so it was not saved. ${NOT_LOST} Try again; if it keeps failing, restart the browser.`,
});

function textOf(err: unknown): string {
  if (err instanceof Error) return `${err.name} ${err.message}`;
  if (typeof err === 'object' && err !== null && 'message' in err) {
    const m = (err as { message?: unknown }).message;
    return typeof m === 'string' ? m : '';
  }
  return typeof err === 'string' ? err : '';
}

/** Classifies an error thrown by `browser.storage.*.set` (Chromium and Firefox wordings) or by saveSettings. */
export function classifyStorageError(err: unknown): StorageErrorInfo {
  if (err instanceof SettingsValidationError) {
    const names = err.fields.map((f) => SETTING_LABELS[f] ?? f).join(', ');
    return { kind: 'invalid', message: `This change was not saved: ${names || 'a setting'} had a value that is not allowed. ${NOT_LOST}` };
  }
  // Chromium names the limit as "QUOTA_BYTES_PER_ITEM quota exceeded" (older) or "Resource::kQuotaBytesPerItem
  // quota exceeded" (newer); without underscores and case the two read the same
  const text = textOf(err).replace(/_/g, '').toLowerCase();
  // MAX_WRITE_OPERATIONS_PER_MINUTE / _PER_HOUR
  if (text.includes('maxwriteoperations')) return { kind: 'too-many-writes', message: STORAGE_ERROR_MESSAGES['too-many-writes'] };
  // QUOTA_BYTES_PER_ITEM, MAX_ITEMS
  if (text.includes('quotabytesperitem') || text.includes('maxitems')) return { kind: 'item-too-large', message: STORAGE_ERROR_MESSAGES['item-too-large'] };
  // Chromium QUOTA_BYTES; Firefox QuotaExceededError (storage.local on IndexedDB; storage.sync "exceeded its quota")
  if (text.includes('quota') || (typeof DOMException !== 'undefined' && err instanceof DOMException && err.code === 22))
    return { kind: 'full', message: STORAGE_ERROR_MESSAGES.full };
  return { kind: 'other', message: STORAGE_ERROR_MESSAGES.other };
}

/** The words for a failed save (see classifyStorageError). */
export function storageErrorMessage(err: unknown): string {
  return classifyStorageError(err).message;
}
