/**
 * Where settings live and how they are read and written.
 *
 *   storage.sync  "settings"          preferences (small; follow the user across devices)
 *   storage.local "settings.sites"    per-site lists (can grow past sync's 8 KB item quota)
 *   storage.local "settings.notice"   what was reset, or that a newer version's settings were found (the UI shows it)
 *   storage.local "settings.backups"  the stored objects as they were before a repair or migration (backups.ts)
 *   storage.local "settings.newerSeen" the newest version the user was told about (the notice is shown once)
 *
 * When storage.sync is not available (some Firefox configurations, enterprise policy), the
 * preferences are kept in storage.local under "settings.prefs".
 *
 * Reading never throws: anything unreadable falls back to its default, the valid parts are kept,
 * a backup is kept, the repaired object is written back once and a notice records what was reset.
 * Keys this build does not know are kept on every write.
 *
 * Settings of a NEWER version (a stored version above SETTINGS_VERSION) are never repaired or
 * migrated: reading takes what this build understands and the safest value for what it cannot
 * (schema.ts, SAFEST_FOR_UNREADABLE), writes nothing to them, and tells the user once. A change the
 * user makes here is merged into the stored objects: only the changed fields, keeping the newer
 * version number, every unknown field and the list entries this build cannot read
 * (docs/adr/0007-settings-from-newer-versions.md).
 */
import { browser } from 'wxt/browser';
import { areaVersions, isRecord, omit, pick, PREF_FIELDS, PREFS_LOCAL_KEY, readRaw, SITE_FIELDS, SITES_KEY, SYNC_KEY, unknownKeysOf, writeAreas } from './areas';
import { backupStoredSettings } from './backups';
import { mergeIntoNewer } from './merge-newer';
import { MIGRATIONS, migrate, storedVersion, type Migration, type StoredObject } from './migrations';
import { recordNewerOnce, recordNotice } from './notice';
import { SAFEST_FOR_UNREADABLE, SETTINGS_VERSION, repairSettings, settingsSchema, type SettingKey } from './schema';
import { normalizeHostname } from './sites';
import type { Settings } from './types';

// The parts kept in files of their own, still importable from here.
export { PREFS_LOCAL_KEY, SITES_KEY, SYNC_KEY, resetSettingsStorageForTests } from './areas';
export { NOTICE_KEY } from './notice';

export class SettingsValidationError extends Error {
  constructor(
    message: string,
    readonly fields: SettingKey[],
  ) {
    super(message);
    this.name = 'SettingsValidationError';
  }
}

export interface LoadedSettings {
  settings: Settings;
  /** fields reset during this read (already recorded in the notice) */
  problems: SettingKey[];
  /** migration steps that ran during this read, by `from` version */
  migratedFrom?: number;
  /**
   * The stored settings are of this newer version: nothing was written to them; `unreadable` are the
   * fields read with their safest value.
   */
  newer?: { version: number; unreadable: SettingKey[] };
}

/** Which migrations to run: the real ones; tests pass hypothetical steps to exercise the whole flow. */
export interface MigrationPlan {
  steps: readonly Migration[];
  target: number;
}

/**
 * Reads, migrates and repairs; after keeping a backup, writes back once when anything changed.
 * Settings of a newer version are read, never written. Never throws on bad data.
 */
