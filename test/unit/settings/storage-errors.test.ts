/** The words for a failed save (lib/settings/storage-errors.ts): each browser wording to its kind. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SettingsValidationError, classifyStorageError, getSettings, saveSettings, setSiteDisabled, storageErrorMessage } from '../../../lib/settings';
import { resetSettingsStorageForTests } from '../../../lib/settings/storage';

beforeEach(() => {
  fakeBrowser.reset();
  resetSettingsStorageForTests();
});

describe('classifyStorageError', () => {
  it.each([
    ['QUOTA_BYTES quota exceeded', 'full'], // Chromium, local (10 MB) or sync (100 KB)
    ['Error: QUOTA_BYTES quota exceeded', 'full'],
    ['QuotaExceededError: storage.sync API call exceeded its quota limitations.', 'full'], // Firefox sync
    ['QUOTA_BYTES_PER_ITEM quota exceeded', 'item-too-large'], // Chromium sync, 8 KB an item
    ['MAX_ITEMS quota exceeded', 'item-too-large'],
    ['MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded', 'too-many-writes'],
    ['MAX_WRITE_OPERATIONS_PER_HOUR quota exceeded', 'too-many-writes'],
    // Chromium 120+ names the limits after its resource constants (seen in test/browser/storage-errors.test.ts)
    ['Error: Resource::kQuotaBytes quota exceeded', 'full'],
    ['Resource::kQuotaBytesPerItem quota exceeded', 'item-too-large'],
    ['Resource::kMaxItems quota exceeded', 'item-too-large'],
    ['Resource::kMaxWriteOperationsPerMinute quota exceeded', 'too-many-writes'],
    ['Extension context invalidated.', 'other'],
  ])('%s -> %s', (message, kind) => {
    expect(classifyStorageError(new Error(message)).kind).toBe(kind);
    expect(classifyStorageError({ message }).kind).toBe(kind); // Chromium's runtime.lastError shape
  });

  it('knows a DOMException QuotaExceededError (Firefox storage.local on IndexedDB)', () => {
    expect(classifyStorageError(new DOMException('The quota has been exceeded.', 'QuotaExceededError')).kind).toBe('full');
  });

  it('says what happened, that nothing was lost and what to do, without the raw error', () => {
    const full = storageErrorMessage(new Error('QUOTA_BYTES quota exceeded'));
    expect(full).toMatch(/^Your browser’s storage for this extension is full, so this change was not saved\./);
    expect(full).toMatch(/earlier settings are unchanged/);
    expect(full).toMatch(/Clearing the reading history/);
    expect(full).not.toMatch(/QUOTA/);
    expect(storageErrorMessage(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded'))).toMatch(/Wait a minute/);
    expect(storageErrorMessage(new Error('weird'))).not.toMatch(/weird/);
  });

  it('names the fields of a validation error', () => {
    const info = classifyStorageError(new SettingsValidationError('x', ['cardDelayMs']));
    expect(info.kind).toBe('invalid');
    expect(info.message).toMatch(/Card delay/);
  });

  it('never throws on odd values', () => {
    for (const v of [undefined, null, 42, 'QUOTA_BYTES', {}, { message: 7 }, Object.create(null)]) expect(() => classifyStorageError(v)).not.toThrow();
    expect(classifyStorageError('QUOTA_BYTES quota exceeded').kind).toBe('full');
  });
});

describe('a save refused by storage', () => {
  it('throws (so the caller can say so) and leaves what was stored', async () => {
    await saveSettings({ theme: 'dark' });
    vi.spyOn(browser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const err = await setSiteDisabled('example.com', true).catch((e: unknown) => e);
    expect(classifyStorageError(err).kind).toBe('full');
    vi.restoreAllMocks();
    expect(await getSettings()).toMatchObject({ theme: 'dark', disabledSites: [] });
  });
});
