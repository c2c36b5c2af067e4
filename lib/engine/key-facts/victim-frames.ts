/**
 * The central victim read straight from the words of the event, for names the entity finder did not
 * report: a capitalised name in a victim's slot of English news writing ("X was hacked", "an attack on
 * X", "hackers stole ... from X", "X said it lost", "X's hot wallet", "the computers of X", "victims
 * included X"). Read only in the opening sentences of the story. Never the attacker, a place, a token,
 * a publisher or a generic word. Pure; each sentence is scanned once per pattern with bounded patterns.
 */
import type { AnalysisEntity, EntityType } from '../../shared/contract';
import { lexTag, slugId } from '../ner/candidates';
import type { Sentence } from '../text';
import { isProse } from './event';

/** A name: up to five capitalised words (brands such as "yETH" or "eXch" too), with "of" or "&" inside. */
const W = String.raw`(?:\p{Lu}[\p{L}\p{N}.&'’-]*|\p{Ll}{1,3}\p{Lu}[\p{L}\p{N}-]*)`;
const NP = String.raw`(${W}(?:\s(?:of\s|&\s|de\s)?${W}){0,4})`;
/** Words that describe the name before it: "Malaysian media giant Media Prima", "the crypto exchange Bybit". */
const DESC = String.raw`(?:(?:\p{Lu}\p{Ll}+\s)?(?:(?!(?:on|in|at|by|for|with|from|to|of|and|or|as|after|before|over|since|during|through|via|into|when|while)\s)\p{Ll}[\p{Ll}-]*\s){1,3})?`;
/** What of the name was hit, between it and the verb: "the yETH weighted stableswap pool[1] was exploited", "the Axios project was hijacked". */
const ASSET = String.raw`(?:\s\p{Ll}[\p{Ll}-]*){0,3}\s(?:pool|vault|bridge|contracts?|protocol|platform|exchange|wallets?|project|network|app|website|site|servers?|systems?)(?:\[\[?\d+\]\]?(?:\([^)\s]{1,40}\))?)?`;
/** An aside after the name: "LabCorp, one of the largest clinical labs in the U.S., was hit". */
const APPOSITIVE = String.raw`(?:,\s[^,.;]{3,120},)?`;

/** The possessive frame of systems ("Baltimore's 911 dispatch system"): a place's own systems may be the victim. */
const POSSESSIVE_FRAME = 3;

/** A list of the hit, read further into the story: "... were also affected through their connections, including Cadbury factories" (the first of the list). */
const LIST_OF_HIT_FRAME = new RegExp(String.raw`\b(?:was|were|been)\s(?:also\s)?(?:affected|hit|infected|targeted|crippled|struck|disrupted)\b[^.;:]{0,80}?,?\s(?:including|such as|among them)\s(?:the\s)?${DESC}${NP}`, 'gu');
/** "the Conduent breach": only for a name the title gives too (else it may be the malware's or the attacker's name). */
const TITLE_NEEDED_FRAME = new RegExp(String.raw`\bthe\s${NP}\s(?:data\s)?(?:breach|hack|exploit|heist)\b`, 'gu');

