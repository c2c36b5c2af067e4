/**
 * The options page: one component per fieldset, each change saved at once (no Save button). After each save a
 * polite status says "Saved."; a save the browser's storage refuses (full, sync limits) is said in words
 * (storageErrorMessage) and the page shows the settings as they are stored. Only the changed fields are
 * written, so settings of a newer version keep everything else (docs/adr/0007).
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import {
  DEFAULT_SETTINGS,
  getSettings,
  saveSettings,
  storageErrorMessage,
  watchSettings,
  type Settings,
  type SettingsPatch,
} from '../../lib/settings';
import { t } from '../../lib/shared/i18n';
import { SettingsResetNotice } from '../shared/Notice';
import { applyTheme } from '../shared/theme';
import { CardsFieldset } from './CardsFieldset';
import { DataUpdates } from './DataUpdates';
import { GeneralFieldset } from './GeneralFieldset';
import { HistoryFieldset } from './HistoryFieldset';
import { MarkingFieldset } from './MarkingFieldset';
import { MutedFieldset } from './MutedFieldset';
import { SitesFieldset } from './SitesFieldset';

export interface OptionsProps {
  /** Display name of a KB entity id (muted names are stored as ids); the id itself when unknown. */
  resolveName?: (id: string) => Promise<string | null>;
}

/** Preferences "Restore default settings" puts back; the lists of sites and names stay. */
const PREFERENCE_DEFAULTS: SettingsPatch = {
  enabled: DEFAULT_SETTINGS.enabled,
  mode: DEFAULT_SETTINGS.mode,
  types: { ...DEFAULT_SETTINGS.types },
  density: DEFAULT_SETTINGS.density,
  cardDelayMs: DEFAULT_SETTINGS.cardDelayMs,
  theme: DEFAULT_SETTINGS.theme,
  history: DEFAULT_SETTINGS.history,
};

export function Options({ resolveName }: OptionsProps = {}) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState('');
  /** why the last save or history clearing failed, in words (shown as an alert) */
  const [error, setError] = useState<string | null>(null);
  const [names, setNames] = useState<Record<string, string>>({});
  /** saves run one after another: each reads what the one before wrote */
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const statusTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    const show = (s: Settings) => {
      setSettings(s);
      applyTheme(s.theme);
    };
    void getSettings().then(show);
    const stop = watchSettings(show);
    return () => {
      stop();
      clearTimeout(statusTimer.current);
    };
  }, []);

  /** Sets the polite status; cleared first so that the same words ("Saved.") are read out again. */
  const announce = useCallback((words: string, failure?: string) => {
    clearTimeout(statusTimer.current);
    setStatus('');
    setError(failure ?? null);
    if (words) statusTimer.current = setTimeout(() => setStatus(words), 50);
  }, []);

  const save = useCallback(
    (patch: SettingsPatch, done = t('optSaved')): Promise<boolean> => {
      // shown at once; the stored value replaces it when the save answers
      setSettings((s) => (s ? { ...s, ...patch } : s));
      const run = queue.current.then(async () => {
        try {
          const next = await saveSettings(patch);
          setSettings(next);
          applyTheme(next.theme);
          announce(done);
          return true;
        } catch (err) {
          // nothing was written: show what is stored and say why in words
          announce('', storageErrorMessage(err));
          await getSettings().then(setSettings, () => undefined);
          return false;
        }
      });
      queue.current = run;
      return run;
    },
    [announce],
  );

  const mutedIds = settings ? [...new Set([...settings.mutedEverywhere, ...Object.values(settings.mutedEntities).flat()])].sort().join('\n') : '';
  useEffect(() => {
    if (!resolveName || !mutedIds) return;
    let live = true;
    void Promise.all(mutedIds.split('\n').map(async (id) => [id, await resolveName(id).catch(() => null)] as const)).then((pairs) => {
      if (live) setNames(Object.fromEntries(pairs.filter((p): p is readonly [string, string] => typeof p[1] === 'string')));
    });
    return () => {
      live = false;
    };
  }, [mutedIds, resolveName]);

  return (
    <main class="options">
      <h1>{t('optTitle')}</h1>
      {settings ? (
        <>
          <p class="muted">{t('optIntro')}</p>
          <SettingsResetNotice />
          <div class="options-form">
            <GeneralFieldset settings={settings} save={save} />
            <SitesFieldset settings={settings} save={save} />
            <MutedFieldset settings={settings} save={save} names={names} />
            <MarkingFieldset settings={settings} save={save} />
            <CardsFieldset settings={settings} save={save} />
            <HistoryFieldset settings={settings} save={save} announce={announce} />
            <div class="actions">
              <button type="button" aria-describedby="restore-help" onClick={() => void save(PREFERENCE_DEFAULTS, t('optRestored'))}>
                {t('optRestoreDefaults')}
              </button>
              <span id="restore-help" class="muted small">
                {t('optRestoreDefaultsHelp')}
              </span>
            </div>
          </div>
          <DataUpdates />
        </>
      ) : (
        <p class="muted">{t('optLoading')}</p>
      )}
      {/* always in the page, so screen readers know the region before the first "Saved." */}
      <p class="save-status" role="status" aria-live="polite">
        {status}
      </p>
      {error && (
        <p class="error-text save-error" role="alert">
          {error}
        </p>
      )}
    </main>
  );
}
