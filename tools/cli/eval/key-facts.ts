/**
 * Key-fact scoring on the articles-more labels (issue 15). Pure functions.
 *
 * The engine's `keyFacts` is read defensively: `event`, `victims[].name`, `amounts[] {text, usd, role}`,
 * `date` and `actors[].name` (the shape of ../shared/docs/analyze-contract.md); a field that is missing
 * or of another type (the older shape has `stolen` and `dates` instead of `amounts` and `date`) is empty.
 */
import { labelKey, listedNames } from './entity-precision';
import type { GoldKeyFacts, LabelEntity } from './labels';

export interface EngineAmount {
  text: string;
  usd: number | null;
  role: string | null;
}

export interface EngineKeyFacts {
  event: string | null;
  victims: string[];
  amounts: EngineAmount[];
  date: string | null;
  actors: string[];
  /** which of the new-shape fields were present (event, amounts, date), for the report */
  newShapeFields: number;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function names(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  return v.map((x) => (isRecord(x) && typeof x.name === 'string' ? x.name : typeof x === 'string' ? x : null)).filter((x): x is string => x !== null);
}

/** Read whatever `keyFacts` the analysis holds; never throws. */
export function readKeyFacts(kf: unknown): EngineKeyFacts {
  const r = isRecord(kf) ? kf : {};
  const amounts: EngineAmount[] = Array.isArray(r.amounts)
    ? r.amounts.filter(isRecord).map((a) => ({
        text: typeof a.text === 'string' ? a.text : '',
        usd: typeof a.usd === 'number' ? a.usd : null,
        role: typeof a.role === 'string' ? a.role : null,
      }))
    : [];
  return {
    event: typeof r.event === 'string' ? r.event : null,
    victims: names(r.victims),
    amounts,
    date: typeof r.date === 'string' && r.date.length > 0 ? r.date : null,
    actors: names(r.actors),
    newShapeFields: ['event', 'amounts', 'date'].filter((k) => k in r).length,
  };
}

/**
 * The older shape's amounts: its `stolen[]` read as amounts with role `stolen` (null when the
 * analysis has the new `amounts` field, or no `stolen` array). Only for a side figure that shows
 * where the engine stands before the new shape exists; the headline figures never use it.
 */
export function readOlderStolen(kf: unknown): EngineAmount[] | null {
  if (!isRecord(kf) || 'amounts' in kf || !Array.isArray(kf.stolen)) return null;
  return kf.stolen.filter(isRecord).map((a) => ({ text: typeof a.text === 'string' ? a.text : '', usd: typeof a.usd === 'number' ? a.usd : null, role: 'stolen' }));
}

/** A gold name and the other names the article's list gives the same entity (its aliases). */
export function goldNameVariants(gold: string, entities: readonly LabelEntity[]): string[] {
  const k = labelKey(gold);
  const out = [gold];
  for (const e of entities) if (listedNames(e).some((n) => labelKey(n) === k)) out.push(...listedNames(e));
  return out;
}

/** Does any reported name match any gold name (by name or the article's aliases for it)? */
function anyNameMatches(gold: readonly string[], reported: readonly string[], entities: readonly LabelEntity[]): boolean {
  const rep = new Set(reported.map(labelKey));
  return gold.some((g) => goldNameVariants(g, entities).some((v) => rep.has(labelKey(v))));
}

/** Relative tolerance of the stolen-amount comparison. */
const STOLEN_TOLERANCE = 0.05;

export function withinTolerance(a: number, b: number, tolerance = STOLEN_TOLERANCE): boolean {
  if (a === b) return true;
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale > 0 && Math.abs(a - b) / scale <= tolerance;
}

/** Amount texts compared case-insensitively with whitespace collapsed. */
function sameAmountText(a: string, b: string): boolean {
  return a.length > 0 && labelKey(a) === labelKey(b);
}

/** Is this engine amount the same figure as this gold amount (same text, or usd within the tolerance)? */
function sameAmount(e: EngineAmount, g: { text: string; usd: number | null }): boolean {
  if (sameAmountText(e.text, g.text)) return true;
  return e.usd !== null && g.usd !== null && withinTolerance(e.usd, g.usd);
}

export interface KeyFactScore {
  /** engine event === gold event (null === null counts) */
  event: boolean;
  /** gold has victims: any matched by a reported victim; gold has none: the engine shows none */
  victim: boolean;
  /** gold has stolen amounts: an engine `stolen` amount within 5% of one; gold has none: the engine shows none */
  stolen: boolean;
  /** gold null: engine null; else the engine's date starts with the gold date (compared at the gold's precision) */
  date: boolean;
  /** as victim, for actors */
  actor: boolean;
  /** amounts shown with a role the gold does not give them (see roleErrors) */
  roleErrors: string[];
  /** whether the gold has a value for each field (to split the figures) */
  goldHas: { victim: boolean; stolen: boolean; date: boolean; actor: boolean };
}

/**
 * Role errors of one article: an engine amount that is the same figure as one or more gold amounts
 * but whose role is none of theirs; and an engine amount with role `stolen` that is no gold amount.
 */
export function roleErrors(gold: GoldKeyFacts, engine: readonly EngineAmount[]): string[] {
  const out: string[] = [];
  for (const e of engine) {
    const same = gold.amounts.filter((g) => sameAmount(e, g));
    if (same.length > 0) {
      if (!same.some((g) => g.role === e.role)) out.push(`${e.text} shown as ${e.role ?? 'no role'}, gold ${[...new Set(same.map((g) => g.role))].join('/')}`);
    } else if (e.role === 'stolen') out.push(`${e.text} shown as stolen, not a gold amount`);
  }
  return out;
}

export function scoreKeyFacts(gold: GoldKeyFacts, engine: EngineKeyFacts, entities: readonly LabelEntity[]): KeyFactScore {
  const goldVictims = gold.victims;
  const goldActors = gold.actors.map((a) => a.name);
  const goldStolen = gold.amounts.filter((a) => a.role === 'stolen' && a.usd !== null);
  const engStolen = engine.amounts.filter((a) => a.role === 'stolen');
  const stolen =
    goldStolen.length === 0
      ? engStolen.length === 0
      : engStolen.some((e) => e.usd !== null && goldStolen.some((g) => withinTolerance(e.usd as number, g.usd as number)));
  const date = gold.date === null ? engine.date === null : engine.date !== null && engine.date.slice(0, gold.date.length) === gold.date;
  return {
    event: (engine.event ?? null) === (gold.event ?? null),
    victim: goldVictims.length === 0 ? engine.victims.length === 0 : anyNameMatches(goldVictims, engine.victims, entities),
    stolen,
    date,
    actor: goldActors.length === 0 ? engine.actors.length === 0 : anyNameMatches(goldActors, engine.actors, entities),
    roleErrors: roleErrors(gold, engine.amounts),
    goldHas: { victim: goldVictims.length > 0, stolen: goldStolen.length > 0, date: gold.date !== null, actor: goldActors.length > 0 },
  };
}
