/** Card delay (saved when a valid number is committed: on leaving the field or Enter) and the theme. */
import { useEffect, useId, useState } from 'preact/hooks';
import { CARD_DELAY_DEFAULT_MS, CARD_DELAY_MAX_MS, CARD_DELAY_MIN_MS } from '../../lib/settings';
import { t } from '../../lib/shared/i18n';
import type { FieldsetProps } from './fieldset';
import { checkCardDelay } from './site-input';

const THEMES = [
  { value: 'system', label: 'optThemeSystem' },
  { value: 'light', label: 'optThemeLight' },
  { value: 'dark', label: 'optThemeDark' },
] as const;

export function CardsFieldset({ settings, save }: FieldsetProps) {
  const uid = useId();
  const [text, setText] = useState(String(settings.cardDelayMs));
  const [error, setError] = useState<string | null>(null);
  // a change made elsewhere (another device, "Restore default settings") shows here
  useEffect(() => setText(String(settings.cardDelayMs)), [settings.cardDelayMs]);

  const commit = (value: string) => {
    const delay = checkCardDelay(value);
    if (!delay.ok) {
      setError(delay.message);
      return;
    }
    setError(null);
    if (delay.value !== settings.cardDelayMs) void save({ cardDelayMs: delay.value });
  };

  return (
    <fieldset>
      <legend>{t('optCardsLegend')}</legend>
      <label for={`${uid}-delay`}>{t('optDelayLabel')}</label>
      <input
        id={`${uid}-delay`}
        type="number"
        inputMode="numeric"
        min={CARD_DELAY_MIN_MS}
        max={CARD_DELAY_MAX_MS}
        step={50}
        value={text}
        aria-invalid={error ? 'true' : 'false'}
        aria-describedby={`${uid}-delay-help${error ? ` ${uid}-delay-error` : ''}`}
        onInput={(e) => {
          setText((e.currentTarget as HTMLInputElement).value);
          setError(null);
        }}
        onChange={(e) => commit((e.currentTarget as HTMLInputElement).value)}
      />
      <p id={`${uid}-delay-help`} class="muted small">
        {t('optDelayHelp', [String(CARD_DELAY_MIN_MS), String(CARD_DELAY_MAX_MS), String(CARD_DELAY_DEFAULT_MS)])}
      </p>
      {error && (
        <p id={`${uid}-delay-error`} class="error-text" role="alert">
          {error}
        </p>
      )}
      <fieldset class="inner">
        <legend>{t('optThemeLegend')}</legend>
        {THEMES.map((theme) => (
          <label class="check" key={theme.value}>
            <input type="radio" name="theme" value={theme.value} checked={settings.theme === theme.value} onChange={() => void save({ theme: theme.value })} />
            <span>{t(theme.label)}</span>
          </label>
        ))}
      </fieldset>
    </fieldset>
  );
}
