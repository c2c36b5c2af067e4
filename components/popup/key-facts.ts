/** The key-facts block's data and wording (KeyFacts.tsx renders it): one line per fact, in the reader's words. */
import type { Amount, AmountRole, Analysis, EventKind, KeyAmount, KeyFacts } from '../../lib/shared/contract';
import { t } from '../../lib/shared/i18n';

/**
 * The engine fills keyFacts; older analyses without it get the same block from the raw fields. An
 * analysis stored before the event frame (no `amounts`) shows its stolen amounts, never its dates (they
 * were every date in the text, not the event's).
 */
export function keyFactsOf(a: Analysis): KeyFacts {
  const k: KeyFacts = a.keyFacts ?? {
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
    dates: [],
  };
  if (k.amounts) return k;
  return { ...k, event: k.event ?? null, date: null, amounts: k.stolen.map((m) => ({ ...m, role: 'stolen' as const })) };
}

/** The words for what happened (messages popEvent_<kind>). */
export const eventLabel = (kind: EventKind): string => t(`popEvent_${kind.replace(/-/g, '_')}`);

/** The line label of an amount in its role (messages popRole_<role>); `other` amounts are not shown (the engine does not know what they are). */
const roleLabel = (role: Exclude<AmountRole, 'other'>): string => t(`popRole_${role}`);

/** Lines in this order: what was taken first, then what came back, then totals. */
const ROLE_ORDER: readonly Exclude<AmountRole, 'other'>[] = ['stolen', 'ransom', 'laundered', 'frozen', 'recovered', 'seized', 'bounty', 'fine', 'aggregate'];
/** Amounts shown per role line. */
const PER_ROLE = 3;

export interface AmountLine {
  role: Exclude<AmountRole, 'other'>;
  label: string;
  amounts: KeyAmount[];
  /** who reports a total, when the article names them */
  by: string | null;
}

/** The amount lines: one per role, amounts of a role together, largest first; `other` left out. */
export function amountLines(k: KeyFacts): AmountLine[] {
  const amounts = k.amounts ?? [];
  const out: AmountLine[] = [];
  for (const role of ROLE_ORDER) {
    const of = amounts.filter((a) => a.role === role).sort((a, b) => (b.usd ?? 0) - (a.usd ?? 0)).slice(0, PER_ROLE);
    if (!of.length) continue;
    out.push({ role, label: roleLabel(role), amounts: of, by: of.find((a) => a.by)?.by ?? null });
  }
  return out;
}

export function hasKeyFacts(k: KeyFacts): boolean {
  return Boolean(k.event) || Boolean(k.date) || amountLines(k).length + k.actors.length + k.victims.length > 0;
}

/** The article's own words for an amount, after the formatted one: null when they say the same. */
export function amountNote(m: Amount | KeyAmount, shown: string): string | null {
  return m.text && shown !== m.text ? ` · ${t('popFactArticleSaid', m.text)}` : null;
}

/** Who attributes an actor: null when nobody is named. */
export function actorSources(a: KeyFacts['actors'][number]): string | null {
  return a.by.length ? ` — ${t('popFactAccordingTo', a.by.join(', '))}` : null;
}

/** After an actor the article does not name itself. */
export const inferredNote = (): string => ` ${t('popFactInferred')}`;
