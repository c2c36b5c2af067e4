/**
 * A change made in this (older) build to settings that a newer version stored: merged into the stored
 * objects field by field (docs/adr/0007-settings-from-newer-versions.md).
 */
import { browser } from 'wxt/browser';
import { isRecord, PREF_FIELDS, PREFS_LOCAL_KEY, SITE_FIELDS, SITES_KEY, SYNC_KEY, type RawStored } from './areas';
import type { StoredObject } from './migrations';
import { SETTINGS_VERSION, type SettingKey } from './schema';
import { normalizeHostname } from './sites';
import type { Settings } from './types';

/**
 * The new value of one field, merged into a newer version's stored value: list entries and entity
 * types this build cannot read stay (they may mean something to the newer version).
 */
function mergeField(key: SettingKey, stored: unknown, value: unknown): unknown {
  if (key === 'types' && isRecord(stored) && isRecord(value)) return { ...stored, ...value };
  if (key === 'disabledSites' && Array.isArray(stored) && Array.isArray(value)) {
    const unreadable = stored.filter((item) => typeof item !== 'string' || normalizeHostname(item) === null);
    return [...value, ...unreadable];
  }
  if (key === 'mutedEntities' && isRecord(stored) && isRecord(value)) {
    const unreadable = Object.fromEntries(Object.entries(stored).filter(([site, ids]) => normalizeHostname(site) === null || !Array.isArray(ids)));
    return { ...unreadable, ...value };
  }
  if (key === 'mutedEverywhere' && Array.isArray(stored) && Array.isArray(value)) {
    const unreadable = stored.filter((item) => typeof item !== 'string' || !item);
    return [...value, ...unreadable];
  }
  return value;
}

/**
 * A change made in this (older) build to settings of a newer version: only the changed fields are
 * written, into the stored objects as they are, keeping their version and every other field.
 */
export async function mergeIntoNewer(raw: RawStored, next: Settings, keys: readonly SettingKey[]): Promise<void> {
  const writes: Promise<void>[] = [];
  const areas = [
    { fields: PREF_FIELDS as readonly SettingKey[], stored: raw.prefs, area: raw.prefsArea, key: raw.prefsArea === 'sync' ? SYNC_KEY : PREFS_LOCAL_KEY },
    { fields: SITE_FIELDS as readonly SettingKey[], stored: raw.sites, area: 'local' as const, key: SITES_KEY },
  ];
  for (const { fields, stored, area, key } of areas) {
    const changed = keys.filter((k) => fields.includes(k));
    if (!changed.length) continue;
    const base: StoredObject = isRecord(stored) ? stored : {};
    const value: StoredObject = { ...base, version: 'version' in base ? base.version : SETTINGS_VERSION };
    for (const k of changed) value[k] = mergeField(k, base[k], (next as unknown as StoredObject)[k]);
    writes.push(browser.storage[area].set({ [key]: value }));
  }
  await Promise.all(writes);
}
