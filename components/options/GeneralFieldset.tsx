/** On/off and when to mark an article (automatic or click mode, docs/adr/0005-click-mode.md). */
import { useId } from 'preact/hooks';
import { t } from '../../lib/shared/i18n';
import type { Settings } from '../../lib/settings';
import type { FieldsetProps } from './fieldset';

const MODES: readonly { value: Settings['mode']; label: string; help: string }[] = [
  { value: 'auto', label: 'optModeAuto', help: 'optModeAutoHelp' },
  { value: 'click', label: 'optModeClick', help: 'optModeClickHelp' },
];

export function GeneralFieldset({ settings, save }: FieldsetProps) {
  const uid = useId();
  return (
    <fieldset>
      <legend>{t('optGeneral')}</legend>
      <label class="check">
        <input type="checkbox" checked={settings.enabled} onChange={(e) => void save({ enabled: (e.currentTarget as HTMLInputElement).checked })} />
        <span>{t('optEnabled')}</span>
      </label>
      <fieldset class="inner">
        <legend>{t('optModeLegend')}</legend>
        {MODES.map((m) => (
          <div key={m.value}>
            <label class="check">
              <input
                type="radio"
                name="mode"
                value={m.value}
                checked={settings.mode === m.value}
                aria-describedby={`${uid}-mode-${m.value}-help`}
                onChange={() => void save({ mode: m.value })}
              />
              <span>{t(m.label)}</span>
            </label>
            <p id={`${uid}-mode-${m.value}-help`} class="muted small mode-help">
              {t(m.help)}
            </p>
          </div>
        ))}
        <p class="muted small">{t('optModeSwitchNote')}</p>
      </fieldset>
    </fieldset>
  );
}
