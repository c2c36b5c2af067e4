/**
 * The entity card: what Crypto News Context knows about one name. Presentational only (props in,
 * markup out): the in-page hover card and the popup's look-up results both render it.
 *
 * Everything shown is text; links are only http(s) and open in a new tab without referrer.
 */
import type { AnalysisEntity } from '../../lib/shared/contract';
import type { CardEntity } from '../../lib/shared/messages';
import { AddressCard } from './AddressCard';
import { KnowledgeDates } from '../shared/KnowledgeDates';
import { ATTRIBUTION_RELATIONS, LEVEL_LABELS, RELATION_LABELS, TYPE_LABELS } from '../../lib/shared/labels';
import { formatDate, formatUsd, safeHref } from '../shared/format';

/** Aliases, incidents and sources beyond these counts are left to the popup's full view. */
const MAX_ALIASES = 8;
const MAX_INCIDENTS = 4;
const MAX_SOURCES = 4;

export interface EntityCardProps {
  entity: CardEntity;
  /** what the analysis of this page says about the entity */
  found?: Pick<AnalysisEntity, 'why' | 'inferred' | 'via'> & { mentionText?: string };
  /** id for the heading, so a dialog can be labelled by it */
  headingId?: string;
  /** "Not this?": mute the entity on this site. Omitted: no button (the popup's look-up). */
  onMute?: () => void;
  /** prefilled "report a wrong match" link; omitted: no link */
  reportUrl?: string;
}

function SourceLink({ title, url, publisher }: { title: string; url: string; publisher?: string | undefined }) {
  const href = safeHref(url);
  const label = publisher && !title.includes(publisher) ? `${title} (${publisher})` : title;
  return href ? (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {label}
    </a>
  ) : (
    <span>{label}</span>
  );
}

