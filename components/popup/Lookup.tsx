/**
 * Look-up over the knowledge base: type a name ("apt 38", "hidden cobra", "tornado", "garantex"),
 * pick a match, read its card. Works on any page: it asks the background, never the tab.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { EntityCard } from '../card';
import { KnowledgeDates } from '../shared/KnowledgeDates';
import type { CardEntity, LookupResult } from '../../lib/shared/messages';
import type { PopupBackend } from './backend';
import { TYPE_LABELS, plural } from '../shared/format';

/** Wait this long after the last keystroke before searching: one query per pause, not per key. */
export const LOOKUP_DEBOUNCE_MS = 150;
/** Matches listed: the popup is small and the best ones come first. */
export const LOOKUP_LIMIT = 8;

export interface LookupProps {
  backend: PopupBackend;
  initialQuery?: string;
  autoFocus?: boolean;
  theme: 'system' | 'light' | 'dark';
}

type Status = { kind: 'idle' } | { kind: 'searching' } | { kind: 'done'; query: string; count: number } | { kind: 'error' };

export function Lookup({ backend, initialQuery = '', autoFocus = false, theme }: LookupProps) {
  const uid = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const cardRef = useRef<HTMLDivElement>(null);
  const [query, setQuery] = useState(initialQuery);
  const [results, setResults] = useState<LookupResult[]>([]);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [selected, setSelected] = useState<CardEntity | null>(null);
  const [focusCard, setFocusCard] = useState(false);
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    if (autoFocus) inputRef.current?.focus();
  }, [autoFocus]);

  useEffect(() => {
    if (focusCard && selected) {
      cardRef.current?.focus();
      setFocusCard(false);
    }
  }, [focusCard, selected]);

  /** Runs a search; a newer search makes older answers stale (they are dropped). */
  const run = async (q: string): Promise<LookupResult[]> => {
    const mine = ++seq.current;
    const trimmed = q.trim();
    if (!trimmed) {
      setResults([]);
      setStatus({ kind: 'idle' });
      return [];
    }
    setStatus({ kind: 'searching' });
    try {
      const found = await backend.lookup(trimmed, LOOKUP_LIMIT);
      if (mine !== seq.current) return found;
      setResults(found);
      setStatus({ kind: 'done', query: trimmed, count: found.length });
      return found;
    } catch {
      if (mine === seq.current) setStatus({ kind: 'error' });
      return [];
    }
  };

  // a prefilled query (context menu "Look up") searches at once and opens an exact match
  useEffect(() => {
    if (!initialQuery.trim()) return;
    void run(initialQuery).then((found) => {
      const top = found[0];
      if (top && (top.exact || found.length === 1)) setSelected(top.entity);
    });
  }, []);

  useEffect(() => () => clearTimeout(timer.current), []);

  const onInput = (value: string) => {
    setQuery(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void run(value), LOOKUP_DEBOUNCE_MS);
  };

  const open = (entity: CardEntity) => {
    setSelected(entity);
    setFocusCard(true);
  };

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    clearTimeout(timer.current);
    const found = await run(query);
    if (found[0]) open(found[0].entity);
  };

  const statusText =
    status.kind === 'searching'
      ? 'Searching…'
      : status.kind === 'error'
        ? 'The look-up is not available right now.'
        : status.kind === 'done'
          ? status.count
            ? `${plural(status.count, 'match', 'matches')} for “${status.query}”.`
            : `No match for “${status.query}” in the knowledge base.`
          : '';

  return (
    <section class="lookup" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`} class="section-title">
        Look up a name
      </h2>
      <form role="search" class="lookup-form" onSubmit={(e) => void onSubmit(e)}>
        <label for={`${uid}-q`} class="visually-hidden">
          Name, alias or address to look up
        </label>
        <input
          ref={inputRef}
          id={`${uid}-q`}
          type="search"
          value={query}
          placeholder="e.g. APT38, Hidden Cobra, Tornado"
          autoComplete="off"
          spellcheck={false}
          maxLength={200}
          aria-describedby={`${uid}-status`}
          onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit">Look up</button>
      </form>
      <p id={`${uid}-status`} class="lookup-status muted" role="status" aria-live="polite">
        {statusText}
      </p>
      {results.length > 0 && (
        <ul class="lookup-results" aria-label="Matches">
          {results.map((r) => (
            <li key={r.entity.id}>
              <button
                type="button"
                class="lookup-result"
                aria-pressed={selected?.id === r.entity.id}
                onClick={() => open(r.entity)}
              >
                <span class="wrap-anywhere">{r.entity.name}</span>
                <span class="badge">{TYPE_LABELS[r.entity.type]?.one ?? r.entity.type}</span>
                {!r.exact && r.matched !== r.entity.name ? <span class="muted lookup-matched wrap-anywhere">matched “{r.matched}”</span> : null}
              </button>
            </li>
          ))}
        </ul>
      )}
      {selected && (
        <div
          ref={cardRef}
          class="cnc-card lookup-card"
          data-theme={theme}
          tabIndex={-1}
          role="region"
          aria-label={`About ${selected.name}`}
        >
          <EntityCard entity={selected} />
          <KnowledgeDates class="cnc-knowledge-dates" />
        </div>
      )}
    </section>
  );
}
