/**
 * People and organisations the knowledge base does not know: the name finder.
 *
 * compromise's full parse costs about as much as the rest of the engine several times over, so it never
 * sees the article: we collect candidate names ourselves (`ner/candidates.ts`: runs of capitalised words,
 * minus what the KB matched), settle them with an ordered table of rules (`ner/rules.ts`, each with its
 * reason and measured precision; the list passes of `ner/lists.ts` first), and hand compromise only the
 * undecided two- and three-word candidates (`ner/compromise.ts`). Every name carries the id of the rule
 * that found it: the page marks only names of rules measured precise enough (lib/engine/evidence.ts).
 */
import type { EntityType, Mention } from '../shared/contract';
import { NO_DEADLINE, type Deadline } from './deadline';
import { tokenIndexAt } from './ner-cues';
import { foldAcronyms } from './ner/acronyms';
import { isCap, nameCandidates, slugId, withoutTrailingPlace, type Candidate } from './ner/candidates';
import { compromiseVerdicts, warmUpNer } from './ner/compromise';
import { withNameAround } from './ner/extend';
import { listPass } from './ner/lists';
import { recurringNames } from './ner/recurring';
import { AUTHOR_BIO_AFTER, BYLINE_BEFORE, CONTACT_BEFORE, decide, RULE_INFO } from './ner/rules';
import { spanIndex } from './spans';
import { LEGAL_FORMS } from './vocab';
import type { Token } from './text';

export { nameCandidates,  warmUpNer };

export interface NerEntity {
  id: string;
  name: string;
  type: EntityType;
  mentions: Mention[];
  why: string;
  /** the rule that found it (ner/rules.ts RULE_INFO) */
  rule: string;
  /** other names the article gives it ("a.k.a." lists) */
  aliases: string[];
}

export interface NerOptions {
  /** the page's site name and address: a name equal to the site's own is its masthead, not an entity */
  siteName?: string | null;
  url?: string | null;
}

