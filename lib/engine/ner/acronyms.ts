/**
 * Names defined with their acronym: "the Korea Financial Intelligence Unit (KoFIU)". The acronym is the
 * name's alias, so its later mentions ("KoFIU said") are the same entity, not a name of their own and
 * not dropped.
 */
import type { Token } from '../text';

/** "(KoFIU)" right after a name. */
const ACRONYM_AFTER_RE = /^\s+\((\p{Lu}[\p{L}\p{N}]{1,9})\)/u;

/** Do the acronym's capitals (and digits) spell the initials of the name's capitalised words? ("FinCEN": Financial Crimes Enforcement Network) */
export function spellsInitials(name: string, acronym: string): boolean {
  const caps = acronym.replace(/[^\p{Lu}\p{N}]/gu, '');
  const initials = name
    .split(/[\s-]+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
  return caps.length >= 2 && caps === initials;
}

/** The acronym defined in parentheses right after a name ending at `end`, when it spells the name's initials; a plural ("ICBMs") is none. */
export function acronymAfter(text: string, end: number, name: string): string | null {
  const m = ACRONYM_AFTER_RE.exec(text.slice(end, end + 16));
  const acro = m?.[1];
  if (!acro || /\p{Lu}s$/u.test(acro)) return null;
  return spellsInitials(name, acro) ? acro : null;
}

interface Named {
  name: string;
  aliases: string[];
  mentions: { text: string; start: number; end: number }[];
}

/**
 * For each entity defined with an acronym at one of its mentions: the acronym becomes an alias, and its
 * standalone mentions (the token written the same way, not inside a knowledge-base match) become
 * mentions of the entity. Entities whose name is that acronym are folded in. One pass over the tokens.
 */
export function foldAcronyms<T extends Named>(text: string, tokens: readonly Token[], covered: (s: number, e: number) => boolean, all: T[]): T[] {
  const byAcronym = new Map<string, T>();
  for (const e of all) {
    for (const m of e.mentions) {
      const acro = acronymAfter(text, m.end, m.text);
      if (!acro || byAcronym.has(acro)) continue;
      byAcronym.set(acro, e);
      if (!e.aliases.includes(acro)) e.aliases.push(acro);
      break;
    }
  }
  if (byAcronym.size === 0) return all;
  const folded = new Set<T>();
  for (const e of all) {
    const into = byAcronym.get(e.name);
    if (into && into !== e) folded.add(e);
  }
  const starts = new Map<T, Set<number>>();
  for (const e of byAcronym.values()) starts.set(e, new Set(e.mentions.map((m) => m.start)));
  for (const t of tokens) {
    const e = byAcronym.get(t.text);
    if (!e || covered(t.start, t.end) || starts.get(e)!.has(t.start)) continue;
    e.mentions.push({ text: t.text, start: t.start, end: t.end });
    starts.get(e)!.add(t.start);
  }
  for (const e of byAcronym.values()) e.mentions.sort((a, b) => a.start - b.start);
  return folded.size ? all.filter((e) => !folded.has(e)) : all;
}
