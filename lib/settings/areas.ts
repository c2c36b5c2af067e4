/**
 * The stored objects of the settings and the areas they live in: the preferences in storage.sync (or
 * storage.local where sync does not work), the per-site lists in storage.local. Reading them raw, writing
 * them back with the keys this build does not know kept.
 */
import { browser } from 'wxt/browser';
import { storedVersion, type StoredObject } from './migrations';
import { DEFAULT_SETTINGS, type SettingKey } from './schema';
import type { Settings } from './types';

export const SYNC_KEY = 'settings';
export const PREFS_LOCAL_KEY = 'settings.prefs';
export const SITES_KEY = 'settings.sites';

/** Fields stored with the per-site lists in storage.local; everything else is a preference. */
export const SITE_FIELDS = ['disabledSites', 'mutedEntities', 'mutedEverywhere'] as const satisfies readonly SettingKey[];
export const PREF_FIELDS = (Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]).filter(
  (k): k is SettingKey => k !== 'version' && !(SITE_FIELDS as readonly string[]).includes(k),
);

type Area = 'sync' | 'local';

export function isRecord(value: unknown): value is StoredObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** storage.sync if it works here, else storage.local. Decided once per context. */
let prefsAreaPromise: Promise<Area> | undefined;
function prefsArea(): Promise<Area> {
  prefsAreaPromise ??= (async (): Promise<Area> => {
    try {
      if (!browser.storage.sync) return 'local';
      await browser.storage.sync.get(SYNC_KEY);
      return 'sync';
    } catch {
      return 'local';
    }
  })();
  return prefsAreaPromise;
}

/** For tests: forget the storage-area decision. */
export function resetSettingsStorageForTests(): void {
  prefsAreaPromise = undefined;
}

export interface RawStored {
  prefsArea: Area;
  prefs: unknown;
  sites: unknown;
}

export async function readRaw(): Promise<RawStored> {
  const area = await prefsArea();
  const prefsKey = area === 'sync' ? SYNC_KEY : PREFS_LOCAL_KEY;
  const [prefsGot, localGot] = await Promise.all([
    browser.storage[area].get(prefsKey),
    browser.storage.local.get(SITES_KEY),
  ]);
  return { prefsArea: area, prefs: prefsGot[prefsKey], sites: localGot[SITES_KEY] };
}

export function pick(obj: StoredObject, keys: readonly string[]): StoredObject {
  const out: StoredObject = {};
  for (const k of keys) if (k in obj) out[k] = obj[k];
  return out;
}

export function omit(obj: StoredObject, keys: readonly string[]): StoredObject {
  const out: StoredObject = {};
  for (const [k, v] of Object.entries(obj)) if (!keys.includes(k)) out[k] = v;
  return out;
}

/** Keys this build does not know, per area: they are written back untouched. */
interface UnknownKeys {
  prefs: StoredObject;
  sites: StoredObject;
}

export function unknownKeysOf(raw: RawStored): UnknownKeys {
  return {
    prefs: isRecord(raw.prefs) ? omit(raw.prefs, [...PREF_FIELDS, 'version']) : {},
    sites: isRecord(raw.sites) ? omit(raw.sites, [...SITE_FIELDS, 'version']) : {},
  };
}

export async function writeAreas(
  prefsArea: Area,
  keep: UnknownKeys,
  settings: Settings,
  which: { prefs: boolean; sites: boolean },
  version: number,
): Promise<void> {
  const writes: Promise<void>[] = [];
  if (which.prefs) {
    const value = { ...keep.prefs, ...pick(settings as unknown as StoredObject, PREF_FIELDS), version };
    const key = prefsArea === 'sync' ? SYNC_KEY : PREFS_LOCAL_KEY;
    writes.push(browser.storage[prefsArea].set({ [key]: value }));
  }
  if (which.sites) {
    const value = { ...keep.sites, ...pick(settings as unknown as StoredObject, SITE_FIELDS), version };
    writes.push(browser.storage.local.set({ [SITES_KEY]: value }));
  }
  await Promise.all(writes);
}

/** The version each stored area says it is (undefined: no versioned object there). */
export function areaVersions(raw: RawStored): { prefs?: number; sites?: number; newest?: number } {
  const prefs = isRecord(raw.prefs) && 'version' in raw.prefs ? storedVersion(raw.prefs) : undefined;
  const sites = isRecord(raw.sites) && 'version' in raw.sites ? storedVersion(raw.sites) : undefined;
  const known = [prefs, sites].filter((v): v is number => v !== undefined);
  return { prefs, sites, newest: known.length ? Math.max(...known) : undefined };
}
