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
import { KnowledgeDates } from '../shared/KnowledgeDates';

const time = (ms: number): string => new Date(ms).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** The last check (or start-up) in words. */
function lastCheckWords(last: NonNullable<KbUpdatesState['last']>): string {
  const when = time(last.at);
  switch (last.outcome) {
    case 'applied':
      return `Last check, ${when}: updated; knowledge version ${last.version ?? ''} is now in use.`;
    case 'not-modified':
      return `Last check, ${when}: no new knowledge has been published since the check before.`;
    case 'up-to-date':
      return `Last check, ${when}: the published knowledge is not newer than yours.`;
    case 'failed':
      return ['network', 'http', 'permission', 'storage'].includes(last.reason ?? '')
        ? `Last check, ${when}, failed: ${last.message ?? ''} Your knowledge was not changed.`
        : `Last check, ${when}: an update was downloaded but not used. ${last.message ?? ''} Your knowledge was not changed.`;
    case 'dropped':
      return `At start-up, ${when}, the downloaded update (version ${last.version ?? ''}) was removed: ${last.message ?? ''} The knowledge built into the extension is used.`;
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
          setNote(`Updates stay off: access to ${PACK_HOST} was not allowed.`);
          return;
        }
        const a = await updatesApi.setEnabled(true);
        show(a);
        setNote(a.ok ? 'Updates are on. The first check runs within a minute.' : a.message);
      })
      .catch(() => setNote('Updates stay off: the browser could not ask for the permission. Try again.'))
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
        setNote('Updates are off: nothing is downloaded. Knowledge already downloaded stays in use.');
      })
      .catch(() => setNote('Could not reach the extension’s background. Try again.'))
      .finally(() => {
        setBusy(false);
        setWant(null);
      });
  };

  const checkNow = () => {
    setBusy(true);
    setNote('Checking…');
    void updatesApi
      .checkNow()
      .then((a) => {
        show(a);
        if (!a.ok) setNote(a.retryAt ? `${a.message} Try again after ${new Date(a.retryAt).toLocaleTimeString('en-GB')}.` : a.message);
        else setNote(a.state.last ? lastCheckWords(a.state.last) : '');
      })
      .catch(() => setNote('Could not reach the extension’s background. Try again.'))
      .finally(() => setBusy(false));
  };

  const on = state?.enabled === true;
  return (
    <section class="data-updates" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`}>Knowledge updates</h2>
      <p id={`${uid}-what`} class="muted small">
        Off unless you turn them on. When on, the extension downloads one file, <code class="wrap-anywhere">{PACK_URL}</code>, about
        once a day at a random time and when you choose “Check now”. The request carries no cookies, no referrer and no query:
        nothing about the pages you read, your look-ups, your reading history or your settings is sent. Like any download, the
        server sees your IP address, the time and your browser’s name and version. The file is used only if it is signed with
        the project’s key, intact, newer than the knowledge you have and under 6 MB; otherwise nothing changes. Turning updates on
        asks your browser for access to {PACK_HOST} only; turning them off gives it back.
      </p>
      <label class="check">
        <input
          type="checkbox"
          checked={want ?? on}
          disabled={busy || state === null}
          aria-describedby={`${uid}-what`}
          onChange={(e) => ((e.currentTarget as HTMLInputElement).checked ? turnOn() : turnOff())}
        />
        Download knowledge updates
      </label>
      <div class="row">
        <button type="button" onClick={checkNow} disabled={!on || busy} aria-describedby={on ? undefined : `${uid}-off`}>
          Check now
        </button>
        {!on && (
          <span id={`${uid}-off`} class="muted small">
            Turn updates on to check.
          </span>
        )}
      </div>
      <p role="status" aria-live="polite" data-testid="updates-note">
        {note}
      </p>
      {inUse && (
        <p data-testid="knowledge-in-use">
          Knowledge in use: {inUse.origin === 'update' ? `downloaded update, version ${inUse.version}` : 'built into the extension'}.
        </p>
      )}
      <KnowledgeDates inUse={inUse} />
      {state?.last && <p data-testid="updates-last">{lastCheckWords(state.last)}</p>}
      {on && state?.schedule && <p class="muted small">Next check: around {time(state.schedule.nextCheckAt)}.</p>}
    </section>
  );
}
