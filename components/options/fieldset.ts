/** What every fieldset of the options page gets: the settings as stored, and `save` for one change. */
import type { Settings, SettingsPatch } from '../../lib/settings';

export interface FieldsetProps {
  settings: Settings;
  /** Saves this change at once (only these fields: docs/adr/0007); the page says "Saved." or why not. */
  save: (patch: SettingsPatch) => Promise<boolean>;
}
