/**
 * Who was hit and who did it, from the entities the engine found and the words around their mentions:
 * a victim is named where the event's verbs put it ("X was hacked", "an attack on X", "hackers stole
 * from X", "X paid a ransom", "the X exploit"); an actor where the article attributes the event ("X was
 * behind", "attributed to X", "North Korean hackers", "X was charged"), with who says so. Pure; each
 * mention is read once in a bounded window.
 */
import type { AnalysisEntity, AttributionStep, EntityType } from '../../shared/contract';

type Level = 'official' | 'vendor' | 'press';

/** Characters either side of a mention read for its role in the event. */
const WINDOW = 90;

const VICTIM_BEFORE_RE =
  /(?:\b(?:hack|attack|breach|exploit|heist|theft|compromise|intrusion|infiltration|incident|outage|hijack|hijacking)s? (?:of|on|at|against|targeting)(?: the)?|\b(?:stole|stolen|drained|siphoned|took|taken|steal(?:ing)?|extorted|demanded)\b(?: [^\s.]+){0,5} from(?: the)?|\b(?:hit|struck|targeted|targeting|hacked|hijacked|breached|attacked|infected|crippled|compromised|exploited|drained|victimi[sz]ed|affected)(?: the)?|\b(?:victims?|targets?)(?: include| included| including| such as| was| were)?(?: the)?)\s*$/;
