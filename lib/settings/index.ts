/**
 * Settings: schema, defaults, migrations and storage.
 *
 *   const s = await getSettings();            // never throws; defaults for anything unreadable
 *   await saveSettings({ density: 'all' });  // validates; throws SettingsValidationError
 *   const stop = watchSettings((s) => ...);   // any context, any device (sync)
 *   isActiveOn(s, location.hostname)         // enabled and the site is not in the off list
 *   catch (err) { show(storageErrorMessage(err)) }  // a failed save, in words (quota, sync limits)
 */
import { findSiteEntry, hostMatches } from './sites';
import type { Settings } from './types';

export type { Settings } from './types';
export {
  CARD_DELAY_DEFAULT_MS,
  CARD_DELAY_MAX_MS,
  CARD_DELAY_MIN_MS,
  DEFAULT_SETTINGS,
  
  SETTINGS_VERSION,
  defaultSettings,
  repairSettings,
  
} from './schema';
export { MIGRATIONS, migrate, type Migration } from './migrations';
export { MAX_SETTINGS_BACKUPS, getSettingsBackups,  } from './backups';
export {  classifyStorageError, storageErrorMessage,   } from './storage-errors';
export {   normalizeHostname } from './sites';
export { muteEntityEverywhere, unmuteEntityEverywhere } from './muting';
export { dismissSettingsNotice, getSettingsNotice, type SettingsNotice } from './notice';
export {
  SettingsValidationError,
  getSettings,
  loadSettings,
  muteEntityOnSite,
  resetSettings,
  saveSettings,
  setSiteDisabled,
  watchSettings,
  
  type SettingsPatch,
} from './storage';

/** The site (or a parent domain of it) is in the "stays off" list. */
export function isSiteDisabled(settings: Settings, host: string): boolean {
  return findSiteEntry(settings.disabledSites, host) !== undefined;
}

/** The extension should work on this host: switched on and the site is not in the list. */
export function isActiveOn(settings: Settings, host: string): boolean {
  return settings.enabled && !isSiteDisabled(settings, host);
}

/** Entity ids turned off for this host (entries for the site and its parent domains); see also `mutedEverywhere`. */
export function mutedEntitiesFor(settings: Settings, host: string): Set<string> {
  const out = new Set<string>();
  for (const [site, ids] of Object.entries(settings.mutedEntities)) {
    if (hostMatches(host, site)) ids.forEach((id) => out.add(id));
  }
  return out;
}
