/**
 * The in-page card: a non-modal dialog around `EntityCard`, with a close button. No focus trap:
 * Tab moves on through the page, Escape closes and returns focus to the mark (the controller does that).
 */
import type { CardEntity } from '../../lib/shared/messages';
import { EntityCard, type EntityCardProps } from './EntityCard';
import { ArticleCard, type ArticleCardProps } from './ArticleCard';
import { t } from '../../lib/shared/i18n';

export interface HoverCardProps {
  entityId: string;
  /** null while the background is fetching it; undefined: not found */
  entity: CardEntity | null | undefined;
  /** the name to show while loading */
  fallbackName: string;
  /** the reader's choice, else the page's own background (controller: `themeBehind`) */
  theme: 'light' | 'dark';
  headingId: string;
  found?: EntityCardProps['found'];
  onClose: () => void;
  onMute?: () => void;
  onMuteEverywhere?: () => void;
  /** why the last action was not done (a save the browser refused), in words; shown as an alert */
  problem?: string | null;
  reportUrl?: string;
  /** "More" is open; `onMore` toggles it */
  more?: boolean;
  onMore?: () => void;
  /** the page's link the mark sits in (offered as "Open link") */
  linkUrl?: string;
  /** a name the knowledge base lacks: what the article says it is (shown when there is no entity) */
  article?: Pick<ArticleCardProps, 'type' | 'description'>;
}

export function HoverCard({ entityId, entity, fallbackName, theme, headingId, found, onClose, onMute, onMuteEverywhere, problem, reportUrl, more, onMore, linkUrl, article }: HoverCardProps) {
  return (
    <div class={`cnc-card${more ? ' cnc-more' : ''}`} role="dialog" aria-labelledby={headingId} data-theme={theme} data-cnc-card-entity={entityId} tabIndex={-1}>
      <button type="button" class="cnc-card-close" aria-label={t('cardClose')} onClick={onClose}>
        ×
      </button>
      {entity ? (
        <EntityCard entity={entity} found={found} headingId={headingId} onMute={onMute} onMuteEverywhere={onMuteEverywhere} reportUrl={reportUrl} more={more === true} onMore={onMore ?? (() => {})} linkUrl={linkUrl} />
      ) : article ? (
        <ArticleCard name={fallbackName} type={article.type} description={article.description} headingId={headingId} onMute={onMute} onMuteEverywhere={onMuteEverywhere} linkUrl={linkUrl} />
      ) : (
        <div class="cnc-card-body">
          <h2 id={headingId} class="cnc-card-title">
            {fallbackName}
          </h2>
          <p class="cnc-card-loading">{entity === null ? t('cardLoading') : t('cardNoDetails')}</p>
        </div>
      )}
      <p class="cnc-card-problem" role="alert">
        {problem}
      </p>
    </div>
  );
}
