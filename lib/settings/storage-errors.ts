/**
 * Why a save failed, in words a reader can act on: the one place for the messages shown when the
 * browser's storage refuses a write (popup, options, hover card), in the reader's language (lib/shared/i18n).
 *
 *   try { await setSiteDisabled(host, true); } catch (err) { show(storageErrorMessage(err)); }
 */
import { t } from '../shared/i18n';
import { settingLabel } from './labels';
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

/** The message of each kind (the words: public/_locales/en/messages.json). */
const STORAGE_ERROR_MESSAGES: Readonly<Record<Exclude<StorageErrorKind, 'invalid'>, string>> = Object.freeze({
  full: 'uiSaveErrorFull',
  'item-too-large': 'uiSaveErrorItemTooLarge',
  'too-many-writes': 'uiSaveErrorTooManyWrites',
  other: 'uiSaveErrorOther',
});

const failed = (kind: Exclude<StorageErrorKind, 'invalid'>): StorageErrorInfo => ({ kind, message: t(STORAGE_ERROR_MESSAGES[kind]) });

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
    const names = err.fields.map(settingLabel).join(', ');
    return { kind: 'invalid', message: t('uiSaveErrorInvalid', names || t('uiSaveErrorASetting')) };
  }
  // Chromium names the limit as "QUOTA_BYTES_PER_ITEM quota exceeded" (older) or "Resource::kQuotaBytesPerItem
  // quota exceeded" (newer); without underscores and case the two read the same
  const text = textOf(err).replace(/_/g, '').toLowerCase();
  // MAX_WRITE_OPERATIONS_PER_MINUTE / _PER_HOUR
  if (text.includes('maxwriteoperations')) return failed('too-many-writes');
  // QUOTA_BYTES_PER_ITEM, MAX_ITEMS
  if (text.includes('quotabytesperitem') || text.includes('maxitems')) return failed('item-too-large');
  // Chromium QUOTA_BYTES; Firefox QuotaExceededError (storage.local on IndexedDB; storage.sync "exceeded its quota")
  if (text.includes('quota') || (typeof DOMException !== 'undefined' && err instanceof DOMException && err.code === 22))
    return failed('full');
  return failed('other');
}

/** The words for a failed save (see classifyStorageError). */
export function storageErrorMessage(err: unknown): string {
  return classifyStorageError(err).message;
}
