/**
 * The names found in the article, grouped by type. A named entity is a button: it asks the tab to
 * scroll to its first mention and open its card. Inferred ones (not in the text) say how they link: in a sentence
 * (lib/shared/analysis-words.ts `inferredWhy`), with every link of the chain in its title.
 */
import type { AnalysisEntity, AttributionStep, EntityType } from '../../lib/shared/contract';
import { TYPE_ORDER } from '../shared/format';
import { t } from '../../lib/shared/i18n';
import { inferredWhy } from '../../lib/shared/analysis-words';

/** "Threat actors", "Agencies"... (the options page's names of the kinds, messages optType_<type>). */
const groupLabel = (type: EntityType): string => t(`optType_${type.replace(/-/g, '_')}`);
const mentions = (n: number): string => t(n === 1 ? 'popMentionOne' : 'popMentionMany', n.toLocaleString());

/** The relations lib/engine/infer.ts follows, each worded whole (messages popVia_<relation>) so a language can reorder it. */
const VIA_RELATIONS = new Set(['attributed-to', 'operated-by', 'part-of', 'alias-of']);

/** One link of how an inferred name is reached: "Lazarus Group part of Reconnaissance General Bureau (OFAC, official)". */
function viaLink(s: AttributionStep, nameOf: (id: string) => string): string {
  const args = [nameOf(s.from), nameOf(s.to), s.by, t(`popViaLevel_${s.level}`)];
  return VIA_RELATIONS.has(s.relation) ? t(`popVia_${s.relation.replace(/-/g, '_')}`, args) : t('popVia', [...args, s.relation.replace(/-/g, ' ')]);
}

function groupEntities(entities: readonly AnalysisEntity[]): [EntityType, AnalysisEntity[]][] {
  const groups = new Map<EntityType, AnalysisEntity[]>();
  for (const e of entities) {
    const list = groups.get(e.type) ?? [];
    list.push(e);
    groups.set(e.type, list);
  }
  for (const list of groups.values()) {
    // named before inferred, then most mentioned first
    list.sort((a, b) => Number(a.inferred) - Number(b.inferred) || b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
  }
  return TYPE_ORDER.filter((t) => groups.has(t)).map((t) => [t, groups.get(t)!]);
}

export function EntityGroups(props: { entities: readonly AnalysisEntity[]; onShow: (e: AnalysisEntity) => void; canScroll: boolean }) {
  const groups = groupEntities(props.entities);
  const names = new Map(props.entities.map((e) => [e.id, e.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  return (
    <div class="entity-groups">
      {groups.map(([type, list]) => (
        <section key={type} class="entity-group" aria-label={groupLabel(type)}>
          <h4 class="group-title">
            {groupLabel(type)} <span class="muted">({list.length.toLocaleString()})</span>
          </h4>
          <ul class="entity-list">
            {list.map((e) => (
              <li key={e.id}>
                {!e.inferred && e.mentions.length > 0 && props.canScroll ? (
                  <button type="button" class="entity-chip" onClick={() => props.onShow(e)} title={t('popShowInPage', e.name)}>
                    <span class="wrap-anywhere">{e.name}</span>
                    <span class="badge">{mentions(e.mentions.length)}</span>
                  </button>
                ) : (
                  <span class="entity-chip static">
                    <span class="wrap-anywhere">{e.name}</span>
                    <span class="badge">{e.inferred ? t('popInferred') : mentions(e.mentions.length)}</span>
                  </span>
                )}
                {e.inferred && (e.why || e.via?.length) ? (
                  <p class="entity-why muted wrap-anywhere" title={e.via?.length ? e.via.map((s) => viaLink(s, nameOf)).join('; ') : undefined}>
                    {inferredWhy(e, nameOf, t)}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