/** Lower-case compact keys of the site's name and its domain's labels ("www.insidebitcoins.com" -> "insidebitcoins"). */
function siteKeysOf(o: NerOptions): Set<string> {
  const keys = new Set<string>();
  const add = (s: string): void => {
    const k = s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
    if (k.length >= 3) keys.add(k);
  };
  if (o.siteName) add(o.siteName);
  if (o.url) {
    const host = /^[a-z]+:\/\/([^/:?#]+)/i.exec(o.url)?.[1] ?? '';
    const labels = host.toLowerCase().replace(/^www\./, '').split('.');
    if (labels.length >= 2) add(labels[labels.length - 2]!);
    add(labels.slice(0, -1).join(''));
  }
  return keys;
}

/**
 * "Trend Micro Inc" -> "Trend Micro": the name without an abbreviated legal form (at most four letters:
 * Inc, Corp, Ltd, LLC, plc, GmbH); a written-out one is part of the registered name ("Acme Company
 * Limited"), and "Inc" alone stays.
 */
function withoutLegalForm(name: string): string {
  const m = /^(\S.*?),?\s+(\p{L}{2,4})\.?$/u.exec(name);
  return m && LEGAL_FORMS.has(m[2]!.toLowerCase()) ? m[1]! : name;
}

/**
 * The candidate with the "The " before it when that "The" is capitalised inside a sentence (after a
 * letter or digit and a space: "according to The Edge Markets", "reported by The Block"); at a sentence
 * start a capital says nothing.
 */
function withNameThe(text: string, c: Candidate): Candidate {
  if (c.start < 5 || text.slice(c.start - 4, c.start) !== 'The ' || !/[\p{L}\p{N}] $/u.test(text.slice(c.start - 6, c.start - 4))) return c;
  return { ...c, name: `The ${c.name}`, start: c.start - 4 };
}

/** "Jane Roe, a.k.a. Crypto Queen", "X (also known as Y)": the second name is an alias of the first. */
const AKA_RE = /^(?:,\s*|\s*\(\s*|\s+)(?:a\.k\.a\.?|aka|also known as|known as|alias)\s+["“']?$/i;

/** The name right after "a.k.a." / "also known as" after a mention ("Jane Roe, a.k.a. Crypto Queen"). */
const AKA_NAME_RE = /^(?:,\s*|\s*\(\s*|\s+)(?:a\.k\.a\.?|aka|also known as|alias)\s+["“'‘]?(\p{Lu}[\p{L}\p{N}'’-]*(?:\s+\p{Lu}[\p{L}\p{N}'’-]*){0,3})/u;

/** Merges entities named as another's alias ("A, a.k.a. B") into that one: one entity, its aliases listed. */
function mergeAkas(text: string, all: NerEntity[]): NerEntity[] {
  // an alias the rules did not take as a name of its own is still the entity's alias
  for (const e of all) {
    for (const m of e.mentions) {
      const aka = AKA_NAME_RE.exec(text.slice(m.end, m.end + 80))?.[1];
      if (aka && !e.aliases.includes(aka) && aka !== e.name) e.aliases.push(aka);
    }
  }
  const sorted = all.flatMap((e) => e.mentions.map((m) => ({ e, m }))).sort((a, b) => a.m.start - b.m.start);
  const merged = new Map<NerEntity, NerEntity>();
  const root = (e: NerEntity): NerEntity => {
    let r = e;
    while (merged.has(r)) r = merged.get(r)!;
    return r;
  };
  for (let k = 1; k < sorted.length; k++) {
    const prev = sorted[k - 1]!;
    const cur = sorted[k]!;
    if (cur.m.start - prev.m.end > 24 || root(prev.e) === root(cur.e)) continue;
    if (!AKA_RE.test(text.slice(prev.m.end, cur.m.start))) continue;
    const into = root(prev.e);
    const from = root(cur.e);
    merged.set(from, into);
    for (const n of [from.name, ...from.aliases]) if (!into.aliases.includes(n)) into.aliases.push(n);
    into.mentions.push(...from.mentions);
  }
  const out = all.filter((e) => !merged.has(e));
  for (const e of out) e.mentions.sort((a, b) => a.start - b.start);
  return out;
}

/**
 * People and organisations named in `text` that `covered` (the knowledge base's mentions) leaves out.
 * Once `deadline` has expired, each step stops and the names decided so far are returned.
 */
export function findPeopleAndOrgs(text: string, tokens: Token[], covered: (s: number, e: number) => boolean, deadline: Deadline = NO_DEADLINE, options: NerOptions = {}): NerEntity[] {
  const cands = nameCandidates(text, tokens, covered, deadline);
  const siteKeys = siteKeysOf(options);
  const found = new Map<string, NerEntity>();
  const typedFound = new Map<string, NerEntity>();
  const add = (type: EntityType, c: Candidate, rule: string, typed: boolean): void => {
    // a rule measured too imprecise to report at all (RULE_INFO: off) finds nothing
    if (RULE_INFO[rule]?.off) return;
    const why = RULE_INFO[rule]?.reason ?? rule;
    if (typed) {
      const id = slugId(type, c.name);
      const e = typedFound.get(id) ?? { id, name: c.name, type, mentions: [], why, rule, aliases: [] };
      e.mentions.push({ text: c.name, start: c.start, end: c.end });
      typedFound.set(id, e);
      return;
    }
    // "according to The Edge Markets": a capital "The" inside a sentence is part of the organisation's name
    if (type !== 'person') c = withNameThe(text, c);
    // "Trend Micro Inc.": the company's name is without its legal form (the mention keeps it)
    const name = type === 'person' ? c.name : withoutLegalForm(c.name);
    const id = slugId(type === 'person' ? 'person' : 'org', name.replace(/^the\s+/i, ''));
    const e = found.get(id) ?? { id, name: name.replace(/^the\s+/i, (m) => (m[0] === 'T' ? m : '')), type, mentions: [], why, rule, aliases: [] };
    e.mentions.push({ text: text.slice(c.start, c.end), start: c.start, end: c.end });
    found.set(id, e);
  };
  const undecided: Candidate[] = [];
  /** single words no rule decided (recurring-name, below) */
  const singles: Candidate[] = [];
  // lists whose cue says what their items are: credit lines, "companies including A, B and C"
  const handled = listPass(text, tokens, covered, add, deadline);
  // tokens inside a decided list item, so each candidate is checked in O(its length)
  const handledTok = new Uint8Array(tokens.length);
  for (const [a, b] of handled) for (let k = tokenIndexAt(tokens, a); k < tokens.length && tokens[k]!.start < b; k++) handledTok[k] = 1;
  const isHandled = (c: Candidate): boolean => {
    for (let k = c.tokenStart; k < c.tokenEnd; k++) if (handledTok[k]) return true;
    return false;
  };
  // the article's own bylines: their names are the reporters', never an entity of the story, wherever they recur
  const bylines = new Set<string>();
  for (const c of cands) {
    const before = text.slice(Math.max(0, c.start - 30), c.start);
    if (BYLINE_BEFORE.test(before) || CONTACT_BEFORE.test(before) || AUTHOR_BIO_AFTER.test(text.slice(c.end, c.end + 60))) bylines.add(c.name);
  }
  // the end of the last candidate that took words after it ("University of California, San Diego")
  let extendedTo = -1;
  for (const c0 of cands) {
    if (deadline.step()) break;
    if (isHandled(c0) || bylines.has(c0.name) || c0.start < extendedTo) continue;
    const c = withNameAround(text, tokens, withoutTrailingPlace(text, c0));
    if (c.end > c0.end) extendedTo = c.end;
    const v = decide({ text, c, siteKeys, tokens, covered });
    if (v === 'defer') undecided.push(c);
    else if (v && v !== 'skip') add(v.type, c, v.rule, !!v.typed);
    else if (v === null && c.tokens.length === 1) singles.push(c);
  }
  // compromise on the undecided two/three-word names only; one look per distinct name
  const verdicts = compromiseVerdicts(text, tokens, undecided, deadline);
  for (const c of undecided) {
    const v = verdicts.get(c.name);
    if (v) add(v === 'compromise-org' ? 'organization' : 'person', c, v, false);
  }
  // later references by surname ("Ugoretz said")
  const people = [...found.values()].filter((e) => e.type === 'person');
  if (people.length) {
    const bySurname = new Map<string, NerEntity>();
    for (const p of people) {
      const parts = p.name.split(/\s+/);
      const last = parts[parts.length - 1]!.toLowerCase();
      if (parts.length >= 2 && last.length >= 3) bySurname.set(last, p);
    }
    // the mentions each person has so far, to skip a surname inside one of them (the full name)
    const named = new Map(people.map((p) => [p, spanIndex(p.mentions)]));
    for (const t of tokens) {
      if (deadline.step()) break;
      const p = bySurname.get(t.norm);
      if (!p || !isCap(t) || covered(t.start, t.end)) continue;
      if (named.get(p)!.contains(t.start, t.end)) continue;
      p.mentions.push({ text: t.text, start: t.start, end: t.end });
    }
    for (const p of people) p.mentions.sort((a, b) => a.start - b.start);
  }
  // single words no rule decided that recur mid-sentence ("Conduent"), unless part of a name found otherwise
  if (singles.length && !RULE_INFO['recurring-name']?.off) {
    const known = new Set([...found.values(), ...typedFound.values()].flatMap((e) => e.name.toLowerCase().split(/[\s-]+/)));
    for (const group of recurringNames(text, singles, known)) for (const c of group) add('organization', c, 'recurring-name', false);
  }
  // later mentions of a cue-typed name without the cue ("BitoPro said ...")
  if (typedFound.size) {
    const byName = new Map([...typedFound.values()].map((e) => [e.name, e]));
    const starts = new Map([...typedFound.values()].map((e) => [e, new Set(e.mentions.map((m) => m.start))]));
    for (const c of cands) {
      const e = byName.get(c.name);
      if (e && !starts.get(e)!.has(c.start)) {
        e.mentions.push({ text: c.name, start: c.start, end: c.end });
        starts.get(e)!.add(c.start);
      }
    }
    for (const e of typedFound.values()) e.mentions.sort((a, b) => a.start - b.start);
  }
  const typedNames = new Set([...typedFound.values()].map((e) => e.name.toLowerCase()));
  const all = [...[...found.values()].filter((e) => !typedNames.has(e.name.toLowerCase())), ...typedFound.values()];
  return mergeAkas(text, foldAcronyms(text, tokens, covered, all));
}
