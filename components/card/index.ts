/** The entity card: presentational `EntityCard` (popup look-ups reuse it), the in-page `HoverCard` and their CSS. */
export { EntityCard, reportWrongMatchUrl, type EntityCardProps } from './EntityCard';
export { HoverCard, type HoverCardProps } from './HoverCard';
export { CARD_CSS } from './card-css';
export { TYPE_LABELS, LEVEL_LABELS } from '../../lib/shared/labels';
