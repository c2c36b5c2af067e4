/** Sites where the extension stays off: the list, each with Remove, and a field to add one. */
import { useId, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/shared/i18n';
import type { FieldsetProps } from './fieldset';
import { checkSiteInput } from './site-input';

export function SitesFieldset({ settings, save }: FieldsetProps) {
  const uid = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const sites = settings.disabledSites;

  const add = async () => {
    const check = checkSiteInput(text, sites);
    if (!check.ok) {
      setError(check.message);
      inputRef.current?.focus();
      return;
    }
    setError(null);
    if (await save({ disabledSites: [...sites, check.host] })) setText('');
  };

  return (
    <fieldset>
      <legend>{t('optSitesLegend')}</legend>
      {sites.length ? (
        <ul class="site-list" aria-label={t('optSitesLegend')}>
          {sites.map((site) => (
            <li key={site}>
              <span class="wrap-anywhere">{site}</span>
              <button type="button" onClick={() => void save({ disabledSites: sites.filter((s) => s !== site) })} aria-label={t('optRemoveSite', site)}>
                {t('optRemove')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('optSitesNone')}</p>
      )}
      <label for={`${uid}-site`}>{t('optAddSiteLabel')}</label>
      <div class="row">
        <input
          ref={inputRef}
          id={`${uid}-site`}
          type="text"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          placeholder={t('optAddSitePlaceholder')}
          value={text}
          aria-invalid={error ? 'true' : 'false'}
          aria-describedby={`${uid}-site-help${error ? ` ${uid}-site-error` : ''}`}
          onInput={(e) => {
            setText((e.currentTarget as HTMLInputElement).value);
            setError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void add();
            }
          }}
        />
        <button type="button" onClick={() => void add()}>
          {t('optAddSite')}
        </button>
      </div>
      <p id={`${uid}-site-help`} class="muted small">
        {t('optSiteHelp')}
      </p>
      {error && (
        <p id={`${uid}-site-error`} class="error-text" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
