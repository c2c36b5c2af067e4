/**
 * "Never mark this": names turned off on every site, besides the per-site list (storage.ts, muteEntityOnSite).
 * Stored with the site lists in storage.local; plan.ts leaves them unmarked everywhere.
 */
import { getSettings, saveSettings, SettingsValidationError } from './storage';
import type { Settings } from './types';

/** Stops marking an entity on every site. Throws what saveSettings throws (storageErrorMessage words it). */
export async function muteEntityEverywhere(entityId: string): Promise<Settings> {
  const id = entityId.trim();
  if (!id) throw new SettingsValidationError('Empty entity id', ['mutedEverywhere']);
  const current = await getSettings();
  if (current.mutedEverywhere.includes(id)) return current;
  return saveSettings({ mutedEverywhere: [...current.mutedEverywhere, id] });
}

/** Marks an entity again on every site where only the global list kept it off. */
export async function unmuteEntityEverywhere(entityId: string): Promise<Settings> {
  const current = await getSettings();
  return saveSettings({ mutedEverywhere: current.mutedEverywhere.filter((x) => x !== entityId) });
}
