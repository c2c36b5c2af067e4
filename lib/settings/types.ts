import type { EntityType } from '../shared/contract';

/** User settings (current version). `lib/settings/` owns the schema, defaults, migrations and storage. */
export interface Settings {
  version: number;
  enabled: boolean;
  /** 'auto' annotates detected articles; 'click' only after the toolbar button (activeTab) */
  mode: 'auto' | 'click';
  /** hostnames where the extension stays off */
  disabledSites: string[];
  /** entity ids turned off per hostname ("not this?") */
  mutedEntities: Record<string, string[]>;
  /**
   * entity ids turned off on every site ("Never mark this"). New in this build without a version bump: an
   * older build keeps it as an unknown key and marks those names (docs/adr/0007: never freeze over it).
   */
  mutedEverywhere: string[];
  types: Record<EntityType, boolean>;
  /** 'first': first mention of each entity; 'all': every mention */
  density: 'first' | 'all';
  cardDelayMs: number;
  theme: 'system' | 'light' | 'dark';
  history: boolean;
}
