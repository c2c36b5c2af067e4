/** Human names of settings, for the reset notice and validation messages. */
import type { SettingKey } from './schema';
import type { SettingsNotice } from './notice';

export const SETTING_LABELS: Record<SettingKey, string> = {
  enabled: 'On/off',
  mode: 'When to annotate',
  disabledSites: 'Sites where it stays off',
  mutedEntities: 'Names turned off per site',
  mutedEverywhere: 'Names never marked',
  types: 'Kinds of names to mark',
  density: 'Which mentions to mark',
  cardDelayMs: 'Card delay',
  theme: 'Theme',
  history: 'Reading history',
};

/** How this build reads a field a newer version wrote in a way it cannot read (schema.ts, SAFEST_FOR_UNREADABLE). */
const SAFEST_READING: Partial<Record<SettingKey, string>> = {
  enabled: 'switched off',
  mode: 'only when you click',
  history: 'no reading history',
  disabledSites: 'the sites it can read; the others stay in the list',
  mutedEntities: 'the names it can read; the others stay in the list',
  mutedEverywhere: 'the names it can read; the others stay in the list',
};

/**
 * "Some settings could not be read and were reset: Card delay, Theme." and, for settings saved by a
 * newer version, what this version does with them.
 */
export function formatSettingsNotice(notice: Pick<SettingsNotice, 'fields' | 'newer'>): string {
  const parts: string[] = [];
  if (notice.newer) {
    parts.push(
      'Your settings were saved by a newer version of Crypto News Context. This version uses the settings it understands and ' +
        'leaves the others as they are; a change you make here changes only that setting.',
    );
    if (notice.newer.fields.length) {
      const read = notice.newer.fields.map((f) => `${SETTING_LABELS[f] ?? f} (${SAFEST_READING[f] ?? 'the default'})`);
      parts.push(`Until you update, it reads these the safest way: ${read.join(', ')}.`);
    }
  }
  if (notice.fields.length) {
    const names = notice.fields.map((f) => SETTING_LABELS[f] ?? f);
    parts.push(`Some settings could not be read and were reset: ${names.join(', ')}.`);
  }
  return parts.join(' ');
}
