/**
 * Look-up over the knowledge base: type a name ("apt 38", "hidden cobra", "tornado", "garantex"),
 * pick a match, read its card; or paste a crypto address, listed or not, and read its chain, checksum,
 * sanctions screening and explorer link (lookup-address.ts). Works on any page: it asks the background,
 * never the tab.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { EntityCard } from '../card';
import { KnowledgeDates } from '../shared/KnowledgeDates';
import type { CardEntity, LookupResult } from '../../lib/shared/messages';
import type { PopupBackend } from './backend';
import { typeLabel } from '../card/card-text';
import { t } from '../../lib/shared/i18n';
import { addressQueryId } from '../../lib/shared/address-id';
import { addressShaped } from './lookup-address';

/** Wait this long after the last keystroke before searching: one query per pause, not per key. */
const LOOKUP_DEBOUNCE_MS = 150;
/** Matches listed: the popup is small and the best ones come first. */
export const LOOKUP_LIMIT = 8;

export interface LookupProps {
  backend: PopupBackend;
  initialQuery?: string;
  autoFocus?: boolean;
  theme: 'system' | 'light' | 'dark';
}

type Status =
  | { kind: 'idle' }
  | { kind: 'searching' }
  /** `address`: the query was shaped like an address; its chain when the background read it as one, else null */
  | { kind: 'done'; query: string; count: number; address?: { chain: string } | null }
  | { kind: 'error' };

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
      const shaped = addressShaped(trimmed);
      const [found, card] = await Promise.all([
        backend.lookup(trimmed, LOOKUP_LIMIT),
        shaped ? backend.getEntity(addressQueryId(trimmed)) : null,
      ]);
      // the address's own card first (the knowledge base's entry for whoever is designated follows)
      const chain = card?.type === 'address' ? card.address?.chain : undefined;
      const all: LookupResult[] = chain ? [{ entity: card!, score: 0, matched: trimmed, exact: true }, ...found] : found;
      if (mine !== seq.current) return all;
      setResults(all);
      setStatus({ kind: 'done', query: trimmed, count: found.length, ...(shaped ? { address: chain ? { chain } : null } : {}) });
      // an address is unambiguous: its card opens at once (focus stays in the box while typing); a string
      // shaped like one that no chain reads leaves no earlier card standing under its message
      if (shaped) setSelected(chain ? card : null);
      return all;
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

  const matches = (count: number, query: string): string => t(count === 1 ? 'popLookupMatchOne' : 'popLookupMatchMany', [count.toLocaleString(), query]);
  const statusText =
    status.kind === 'searching'
      ? t('popLookupSearching')
      : status.kind === 'error'
        ? t('popLookupUnavailable')
        : status.kind === 'done'
          ? status.address
            ? `${t('popLookupAddressFound', status.address.chain)}${status.count ? ` ${matches(status.count, status.query)}` : ''}`
            : status.count
              ? matches(status.count, status.query)
              : status.address === null
                ? t('popLookupNotAnAddress', status.query)
                : t('popLookupNoMatch', status.query)
          : '';

  return (
    <section class="lookup" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`} class="section-title">
        {t('popLookupHeading')}
      </h2>
      <form role="search" class="lookup-form" onSubmit={(e) => void onSubmit(e)}>
        <label for={`${uid}-q`} class="visually-hidden">
          {t('popLookupLabel')}
        </label>
        <input
          ref={inputRef}
          id={`${uid}-q`}
          type="search"
          value={query}
          placeholder={t('popLookupPlaceholder')}
          autoComplete="off"
          spellcheck={false}
          maxLength={200}
          aria-describedby={`${uid}-status`}
          onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit">{t('popLookupButton')}</button>
      </form>
      <p id={`${uid}-status`} class="lookup-status muted" role="status" aria-live="polite">
        {statusText}
      </p>
      {results.length > 0 && (
        <ul class="lookup-results" aria-label={t('popLookupMatches')}>
          {results.map((r) => (
            <li key={r.entity.id}>
              <button
                type="button"
                class="lookup-result"
                aria-pressed={selected?.id === r.entity.id}
                onClick={() => open(r.entity)}
              >
                <span class="wrap-anywhere">{r.entity.name}</span>
                <span class="badge">{typeLabel(r.entity.type)}</span>
                {!r.exact && r.matched !== r.entity.name ? <span class="muted lookup-matched wrap-anywhere">{t('popLookupMatched', r.matched)}</span> : null}
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
          aria-label={t('popLookupAbout', selected.name)}
        >
          <EntityCard entity={selected} />
          <KnowledgeDates class="cnc-knowledge-dates" />
        </div>
      )}
    </section>
  );
}
