/**
 * Key facts, one line per fact in the reader's words: "What happened: Hack or theft", "Victim: Drift",
 * "Stolen: $48M (Mar 3, 2025)", "Frozen: $20M", "Bounty offered: $4.8M", "Attributed to: Lazarus Group —
 * according to FBI (official attribution)". What the engine is not sure of is not there to show.
 */
import type { KeyFacts as KeyFactsData } from '../../lib/shared/contract';
import { formatAmount, formatDate } from '../shared/format';
import { actorSources, amountLines, amountNote, eventLabel, inferredNote } from './key-facts';
import { t } from '../../lib/shared/i18n';

export function KeyFacts({ facts }: { facts: KeyFactsData }) {
  const lines = amountLines(facts);
  const date = facts.date ? formatDate(facts.date) : null;
  // the date goes after the first line that says what was taken; else a line of its own
  const dateOnAmount = date !== null && lines.length > 0 && lines[0]!.role !== 'aggregate';
  return (
    <dl class="facts">
      {facts.event && (
        <div class="fact" data-fact="event">
          <dt>{t('popFactEvent')}</dt>
          <dd>{eventLabel(facts.event)}</dd>
        </div>
      )}
      {facts.victims.length > 0 && (
        <div class="fact" data-fact="victims">
          <dt>{t(facts.victims.length > 1 ? 'popFactVictims' : 'popFactVictim')}</dt>
          <dd class="wrap-anywhere">{facts.victims.map((v) => v.name).join(', ')}</dd>
        </div>
      )}
      {lines.map((line, li) => (
        <div class="fact" data-fact="amount" data-role={line.role} key={line.role}>
          <dt>{line.label}</dt>
          <dd>
            <ul>
              {line.amounts.map((m, i) => {
                const shown = formatAmount({ text: m.text, value: m.value, currency: m.currency, usd: m.usd });
                const note = amountNote(m, shown);
                return (
                  <li key={`${line.role}${i}`}>
                    <span class="wrap-anywhere">{shown}</span>
                    {li === 0 && i === 0 && dateOnAmount ? <span class="fact-date"> ({date})</span> : null}
                    {note ? <span class="muted">{note}</span> : null}
                  </li>
                );
              })}
            </ul>
            {line.by ? <span class="muted">{t('popFactReportedBy', line.by)}</span> : null}
          </dd>
        </div>
      ))}
      {date !== null && !dateOnAmount && (
        <div class="fact" data-fact="date">
          <dt>{t('popFactWhen')}</dt>
          <dd>{date}</dd>
        </div>
      )}
      {facts.actors.length > 0 && (
        <div class="fact" data-fact="actors">
          <dt>{t('popFactActors')}</dt>
          <dd>
            <ul>
              {facts.actors.map((a) => {
                const sources = actorSources(a);
                return (
                  <li key={a.id}>
                    <strong class="wrap-anywhere">{a.name}</strong>
                    {sources ? <span>{sources}</span> : null}{' '}
                    <span class="badge" data-level={a.level}>
                      {t(`popLevel_${a.level}`)}
                    </span>
                    {a.inferred ? <span class="muted">{inferredNote()}</span> : null}
                  </li>
                );
              })}
            </ul>
          </dd>
        </div>
      )}
    </dl>
  );
}
