/**
 * The entity card: what Crypto News Context knows about one name, in the shape of Wikipedia's Page
 * Previews. Presentational only (props in, markup out): the in-page hover card and the popup's look-up
 * results both render it.
 *
 * First screen (the hover card keeps it within about 320x300 px): name and type; one or two lines of what
 * it is; then only the facts that exist (sanctions, attribution with who and how strongly, the top
 * incidents); why it is marked (the name the article used). Behind "More": the rest of the description,
 * other names, every sanction, attribution and incident with its source, the sources, "Never mark this"
 * (every site; "Don't mark on this site" is on the first screen), "report a wrong match". Text is cut only at a sentence or word boundary.
 *
 * Everything shown is text; links are only http(s) and open in a new tab without referrer.
 */
import type { ComponentChild } from 'preact';
import type { CardEntity } from '../../lib/shared/messages';
import { AddressCard } from './AddressCard';
import { ATTRIBUTION_RELATIONS } from '../../lib/shared/labels';
import { formatDate, formatUsd, safeHref } from '../shared/format';
import { t } from '../../lib/shared/i18n';
import { MuteButtons } from './MuteButtons';
import { leadOf, typeLabel, whyMarked } from './card-text';

/** On the first screen: this many facts of each kind, without their source links (all of them behind "More"). */
const FIRST_FACTS = 2;
/** Behind "More": aliases, incidents and sources beyond these counts are left to the popup's look-up. */
const MAX_ALIASES = 8;
const MAX_INCIDENTS = 4;
const MAX_SOURCES = 4;
/**
 * Types for which "no sanctions" is itself worth saying (readers ask it of a hacker group, a mixer, a
 * country or an address); for agencies, people, coins and the like the card says nothing about sanctions
 * unless there are some.
 */
const SANCTIONS_EXPECTED = new Set<CardEntity['type']>(['threat-actor', 'mixer', 'sanctioned-jurisdiction', 'address']);