const VICTIM_AFTER_RE =
  /^(?:['’]s?)?\s*(?:(?:hack|exploit|breach|heist|attack|incident|theft|intrusion|ransomware attack)\b|(?:hot wallet|systems?|network|servers?|computers?|bridge|smart contracts?|vaults?|users|customers|patients)\b)|^,?(?: [^\s.,]+){0,8}? (?:was|were|has been|had been|is being|got|have been) (?:hacked|hit|attacked|breached|exploited|drained|compromised|infected|targeted|struck|crippled|victim)|^,?(?: [^\s.,]+){0,6}? (?:suffered|experienced|lost|paid|pays|confirmed (?:a|the|that it)|disclosed (?:a|the|that it)|suspended|halted|paused|says it (?:was|has|had|paid)|said it (?:was|had|paid|has)|is recovering|was recovering|declared)\b/;
/** A firm described as the one that analyses or reports, not the one that was hit. */
const OBSERVER_BEFORE_RE = /\b(?:security|analytics|intelligence|research|forensics?|cybersecurity|audit(?:ing)?|blockchain|tracing|investigation|consulting)(?: \w+)? (?:firm|company|companies|researchers?|provider|group|team|platform|startup|experts?)(?: at)?\s*$|\baccording to(?: the)?\s*$|\b(?:reported by|researchers (?:at|from)|experts (?:at|from)|analysts (?:at|from))\s*$/;
const SPEAKER_AFTER_RE = /^(?:['’]s)?,?(?: [^\s.,]+){0,3}? (?:said|says|told|reported|estimated|noted|wrote|found|tracked|warned|believes)\b/;

/** Attribution around an actor's mention. */
const ACTOR_BEFORE_RE =
  /(?:\b(?:attributed(?: \w+){0,4} to|links?(?: [\w-]+){0,4} to|blamed(?: \w+){0,3} on|linked to|tied to|traced to|connected to|carried out by|conducted by|perpetrated by|orchestrated by|(?:stolen|hacked|drained|exploited|launched|deployed|committed|operated|run|behind|responsible) by|suspected|charged|arrested|indicted|sentenced|sanctioned|designated|accused|blamed|(?:has |have |had )?(?:linked|tied)|(?:charges?|case|indictment|complaint)(?: [\w-]+){0,3} against)(?: the)?)\s*$/;
const ACTOR_AFTER_RE =
  /^(?:['’]s)?(?:-linked|-backed|-sponsored|-affiliated)?\s*(?:(?:state[- ])?(?:hackers?|hacking (?:group|unit|team)s?|threat actors?|operatives|cybercriminals|attackers?|gang|group|it workers)\b)|^(?:,[^,.;]{1,60},)?,?(?: [^\s.,]+){0,6}? (?:(?:was|were|is|are) (?:behind|responsible|suspected|believed to be behind|charged|arrested|indicted|sentenced|jailed|convicted|sanctioned)|(?:stole|hacked|drained|exploited|raked|carried out|orchestrated|pleaded guilty|admitted)|has (?:raked|stolen|been charged|been sentenced))\b/;
const AGENCY_BEHIND_RE = /^(?:['’]s)?(?:,[^,.;]{1,60},)?\s(?:was|were|is|are) (?:behind|responsible for)\b/;
const DEMONYM_SRC = String.raw`(?:North Korean|Russian|Iranian|Chinese)\s+(?:state[- ]|fake\s|government[- ]backed\s|regime[- ]backed\s)?(?:hackers?|hacking|threat actors?|operatives?|(?:IT )?workers?|cyber|spies|agents|impostors?)`;
const DEMONYM_RE = new RegExp(`^${DEMONYM_SRC}`);
/** A title that names the doers by their nationality: "... exposes a North Korean fake IT worker". */
const TITLE_DEMONYM_RE = new RegExp(`\\b${DEMONYM_SRC}`);

/** A title that attributes: "U.S. says North Korea responsible for...", "NSA links ransomware attack to North Korea". */
const TITLE_ATTRIBUTION_RE = /\b(?:responsible|behind|blamed?|links?|linked|attribute[sd]?|charged|charges|indicted|arrested|sentenced|jailed|sanctions?|sanctioned|hackers)\b/i;

/** Who speaks in a sentence: "according to X", "X said". */
const SPEAKER_BEFORE_RE = /\b(?:according to|said|says|per|reported by|report by|report from)(?: the)?\s*$/;

const VICTIM_TYPES: ReadonlySet<EntityType> = new Set(['exchange', 'protocol', 'organization', 'incident']);
const ACTOR_TYPES: ReadonlySet<EntityType> = new Set(['threat-actor', 'sanctioned-jurisdiction', 'person', 'organization']);
const NOT_A_VICTIM_NAME_RE = /^(?:vaults?|treasury|wallets?|bridge|protocol|dao|exchange|the)$|^(?:hack|attack|breach|exploit|heist|theft)s? (?:of|on)\b/i;

export interface PartyContext {
  text: string;
  title: string;
  /** [start, end) of the lede: the first prose sentences */
  lede: [number, number];
  /** where the article's opening part ends: attributions are read up to here (later ones are usually about other incidents) */
  openingEnd: number;
  /** entity mentions that sit in a sentence about another incident or a total (not this event) */
  offTopic: (pos: number) => boolean;
  /** the knowledge base's victim of an incident entity, when it has one */
  incidentVictim: (id: string) => { id: string; name: string } | null;
  isAgency: (e: AnalysisEntity) => boolean;
  isNews: (e: AnalysisEntity) => boolean;
}

function lower(s: string): string {
  return s.toLowerCase();
}

function inTitle(title: string, e: AnalysisEntity): boolean {
  if (!title) return false;
  const t = lower(title);
  return [e.name, ...e.mentions.map((m) => m.text)].some((n) => n.length > 2 && t.includes(lower(n)));
}

export interface Victim {
  id: string;
  name: string;
  score: number;
}

/** One name is the other with more words after it ("Media Prima" and "Media Prima Bhd"). */
function sameName(a: string, b: string): boolean {
  const [x, y] = [lower(a), lower(b)];
  return x === y || y.startsWith(`${x} `) || x.startsWith(`${y} `);
}

/**
 * The central victims: named where the event's verbs put them, in the title or lede first. `extra`:
 * victims read from the text's frames for names the entity finder did not report, merged in by name.
 */
export function findVictims(entities: readonly AnalysisEntity[], ctx: PartyContext, step: () => boolean, extra: readonly Victim[] = []): Victim[] {
  const out: Victim[] = [];
  for (const e of entities) {
    if (step()) break;
    if (e.inferred || !VICTIM_TYPES.has(e.type) || NOT_A_VICTIM_NAME_RE.test(e.name)) continue;
    let positions = 0;
    let observer = 0;
    let lede = false;
    let onTopic = 0;
    for (const m of e.mentions.slice(0, 40)) {
      const before = lower(ctx.text.slice(Math.max(0, m.start - WINDOW), m.start));
      const after = lower(ctx.text.slice(m.end, m.end + WINDOW));
      if (OBSERVER_BEFORE_RE.test(before)) observer++;
      if (m.start >= ctx.lede[0] && m.start < ctx.lede[1]) lede = true;
      if (ctx.offTopic(m.start)) continue;
      onTopic++;
      if (VICTIM_BEFORE_RE.test(before) || VICTIM_AFTER_RE.test(after)) positions++;
    }
    if (observer > 0 && observer * 2 >= e.mentions.length) continue;
    const title = inTitle(ctx.title, e);
    if (positions === 0 && !(title && lede && onTopic > 0)) continue;
    const score = 3 * Math.min(2, positions) + (title ? 3 : 0) + (lede ? 2 : 0) + Math.min(2, onTopic * 0.5);
    const victim = e.type === 'incident' ? ctx.incidentVictim(e.id) : { id: e.id, name: e.name };
    if (!victim) continue;
    const prev = out.find((v) => v.id === victim.id || lower(v.name) === lower(victim.name));
    if (prev) prev.score = Math.max(prev.score, score);
    else out.push({ ...victim, score });
  }
  for (const x of extra) {
    const prev = out.find((v) => v.id === x.id || sameName(v.name, x.name));
    if (prev) prev.score = Math.max(prev.score, x.score);
    else out.push({ ...x });
  }
  out.sort((a, b) => b.score - a.score);
  // the central victim and those nearly as central (several companies hit by one attack)
  const top = out[0]?.score ?? 0;
  return out.filter((v) => v.score >= top - 3).slice(0, 4);
}

export interface Actor {
  id: string;
  name: string;
  by: string[];
  level: Level;
  inferred: boolean;
  score: number;
}

/** The level of a speaker: a government body is official, a firm a vendor, anyone else the press. */
function levelOf(e: AnalysisEntity | undefined, ctx: PartyContext): Level {
  if (!e) return 'press';
  if (ctx.isAgency(e)) return 'official';
  if (ctx.isNews(e)) return 'press';
  if (e.type === 'organization' || e.type === 'exchange' || e.type === 'protocol') return 'vendor';
  return 'press';
}

/** Sentences (start, end) that attribute, and the entities speaking in them. */
function speakerIn(start: number, end: number, entities: readonly AnalysisEntity[], actorId: string): AnalysisEntity | undefined {
  let best: AnalysisEntity | undefined;
  for (const e of entities) {
    if (e.id === actorId || e.inferred) continue;
    if (e.type !== 'agency' && e.type !== 'organization' && e.type !== 'person' && e.type !== 'exchange' && e.type !== 'protocol') continue;
    if (e.mentions.some((m) => m.start >= start && m.end <= end)) {
      best = e;
      if (e.type === 'agency') break;
    }
  }
  return best;
}

/**
 * The actors the article itself names as the ones who did it, with who says so; then the knowledge
 * base's inferences (their sources), but only when the article attributes the event to someone.
 */
export function findActors(
  entities: readonly AnalysisEntity[],
  ctx: PartyContext,
  sentenceAt: (pos: number) => { start: number; end: number; text: string },
  step: () => boolean,
): Actor[] {
  const out: Actor[] = [];
  for (const e of entities) {
    if (step()) break;
    if (e.inferred || !(ACTOR_TYPES.has(e.type) || e.type === 'agency')) continue;
    let hits = 0;
    let speaker: AnalysisEntity | undefined;
    if (e.type !== 'agency' && inTitle(ctx.title, e) && (TITLE_ATTRIBUTION_RE.test(ctx.title) || (e.type === 'sanctioned-jurisdiction' && TITLE_DEMONYM_RE.test(ctx.title)))) hits++;
    for (const m of e.mentions.slice(0, 40)) {
      if (ctx.offTopic(m.start) || m.start >= ctx.openingEnd) continue;
      const before = ctx.text.slice(Math.max(0, m.start - WINDOW), m.start);
      const after = ctx.text.slice(m.end, m.end + WINDOW);
      // an agency is the actor only as the subject of "was behind" ("the Reconnaissance General Bureau, North Korea's spy agency, was behind the attack"), never as the one who says so
      if (e.type === 'agency') {
        if (AGENCY_BEHIND_RE.test(lower(after))) hits++;
        continue;
      }
      const attributed =
        ACTOR_BEFORE_RE.test(lower(before)) ||
        ACTOR_AFTER_RE.test(lower(after)) ||
        DEMONYM_RE.test(ctx.text.slice(m.start, m.end + 40));
      // people and firms count only as the ones charged or named as behind it; groups and states in any attribution
      if (!attributed) continue;
      if ((e.type === 'person' || e.type === 'organization') && !/\b(?:charged|charges|arrested|indicted|indictment|sentenced|jailed|convicted|pleaded|sanctioned|designated|accused|behind|responsible)\b/i.test(before.slice(-60) + after.slice(0, 80))) continue;
      hits++;
      if (!speaker) {
        const s = sentenceAt(m.start);
        const sp = speakerIn(s.start, s.end, entities, e.id);
        if (sp && SPEAKER_BEFORE_RE.test(lower(ctx.text.slice(Math.max(0, sp.mentions[0]!.start - 30), sp.mentions[0]!.start))) || (sp && SPEAKER_AFTER_RE.test(lower(ctx.text.slice(sp.mentions[0]!.end, sp.mentions[0]!.end + 40))))) speaker = sp;
      }
    }
    if (hits === 0) continue;
    const level = levelOf(speaker, ctx);
    const score = hits + (inTitle(ctx.title, e) ? 2 : 0);
    out.push({ id: e.id, name: e.name, by: speaker ? [speaker.name] : [], level, inferred: false, score });
  }
  out.sort((a, b) => b.score - a.score);
  return out.slice(0, 4);
}

/** The knowledge base's attributions of what the article names: who by and how strongly (the weakest link). */
export function inferredActors(entities: readonly AnalysisEntity[]): Actor[] {
  const rank = { official: 0, vendor: 1, press: 2 } as const;
  const out: Actor[] = [];
  for (const e of entities) {
    if (!e.inferred || e.type !== 'threat-actor' || !e.via?.length) continue;
    const via: AttributionStep[] = e.via;
    const level = via.reduce<Level>((acc, v) => (rank[v.level] > rank[acc] ? v.level : acc), 'official');
    out.push({ id: e.id, name: e.name, by: [...new Set(via.map((v) => v.by))], level, inferred: true, score: 0 });
  }
  return out.slice(0, 3);
}
