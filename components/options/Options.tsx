/**
 * The options page: every setting, saved together with one button and a confirmation. Bad input
 * (a site that is not a hostname, a card delay out of range) is explained next to the field and
 * nothing is saved until it is fixed. Saving writes only the fields the user changed (settings of a
 * newer version keep everything else, docs/adr/0007); a save the browser's storage refuses (full,
 * sync limits) is explained in words and the form keeps the user's choices, marked unsaved.
 */
import { Fragment } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { ENTITY_TYPES, type EntityType } from '../../lib/shared/contract';
import { clearHistory, getHistory } from '../../lib/history';
import {
  DEFAULT_SETTINGS,
  getSettings,
  saveSettings,
  storageErrorMessage,
  watchSettings,
  type Settings,
  type SettingsPatch,
} from '../../lib/settings';
import { TYPE_LABELS } from '../shared/format';
import { SettingsResetNotice } from '../shared/Notice';
import { applyTheme } from '../shared/theme';
import { DataUpdates } from './DataUpdates';
import { checkCardDelay, checkSiteInput } from './site-input';

type Draft = Omit<Settings, 'cardDelayMs'> & { cardDelayText: string };

function toDraft(s: Settings): Draft {
  const { cardDelayMs, ...rest } = s;
  return { ...rest, cardDelayText: String(cardDelayMs), types: { ...s.types }, disabledSites: [...s.disabledSites], mutedEntities: { ...s.mutedEntities } };
}

/**
 * The fields of the form that differ from the settings it was filled from: what the user changed.
 * Only these are saved, so a change made elsewhere meanwhile, or a value of a newer version this
 * build reads another way, is not written over by an untouched field.
 */
export function changedFields(base: Settings, next: Omit<Settings, 'version'>): SettingsPatch {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if (key === 'version') continue;
    if (JSON.stringify(value) !== JSON.stringify((base as unknown as Record<string, unknown>)[key])) patch[key] = value;
  }
  return patch as SettingsPatch;
}

const TYPE_HELP: Partial<Record<EntityType, string>> = {
  'threat-actor': 'hacking groups such as Lazarus Group',
  agency: 'government bodies such as the FBI or the Reconnaissance General Bureau',
  'sanctioned-jurisdiction': 'countries under sanctions',
  address: 'crypto addresses, checked against the OFAC list',
};

/** The two reading modes: each radio button with the explanation read out with it. */
const MODE_CHOICES: readonly { value: Settings['mode']; label: string; help: string }[] = [
  {
    value: 'auto',
    label: 'Automatically, on every crypto-security article',
    help: 'A quick word check runs on every page you open. Pages that pass it are read and analysed on this device, and the names are marked.',
  },
  {
    value: 'click',
    label: 'Only when I click the toolbar button',
    help:
      'Nothing is read, analysed or added to the reading history until you open the extension’s popup on a page (or press Alt+Shift+K). ' +
      'Then that page is read and marked. A new page waits for a new click. For the strictest setup, also set the browser’s site access ' +
      'for this extension to “On click”.',
  },
];

export interface OptionsProps {
  /** Display name of a KB entity id (muted names are stored as ids); the id itself when unknown. */
  resolveName?: (id: string) => Promise<string | null>;
}

