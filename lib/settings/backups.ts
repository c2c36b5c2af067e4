/**
 * Copies of the stored settings, taken before a repair or a migration writes over them, so that
 * nothing the user saved is lost to a bug in either. storage.local, under SETTINGS_BACKUPS_KEY:
 * the latest MAX_SETTINGS_BACKUPS copies, at most MAX_SETTINGS_BACKUP_CHARS of JSON in all.
 * When a copy cannot be kept (storage full, a copy over the bound) the caller does not write.
 */
import { browser } from 'wxt/browser';
import { SETTINGS_BACKUPS_KEY } from '../shared/storage-keys';

/** A few copies: enough to step back over a repair and the migration before it, small in storage. */
export const MAX_SETTINGS_BACKUPS = 5;
/** 256 K characters of JSON for all copies: preferences are at most 8 KB (sync), site lists rarely 10 KB. */
export const MAX_SETTINGS_BACKUP_CHARS = 256_000;

export interface SettingsBackup {
  /** ISO time the copy was taken */
  at: string;
  /** what was about to write: 'migration' from an older shape, 'repair' of unreadable values, 'move' of fields to their area */
  reason: 'migration' | 'repair' | 'move';
  /** the stored version before the write */
  version: number;
  /** the preferences object as stored (storage.sync "settings" or storage.local "settings.prefs") */
  prefs: unknown;
  /** the site-list object as stored (storage.local "settings.sites") */
  sites: unknown;
}

function isBackup(v: unknown): v is SettingsBackup {
  return typeof v === 'object' && v !== null && typeof (v as SettingsBackup).at === 'string';
}

/** The kept copies, newest first. */
export async function getSettingsBackups(): Promise<SettingsBackup[]> {
  const got = (await browser.storage.local.get(SETTINGS_BACKUPS_KEY))[SETTINGS_BACKUPS_KEY];
  return Array.isArray(got) ? got.filter(isBackup) : [];
}

const sizeOf = (v: unknown): number => JSON.stringify(v ?? null).length;

/**
 * Keeps a copy of what is stored. True when the copy is in storage (or the newest copy already holds
 * the same objects); false when it could not be kept, and then nothing may be written over the settings.
 */
export async function backupStoredSettings(entry: Omit<SettingsBackup, 'at'>): Promise<boolean> {
  try {
    const copy: SettingsBackup = { at: new Date().toISOString(), ...entry };
    if (sizeOf(copy) > MAX_SETTINGS_BACKUP_CHARS) return false;
    const kept = await getSettingsBackups();
    const newest = kept[0];
    if (newest && JSON.stringify([newest.prefs, newest.sites]) === JSON.stringify([copy.prefs, copy.sites]))
      return true; // the same objects: a write that failed before is being tried again
    const next = [copy];
    let total = sizeOf(copy);
    for (const old of kept) {
      if (next.length >= MAX_SETTINGS_BACKUPS) break;
      total += sizeOf(old);
      if (total > MAX_SETTINGS_BACKUP_CHARS) break;
      next.push(old);
    }
    await browser.storage.local.set({ [SETTINGS_BACKUPS_KEY]: next });
    return true;
  } catch {
    return false;
  }
}