export async function loadSettings(plan: MigrationPlan = { steps: MIGRATIONS, target: SETTINGS_VERSION }): Promise<LoadedSettings> {
  const raw = await readRaw();
  if (raw.prefs === undefined && raw.sites === undefined) {
    return { settings: repairSettings(undefined).settings, problems: [] };
  }

  const problems = new Set<SettingKey>();
  // a whole area of the wrong kind (a string, an array...): every field in it is reset
  if (raw.prefs !== undefined && !isRecord(raw.prefs)) PREF_FIELDS.forEach((f) => problems.add(f));
  if (raw.sites !== undefined && !isRecord(raw.sites)) SITE_FIELDS.forEach((f) => problems.add(f));

  const prefs = isRecord(raw.prefs) ? raw.prefs : {};
  const sites = isRecord(raw.sites) ? raw.sites : {};
  const version = isRecord(raw.prefs) && 'version' in prefs ? storedVersion(prefs) : storedVersion(sites);
  // Site lists live in storage.local. Lists found in the preferences object (an older or foreign
  // install synced them) are used only where local has none, and are moved out on this read.
  const strayInPrefs = SITE_FIELDS.filter((f) => f in prefs);
  // and the mirror case: preferences left in the site-list object are used where the preferences
  // object has none, and are moved over on this read (never dropped)
  const strayInSites = PREF_FIELDS.filter((f) => f in sites && !(f in prefs));
  const combined: StoredObject = {
    ...sites,
    ...omit(prefs, SITE_FIELDS),
    ...pick(prefs, strayInPrefs.filter((f) => !(f in sites))),
    version,
  };

  const newest = areaVersions(raw).newest;
  if (newest !== undefined && newest > plan.target) {
    // A newer install wrote these: read what this build understands, the safest value for the rest,
    // and write nothing to them (a write here would spread to every device through sync).
    const read = repairSettings(combined, { unreadable: SAFEST_FOR_UNREADABLE });
    const unreadable = [...new Set([...problems, ...read.problems])];
    for (const f of unreadable) {
      const safe = SAFEST_FOR_UNREADABLE[f];
      if (safe !== undefined) (read.settings as unknown as Record<string, unknown>)[f] = safe;
    }
    try {
      await recordNewerOnce(newest, unreadable);
    } catch {
      // storage.local full or gone: the notice waits for a later read
    }
    return { settings: read.settings, problems: [], newer: { version: newest, unreadable } };
  }

  const migration = migrate(combined, plan.steps, plan.target);
  const repaired = repairSettings(migration.value);
  repaired.problems.forEach((p) => problems.add(p));
  const migrated = migration.applied.length > 0 || migration.failed !== undefined;
  /** fields stored in the wrong area, moved over by this read */
  const strayed = strayInPrefs.length > 0 || strayInSites.length > 0;

  if (migrated || problems.size > 0 || strayed) {
    try {
      const bad = [...problems];
      // nothing is written over what was stored until a copy of it is kept
      const backedUp = await backupStoredSettings({
        reason: migrated ? 'migration' : bad.length ? 'repair' : 'move',
        version: migration.fromVersion,
        prefs: raw.prefs,
        sites: raw.sites,
      });
      if (backedUp) {
        const touchPrefs = migrated || strayed || bad.some((p) => (PREF_FIELDS as string[]).includes(p));
        const touchSites = migrated || strayed || bad.some((p) => (SITE_FIELDS as readonly string[]).includes(p));
        // unknown keys as the migration left them: those that were with the site lists stay there
        const unknown = omit(migration.value, [...PREF_FIELDS, ...SITE_FIELDS, 'version']);
        const siteKeys = isRecord(raw.sites) ? Object.keys(raw.sites) : [];
        const prefKeys = isRecord(raw.prefs) ? Object.keys(raw.prefs) : [];
        const keep = { sites: pick(unknown, siteKeys), prefs: omit(unknown, siteKeys.filter((k) => !prefKeys.includes(k))) };
        await writeAreas(raw.prefsArea, keep, repaired.settings, { prefs: touchPrefs, sites: touchSites }, Math.max(plan.target, migration.toVersion));
      }
      if (bad.length) await recordNotice(bad);
    } catch {
      // storage full or gone: the repaired settings still apply for this read
    }
  }
  return {
    settings: repaired.settings,
    problems: [...problems],
    ...(migration.applied.length ? { migratedFrom: migration.fromVersion } : {}),
  };
}

/** The current settings (defaults for anything missing or unreadable). */
export async function getSettings(): Promise<Settings> {
  return (await loadSettings()).settings;
}

export type SettingsPatch = Partial<Omit<Settings, 'version'>>;

