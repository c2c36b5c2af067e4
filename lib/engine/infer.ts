/**
 * Inference: the article names an incident, a malware family, a group or a unit; the knowledge base says
 * who it is attributed to and which state stands behind it (Lazarus Group -> North Korea, per the US
 * Department of Justice). Report those as `inferred: true` with the chain of relations and their
 * sources, so the reader sees "attributed by <authority>", never a bare claim.
 */
import type { AttributionStep } from '../shared/contract';
import type { KbEntity, KbRelation } from '../kb/types';

/** Relations followed from a named entity towards who is behind it. */
const FOLLOWED: ReadonlySet<KbRelation['type']> = new Set(['attributed-to', 'operated-by', 'part-of', 'alias-of']);
/** Only these kinds of entity are reported as inferred: actors and their agencies, and the state behind them. */
const INFERRED_TYPES = new Set(['threat-actor', 'agency', 'sanctioned-jurisdiction']);
/** Walked through on the way to who is behind something (a country is an end: nothing is attributed onward from it). */
const WALK_TYPES = new Set(['threat-actor', 'agency', 'malware']);
/** Named entities an inference may start from: what someone is attributed to, not agencies or countries. */
const START_TYPES = new Set(['incident', 'malware', 'threat-actor']);
/** Longest chain followed: incident -> actor -> agency. Longer chains stop being about this article. */
const MAX_CHAIN = 3;

const LEVEL_RANK = { official: 0, vendor: 1, press: 2 } as const;

export interface Inferred {
  entity: KbEntity;
  via: AttributionStep[];
}

function step(from: KbEntity, r: KbRelation): AttributionStep {
  return {
    from: from.id,
    to: r.target,
    relation: r.type,
    by: r.by ?? r.source.publisher,
    level: r.level ?? 'press',
    source: { title: r.source.title, url: r.source.url },
  };
}

function chainRank(c: AttributionStep[]): number {
  // shorter and more official first
  return c.length * 10 + Math.max(...c.map((s) => LEVEL_RANK[s.level]));
}

export function inferEntities(named: readonly KbEntity[], byId: (id: string) => KbEntity | undefined): Inferred[] {
  const namedIds = new Set(named.map((e) => e.id));
  const best = new Map<string, AttributionStep[]>();
  const visit = (e: KbEntity, chain: AttributionStep[], seen: Set<string>): void => {
    if (chain.length >= MAX_CHAIN) return;
    for (const r of e.relations) {
      if (!FOLLOWED.has(r.type) || seen.has(r.target)) continue;
      const t = byId(r.target);
      if (!t) continue;
      const c = [...chain, step(e, r)];
      if (!namedIds.has(t.id) && INFERRED_TYPES.has(t.type)) {
        const prev = best.get(t.id);
        if (!prev || chainRank(c) < chainRank(prev)) best.set(t.id, c);
      }
      // keep walking only through actors/agencies (an incident attributed to a group that is part of an agency)
      if (WALK_TYPES.has(t.type)) visit(t, c, new Set([...seen, t.id]));
    }
  };
  for (const e of named) if (START_TYPES.has(e.type)) visit(e, [], new Set([e.id]));
  const out: Inferred[] = [];
  for (const [id, via] of best) {
    const entity = byId(id);
    if (entity) out.push({ entity, via });
  }
  out.sort((a, b) => chainRank(a.via) - chainRank(b.via));
  return out;
}
