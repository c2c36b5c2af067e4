/** Names of settings, for the reset notice and validation messages, in the reader's language (lib/shared/i18n). */
import { t } from '../shared/i18n';
import type { SettingKey } from './schema';
import type { SettingsNotice } from './notice';

/** The message naming each setting. */
const SETTING_MESSAGES: Readonly<Record<SettingKey, string>> = {
  enabled: 'uiSettingEnabled',
  mode: 'uiSettingMode',
  disabledSites: 'uiSettingDisabledSites',
  mutedEntities: 'uiSettingMutedEntities',
  mutedEverywhere: 'uiSettingMutedEverywhere',
  types: 'uiSettingTypes',
  density: 'uiSettingDensity',
  cardDelayMs: 'uiSettingCardDelay',
  theme: 'uiSettingTheme',
  history: 'uiSettingHistory',
};

/** How this build reads a field a newer version wrote in a way it cannot read (schema.ts, SAFEST_FOR_UNREADABLE). */
const SAFEST_READING: Partial<Record<SettingKey, string>> = {
  enabled: 'uiSafestOff',
  mode: 'uiSafestClick',
  history: 'uiSafestNoHistory',
  disabledSites: 'uiSafestSites',
  mutedEntities: 'uiSafestNames',
  mutedEverywhere: 'uiSafestNames',
};

/** "Card delay"; a field this version does not know (a newer version's) by its stored name. */
export function settingLabel(field: string): string {
  return Object.hasOwn(SETTING_MESSAGES, field) ? t(SETTING_MESSAGES[field as SettingKey]) : field;
}

/**
 * "Some settings could not be read and were reset: Card delay, Theme." and, for settings saved by a
 * newer version, what this version does with them.
 */
export function formatSettingsNotice(notice: Pick<SettingsNotice, 'fields' | 'newer'>): string {
  const parts: string[] = [];
  if (notice.newer) {
    parts.push(t('uiNoticeNewer'));
    if (notice.newer.fields.length) {
      const read = notice.newer.fields.map((f) => t('uiNoticeNewerSetting', [settingLabel(f), t((Object.hasOwn(SAFEST_READING, f) && SAFEST_READING[f]) || 'uiSafestDefault')]));
      parts.push(t('uiNoticeNewerReads', read.join(', ')));
    }
  }
  if (notice.fields.length) parts.push(t('uiNoticeReset', notice.fields.map(settingLabel).join(', ')));
  return parts.join(' ');
}
