/** First-run page: what the extension does, the privacy promise, how to use it. */
import { useEffect } from 'preact/hooks';
import { getSettings } from '../../lib/settings';
import { t } from '../../lib/shared/i18n';
import { applyTheme } from '../shared/theme';
import { DataUpdates } from '../options/DataUpdates';
import { withElement } from '../shared/with-element';

export function Welcome(props: { onOpenOptions: () => void; shortcuts?: { lookup?: string; toggle?: string } }) {
  useEffect(() => {
    void getSettings().then((s) => applyTheme(s.theme));
  }, []);
  const lookupKey = props.shortcuts?.lookup || 'Alt+Shift+L';
  const toggleKey = props.shortcuts?.toggle || 'Alt+Shift+K';
  return (
    <main class="welcome">
      <h1>{t('welTitle')}</h1>
      <p>{t('welIntro')}</p>

      <section aria-labelledby="w-what">
        <h2 id="w-what">{t('welWhatHead')}</h2>
        <ul>
          <li>{t('welWhat1')}</li>
          <li>{t('welWhat2')}</li>
          <li>{t('welWhat3')}</li>
          <li>{t('welWhat4')}</li>
        </ul>
      </section>

      <section aria-labelledby="w-privacy">
        <h2 id="w-privacy">{t('welPrivacyHead')}</h2>
        <p class="promise">
          <strong>{t('welPrivacyStrong')}</strong> {t('welPrivacyRest')}
        </p>
      </section>

      <DataUpdates />

      <section aria-labelledby="w-how">
        <h2 id="w-how">{t('welHowHead')}</h2>
        <ol>
          <li>{t('welHow1')}</li>
          <li>{t('welHow2')}</li>
          <li>{withElement('welHow3', <kbd>{lookupKey}</kbd>)}</li>
          <li>{withElement('welHow4', <kbd>{toggleKey}</kbd>)}</li>
          <li>
            {withElement(
              'welHow5',
              <button type="button" class="link" onClick={props.onOpenOptions}>
                {t('welSettingsLink')}
              </button>,
            )}
          </li>
        </ol>
      </section>

      <section aria-labelledby="w-limits">
        <h2 id="w-limits">{t('welLimitsHead')}</h2>
        <p>{t('welLimits')}</p>
      </section>
    </main>
  );
}
