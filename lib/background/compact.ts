/**
 * What the background keeps of an analysis for a tab (storage.session, the popup's answer, the plan): bounded
 * whatever the page holds. A page that repeats "paid $1 million" 8,500 times gave a ~1 MB analysis that was
 * cloned into and out of session storage on every reading and held up every other tab's messages; real
 * articles stay far below these limits, so for them nothing changes.
 */
import type { Analysis, KeyFacts } from '../shared/contract';

/** Amounts and addresses kept: a real article names a few dozen at most. */
export const MAX_KEPT_AMOUNTS = 100;
const MAX_KEPT_ADDRESSES = 100;
/** Entities kept: the highlight plan carries at most 500 (lib/shared/messages.ts). */
const MAX_KEPT_ENTITIES = 500;
/** Mentions kept per entity: the plan sends at most this many to the page (./plan.ts). */
export const MAX_KEPT_MENTIONS = 200;
/** Summary: a handful of sentences, each cut at this length (a page with no full stops is one "sentence"). */
export const MAX_SUMMARY_SENTENCES = 10;
export const MAX_SUMMARY_CHARS = 1_000;
/** Key-facts lists: the popup shows a few lines of each. */
const MAX_KEY_FACTS = 20;

const clip = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

function compactKeyFacts(k: KeyFacts): KeyFacts {
  return {
    ...k,
    ...(k.amounts ? { amounts: k.amounts.slice(0, MAX_KEY_FACTS) } : {}),
    stolen: k.stolen.slice(0, MAX_KEY_FACTS),
    actors: k.actors.slice(0, MAX_KEY_FACTS),
    victims: k.victims.slice(0, MAX_KEY_FACTS),
    dates: k.dates.slice(0, MAX_KEY_FACTS),
  };
}

/** The analysis with every list bounded; the same object when nothing is over a limit. */
export function compactAnalysis(a: Analysis): Analysis {
  const over =
    a.amounts.length > MAX_KEPT_AMOUNTS ||
    a.addresses.length > MAX_KEPT_ADDRESSES ||
    a.entities.length > MAX_KEPT_ENTITIES ||
    a.entities.some((e) => e.mentions.length > MAX_KEPT_MENTIONS) ||
    a.summary.length > MAX_SUMMARY_SENTENCES ||
    a.summary.some((s) => s.length > MAX_SUMMARY_CHARS) ||
    (a.keyFacts !== undefined && Object.values(a.keyFacts).some((l: unknown) => Array.isArray(l) && l.length > MAX_KEY_FACTS));
  if (!over) return a;
  return {
    ...a,
    // mentions in text order, so that the first ones (the ones a reader meets) are kept
    entities: a.entities.slice(0, MAX_KEPT_ENTITIES).map((e) =>
      e.mentions.length > MAX_KEPT_MENTIONS ? { ...e, mentions: [...e.mentions].sort((x, y) => x.start - y.start).slice(0, MAX_KEPT_MENTIONS) } : e,
    ),
    amounts: a.amounts.slice(0, MAX_KEPT_AMOUNTS),
    addresses: a.addresses.slice(0, MAX_KEPT_ADDRESSES),
    summary: a.summary.slice(0, MAX_SUMMARY_SENTENCES).map((s) => clip(s, MAX_SUMMARY_CHARS)),
    ...(a.keyFacts ? { keyFacts: compactKeyFacts(a.keyFacts) } : {}),
  };
}