export function Options({ resolveName }: OptionsProps = {}) {
  const uid = useId();
  const [saved, setSaved] = useState<Settings | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [siteText, setSiteText] = useState('');
  const [siteError, setSiteError] = useState<string | null>(null);
  const [delayError, setDelayError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  /** why the last save or history clearing failed, in words (shown as an alert) */
  const [saveError, setSaveError] = useState<string | null>(null);
  const [historyCount, setHistoryCount] = useState<number | null>(null);
  const [names, setNames] = useState<Record<string, string>>({});
  const delayRef = useRef<HTMLInputElement>(null);
  const siteRef = useRef<HTMLInputElement>(null);
  const dirtyRef = useRef(false);
  /** the settings the form was filled from: a save writes only what differs from them */
  const baseRef = useRef<Settings | null>(null);

  useEffect(() => {
    void getSettings().then((s) => {
      baseRef.current = s;
      setSaved(s);
      setDraft(toDraft(s));
      applyTheme(s.theme);
    });
    void getHistory()
      .then((h) => setHistoryCount(h.length))
      .catch(() => setHistoryCount(null));
    return watchSettings((s) => {
      setSaved(s);
      applyTheme(s.theme);
      if (!dirtyRef.current) {
        baseRef.current = s;
        setDraft(toDraft(s));
      }
    });
  }, []);

  const mutedIds = draft ? [...new Set(Object.values(draft.mutedEntities).flat())].sort().join('\n') : '';
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

  if (!draft || !saved) {
    return (
      <main class="options">
        <h1>Crypto News Context settings</h1>
        <p role="status">Loading…</p>
      </main>
    );
  }

  const update = (patch: Partial<Draft>) => {
    dirtyRef.current = true;
    setDraft({ ...draft, ...patch });
    setStatus('');
    setSaveError(null);
  };

  const addSite = () => {
    const check = checkSiteInput(siteText, draft.disabledSites);
    if (!check.ok) {
      setSiteError(check.message);
      siteRef.current?.focus();
      return;
    }
    setSiteError(null);
    setSiteText('');
    update({ disabledSites: [...draft.disabledSites, check.host] });
  };

  const removeSite = (site: string) => update({ disabledSites: draft.disabledSites.filter((s) => s !== site) });

  const unmute = (site: string, id: string) => {
    const left = (draft.mutedEntities[site] ?? []).filter((x) => x !== id);
    const next = { ...draft.mutedEntities };
    if (left.length) next[site] = left;
    else delete next[site];
    update({ mutedEntities: next });
  };

  const save = async (e: Event) => {
    e.preventDefault();
    const delay = checkCardDelay(draft.cardDelayText);
    if (!delay.ok) {
      setDelayError(delay.message);
      setStatus('Not saved: fix the card delay first.');
      delayRef.current?.focus();
      return;
    }
    setDelayError(null);
    const { cardDelayText: _t, version: _v, ...rest } = draft;
    const patch = changedFields(baseRef.current ?? saved, { ...rest, cardDelayMs: delay.value });
    try {
      const next = Object.keys(patch).length ? await saveSettings(patch) : await getSettings();
      dirtyRef.current = false;
      baseRef.current = next;
      setSaved(next);
      setDraft(toDraft(next));
      applyTheme(next.theme);
      setSaveError(null);
      setStatus('Settings saved.');
    } catch (err) {
      // nothing was written: the form keeps the user's choices (still marked unsaved), and what is
      // shown as saved is read again from storage
      setStatus('');
      setSaveError(storageErrorMessage(err));
      void getSettings().then(setSaved, () => undefined);
    }
  };

  const resetAll = () => {
    dirtyRef.current = true;
    setDraft(toDraft({ ...structuredClone(DEFAULT_SETTINGS as Settings) }));
    setDelayError(null);
    setSiteError(null);
    setStatus('Defaults restored in the form. Choose “Save settings” to keep them.');
  };

  const wipeHistory = async () => {
    try {
      await clearHistory();
      setHistoryCount(0);
      setSaveError(null);
      setStatus('Reading history cleared.');
    } catch {
      setStatus('');
      setSaveError('The reading history could not be cleared: your browser’s storage did not accept the change. Try again; if it keeps failing, restart the browser.');
    }
  };

  const dirty = JSON.stringify(toDraft(saved)) !== JSON.stringify(draft);
  const mutedSites = Object.entries(draft.mutedEntities);

  return (
    <main class="options">
      <h1>Crypto News Context settings</h1>
      <p class="muted">Settings are kept in your browser (and synced by it if you use browser sync). Nothing is sent to us.</p>
      <SettingsResetNotice />

      <form class="options-form" onSubmit={(e) => void save(e)} noValidate>
        <fieldset>
          <legend>General</legend>
          <label class="check">
            <input type="checkbox" checked={draft.enabled} onChange={(e) => update({ enabled: (e.currentTarget as HTMLInputElement).checked })} />
            Crypto News Context is on
          </label>
          <fieldset class="inner">
            <legend>When to mark an article</legend>
            {MODE_CHOICES.map((m) => (
              <Fragment key={m.value}>
                <label class="check">
                  <input
                    type="radio"
                    name="mode"
                    value={m.value}
                    checked={draft.mode === m.value}
                    aria-describedby={`${uid}-mode-${m.value}-help`}
                    onChange={() => update({ mode: m.value })}
                  />
                  {m.label}
                </label>
                <p id={`${uid}-mode-${m.value}-help`} class="muted small mode-help">
                  {m.help}
                </p>
              </Fragment>
            ))}
            <p class="muted small">
              Switching to “only when I click” leaves pages already marked as they are. Switching to “automatically” also
              checks the pages that are already open.
            </p>
          </fieldset>
        </fieldset>

        <fieldset>
          <legend>Sites where it stays off</legend>
          {draft.disabledSites.length ? (
            <ul class="site-list" aria-label="Sites where it stays off">
              {draft.disabledSites.map((site) => (
                <li key={site}>
                  <span class="wrap-anywhere">{site}</span>
                  <button type="button" onClick={() => removeSite(site)} aria-label={`Remove ${site}`}>
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">None: it works on every site.</p>
          )}
          <label for={`${uid}-site`}>Add a site</label>
          <div class="row">
            <input
              ref={siteRef}
              id={`${uid}-site`}
              type="text"
              inputMode="url"
              autoComplete="off"
              spellcheck={false}
              placeholder="coindesk.com"
              value={siteText}
              aria-invalid={siteError ? 'true' : 'false'}
              aria-describedby={`${uid}-site-help${siteError ? ` ${uid}-site-error` : ''}`}
              onInput={(e) => {
                setSiteText((e.currentTarget as HTMLInputElement).value);
                setSiteError(null);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  addSite();
                }
              }}
            />
            <button type="button" onClick={addSite}>
              Add site
            </button>
          </div>
          <p id={`${uid}-site-help`} class="muted small">
            A site covers its subdomains: coindesk.com also turns it off on www.coindesk.com.
          </p>
          {siteError && (
            <p id={`${uid}-site-error`} class="error-text" role="alert">
              {siteError}
            </p>
          )}

          <h2 class="subhead">Names turned off per site</h2>
          {mutedSites.length ? (
            <ul class="site-list">
              {mutedSites.flatMap(([site, ids]) =>
                ids.map((id) => (
                  <li key={`${site}/${id}`}>
                    <span class="wrap-anywhere">
                      {names[id] ?? id} <span class="muted">on {site}</span>
                    </span>
                    <button type="button" onClick={() => unmute(site, id)} aria-label={`Mark ${names[id] ?? id} on ${site} again`}>
                      Mark again
                    </button>
                  </li>
                )),
              )}
            </ul>
          ) : (
            <p class="muted">None. Use “Don’t mark on this site” in a card to add one.</p>
          )}
        </fieldset>

        <fieldset>
          <legend>What to mark</legend>
          <fieldset class="inner types">
            <legend>Kinds of names</legend>
            {ENTITY_TYPES.map((t) => (
              <label class="check" key={t}>
                <input
                  type="checkbox"
                  checked={draft.types[t]}
                  onChange={(e) => update({ types: { ...draft.types, [t]: (e.currentTarget as HTMLInputElement).checked } })}
                />
                {TYPE_LABELS[t].many}
                {TYPE_HELP[t] ? <span class="muted small"> — {TYPE_HELP[t]}</span> : null}
              </label>
            ))}
          </fieldset>
          <fieldset class="inner">
            <legend>Which mentions</legend>
            <label class="check">
              <input type="radio" name="density" value="first" checked={draft.density === 'first'} onChange={() => update({ density: 'first' })} />
              The first mention of each name (calmer)
            </label>
            <label class="check">
              <input type="radio" name="density" value="all" checked={draft.density === 'all'} onChange={() => update({ density: 'all' })} />
              Every mention
            </label>
          </fieldset>
        </fieldset>

        <fieldset>
          <legend>Cards and appearance</legend>
          <label for={`${uid}-delay`}>Card delay (milliseconds)</label>
          <input
            ref={delayRef}
            id={`${uid}-delay`}
            type="number"
            inputMode="numeric"
            min={0}
            max={3000}
            step={50}
            value={draft.cardDelayText}
            aria-invalid={delayError ? 'true' : 'false'}
            aria-describedby={`${uid}-delay-help${delayError ? ` ${uid}-delay-error` : ''}`}
            onInput={(e) => {
              update({ cardDelayText: (e.currentTarget as HTMLInputElement).value });
              setDelayError(null);
            }}
          />
          <p id={`${uid}-delay-help`} class="muted small">
            How long the pointer rests on a name before its card opens (0–3000; default {DEFAULT_SETTINGS.cardDelayMs}).
          </p>
          {delayError && (
            <p id={`${uid}-delay-error`} class="error-text" role="alert">
              {delayError}
            </p>
          )}
          <fieldset class="inner">
            <legend>Theme</legend>
            {(['system', 'light', 'dark'] as const).map((t) => (
              <label class="check" key={t}>
                <input type="radio" name="theme" value={t} checked={draft.theme === t} onChange={() => update({ theme: t })} />
                {t === 'system' ? 'Same as the system' : t === 'light' ? 'Light' : 'Dark'}
              </label>
            ))}
          </fieldset>
        </fieldset>

        <fieldset>
          <legend>Reading history</legend>
          <label class="check">
            <input type="checkbox" checked={draft.history} onChange={(e) => update({ history: (e.currentTarget as HTMLInputElement).checked })} />
            Keep a reading history on this device
          </label>
          <p class="muted small">
            Used only for “You read 3 other articles about …” in the popup. It stays in this browser (never synced, never sent), keeps at most
            500 articles, and stores each article’s address, title, date and the names found in it.
          </p>
          <p class="row">
            <button type="button" onClick={() => void wipeHistory()}>
              Clear reading history
            </button>
            <span class="muted small">{historyCount === null ? '' : historyCount === 1 ? '1 article stored' : `${historyCount} articles stored`}</span>
          </p>
        </fieldset>

        <div class="actions">
          <button type="submit" class="primary">
            Save settings
          </button>
          <button type="button" onClick={resetAll}>
            Restore defaults
          </button>
          <span class="muted small">{dirty ? 'You have unsaved changes.' : ''}</span>
        </div>
        <p class="save-status" role="status" aria-live="polite">
          {status}
        </p>
        {saveError && (
          <p class="error-text save-error" role="alert">
            {saveError}
          </p>
        )}
      </form>
      <DataUpdates onSettingsPage />
    </main>
  );
}
