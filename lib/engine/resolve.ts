/**
 * From raw trie matches to mentions: context rules for ambiguous names, overlap resolution.
 *
 * - A name the KB marks ambiguous counts only when one of its context words (whole words) occurs near
 *   the mention, or when the same entity is also named unambiguously elsewhere in the article; once one
 *   mention is accepted, the entity's other mentions in the article are accepted too.
 * - A "weak" name (a single ordinary-looking capitalised word for a protocol, exchange, actor...) counts
 *   only with crypto/security vocabulary nearby.
 * - Either kind is rejected when it is glued to another capitalised word that is not part of the name
 *   ("Petro Rabigh", "Fifth Harmony", "Petro-Canada"): that is some other proper name.
 */
import type { KbEntity } from '../kb/types';
import { NO_DEADLINE, type Deadline } from './deadline';
import type { RawMatch } from './matcher';
import type { Token } from './text';
import { inIdiom } from './entities';
import { spellsInitials } from './ner/acronyms';
import { lexTag } from './ner/candidates';
import { JURISDICTION_CONTEXT_WORDS, ORG_HEAD, TOPICAL_WORDS, wholeWordsRe } from './vocab';

/** Characters either side of a mention searched for context words: about two sentences. */
const CONTEXT_WINDOW_CHARS = 350;

/** Vocabulary that makes a weak name plausible as the crypto/security entity: whole words only ("hackers" is not "hack"). */
const TOPICAL_RE = wholeWordsRe(TOPICAL_WORDS);
/** A country is a sanctioned jurisdiction of the story only with sanctions or state-actor words near one of its mentions. */
const JURISDICTION_RE = wholeWordsRe(JURISDICTION_CONTEXT_WORDS);

/** Generic nouns that may follow a protocol's name without making it another proper name. */
const NAME_CONTINUATION_OK =
  /^(?:Bridge|Network|Protocol|Chain|Finance|Wallet|Exchange|Labs?|DAO|DEX|Swap|Group|Team|Foundation|Token|Coin|Hack|Exploit|Attack|Heist|Validators?|Blockchain|Mainnet|Ransomware|Malware|Gang|Operators?|Hardware|BTC|ETH|USDT|USDC|SOL|BNB|TRX|XMR)$/;

export interface ResolvedMention {
  entityId: string;
  text: string;
  start: number;
  end: number;
  alias: string;
  /** the match needed context and had it */
  contextual: boolean;
}

function windowText(text: string, start: number, end: number): string {
  return text.slice(Math.max(0, start - CONTEXT_WINDOW_CHARS), Math.min(text.length, end + CONTEXT_WINDOW_CHARS));
}

function hasTerm(hay: string, termLower: string): boolean {
  let from = 0;
  for (;;) {
    const i = hay.indexOf(termLower, from);
    if (i < 0) return false;
    const before = i === 0 ? ' ' : hay[i - 1]!;
    const after = i + termLower.length >= hay.length ? ' ' : hay[i + termLower.length]!;
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
    from = i + 1;
  }
}

/** Is the match glued to a capitalised word that is not part of the name? */
function gluedToOtherName(text: string, tokens: Token[], m: RawMatch): boolean {
  const prev = tokens[m.tokenStart - 1];
  const next = tokens[m.tokenEnd];
  if (next) {
    const gap = text.slice(m.end, next.start);
    if ((gap === ' ' || gap === '-') && /^\p{Lu}/u.test(next.text) && !NAME_CONTINUATION_OK.test(next.text)) return true;
  }
  if (prev) {
    const gap = text.slice(prev.end, m.start);
    if ((gap === ' ' || gap === '-') && /^\p{Lu}/u.test(prev.text)) {
      // a capitalised previous word at the start of a sentence or line is just sentence case
      const before = text.slice(Math.max(0, prev.start - 3), prev.start);
      const sentenceStart = prev.start === 0 || /[.!?:\n]\s*$/.test(before) || /^\s*$/.test(before) && prev.start < 3;
      const determiner = /^(?:The|A|An|This|That|Its|Their|On|In|At|From|By|For|With|Of|And|But|Or|When|After|Before|While|Per|Via)$/.test(prev.text);
      if (!sentenceStart && !determiner) return true;
    }
  }
  return false;
}

