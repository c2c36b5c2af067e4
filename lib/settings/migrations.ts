/**
 * Versioned migrations of stored settings. Each step takes the whole stored object of version
 * `from` and returns the object of version `from + 1`. Steps must keep everything they do not
 * understand (a user's choice is never dropped by an update) and never throw on odd input: the
 * field-by-field repair in schema.ts runs afterwards and deals with bad values.
 *
 * To change the Settings shape: bump SETTINGS_VERSION in schema.ts and append a step here, with a
 * test in test/unit/settings/migrations.test.ts that starts from a stored object of the old shape.
 */
import { SETTINGS_VERSION } from './schema';

export type StoredObject = Record<string, unknown>;

export interface Migration {
  from: number;
  /** one line: what changed and why */
  description: string;
  migrate(old: StoredObject): StoredObject;
}

/**
 * v1 is the first released shape, so there is no step yet. Stored objects without a `version`
 * are treated as v1 (the only shape ever written without one would be a hand-edited object).
 */
export const MIGRATIONS: readonly Migration[] = [];

export interface MigrationResult {
  value: StoredObject;
  /** the version found in storage */
  fromVersion: number;
  /** the version of `value` (the current version, or the stored one when it is newer) */
  toVersion: number;
  /** steps that ran, by `from` */
  applied: number[];
  /** a step threw: the value is what the previous steps produced */
  failed?: { from: number; error: string };
}

export function storedVersion(value: StoredObject, fallback = 1): number {
  const v = value.version;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : fallback;
}

/**
 * Runs the steps from the stored version up to `target`. A stored version newer than `target`
 * (settings synced from a newer install) is left as it is: the repair keeps what this build
 * understands and saving keeps the rest.
 */
export function migrate(
  value: StoredObject,
  steps: readonly Migration[] = MIGRATIONS,
  target: number = SETTINGS_VERSION,
  unversioned = 1,
): MigrationResult {
  const fromVersion = storedVersion(value, unversioned);
  let current: StoredObject = { ...value };
  let version = fromVersion;
  const applied: number[] = [];
  while (version < target) {
    const step = steps.find((s) => s.from === version);
    if (!step) {
      // no path from this version: keep the value; repair will judge each field
      return { value: { ...current, version: target }, fromVersion, toVersion: target, applied, failed: { from: version, error: 'no migration step' } };
    }
    try {
      current = { ...step.migrate(current), version: version + 1 };
    } catch (err) {
      return { value: { ...current, version: target }, fromVersion, toVersion: target, applied, failed: { from: version, error: String(err) } };
    }
    applied.push(version);
    version += 1;
  }
  return { value: current, fromVersion, toVersion: Math.max(version, fromVersion), applied };
}
