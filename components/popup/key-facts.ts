/**
 * The key-facts block's data and wording, without Preact: the popup's first script (components/popup/first-paint.ts)
 * and the component (KeyFacts.tsx) both use it.
 */
import type { Amount, Analysis, KeyFacts } from '../../lib/shared/contract';

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

// The block's wording, for both renderings (KeyFacts.tsx and the first screen's copy in first-paint.ts)

/** The article's own words for an amount, after the formatted one: null when they say the same. */
export function amountNote(m: Amount, shown: string): string | null {
  return m.text && shown !== m.text ? ` · article: “${m.text}”` : null;
}

/** Who attributes an actor: null when nobody is named. */
export function actorSources(a: KeyFacts['actors'][number]): string | null {
  return a.by.length ? ` — according to ${a.by.join(', ')}` : null;
}

/** After an actor the article does not name itself. */
export const INFERRED_NOTE = ' (not named in the article; linked by the knowledge base)';
