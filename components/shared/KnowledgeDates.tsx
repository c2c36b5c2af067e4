/**
 * How fresh the knowledge is, per source: "Knowledge as of Dec 1, 2026" (dates in the reader's locale:
 * components/shared/format.ts), opening to each data set's own as-of date. Read from what the background
 * publishes (`kb.inUse` in storage.local, lib/shared/kb-updates.ts) for the knowledge in use, built in or a
 * downloaded update; it follows a new update while shown. Renders nothing until the background has published it.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { KB_IN_USE_KEY, parseKnowledgeInUse, type KnowledgeInUse } from '../../lib/shared/knowledge-in-use';
import { t } from '../../lib/shared/i18n';
import { formatDate } from './format';

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
        {t(k.origin === 'update' ? 'uiKnowledgeAsOfUpdated' : 'uiKnowledgeAsOf', formatDate(k.asOf))}
      </summary>
      <ul aria-label={t('uiKnowledgeSources')}>
        {k.sources.map((s) => (
          <li key={s.name}>
            {s.name}: {formatDate(s.asOf)}
          </li>
        ))}
      </ul>
    </details>
  );
}