export interface EntityCardProps {
  entity: CardEntity;
  /** the hover card: the entity is marked in this page; `mentionText`: the words the article used */
  found?: { mentionText?: string };
  /** id for the heading, so a dialog can be labelled by it */
  headingId?: string;
  /**
   * The hover card: only the first screen, with a "More" button (`more`: it is open; `onMore`: toggles it).
   * Omitted (the popup's look-up): everything, no button.
   */
  more?: boolean;
  onMore?: () => void;
  /** "Don't mark on this site". Omitted: no button (the popup's look-up). */
  onMute?: () => void;
  /** "Never mark this" (on any site), shown with everything ("More"). Omitted: no button. */
  onMuteEverywhere?: () => void;
  /** prefilled "report a wrong match" link; omitted: no link */
  reportUrl?: string;
  /** the mark sits in a link of the page: the card offers it as "Open link" (http(s) only) */
  linkUrl?: string;
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

const money = (n: number | null | undefined): string => (typeof n === 'number' ? `, ${formatUsd(n)}` : '');

/** A fact list: on the first screen its first items and "and N more"; with "More", all of them. */
function Facts({ label, items, all, first = FIRST_FACTS }: { label: string; items: ComponentChild[]; all: boolean; first?: number }) {
  const shown = all ? items : items.slice(0, first);
  return (
    <section aria-label={label} class="cnc-card-section">
      <h3>{label}</h3>
      <ul>
        {shown}
        {items.length > shown.length && <li class="cnc-muted">{t('cardAndMore', (items.length - shown.length).toLocaleString())}</li>}
      </ul>
    </section>
  );
}

/** The card's actions: "Don't mark on this site" and "Never mark this" (shared with the address card). */
export function EntityCard({ entity, found, headingId, more, onMore, onMute, onMuteEverywhere, reportUrl, linkUrl }: EntityCardProps) {
  if (entity.type === 'address' && entity.address) return <AddressCard entity={{ ...entity, address: entity.address }} {...(headingId ? { headingId } : {})} mute={onMute || onMuteEverywhere ? <MuteButtons onMute={onMute} onMuteEverywhere={onMuteEverywhere} /> : null} />;
  const all = onMore === undefined || more === true;
  const aliases = entity.aliases.filter((a) => a.name !== entity.name).slice(0, MAX_ALIASES);
  const attributions = entity.relations.filter((r) => ATTRIBUTION_RELATIONS.has(r.type));
  // the top incidents: the largest first
  const incidents = [...(entity.incidents ?? [])].sort((a, b) => (b.amountUsd ?? 0) - (a.amountUsd ?? 0)).slice(0, MAX_INCIDENTS);
  const sources = entity.sources.slice(0, MAX_SOURCES);
  const sanctions = entity.sanctions.filter((s) => !s.delisted);
  const why = found ? whyMarked(entity, found.mentionText) : null;
  const open = safeHref(linkUrl);
  const own = entity.incident;
  const source = (url: string) => all && <> · <SourceLink title={t('cardSource')} url={url} /></>;
  return (
    <div class="cnc-card-body">
      <div class="cnc-card-head">
        <h2 id={headingId} class="cnc-card-title">
          {entity.name}
        </h2>
        <span class="cnc-card-type" data-type={entity.type}>
          {typeLabel(entity.type)}
        </span>
      </div>
      <p class="cnc-card-desc">{all ? entity.description : leadOf(entity.description)}</p>
      {all && aliases.length > 0 && (
        <p class="cnc-card-aliases">
          <span class="cnc-label">{t('cardAlsoKnownAs')} </span>
          {aliases.map((a, i) => (
            <span key={a.name}>
              {i > 0 && ', '}
              {a.name}
              {a.usedBy?.length ? <span class="cnc-muted"> ({a.usedBy.slice(0, 2).join(', ')})</span> : null}
            </span>
          ))}
        </p>
      )}
      {own && all && (
        <Facts
          label={t('cardIncident')}
          all
          items={[
            <li key="own">
              {formatDate(own.date)}: {own.victimName}
              {money(own.amountUsd)}
              {all && own.technique ? ` (${own.technique})` : ''}
            </li>,
          ]}
        />
      )}
      {sanctions.length > 0 ? (
        <Facts
          label={t('cardSanctions')}
          all={all}
          items={sanctions.map((s) => (
            <li key={`${s.authority}-${s.programme}-${s.date}`}>
              <strong>{s.authority}</strong>
              {all ? ` ${s.programme}, ${formatDate(s.date)}` : `, ${s.date.slice(0, 4)}`}
              {source(s.source.url)}
            </li>
          ))}
        />
      ) : (
        SANCTIONS_EXPECTED.has(entity.type) && (
          <Facts label={t('cardSanctions')} all items={[<li key="none">{t('cardSanctionsNone')}</li>]} />
        )
      )}
      {attributions.length > 0 && (
        <Facts
          label={t('cardAttribution')}
          all={all}
          first={1}
          items={attributions.map((r) => (
            <li key={`${r.type}-${r.target}-${r.by ?? ''}`}>
              {t(`cardRel_${r.type.replace(/-/g, '_')}`)} <strong>{r.targetName ?? r.target}</strong>
              {r.by ? ` (${all ? t('cardAccordingTo', r.by) : r.by}${r.level ? `, ${t(`cardLevel_${r.level}`)}` : ''})` : ''}
              {source(r.source.url)}
            </li>
          ))}
        />
      )}
      {incidents.length > 0 && (
        <Facts
          label={t('cardTopIncidents')}
          all={all}
          items={incidents.map((inc) => (
            <li key={inc.id}>
              {inc.name} ({all ? formatDate(inc.date) : inc.date.slice(0, 4)}
              {money(inc.amountUsd)})
            </li>
          ))}
        />
      )}
      {why && (
        <p class="cnc-why">
          <span class="cnc-label">{t('cardWhyMarked')}</span> {why}
        </p>
      )}
      {all && sources.length > 0 && (
        <Facts
          label={t('cardSources')}
          all
          items={sources.map((s) => (
            <li key={s.url}>
              <SourceLink title={s.title} url={s.url} publisher={s.publisher} />
              {s.date ? <span class="cnc-muted"> · {formatDate(s.date)}</span> : null}
            </li>
          ))}
        />
      )}
      {(onMore || onMute || (all && onMuteEverywhere) || open) && (
        <div class="cnc-card-actions">
          {open && (
            <a class="cnc-open" href={open}>
              {t('cardOpenLink')}
            </a>
          )}
          {onMore && (
            <button type="button" class="cnc-button" aria-expanded={all ? 'true' : 'false'} onClick={onMore}>
              {all ? t('cardLess') : t('cardMore')}
            </button>
          )}
          {/* "Never mark this" behind "More": the first screen keeps to about 320x300 px */}
          <MuteButtons onMute={onMute} onMuteEverywhere={all ? onMuteEverywhere : undefined} />
          {all && reportUrl && safeHref(reportUrl) && (
            <a href={reportUrl} target="_blank" rel="noopener noreferrer">
              {t('cardReport')}
            </a>
          )}
        </div>
      )}
    </div>
  );
}

/**
 * A prefilled GitHub issue for a wrong match, in the reader's language. Only what the user can see in the card;
 * the page address is NOT included (the user may add it in the form before sending).
 */
export function reportWrongMatchUrl(homepage: string, entity: Pick<CardEntity, 'id' | 'name'>, mentionText?: string): string | null {
  if (!safeHref(homepage)) return null;
  const title = t('cardReportTitle', [entity.name, entity.id]);
  const body = [t('cardReportMarked', (mentionText ?? '').slice(0, 200)), t('cardReportEntity', [entity.name, entity.id]), '', t('cardReportWhat'), '', t('cardReportAddress')].join('\n');
  return `${homepage.replace(/\/+$/, '')}/issues/new?title=${encodeURIComponent(title)}&body=${encodeURIComponent(body)}`;
}