/** Is `entityId` reported at `start` already? `out` is in reading order: only its tail can start there. */
function reportedAt(out: readonly ResolvedMention[], entityId: string, start: number): boolean {
  for (let k = out.length - 1; k >= 0 && out[k]!.start >= start; k--) if (out[k]!.start === start && out[k]!.entityId === entityId) return true;
  return false;
}

export function resolveMentions(
  text: string,
  tokens: Token[],
  raw: RawMatch[],
  entity: (id: string) => KbEntity | undefined,
  deadline: Deadline = NO_DEADLINE,
): ResolvedMention[] {
  const lower = text.toLowerCase();
  type Cand = { m: RawMatch; entityId: string; needs: 'none' | 'ambiguous' | 'weak' | 'jurisdiction'; priority: number };
  const cands: Cand[] = [];
  for (const m of raw) {
    const e = entity(m.pattern.entityId);
    if (!e) continue;
    const needs = m.pattern.ambiguous ? 'ambiguous' : m.pattern.weak ? 'weak' : e.type === 'sanctioned-jurisdiction' ? 'jurisdiction' : 'none';
    cands.push({ m, entityId: e.id, needs, priority: needs === 'none' ? 2 : 1 });
  }
  // Entities named at least once without needing context: their ambiguous aliases are then safe too.
  const anchored = new Set(cands.filter((c) => c.needs === 'none').map((c) => c.entityId));
  const accepted: (Cand & { contextual: boolean })[] = [];
  const rejected: Cand[] = [];
  for (const c of cands) {
    if (deadline.step()) break;
    if (c.needs === 'none') {
      accepted.push({ ...c, contextual: false });
      continue;
    }
    const single = c.m.tokenEnd - c.m.tokenStart === 1;
    if (single && gluedToOtherName(text, tokens, c.m)) continue;
    if (anchored.has(c.entityId)) {
      accepted.push({ ...c, contextual: true });
      continue;
    }
    const win = windowText(lower, c.m.start, c.m.end);
    const e = entity(c.entityId)!;
    let ok = false;
    if (c.needs === 'ambiguous') {
      const ctx = e.ambiguous?.context ?? [];
      // Without an explicit context list, fall back to the topical vocabulary.
      ok = ctx.length ? ctx.some((w) => w.trim() && hasTerm(win, w.toLowerCase().trim())) : TOPICAL_RE.test(win);
    } else if (c.needs === 'jurisdiction') ok = JURISDICTION_RE.test(win);
    else ok = TOPICAL_RE.test(win);
    if (ok) accepted.push({ ...c, contextual: true });
    else rejected.push(c);
  }
  // Once a name is accepted in an article, its other mentions are the same entity (not a second one):
  // the context rule decides the entity, not each mention. A glued mention ("Fifth Harmony") stays out.
  const acceptedIds = new Set(accepted.map((a) => a.entityId));
  for (const c of rejected) if (acceptedIds.has(c.entityId)) accepted.push({ ...c, contextual: true });
  // Overlaps: longest span wins, then the one that needed no context.
  accepted.sort((a, b) => a.m.start - b.m.start || b.m.end - b.m.start - (a.m.end - a.m.start) || b.priority - a.priority);
  const out: ResolvedMention[] = [];
  const mention = (a: (typeof accepted)[number], contextual: boolean): ResolvedMention => ({ entityId: a.entityId, text: a.m.text, start: a.m.start, end: a.m.end, alias: a.m.pattern.alias, contextual });
  let lastEnd = -1;
  let lastStart = -1;
  for (const a of accepted) {
    if (a.m.start < lastEnd) {
      // the mention reported last (the longer name, or a name already reported inside it)
      const prev = out[out.length - 1];
      // a different entity named inside a longer name ("WannaCry" in "WannaCry ransomware attack",
      // "North Korea" in "North Korea sanctions committee"): report it too
      // ...but not a body inside the name of its own sub-body ("United Nations" in "United Nations
      // Security Council"): same type, the longer name is the one meant
      const sameKind = !!prev && entity(prev.entityId)?.type === entity(a.entityId)?.type;
      if (prev && !sameKind && a.m.end <= lastEnd && a.entityId !== prev.entityId && !reportedAt(out, a.entityId, a.m.start)) {
        out.push(mention(a, a.contextual));
        continue;
      }
      // same span, another entity: keep both only if equally good (the KB really has two)
      if (prev && a.m.start === lastStart && a.m.end === lastEnd && prev.entityId !== a.entityId && !prev.contextual && !a.contextual) {
        out.push(mention(a, false));
      }
      continue;
    }
    out.push(mention(a, a.contextual));
    lastEnd = a.m.end;
    lastStart = a.m.start;
  }
  const whole = withoutLongerInstitutions(text, raw, out);
  return withoutRedefinedAcronyms(text, withoutMalwareIncidents(text, whole, entity), entity).filter((m) => !inIdiom(text, m.start, m.end));
}