export function EntityCard({ entity, found, headingId, onMute, reportUrl }: EntityCardProps) {
  if (entity.type === 'address' && entity.address) return <AddressCard entity={{ ...entity, address: entity.address }} {...(headingId ? { headingId } : {})} {...(onMute ? { onMute } : {})} />;
  const aliases = entity.aliases.filter((a) => a.name !== entity.name).slice(0, MAX_ALIASES);
  const attributions = entity.relations.filter((r) => ATTRIBUTION_RELATIONS.has(r.type));
  const incidents = (entity.incidents ?? []).slice(0, MAX_INCIDENTS);
  const sources = entity.sources.slice(0, MAX_SOURCES);
  const activeSanctions = entity.sanctions.filter((s) => !s.delisted);
  const why = found?.why ?? (found ? (found.inferred ? 'Linked to a name in this article.' : 'Named in this article.') : null);
  return (
    <div class="cnc-card-body">
      <header class="cnc-card-head">
        <h2 id={headingId} class="cnc-card-title">
          {entity.name}
        </h2>
        <span class="cnc-card-type" data-type={entity.type}>
          {TYPE_LABELS[entity.type]}
        </span>
      </header>
      {aliases.length > 0 && (
        <p class="cnc-card-aliases">
          <span class="cnc-label">Also known as </span>
          {aliases.map((a, i) => (
            <span key={a.name}>
              {i > 0 && ', '}
              {a.name}
              {a.usedBy?.length ? <span class="cnc-muted"> ({a.usedBy.slice(0, 2).join(', ')})</span> : null}
            </span>
          ))}
        </p>
      )}
      <p class="cnc-card-desc">{entity.description}</p>

      <section aria-label="Sanctions" class="cnc-card-section">
        <h3>Sanctions</h3>
        {activeSanctions.length > 0 ? (
          <ul>
            {activeSanctions.map((s) => (
              <li key={`${s.authority}-${s.programme}-${s.date}`}>
                <strong>{s.authority}</strong> {s.programme}, {formatDate(s.date)} · <SourceLink title="source" url={s.source.url} />
              </li>
            ))}
          </ul>
        ) : (
          <p class="cnc-muted">{entity.sanctions.length ? 'Delisted: no current sanctions in our data.' : 'None in our data.'}</p>
        )}
      </section>

      {attributions.length > 0 && (
        <section aria-label="Attribution" class="cnc-card-section">
          <h3>Attribution</h3>
          <ul>
            {attributions.map((r) => (
              <li key={`${r.type}-${r.target}-${r.by ?? ''}`}>
                {RELATION_LABELS[r.type] ?? r.type} <strong>{r.targetName ?? r.target}</strong>
                {r.by ? ` — according to ${r.by}` : ''}
                {r.level ? (
                  <span class="cnc-level" data-level={r.level}>
                    {LEVEL_LABELS[r.level]}
                  </span>
                ) : null}{' '}
                · <SourceLink title="source" url={r.source.url} />
              </li>
            ))}
          </ul>
        </section>
      )}

      {(incidents.length > 0 || entity.incident) && (
        <section aria-label="Key incidents" class="cnc-card-section">
          <h3>{entity.incident ? 'Incident' : 'Key incidents'}</h3>
          <ul>
            {entity.incident && (
              <li>
                {formatDate(entity.incident.date)}: {entity.incident.victimName}
                {typeof entity.incident.amountUsd === 'number' ? `, ${formatUsd(entity.incident.amountUsd)}` : ''}
                {entity.incident.technique ? ` (${entity.incident.technique})` : ''}
              </li>
            )}
            {incidents.map((inc) => (
              <li key={inc.id}>
                {formatDate(inc.date)}: {inc.name}
                {typeof inc.amountUsd === 'number' ? `, ${formatUsd(inc.amountUsd)}` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}

      {why && (
        <section aria-label="Why this is marked" class="cnc-card-section">
          <h3>Why it is marked</h3>
          <p>{why}</p>
          {found?.via?.length ? (
            <ol class="cnc-via">
              {found.via.map((step) => (
                <li key={`${step.from}-${step.to}`}>
                  {step.relation} {step.to}, according to {step.by} ({LEVEL_LABELS[step.level]})
                </li>
              ))}
            </ol>
          ) : null}
        </section>
      )}

      {sources.length > 0 && (
        <section aria-label="Sources" class="cnc-card-section">
          <h3>Sources</h3>
          <ul class="cnc-sources">
            {sources.map((s) => (
              <li key={s.url}>
                <SourceLink title={s.title} url={s.url} publisher={s.publisher} />
                {s.date ? <span class="cnc-muted"> · {formatDate(s.date)}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      )}

      {(onMute || reportUrl) && (
        <footer class="cnc-card-actions">
          <span class="cnc-muted">Not this?</span>
          {onMute && (
            <button type="button" class="cnc-button" onClick={onMute}>
              Don't mark on this site
            </button>
          )}
          {reportUrl && safeHref(reportUrl) && (
            <a href={reportUrl} target="_blank" rel="noopener noreferrer">
              Report a wrong match
            </a>
          )}
        </footer>
      )}
      <p class="cnc-card-note cnc-muted">From the built-in knowledge base. Attribution as stated by the named source.</p>
      <KnowledgeDates class="cnc-knowledge-dates" />
    </div>
  );
}

/**
 * A prefilled GitHub issue for a wrong match. Only what the user can see in the card; the page
 * address is NOT included (the user may add it in the form before sending).
 */
export function reportWrongMatchUrl(homepage: string, entity: Pick<CardEntity, 'id' | 'name'>, mentionText?: string): string | null {
  if (!safeHref(homepage)) return null;
  const title = `Wrong match: ${entity.name} (${entity.id})`;
  const body = [
    `Marked text: "${(mentionText ?? '').slice(0, 200)}"`,
    `Matched entity: ${entity.name} (${entity.id})`,
    '',
    'What it should be (or why it is wrong):',
    '',
    'Page address (optional, add it only if you want to share it):',
  ].join('\n');
  return `${homepage.replace(/\/+$/, '')}/issues/new?title=${encodeURIComponent(title)}&body=${encodeURIComponent(body)}`;
}
