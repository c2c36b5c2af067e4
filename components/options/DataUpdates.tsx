/**
 * "Knowledge updates" on the options and welcome pages (issue 20): off until the reader turns them on,
 * with exactly what is fetched and what is not sent; the browser's permission for the one host is asked for
 * in the click that turns them on (and given back when they are turned off); the knowledge in use with its
 * as-of dates, the last check's result in words (why an update was not used), the next check, "Check now".
 */
import { useEffect, useId, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import {
  KB_UPDATES_STATE_KEY,
  PACK_HOST,
  PACK_HOST_PATTERN,
  PACK_URL,
  parseUpdatesState,
  updatesApi,
  type KbUpdatesState,
  type UpdatesAnswer,
} from '../../lib/shared/kb-updates';
import { KB_IN_USE_KEY, parseKnowledgeInUse, type KnowledgeInUse } from '../../lib/shared/knowledge-in-use';
import { updateWords, type UpdateWhy } from '../../lib/shared/update-words';
import { KnowledgeDates } from '../shared/KnowledgeDates';
import { t } from '../../lib/shared/i18n';
import { withElement } from '../shared/with-element';

/** A moment in the reader's locale. */
const time = (ms: number): string => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * Why, in the reader's language: from the code and its parameters (lib/shared/update-words.ts), or, for a record
 * an older version stored with the words themselves, those words as they are.
 */
const whyWords = (r: { why?: UpdateWhy | undefined; message?: string | undefined }): string => (r.why ? updateWords(r.why, t) : (r.message ?? ''));

/** The last check (or start-up) in words. */
function lastCheckWords(last: NonNullable<KbUpdatesState['last']>): string {
  const when = time(last.at);
  switch (last.outcome) {
    case 'applied':
      return t('optUpdApplied', [when, String(last.version ?? '')]);
    case 'not-modified':
      return t('optUpdNotModified', when);
    case 'up-to-date':
      return t('optUpdUpToDate', when);
    case 'failed':
      return t(['network', 'http', 'permission', 'storage'].includes(last.reason ?? '') ? 'optUpdFailed' : 'optUpdNotUsed', [when, whyWords(last)]);
    case 'dropped':
      return t('optUpdDropped', [when, String(last.version ?? ''), whyWords(last)]);
  }
}

export function DataUpdates() {
  const uid = useId();
  const [state, setState] = useState<KbUpdatesState | null>(null);
  const [inUse, setInUse] = useState<KnowledgeInUse | null>(null);
  const [busy, setBusy] = useState(false);
  /** What the reader just chose, shown while the browser and the background answer. */
  const [want, setWant] = useState<boolean | null>(null);
  const [note, setNote] = useState('');

  useEffect(() => {
    let live = true;
    const read = () =>
      void browser.storage.local.get([KB_UPDATES_STATE_KEY, KB_IN_USE_KEY]).then((got) => {
        if (!live) return;
        setState(parseUpdatesState(got[KB_UPDATES_STATE_KEY]));
        setInUse(parseKnowledgeInUse(got[KB_IN_USE_KEY]));
      }, () => undefined);
    read();
    // the background verifies a kept update before it answers
    void updatesApi.getStatus().then((a) => live && show(a), () => undefined);
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && (KB_UPDATES_STATE_KEY in changes || KB_IN_USE_KEY in changes)) read();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);

  const show = (a: UpdatesAnswer) => {
    setState(a.state);
    setInUse(a.inUse);
  };

  const turnOn = () => {
    // asked for in the click itself: the browser shows its prompt only for a user action
    let asked: Promise<boolean>;
    try {
      asked = browser.permissions.request({ origins: [PACK_HOST_PATTERN] });
    } catch (err) {
      asked = Promise.reject(err);
    }
    setBusy(true);
    setWant(true);
    setNote('');
    void asked
      .then(async (granted) => {
        if (!granted) {
          setNote(t('optUpdNotAllowed', PACK_HOST));
          return;
        }
        const a = await updatesApi.setEnabled(true);
        show(a);
        setNote(a.ok ? t('optUpdOn') : whyWords(a));
      })
      .catch(() => setNote(t('optUpdCouldNotAsk')))
      .finally(() => {
        setBusy(false);
        setWant(null);
      });
  };

  const turnOff = () => {
    setBusy(true);
    setWant(false);
    void updatesApi
      .setEnabled(false)
      .then((a) => {
        show(a);
        setNote(t('optUpdOff'));
      })
      .catch(() => setNote(t('optUpdNoBackground')))
      .finally(() => {
        setBusy(false);
        setWant(null);
      });
  };

  const checkNow = () => {
    setBusy(true);
    setNote(t('optUpdChecking'));
    void updatesApi
      .checkNow()
      .then((a) => {
        show(a);
        if (!a.ok) setNote(a.retryAt ? `${whyWords(a)} ${t('optUpdRetryAfter', new Date(a.retryAt).toLocaleTimeString())}` : whyWords(a));
        else setNote(a.state.last ? lastCheckWords(a.state.last) : '');
      })
      .catch(() => setNote(t('optUpdNoBackground')))
      .finally(() => setBusy(false));
  };

  const on = state?.enabled === true;
  return (
    <section class="data-updates" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`}>{t('optUpdTitle')}</h2>
      <p id={`${uid}-what`} class="muted small">
        {withElement('optUpdWhat', <code class="wrap-anywhere">{PACK_URL}</code>)} {t('optUpdWhatMore', PACK_HOST)}
      </p>
      <label class="check">
        <input
          type="checkbox"
          checked={want ?? on}
          disabled={busy || state === null}
          aria-describedby={`${uid}-what`}
          onChange={(e) => ((e.currentTarget as HTMLInputElement).checked ? turnOn() : turnOff())}
        />
        {t('optUpdSwitch')}
      </label>
      <div class="row">
        <button type="button" onClick={checkNow} disabled={!on || busy} aria-describedby={on ? undefined : `${uid}-off`}>
          {t('optUpdCheckNow')}
        </button>
        {!on && (
          <span id={`${uid}-off`} class="muted small">
            {t('optUpdTurnOnToCheck')}
          </span>
        )}
      </div>
      <p role="status" aria-live="polite" data-testid="updates-note">
        {note}
      </p>
      {inUse && (
        <p data-testid="knowledge-in-use">
          {inUse.origin === 'update' ? t('optUpdInUseUpdate', String(inUse.version)) : t('optUpdInUseBuiltIn')}
        </p>
      )}
      <KnowledgeDates inUse={inUse} />
      {state?.last && <p data-testid="updates-last">{lastCheckWords(state.last)}</p>}
      {on && state?.schedule && <p class="muted small">{t('optUpdNext', time(state.schedule.nextCheckAt))}</p>}
    </section>
  );
}
