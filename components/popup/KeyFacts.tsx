/** Key facts: amounts stolen (USD and original units), actors with who attributes them, victims, dates. */
import type { KeyFacts as KeyFactsData } from '../../lib/shared/contract';
import { LEVEL_LABELS, formatAmount, formatDate } from '../shared/format';
import { INFERRED_NOTE, actorSources, amountNote } from './key-facts';

export function KeyFacts({ facts }: { facts: KeyFactsData }) {
  return (
    <dl class="facts">
      {facts.stolen.length > 0 && (
        <div class="fact">
          <dt>Amount stolen</dt>
          <dd>
            <ul>
              {facts.stolen.map((m, i) => {
                const shown = formatAmount(m);
                const note = amountNote(m, shown);
                return (
                  <li key={`s${i}`}>
                    <span class="wrap-anywhere">{shown}</span>
                    {note ? <span class="muted">{note}</span> : null}
                  </li>
                );
              })}
            </ul>
          </dd>
        </div>
      )}
      {facts.actors.length > 0 && (
        <div class="fact">
          <dt>Attributed to</dt>
          <dd>
            <ul>
              {facts.actors.map((a) => {
                const sources = actorSources(a);
                return (
                  <li key={a.id}>
                    <strong class="wrap-anywhere">{a.name}</strong>{' '}
                    <span class="badge" data-level={a.level}>
                      {LEVEL_LABELS[a.level]}
                    </span>
                    {sources ? <span>{sources}</span> : null}
                    {a.inferred ? <span class="muted">{INFERRED_NOTE}</span> : null}
                  </li>
                );
              })}
            </ul>
          </dd>
        </div>
      )}
      {facts.victims.length > 0 && (
        <div class="fact">
          <dt>Victims</dt>
          <dd class="wrap-anywhere">{facts.victims.map((v) => v.name).join(', ')}</dd>
        </div>
      )}
      {facts.dates.length > 0 && (
        <div class="fact">
          <dt>Dates</dt>
          <dd>{facts.dates.map(formatDate).join(', ')}</dd>
        </div>
      )}
    </dl>
  );
}