const FRAMES: readonly RegExp[] = [
  // the name, then what befell it
  new RegExp(String.raw`${NP}(?:['’]s)?(?:${ASSET})?${APPOSITIVE}\s(?:was|were|has been|have been|had been|got|is being)\s(?:\p{Ll}+ly\s)?(?:hacked|hit|attacked|breached|exploited|drained|compromised|infected|targeted|struck|crippled|hijacked|locked out|knocked offline|victimi[sz]ed)\b`, 'gu'),
  new RegExp(String.raw`${NP}${APPOSITIVE}\s(?:says?|said|confirmed|disclosed|announced|admitted)(?:\son\s\p{Lu}\p{Ll}+)?(?:\sthat)?\s(?:it|they)\s(?:(?:was|were|had been|has been|have been)\s(?:hacked|hit|attacked|breached|exploited|drained|compromised|targeted|the victim)|(?:has\s|had\s|have\s)?(?:lost|paid|suffered|suspended|halted|paused))\b`, 'gu'),
  new RegExp(String.raw`${NP}${APPOSITIVE}\s(?:has\s|have\s|had\s)?(?:suffered|experienced|lost|suspended|halted|paused)\s(?:a|an|the|its|their|all|\$|\d)`, 'gu'),
  new RegExp(String.raw`${NP}['’]s\s(?:[\p{L}\p{N}-]+\s){0,2}(?:hot wallets?|wallets?|systems?|network|servers?|computers?|bridge|smart contracts?|vaults?)\b`, 'gu'),
  new RegExp(String.raw`${NP}['’]s\s(?:[\p{L}\p{N}-]+\s){0,2}(?:users|customers|patients|employees|data breach|breach|hack)\b`, 'gu'),
  // what it is going through: "the borough has restored most of its phone system", "X is recovering from", "one X victim"
  new RegExp(String.raw`${NP}${APPOSITIVE}\s(?:is\s|was\s|has\s|have\s|had\s)?(?:still\s)?(?:recovering|restored|restoring|rebuilding)\b`, 'gu'),
  new RegExp(String.raw`\b(?:[Oo]ne|[Aa]nother|[Aa])\s${NP}\svictim\b`, 'gu'),
  // the event, then the name
  new RegExp(String.raw`\b(?:hack|attack|breach|exploit|heist|theft|compromise|intrusion|cyberattack|cyber-attack|hijack|hijacking)s?\s(?:of|on|at|against|targeting)\s(?:the\s)?${DESC}${NP}`, 'gu'),
  new RegExp(String.raw`\b(?:an?\s)?(?:easy\s|prime\s|soft\s)?target\sin\s(?:the\s)?${DESC}${NP}`, 'gu'),
  new RegExp(String.raw`\b(?:attacked|hacked|breached|hit|struck|targeted|compromised|exploited|drained|infected|crippled|hijacked)\s(?:the\s)?${DESC}${NP}`, 'gu'),
  new RegExp(String.raw`\b(?:computers|systems|networks?|servers|data|files|wallets?|funds|accounts?)\s(?:of|belonging to)\s(?:the\s)?${DESC}${NP}`, 'gu'),
  new RegExp(String.raw`\b(?:stole|stolen|drained|siphoned|took|taken|extorted|looted|demands?|demanded|demanding)\b(?:\s[^\s.]+){0,5}\sfrom\s(?:the\s)?${DESC}${NP}`, 'gu'),
  new RegExp(String.raw`\b(?:[Vv]ictims?|[Tt]argets?)\s(?:include|included|including|such as|were|was|are)\s(?:the\s)?${DESC}${NP}`, 'gu'),
  LIST_OF_HIT_FRAME,
  TITLE_NEEDED_FRAME,
];

/** Entity types that are never the victim here: the attacker's side, sanctioned states, coins, addresses, people. */
const NOT_VICTIM_TYPES: ReadonlySet<EntityType> = new Set(['threat-actor', 'malware', 'sanctioned-jurisdiction', 'cryptocurrency', 'address', 'person']);
/** Generic words written with a capital ("Vault", "Treasury", technical acronyms such as "CLI" or "DEX"), days and months, and the attacker's words. */
const GENERIC_RE =
  /^(?:the|a|an|vaults?|treasury|wallets?|bridge|protocol|dao|exchange|cli|gui|apis?|sdks?|dns|vpns?|rpc|nfts?|defi|dex|cex|web3|ui|ios|android|hackers?|attackers?|users?|customers?|investors?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|i|we|you|it|they|he|she|this|that|these|those)$/i;
/** A name whose last word says it is a coin ("Liquid Staking Tokens") or a describing compound ("Dadar-based"). */
const NOT_A_NAME_HEAD_RE = /(?:\b(?:tokens?|coins?|stablecoins?)|-(?:based|linked|backed|owned|run|led|affiliated|sponsored))$/i;
/** A word compromise's lexicon knows as a place or a nationality ("Europe", "Malaysian"). */
const PLACE_TAG_RE = /(?:^|,)(?:Place|Country|Region|City|Demonym)(?:,|$)/;
/** A publisher: it reports the event, it was not hit. */
const NEWS_RE = /\b(?:Reuters|Associated Press|AFP|Bloomberg|News|Times|Post|Journal|Herald|Press|Tribune|Guardian|Telegraph|Gazette|TechCrunch|BBC|CNN|CNBC|NPR)\b/;
/** A sentence-case title has lowercase words of four letters or more; in Title Case ("Hackers Demand $6 Million From Media Giant") capitals do not mark names. */
const SENTENCE_CASE_RE = /\s\p{Ll}{4,}/u;
/** Sentences of the opening read for frames; a list of the hit ("... were affected, including X") further on, as outbreak stories name them later. */
const FRAME_SENTENCES = 8;
const LIST_FRAME_SENTENCES = 12;

export interface FrameVictim {
  id: string;
  name: string;
  score: number;
}

interface Tally {
  id: string;
  name: string;
  hits: number;
  lede: boolean;
}

export interface FrameContext {
  text: string;
  title: string;
  sentences: readonly Sentence[];
  entities: readonly AnalysisEntity[];
  /** currency codes the article's amounts are written in ("ETH", "USDC"): token names, never victims */
  currencies: ReadonlySet<string>;
  /** a sentence about another incident or a total (its names are not this event's) */
  offTopic: (pos: number) => boolean;
}

