/**
 * Settings schema (zod/mini: this module is bundled into the content script, so it stays small),
 * defaults and the pure repair step that turns anything found in storage into valid Settings
 * without throwing away the parts that are still good.
 */
import * as z from 'zod/mini';
import { ENTITY_TYPES, type EntityType } from '../shared/contract';
import { normalizeHostname } from './sites';
import type { Settings } from './types';

/** The version of the Settings shape this build writes. Bump it and add a step in migrations.ts. */
export const SETTINGS_VERSION = 1;

/** Card delay bounds: below 100 ms cards flash on every mouse pass; above 3 s nobody waits. */
export const CARD_DELAY_MIN_MS = 0;
export const CARD_DELAY_MAX_MS = 3000;
/** Default dwell before a card opens: long enough to ignore a pointer crossing the text. */
export const CARD_DELAY_DEFAULT_MS = 400;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  version: SETTINGS_VERSION,
  enabled: true,
  mode: 'auto',
  disabledSites: [],
  mutedEntities: {},
  mutedEverywhere: [],
  types: Object.fromEntries(ENTITY_TYPES.map((t) => [t, true])) as Record<EntityType, boolean>,
  density: 'first',
  cardDelayMs: CARD_DELAY_DEFAULT_MS,
  theme: 'system',
  history: true,
});

/** A fresh, mutable copy of the defaults. */
export function defaultSettings(): Settings {
  return structuredClone({ ...DEFAULT_SETTINGS, types: { ...DEFAULT_SETTINGS.types } }) as Settings;
}

/** One schema per scalar field, so each field is judged on its own. */
const fieldSchemas = {
  enabled: z.boolean(),
  mode: z.enum(['auto', 'click']),
  density: z.enum(['first', 'all']),
  cardDelayMs: z.number().check(z.int(), z.gte(CARD_DELAY_MIN_MS), z.lte(CARD_DELAY_MAX_MS)),
  theme: z.enum(['system', 'light', 'dark']),
  history: z.boolean(),
} as const;

const hostname = z.string().check(
  z.refine((s) => normalizeHostname(s) === s, { message: 'not a hostname' }),
);

/** The whole current shape, strict: what saveSettings accepts. */
export const settingsSchema = z.object({
  version: z.number(),
  ...fieldSchemas,
  disabledSites: z.array(hostname),
  mutedEntities: z.record(hostname, z.array(z.string().check(z.minLength(1)))),
  mutedEverywhere: z.array(z.string().check(z.minLength(1))),
  types: z.record(z.enum(ENTITY_TYPES), z.boolean()),
});

/** Names of the fields a user can set (everything but `version`). */
export type SettingKey = Exclude<keyof Settings, 'version'>;

/**
 * What a value this build cannot read stands for when it was written by a NEWER version (a new
 * mode, a timed pause...): the reading that reads and keeps the least. Click mode reads nothing until
 * the user asks, "off" reads nothing at all, no history keeps nothing; a wrong guess the other way
 * would read or record pages the user may have chosen to keep private. docs/adr/0007.
 * Everything else falls back to its default (it changes only how marks look).
 */
export const SAFEST_FOR_UNREADABLE: Readonly<Partial<Settings>> = Object.freeze({
  enabled: false,
  mode: 'click',
  history: false,
});

export interface RepairOptions {
  /** values for fields that are present but unreadable (default: the field's default) */
  unreadable?: Readonly<Partial<Settings>>;
}

export interface RepairResult {
  settings: Settings;
  /** fields whose stored value was unusable (all or part of it was reset) */
  problems: SettingKey[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Turns a stored (already migrated) object into valid Settings. Each field is checked alone: a bad
 * field falls back to its default and is reported; lists keep their valid items. Missing fields are
 * not problems (they are new in this version, or were never set).
 */
export function repairSettings(raw: unknown, options: RepairOptions = {}): RepairResult {
  const out = defaultSettings();
  const problems: SettingKey[] = [];
  if (raw === undefined || raw === null) return { settings: out, problems };
  if (!isRecord(raw)) {
    return { settings: { ...out, ...options.unreadable }, problems: Object.keys(DEFAULT_SETTINGS).filter((k) => k !== 'version') as SettingKey[] };
  }

  for (const key of Object.keys(fieldSchemas) as (keyof typeof fieldSchemas)[]) {
    if (!(key in raw) || raw[key] === undefined) continue;
    const parsed = fieldSchemas[key].safeParse(raw[key]);
    if (parsed.success) (out as unknown as Record<string, unknown>)[key] = parsed.data;
    else {
      problems.push(key);
      const fallback = options.unreadable?.[key];
      if (fallback !== undefined) (out as unknown as Record<string, unknown>)[key] = fallback;
    }
  }

  if ('types' in raw && raw.types !== undefined) {
    if (!isRecord(raw.types)) problems.push('types');
    else {
      let bad = false;
      for (const [type, on] of Object.entries(raw.types)) {
        if (!(ENTITY_TYPES as readonly string[]).includes(type)) continue; // a type this build does not know: ignored
        if (typeof on === 'boolean') out.types[type as EntityType] = on;
        else bad = true;
      }
      if (bad) problems.push('types');
    }
  }

  if ('disabledSites' in raw && raw.disabledSites !== undefined) {
    if (!Array.isArray(raw.disabledSites)) problems.push('disabledSites');
    else {
      const sites = new Set<string>();
      let bad = false;
      for (const item of raw.disabledSites) {
        const host = typeof item === 'string' ? normalizeHostname(item) : null;
        if (host) sites.add(host);
        else bad = true;
      }
      out.disabledSites = [...sites];
      if (bad) problems.push('disabledSites');
    }
  }

  if ('mutedEntities' in raw && raw.mutedEntities !== undefined) {
    if (!isRecord(raw.mutedEntities)) problems.push('mutedEntities');
    else {
      let bad = false;
      for (const [site, ids] of Object.entries(raw.mutedEntities)) {
        const host = normalizeHostname(site);
        if (!host || !Array.isArray(ids)) {
          bad = true;
          continue;
        }
        const good = ids.filter((id): id is string => typeof id === 'string' && id.length > 0);
        if (good.length !== ids.length) bad = true;
        if (good.length) out.mutedEntities[host] = [...new Set([...(out.mutedEntities[host] ?? []), ...good])];
      }
      if (bad) problems.push('mutedEntities');
    }
  }

  if ('mutedEverywhere' in raw && raw.mutedEverywhere !== undefined) {
    if (!Array.isArray(raw.mutedEverywhere)) problems.push('mutedEverywhere');
    else {
      const good = raw.mutedEverywhere.filter((id): id is string => typeof id === 'string' && id.length > 0);
      if (good.length !== raw.mutedEverywhere.length) problems.push('mutedEverywhere');
      out.mutedEverywhere = [...new Set(good)];
    }
  }

  return { settings: out, problems };
}
