/**
 * Card data from the knowledge base: the entity with the names of the entries its relations point to
 * and the incidents attributed to it, so the card never needs a second look-up.
 */
import type { KbEntity, KbLookup } from '../kb';
import type { CardEntity } from '../shared/messages';

/** Incidents listed on an actor's card. */
const MAX_CARD_INCIDENTS = 8;

export function toCardEntity(kb: KbLookup, e: KbEntity): CardEntity {
  const incidents = kb.kb.entities
    .filter((x) => x.type === 'incident' && x.incident && x.relations.some((r) => r.target === e.id && (r.type === 'attributed-to' || r.type === 'operated-by' || r.type === 'part-of')))
    .map((x) => ({ id: x.id, name: x.name, date: x.incident!.date, amountUsd: x.incident!.amountUsd }))
    .sort((a, b) => b.date.localeCompare(a.date))
    .slice(0, MAX_CARD_INCIDENTS);
  return {
    id: e.id,
    name: e.name,
    type: e.type,
    aliases: e.aliases.map((a) => ({ name: a.name, ...(a.usedBy ? { usedBy: a.usedBy } : {}) })),
    description: e.description,
    ...(e.country ? { country: e.country } : {}),
    relations: e.relations.map((r) => {
      const targetName = kb.byId(r.target)?.name;
      return { ...r, ...(targetName ? { targetName } : {}) };
    }),
    sanctions: e.sanctions,
    sources: e.sources,
    ...(e.incident
      ? {
          incident: {
            date: e.incident.date,
            victimName: e.incident.victimName,
            amountUsd: e.incident.amountUsd,
            ...(e.incident.technique ? { technique: e.incident.technique } : {}),
          },
        }
      : {}),
    ...(incidents.length ? { incidents } : {}),
    ...(e.tags ? { tags: e.tags } : {}),
    ...(e.firstSeen ? { firstSeen: e.firstSeen } : {}),
  };
}