/**
 * Validates and stores a change. Hostnames are normalised ("https://www.x.com/a" -> "x.com");
 * anything invalid throws SettingsValidationError naming the fields, and nothing is written.
 */
export async function saveSettings(patch: SettingsPatch): Promise<Settings> {
  const current = await getSettings();
  const next: Settings = { ...current, ...patch, version: SETTINGS_VERSION };
  const bad: SettingKey[] = [];

  if (patch.disabledSites) {
    const sites: string[] = [];
    for (const s of patch.disabledSites) {
      const host = typeof s === 'string' ? normalizeHostname(s) : null;
      if (host) sites.push(host);
      else if (!bad.includes('disabledSites')) bad.push('disabledSites');
    }
    next.disabledSites = [...new Set(sites)];
  }
  if (patch.mutedEntities) {
    const muted: Record<string, string[]> = {};
    for (const [site, ids] of Object.entries(patch.mutedEntities)) {
      const host = normalizeHostname(site);
      if (!host) {
        if (!bad.includes('mutedEntities')) bad.push('mutedEntities');
        continue;
      }
      muted[host] = [...new Set([...(muted[host] ?? []), ...ids])];
    }
    next.mutedEntities = muted;
  }
  if (patch.mutedEverywhere) next.mutedEverywhere = [...new Set(patch.mutedEverywhere)];
  if (patch.types) next.types = { ...current.types, ...patch.types };

  const parsed = settingsSchema.safeParse(next);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (typeof field === 'string' && field !== 'version' && !bad.includes(field as SettingKey)) bad.push(field as SettingKey);
    }
  }
  if (bad.length) throw new SettingsValidationError(`Invalid settings: ${bad.join(', ')}`, bad);

  const keys = Object.keys(patch) as SettingKey[];
  const raw = await readRaw();
  const versions = areaVersions(raw);
  if (versions.newest !== undefined && versions.newest > SETTINGS_VERSION) {
    await mergeIntoNewer(raw, next, keys);
    return next;
  }
  await writeAreas(
    raw.prefsArea,
    unknownKeysOf(raw),
    next,
    {
      prefs: keys.some((k) => (PREF_FIELDS as string[]).includes(k)),
      sites: keys.some((k) => (SITE_FIELDS as readonly string[]).includes(k)),
    },
    Math.max(SETTINGS_VERSION, versions.prefs ?? SETTINGS_VERSION),
  );
  return next;
}

/** Puts every setting back to its default (unknown keys from newer versions are kept). */
export async function resetSettings(): Promise<Settings> {
  const { version: _v, ...defaults } = repairSettings(undefined).settings;
  return saveSettings(defaults);
}

/**
 * Calls `cb` with fresh settings whenever they change in any context (options page, another
 * device through sync). Returns the function that stops watching.
 */
export function watchSettings(cb: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, unknown>, areaName: string): void => {
    const relevant =
      (areaName === 'sync' && SYNC_KEY in changes) ||
      (areaName === 'local' && (SITES_KEY in changes || PREFS_LOCAL_KEY in changes));
    if (relevant) void getSettings().then(cb);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Turns the extension off (or on again) for a site; `host` may be a URL or a hostname. */
export async function setSiteDisabled(host: string, disabled: boolean): Promise<Settings> {
  const site = normalizeHostname(host);
  if (!site) throw new SettingsValidationError(`Not a hostname: ${host}`, ['disabledSites']);
  const current = await getSettings();
  const rest = current.disabledSites.filter((s) => s !== site);
  return saveSettings({ disabledSites: disabled ? [...rest, site] : rest });
}

/** "Not this?": stop marking an entity on one site. */
export async function muteEntityOnSite(host: string, entityId: string): Promise<Settings> {
  const site = normalizeHostname(host);
  if (!site) throw new SettingsValidationError(`Not a hostname: ${host}`, ['mutedEntities']);
  const current = await getSettings();
  const ids = new Set(current.mutedEntities[site] ?? []);
  ids.add(entityId);
  return saveSettings({ mutedEntities: { ...current.mutedEntities, [site]: [...ids] } });
}
