/**
 * The key-facts block's data, without Preact: the popup's first script (components/popup/first-paint.ts)
 * and the component (KeyFacts.tsx) both use it.
 */
import type { Analysis, KeyFacts } from '../../lib/contract';

/** The engine fills keyFacts; older analyses without it get the same block from the raw fields. */
export function keyFactsOf(a: Analysis): KeyFacts {
  if (a.keyFacts) return a.keyFacts;
  return {
    stolen: a.amounts.filter((m) => m.role === 'stolen'),
    actors: a.entities
      .filter((e) => e.type === 'threat-actor')
      .map((e) => ({
        id: e.id,
        name: e.name,
        by: [...new Set((e.via ?? []).map((s) => s.by))],
        level: e.via?.[0]?.level ?? 'article',
        inferred: e.inferred,
      })),
    victims: [],
    dates: a.publishedAt ? [a.publishedAt] : [],
  };
}

export function hasKeyFacts(k: KeyFacts): boolean {
  return k.stolen.length + k.actors.length + k.victims.length + k.dates.length > 0;
}

