/**
 * The card of a name the knowledge base lacks (issue 17): its name, its type and what the article itself
 * says it is, labelled "From this article" so the reader knows it is not our knowledge. Nothing else is
 * claimed. Presentational only; the text comes from the plan (the engine's `articleDescription`).
 */
import { typeLabel } from './card-text';
import type { EntityType } from '../../lib/shared/contract';
import { safeHref } from '../shared/format';
import { t } from '../../lib/shared/i18n';
import { MuteButtons } from './MuteButtons';

export interface ArticleCardProps {
  name: string;
  type: EntityType;
  /** the article's own words about the name, as written */
  description: string;
  headingId?: string;
  /** "Don't mark on this site" */
  onMute?: () => void;
  /** "Never mark this": every site */
  onMuteEverywhere?: () => void;
  /** the page's link the mark sits in (offered as "Open link", http(s) only) */
  linkUrl?: string;
}

export function ArticleCard({ name, type, description, headingId, onMute, onMuteEverywhere, linkUrl }: ArticleCardProps) {
  const open = safeHref(linkUrl);
  return (
    <div class="cnc-card-body">
      <div class="cnc-card-head">
        <h2 id={headingId} class="cnc-card-title">
          {name}
        </h2>
        <span class="cnc-card-type" data-type={type}>
          {typeLabel(type)}
        </span>
      </div>
      <p class="cnc-card-desc cnc-from-article">
        <span class="cnc-label">{t('cardFromArticle')}</span> “{description}”
      </p>
      {(onMute || onMuteEverywhere || open) && (
        <div class="cnc-card-actions">
          {open && (
            <a class="cnc-open" href={open}>
              {t('cardOpenLink')}
            </a>
          )}
          <MuteButtons onMute={onMute} onMuteEverywhere={onMuteEverywhere} />
        </div>
      )}
    </div>
  );
}
