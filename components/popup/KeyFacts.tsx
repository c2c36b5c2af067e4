/** Key facts: amounts stolen (USD and original units), actors with who attributes them, victims, dates. */
import type { KeyFacts as KeyFactsData } from '../../lib/contract';
import { LEVEL_LABELS, formatAmount, formatDate } from './format';

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
                return (
                  <li key={`s${i}`}>
                    <span class="wrap-anywhere">{shown}</span>
                    {m.text && shown !== m.text ? <span class="muted"> · article: “{m.text}”</span> : null}
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
              {facts.actors.map((a) => (
                <li key={a.id}>
                  <strong class="wrap-anywhere">{a.name}</strong>{' '}
                  <span class="badge" data-level={a.level}>
                    {LEVEL_LABELS[a.level]}
                  </span>
                  {a.by.length > 0 ? <span> — according to {a.by.join(', ')}</span> : null}
                  {a.inferred ? <span class="muted"> (not named in the article; linked by the knowledge base)</span> : null}
                </li>
              ))}
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
