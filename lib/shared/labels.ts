/** What the card lists under "Attribution", and the type's name in a mark's accessible name (message uiMarkType_<type>). */
import type { EntityType } from './contract';
import { t } from './i18n';

/** "threat actor", "government agency"...: the type as a mark's accessible name says it ("Lazarus (threat actor)"). */
export const markTypeName = (type: EntityType): string => t(`uiMarkType_${type.replace(/-/g, '_')}`);

/** Relations the card lists under "Attribution". */
export const ATTRIBUTION_RELATIONS = new Set(['attributed-to', 'part-of', 'operated-by', 'affiliated-with', 'alias-of', 'successor-of']);