/** Institution nouns that a longer name continues with "of <field>" ("Bureau of Prisons"); adjectives ("Federal") are not. */
const INSTITUTION_NOUNS = new Set([...ORG_HEAD].filter((w) => !/^(?:federal|national|royal|central|state|city|county)$/.test(w)));

/**
 * A knowledge-base name that ends in an institution noun and goes on with "of <Capitalised word>" is only the
 * start of a longer institution's name: "Federal Bureau" (an FBI alias) in "Federal Bureau of Prisons". Kept
 * when the words after "of" are a knowledge-base name themselves ("Reconnaissance General Bureau of North
 * Korea": a qualifier), when they are a country or a place ("... Office of Germany"), or when the longer name is
 * the one matched.
 */
function withoutLongerInstitutions(text: string, raw: readonly RawMatch[], out: ResolvedMention[]): ResolvedMention[] {
  let starts: Set<number> | null = null;
  return out.filter((m) => {
    const last = /([\p{L}]+)$/u.exec(m.text)?.[1]?.toLowerCase();
    if (!last || !INSTITUTION_NOUNS.has(last)) return true;
    const next = /^ of (\p{Lu}[\p{L}]*)/u.exec(text.slice(m.end, m.end + 40));
    // "Federal Criminal Police Office of Germany": a country or a place after "of" says whose it is
    if (!next || /(?:^|,)(?:Country|Place|City|Region)(?:,|$)/.test(lexTag(next[1]!))) return true;
    starts ??= new Set(raw.map((r) => r.start));
    return starts.has(m.end + 4);
  });
}

/**
 * Spans where the knowledge base matched a country's name, reported or not. A country named where no
 * sanctions or state-actor words are near is a place, not a jurisdiction of the story, and is not
 * reported; its words are still that country's name, so the name finder must not read a piece of it as
 * another name ("Republic of Korea" inside "Democratic People's Republic of Korea").
 */
export function countryNameSpans(raw: readonly RawMatch[], entity: (id: string) => KbEntity | undefined): { start: number; end: number }[] {
  return raw.filter((m) => entity(m.pattern.entityId)?.type === 'sanctioned-jurisdiction');
}

/** "Protocol-Owned Liquidity (POL)": an acronym defined in parentheses right after the words it abbreviates. */
const DEFINED_ACRONYM_RE = /\((\p{Lu}[\p{L}\p{N}]{1,9})\)/gu;

/** Acronyms the article defines as the initials of the words before them, with those words. One pass over the text. */
function definedAcronyms(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(DEFINED_ACRONYM_RE)) {
    const acro = m[1]!;
    const n = acro.replace(/[^\p{Lu}\p{N}]/gu, '').length;
    if (n < 2 || out.has(acro)) continue;
    const words = text.slice(Math.max(0, m.index - 120), m.index).trimEnd().split(/\s+/);
    const caps: string[] = [];
    for (let k = words.length - 1; k >= 0 && caps.length < n; k--) {
      const parts = words[k]!.split('-');
      if (!/^\p{Lu}/u.test(words[k]!)) {
        if (/^(?:of|and|for|the|on|in|to|&)$/i.test(words[k]!)) continue;
        break;
      }
      caps.unshift(...parts.filter((p) => /^\p{Lu}/u.test(p)));
    }
    const expansion = caps.slice(-n);
    if (expansion.length === n && spellsInitials(expansion.join(' '), acro)) out.set(acro, expansion.join(' '));
  }
  return out;
}

/**
 * A knowledge-base name written as an acronym that the article defines as something else: "POL" after
 * "Protocol-Owned Liquidity (POL)" is not Polygon's ticker. Dropped when none of the entity's own names
 * spells the acronym (for the KB it is a ticker or a code, not these initials); "DPRK" after
 * "Democratic People's Republic of Korea (DPRK)" stays, since North Korea's names spell it.
 */
