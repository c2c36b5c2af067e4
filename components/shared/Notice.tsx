/**
 * The settings notice, shared by the popup and the options page: some settings were reset, and/or the
 * settings were saved by a newer version (lib/settings/labels.ts, formatSettingsNotice, has the words).
 */
import { useEffect, useState } from 'preact/hooks';
import { formatSettingsNotice } from '../../lib/settings/labels';
import { dismissSettingsNotice, getSettingsNotice, type SettingsNotice } from '../../lib/settings';
import { t } from '../../lib/shared/i18n';

export function SettingsResetNotice(props: { optionsLink?: boolean; onOpenOptions?: () => void }) {
  const [notice, setNotice] = useState<SettingsNotice | null>(null);
  useEffect(() => {
    let live = true;
    void getSettingsNotice().then((n) => live && setNotice(n));
    return () => {
      live = false;
    };
  }, []);
  if (!notice) return null;
  return (
    <div class="notice" role="status">
      <p style={{ margin: 0 }}>{formatSettingsNotice(notice)}</p>
      <p style={{ margin: '0.35em 0 0', display: 'flex', gap: '1em', flexWrap: 'wrap' }}>
        {props.optionsLink && props.onOpenOptions ? (
          <button type="button" class="link" onClick={props.onOpenOptions}>
            {t('uiReviewSettings')}
          </button>
        ) : null}
        <button
          type="button"
          class="link"
          onClick={() => {
            // if storage refuses, the notice stays: it is shown again rather than lost
            void dismissSettingsNotice().then(
              () => setNotice(null),
              () => undefined,
            );
          }}
        >
          {t('uiDismiss')}
        </button>
      </p>
    </div>
  );
}
