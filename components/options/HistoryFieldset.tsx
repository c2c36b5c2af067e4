/** The local reading history: keep it or not, and clear it. */
import { useEffect, useState } from 'preact/hooks';
import { clearHistory, getHistory } from '../../lib/history';
import { t } from '../../lib/shared/i18n';
import type { FieldsetProps } from './fieldset';

export function HistoryFieldset({ settings, save, announce }: FieldsetProps & { announce: (status: string, error?: string) => void }) {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    void getHistory().then((h) => setCount(h.length), () => setCount(null));
  }, []);

  const wipe = async () => {
    try {
      await clearHistory();
      setCount(0);
      announce(t('optHistoryCleared'));
    } catch {
      announce('', t('optHistoryClearFailed'));
    }
  };

  return (
    <fieldset>
      <legend>{t('optHistoryLegend')}</legend>
      <label class="check">
        <input type="checkbox" checked={settings.history} onChange={(e) => void save({ history: (e.currentTarget as HTMLInputElement).checked })} />
        <span>{t('optHistoryKeep')}</span>
      </label>
      <p class="muted small">{t('optHistoryHelp')}</p>
      <p class="row">
        <button type="button" onClick={() => void wipe()}>
          {t('optHistoryClear')}
        </button>
        <span class="muted small">{count === null ? '' : count === 1 ? t('optHistoryCountOne') : t('optHistoryCountMany', count.toLocaleString())}</span>
      </p>
    </fieldset>
  );
}
