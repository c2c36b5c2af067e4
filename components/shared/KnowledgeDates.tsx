/**
 * How fresh the knowledge is, per source: "Knowledge as of 1 Dec 2026", opening to each data set's own
 * as-of date. Read from what the background publishes (`kb.inUse` in storage.local, lib/shared/kb-updates.ts)
 * for the knowledge in use, built in or a downloaded update; it follows a new update while shown.
 * Renders nothing until the background has published it.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { KB_IN_USE_KEY, parseKnowledgeInUse, type KnowledgeInUse } from '../../lib/shared/knowledge-in-use';
import { t } from '../../lib/shared/i18n';

/** 2026-12-01 -> "1 Dec 2026" (a calendar day: no time zone moves it). */
function formatDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? day : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** The knowledge in use, kept current while the component is shown. */
function useKnowledgeInUse(): KnowledgeInUse | null {
  const [inUse, setInUse] = useState<KnowledgeInUse | null>(null);
  useEffect(() => {
    let live = true;
    const read = () =>
      void browser.storage.local.get(KB_IN_USE_KEY).then(
        (got) => live && setInUse(parseKnowledgeInUse(got[KB_IN_USE_KEY])),
        () => undefined,
      );
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && KB_IN_USE_KEY in changes) read();
    };
    read();
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return inUse;
}

export function KnowledgeDates(props: { inUse?: KnowledgeInUse | null; class?: string }) {
  const own = useKnowledgeInUse();
  const k = props.inUse !== undefined ? props.inUse : own;
  if (!k) return null;
  return (
    <details class={`knowledge-dates${props.class ? ` ${props.class}` : ''}`} data-testid="knowledge-dates">
      <summary>
        {t(k.origin === 'update' ? 'uiKnowledgeAsOfUpdated' : 'uiKnowledgeAsOf', formatDay(k.asOf))}
      </summary>
      <ul aria-label={t('uiKnowledgeSources')}>
        {k.sources.map((s) => (
          <li key={s.name}>
            {s.name}: {formatDay(s.asOf)}
          </li>
        ))}
      </ul>
    </details>
  );
}
