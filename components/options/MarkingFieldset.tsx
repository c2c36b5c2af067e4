/** What to mark: the kinds of names, and the first mention of each or every mention. */
import { ENTITY_TYPES } from '../../lib/shared/contract';
import { t } from '../../lib/shared/i18n';
import type { FieldsetProps } from './fieldset';

/** `agency`, `threat_actor`...: the type in a message name (`optType_agency`), which allows no hyphen. */
const keyPart = (type: string) => type.replace(/-/g, '_');
const HELP: ReadonlySet<string> = new Set(['threat-actor', 'agency', 'sanctioned-jurisdiction', 'address']);

export function MarkingFieldset({ settings, save }: FieldsetProps) {
  return (
    <fieldset>
      <legend>{t('optWhatLegend')}</legend>
      <fieldset class="inner types">
        <legend>{t('optKindsLegend')}</legend>
        {ENTITY_TYPES.map((type) => (
          <label class="check" key={type}>
            <input
              type="checkbox"
              checked={settings.types[type]}
              onChange={(e) => void save({ types: { ...settings.types, [type]: (e.currentTarget as HTMLInputElement).checked } })}
            />
            <span>
              {t(`optType_${keyPart(type)}`)}
              {HELP.has(type) ? <span class="muted small"> — {t(`optTypeHelp_${keyPart(type)}`)}</span> : null}
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset class="inner">
        <legend>{t('optMentionsLegend')}</legend>
        <label class="check">
          <input type="radio" name="density" value="first" checked={settings.density === 'first'} onChange={() => void save({ density: 'first' })} />
          <span>{t('optDensityFirst')}</span>
        </label>
        <label class="check">
          <input type="radio" name="density" value="all" checked={settings.density === 'all'} onChange={() => void save({ density: 'all' })} />
          <span>{t('optDensityAll')}</span>
        </label>
      </fieldset>
    </fieldset>
  );
}
