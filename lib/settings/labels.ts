/** Human names of settings, for the reset notice and validation messages. */
import type { SettingKey } from './schema';
import type { SettingsNotice } from './storage';

export const SETTING_LABELS: Record<SettingKey, string> = {
  enabled: 'On/off',
  mode: 'When to annotate',
  disabledSites: 'Sites where it stays off',
  mutedEntities: 'Names turned off per site',
  types: 'Kinds of names to mark',
  density: 'Which mentions to mark',
  cardDelayMs: 'Card delay',
  theme: 'Theme',
  history: 'Reading history',
};

/** "Some settings could not be read and were reset: Card delay, Theme." */
export function formatSettingsNotice(notice: Pick<SettingsNotice, 'fields'>): string {
  const names = notice.fields.map((f) => SETTING_LABELS[f] ?? f);
  return `Some settings could not be read and were reset: ${names.join(', ')}.`;
}
