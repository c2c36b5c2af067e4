/**
 * The settings notice: what was reset because it could not be read, or that a newer version's settings were
 * found (storage.local "settings.notice"; the UI shows it until the reader dismisses it).
 */
import { browser } from 'wxt/browser';
import { SETTINGS_NEWER_SEEN_KEY } from '../shared/storage-keys';
import { isRecord } from './areas';
import type { SettingKey } from './schema';

export const NOTICE_KEY = 'settings.notice';

export interface SettingsNotice {
  /** ISO time of the latest reset */
  at: string;
  /** fields reset because their stored value could not be read */
  fields: SettingKey[];
  /**
   * The settings were saved by a newer version: its settings version, and the fields this build could
   * not read (it uses the safest value for them and leaves the stored ones as they are).
   */
  newer?: { version: number; fields: SettingKey[] };
}

function previousNotice(old: unknown): Pick<SettingsNotice, 'fields' | 'newer'> {
  if (!isRecord(old)) return { fields: [] };
  const fields = Array.isArray(old.fields) ? old.fields.filter((f): f is SettingKey => typeof f === 'string') : [];
  const newer = parseNewer(old.newer);
  return newer ? { fields, newer } : { fields };
}

function parseNewer(value: unknown): SettingsNotice['newer'] {
  if (!isRecord(value) || typeof value.version !== 'number' || !Number.isInteger(value.version)) return undefined;
  const fields = Array.isArray(value.fields) ? value.fields.filter((f): f is SettingKey => typeof f === 'string') : [];
  return { version: value.version, fields };
}

export async function recordNotice(fields: SettingKey[]): Promise<void> {
  const old = previousNotice((await browser.storage.local.get(NOTICE_KEY))[NOTICE_KEY]);
  const notice: SettingsNotice = { ...old, at: new Date().toISOString(), fields: [...new Set([...old.fields, ...fields])] };
  await browser.storage.local.set({ [NOTICE_KEY]: notice });
}

/** Tells the user once per newer version that its settings were found (storage.local only; never the settings). */
export async function recordNewerOnce(version: number, fields: SettingKey[]): Promise<void> {
  const got = await browser.storage.local.get([NOTICE_KEY, SETTINGS_NEWER_SEEN_KEY]);
  const seen = got[SETTINGS_NEWER_SEEN_KEY];
  if (typeof seen === 'number' && seen >= version) return;
  const old = previousNotice(got[NOTICE_KEY]);
  const notice: SettingsNotice = { at: new Date().toISOString(), fields: old.fields, newer: { version, fields } };
  await browser.storage.local.set({ [NOTICE_KEY]: notice, [SETTINGS_NEWER_SEEN_KEY]: version });
}

/** What was reset because it could not be read, or that a newer version's settings were found, until the user dismisses it. */
export async function getSettingsNotice(): Promise<SettingsNotice | null> {
  const got = await browser.storage.local.get(NOTICE_KEY);
  const n = got[NOTICE_KEY];
  if (!isRecord(n)) return null;
  const { fields, newer } = previousNotice(n);
  if (fields.length === 0 && !newer) return null;
  return { at: typeof n.at === 'string' ? n.at : '', fields, ...(newer ? { newer } : {}) };
}

export async function dismissSettingsNotice(): Promise<void> {
  await browser.storage.local.remove(NOTICE_KEY);
}