/** The entity whose mention covers [start, end), if any. */
function entityAt(entities: readonly AnalysisEntity[], start: number, end: number): AnalysisEntity | undefined {
  return entities.find((e) => !e.inferred && e.mentions.some((m) => m.start < end && start < m.end));
}

/** The entity a name stands for: by its mention at [start, end), or, in the title (start < 0), by its name. */
function entityFor(entities: readonly AnalysisEntity[], name: string, start: number, end: number): AnalysisEntity | undefined {
  if (start >= 0) return entityAt(entities, start, end);
  const n = name.toLowerCase();
  return entities.find((e) => !e.inferred && (e.name.toLowerCase() === n || e.mentions.some((m) => m.text.toLowerCase() === n)));
}

/** The name cleaned: no possessive, no trailing dot or hyphen, no leading article. */
function clean(name: string): string {
  return name
    .replace(/['’]s?$/u, '')
    .replace(/[.\-&]+$/u, '')
    .replace(/^(?:The|A|An)\s+/u, '')
    .trim();
}

/** Victims named in a victim's slot in the opening sentences, scored like the entity-based ones. */
export function findFrameVictims(ctx: FrameContext, step: () => boolean): FrameVictim[] {
  const byKey = new Map<string, Tally>();
  const titleLower = ctx.title.toLowerCase();
  let prose = 0;
  // the title (written in sentence case, its verbs read as the lede's), then the opening sentences
  const title: Sentence | null = ctx.title && SENTENCE_CASE_RE.test(ctx.title) ? { text: ctx.title.slice(0, 300), start: -1, end: -1 } : null;
  for (const s of title ? [title, ...ctx.sentences] : ctx.sentences) {
    if (step() || prose >= LIST_FRAME_SENTENCES) break;
    const isTitle = s === title;
    if (!isTitle) {
      if (s.text.length > 2000 || !isProse(s.text)) continue;
      prose++;
      if (ctx.offTopic(s.start)) continue;
    }
    const lede = isTitle || prose <= 3;
    for (const [k, re] of FRAMES.entries()) {
      if (prose > FRAME_SENTENCES && re !== LIST_OF_HIT_FRAME) continue;
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(s.text)) !== null) {
        if (m[0].length === 0) re.lastIndex++;
        const raw = m[1];
        if (!raw) continue;
        const at = s.text.indexOf(raw, m.index);
        const name = clean(raw);
        if (re === TITLE_NEEDED_FRAME && !titleLower.includes(name.toLowerCase())) continue;
        const start = isTitle ? -1 : s.start + at;
        if (!acceptable(name, { sentenceStart: at === 0, placeOk: k === POSSESSIVE_FRAME }, start, start + raw.length, ctx)) continue;
        const e = entityFor(ctx.entities, name, start, start + raw.length);
        const id = e ? e.id : slugId('org', name);
        const shown = e ? e.name : name;
        const key = shown.toLowerCase();
        const prev = byKey.get(key);
        if (prev) {
          prev.hits++;
          prev.lede ||= lede;
        } else byKey.set(key, { id, name: shown, hits: 1, lede });
      }
    }
  }
  // scored as the entity-based victims are: frames, title, lede
  return [...byKey.values()].map((t) => ({ id: t.id, name: t.name, score: 3 * Math.min(2, t.hits) + (titleLower.includes(t.name.toLowerCase()) ? 3 : 0) + (t.lede ? 2 : 0) }));
}

/** Is this name a victim at all (not the attacker, a place, a token, a publisher or a generic word)? */
function acceptable(name: string, at: { sentenceStart: boolean; placeOk: boolean }, start: number, end: number, ctx: FrameContext): boolean {
  const { sentenceStart } = at;
  if (name.length < 2 || GENERIC_RE.test(name) || NOT_A_NAME_HEAD_RE.test(name)) return false;
  if (NEWS_RE.test(name) || ctx.currencies.has(name.toUpperCase())) return false;
  const words = name.split(/\s+/);
  if (words.length === 1 && !at.placeOk && PLACE_TAG_RE.test(lexTag(name))) return false;
  // a single word opening a sentence is a name only if the article also writes it with a capital inside a sentence
  if (sentenceStart && words.length === 1 && !new RegExp(String.raw`[\p{Ll},;]\s${escapeRe(name)}\b`, 'u').test(ctx.text)) return false;
  const e = entityFor(ctx.entities, name, start, end);
  return !(e && NOT_VICTIM_TYPES.has(e.type));
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
