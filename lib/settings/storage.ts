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
import { SETTINGS_NEWER_SEEN_KEY } from '../shared/storage-keys';
import { backupStoredSettings } from './backups';
import { MIGRATIONS, migrate, storedVersion, type Migration, type StoredObject } from './migrations';
import { DEFAULT_SETTINGS, SAFEST_FOR_UNREADABLE, SETTINGS_VERSION, repairSettings, settingsSchema, type SettingKey } from './schema';
import { normalizeHostname } from './sites';
import type { Settings } from './types';

export const SYNC_KEY = 'settings';
export const PREFS_LOCAL_KEY = 'settings.prefs';
export const SITES_KEY = 'settings.sites';
export const NOTICE_KEY = 'settings.notice';

/** Fields stored with the per-site lists in storage.local; everything else is a preference. */
const SITE_FIELDS = ['disabledSites', 'mutedEntities', 'mutedEverywhere'] as const satisfies readonly SettingKey[];
const PREF_FIELDS = (Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]).filter(
  (k): k is SettingKey => k !== 'version' && !(SITE_FIELDS as readonly string[]).includes(k),
);

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

export class SettingsValidationError extends Error {
  constructor(
    message: string,
    readonly fields: SettingKey[],
  ) {
    super(message);
    this.name = 'SettingsValidationError';
  }
}

type Area = 'sync' | 'local';

function isRecord(value: unknown): value is StoredObject {
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

interface RawStored {
  prefsArea: Area;
  prefs: unknown;
  sites: unknown;
}

async function readRaw(): Promise<RawStored> {
  const area = await prefsArea();
  const prefsKey = area === 'sync' ? SYNC_KEY : PREFS_LOCAL_KEY;
  const [prefsGot, localGot] = await Promise.all([
    browser.storage[area].get(prefsKey),
    browser.storage.local.get(SITES_KEY),
  ]);
  return { prefsArea: area, prefs: prefsGot[prefsKey], sites: localGot[SITES_KEY] };
}

function pick(obj: StoredObject, keys: readonly string[]): StoredObject {
  const out: StoredObject = {};
  for (const k of keys) if (k in obj) out[k] = obj[k];
  return out;
}

function omit(obj: StoredObject, keys: readonly string[]): StoredObject {
  const out: StoredObject = {};
  for (const [k, v] of Object.entries(obj)) if (!keys.includes(k)) out[k] = v;
  return out;
}

/** Keys this build does not know, per area: they are written back untouched. */
interface UnknownKeys {
  prefs: StoredObject;
  sites: StoredObject;
}

function unknownKeysOf(raw: RawStored): UnknownKeys {
  return {
    prefs: isRecord(raw.prefs) ? omit(raw.prefs, [...PREF_FIELDS, 'version']) : {},
    sites: isRecord(raw.sites) ? omit(raw.sites, [...SITE_FIELDS, 'version']) : {},
  };
}

async function writeAreas(
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

async function recordNotice(fields: SettingKey[]): Promise<void> {
  const old = previousNotice((await browser.storage.local.get(NOTICE_KEY))[NOTICE_KEY]);
  const notice: SettingsNotice = { ...old, at: new Date().toISOString(), fields: [...new Set([...old.fields, ...fields])] };
  await browser.storage.local.set({ [NOTICE_KEY]: notice });
}

/** Tells the user once per newer version that its settings were found (storage.local only; never the settings). */
async function recordNewerOnce(version: number, fields: SettingKey[]): Promise<void> {
  const got = await browser.storage.local.get([NOTICE_KEY, SETTINGS_NEWER_SEEN_KEY]);
  const seen = got[SETTINGS_NEWER_SEEN_KEY];
  if (typeof seen === 'number' && seen >= version) return;
  const old = previousNotice(got[NOTICE_KEY]);
  const notice: SettingsNotice = { at: new Date().toISOString(), fields: old.fields, newer: { version, fields } };
  await browser.storage.local.set({ [NOTICE_KEY]: notice, [SETTINGS_NEWER_SEEN_KEY]: version });
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

/** The version each stored area says it is (undefined: no versioned object there). */
function areaVersions(raw: RawStored): { prefs?: number; sites?: number; newest?: number } {
  const prefs = isRecord(raw.prefs) && 'version' in raw.prefs ? storedVersion(raw.prefs) : undefined;
  const sites = isRecord(raw.sites) && 'version' in raw.sites ? storedVersion(raw.sites) : undefined;
  const known = [prefs, sites].filter((v): v is number => v !== undefined);
  return { prefs, sites, newest: known.length ? Math.max(...known) : undefined };
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
async function mergeIntoNewer(raw: RawStored, next: Settings, keys: readonly SettingKey[]): Promise<void> {
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