function withoutRedefinedAcronyms(text: string, out: ResolvedMention[], entity: (id: string) => KbEntity | undefined): ResolvedMention[] {
  if (!out.some((m) => /^\p{Lu}[\p{Lu}\p{N}]+$/u.test(m.text))) return out;
  const defined = definedAcronyms(text);
  if (defined.size === 0) return out;
  return out.filter((m) => {
    if (!defined.has(m.text)) return true;
    const e = entity(m.entityId);
    const names = e ? [e.name, ...e.aliases.map((a) => a.name)] : [];
    return names.some((n) => n.split(/\s+/).length > 1 && spellsInitials(n, m.text));
  });
}

/** What "<malware> ransomware attack" adds to a malware's name: generic words only. */
const MALWARE_EVENT_WORDS_RE = /^(?:[\s-]+(?:ransomware|malware|worm|cyber-?attacks?|cyber|attacks?|outbreaks?|campaigns?|infections?|incidents?|epidemic))+$/i;

/**
 * "The WannaCry ransomware attack": an incident named only by its malware and generic words is the
 * malware's story; the malware named inside it is reported, not a second entity for the same words.
 */
function withoutMalwareIncidents(text: string, out: ResolvedMention[], entity: (id: string) => KbEntity | undefined): ResolvedMention[] {
  const drop = new Set<ResolvedMention>();
  for (let k = 0; k + 1 < out.length; k++) {
    const m = out[k]!;
    const n = out[k + 1]!;
    if (n.start !== m.start || n.end >= m.end || entity(m.entityId)?.type !== 'incident' || entity(n.entityId)?.type !== 'malware') continue;
    if (MALWARE_EVENT_WORDS_RE.test(text.slice(n.end, m.end))) drop.add(m);
  }
  return drop.size ? out.filter((m) => !drop.has(m)) : out;
}

/** "<attack noun> of/on <victim>": the phrase names the attack on that victim ("the hack of Sony", "a robbery of the Bangladesh Bank"). */
const ATTACK_OF_RE = /\b(?:hack|hacking|breach|attack|cyberattack|cyber-attack|cyber attack|heist|robbery|theft|exploit|compromise|intrusion|raid)\s+(?:of|on|against)\s+(?:the\s+)?$/i;
/** A year in the words right after the victim's name ("... in 2014"), to pick among several incidents. */
const YEAR_AFTER_RE = /^[^.!?\n]{0,24}?\b((?:19|20)\d{2})\b/;

/**
 * Mentions of a victim preceded by an attack noun become mentions of the incident whose victim that is,
 * spanning the phrase ("hack of Sony Entertainment" -> the 2014 Sony Pictures hack). `incidentsOf` lists
 * the incidents of a victim id; with several, a year right after the name picks one, else nothing changes.
 */
export function attackPhrases(
  text: string,
  mentions: readonly ResolvedMention[],
  incidentsOf: (victimId: string) => readonly KbEntity[],
): ResolvedMention[] {
  const out: ResolvedMention[] = [];
  for (const m of mentions) {
    const incidents = incidentsOf(m.entityId);
    const before = incidents.length ? ATTACK_OF_RE.exec(text.slice(Math.max(0, m.start - 40), m.start)) : null;
    if (!before) {
      out.push(m);
      continue;
    }
    let pick: KbEntity | undefined = incidents.length === 1 ? incidents[0] : undefined;
    if (!pick) {
      const year = YEAR_AFTER_RE.exec(text.slice(m.end, m.end + 40))?.[1];
      const same = year ? incidents.filter((i) => i.incident?.date?.startsWith(year)) : [];
      if (same.length === 1) pick = same[0];
    }
    if (!pick) {
      out.push(m);
      continue;
    }
    const start = m.start - before[0].length;
    out.push({ entityId: pick.id, text: text.slice(start, m.end), start, end: m.end, alias: m.alias, contextual: m.contextual });
  }
  return out;
}

/** Incidents by the id of their victim. */
export function incidentsByVictim(entities: readonly KbEntity[]): (victimId: string) => readonly KbEntity[] {
  const m = new Map<string, KbEntity[]>();
  for (const e of entities) {
    const v = e.incident?.victim;
    if (!v) continue;
    const list = m.get(v);
    if (list) list.push(e);
    else m.set(v, [e]);
  }
  return (id) => m.get(id) ?? [];
}
