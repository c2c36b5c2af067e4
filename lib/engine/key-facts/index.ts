/**
 * The central event frame of an article (issue 15): what happened, to whom, by whom (and who says so),
 * when it happened, and every amount of this event in its role. Pure, linear in the text: sentences
 * are read once each, amounts and mentions find their sentence by binary search and read a bounded
 * window. A field the engine is not sure of is left empty (null or []): the popup shows less rather
 * than something wrong.
 */
import type { AnalysisEntity, KeyAmount, KeyFacts } from '../../shared/contract';
import type { Amount } from '../../shared/contract';
import { NO_DEADLINE, type Deadline } from '../deadline';
import { BOILERPLATE_RE } from '../lexicon';
import { sentenceIndexAt, type Sentence } from '../text';
import { dayKeyOf, findDateline, findDates, iso, parsePublished, precisionOf, type DateHit, type Ymd } from './dates';
import { isProse, LEDE_SENTENCES, readEvent, type EventKind } from './event';
import { findActors, findVictims, inferredActors, type Actor } from './parties';
import { roleReader } from './roles';
import { findFrameVictims } from './victim-frames';


export interface KeyFactsInput {
  text: string;
  title?: string | null;
  sentences: readonly Sentence[];
  amounts: readonly Amount[];
  entities: readonly AnalysisEntity[];
  publishedAt?: string | null;
  /** the knowledge base's victim of an incident entity */
  incidentVictim?: (id: string) => { id: string; name: string } | null;
  deadline?: Deadline;
}

/** A sentence that recalls another incident or speaks of a period: its names and amounts are not this event's. */
const RECALL_RE = /\b(?:last year|earlier this year|in a separate|previous(?:ly)?|another (?:attack|hack|incident|breach|exploit|heist|case)|similar (?:attack|hack|incident|case)s?|years? ago|(?:months|weeks) (?:ago|earlier)|the (?:19|20)\d{2} [A-Z]?\w+ (?:hack|attack|exploit|heist|breach)|in the past|in recent (?:years|months)|most (?:crypto )?(?:thefts|hacks|attacks))\b/i;
/**
 * A year that places a sentence's subject in time: "in 2016", "since 2016", "the 2016 theft of ...", "the
 * outbreak of 2017", "in June 2017", "the Sony hack (2014)". A year before the publication's (a named month: more than
 * RECALL_MONTHS before it) marks the sentence as recalling an earlier time.
 */
const YEAR_IN_RE =
  /(?:\b(?:in|since|during|the|of) |\()(?:(January|February|March|April|May|June|July|August|September|October|November|December) (?:\d{1,2},? )?)?((?:19|20)\d{2})\b(?![-\u2013/]\d)/g;
const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** A month named with its year ("since it was first unleashed in June 2017") recalls an earlier time when it is this many months before publication. */
const RECALL_MONTHS = 6;

/** Does a year (with its month, when named) place the sentence in an earlier time than the publication's? */
function earlierTime(month: string | undefined, year: number, pub: Ymd): boolean {
  if (!month) return year < pub.y;
  const m = MONTH_NAMES.indexOf(month.toLowerCase()) + 1;
  return year * 12 + m < pub.y * 12 + (pub.m ?? 12) - RECALL_MONTHS;
}
/** A sentence that leans on the one before ("That attack was later traced to..."): it is about what that one is about. */
const ANAPHOR_START_RE = /^(?:That|This|These|Those|Such|The same)\b|^(?:It|They)\b/;
/** Words of a sentence that states the event itself. */
const EVENT_SENTENCE_RE =
  /\b(?:hack(?:ed|ers?)?|attack(?:ed|ers?)?|stole|stolen|steal\w*|ransomware|breach(?:ed)?|exploit(?:ed)?|infect(?:ed|ing)|hit|struck|drain(?:ed)?|seiz(?:ed|ure)|arrest(?:ed)?|charged|indicted|sentenced|sanction(?:ed)?|launder(?:ed)?|scam(?:med)?|compromised|began|occurred|happened|discovered|detected|paid|demanded|shut down|locked|encrypt(?:ed|ing)|suspended|halted|lost|incident|intrusion|vulnerabilit(?:y|ies)|knocked out)\b/i;
const AGENCY_NAME_RE = /\b(?:FBI|Federal Bureau|Department|Ministry|Treasury|OFAC|Justice|Police|Europol|Interpol|Agency|Bureau|Commission|Committee|Council|Office|Service|Court|Government|Authority|NSA|CISA|White House|United Nations|U\.?N\.?|Prosecutors?)\b/;

/** A news organisation: it reports what others say (press), it is not the source of a figure. */
const NEWS_NAME_RE = /\b(?:Reuters|Associated Press|AFP|Bloomberg|News|Times|Post|Journal|Herald|Press|Tribune|Guardian|Telegraph|Gazette|TechCrunch|BBC|CNN|CNBC|NPR)\b/;

function isAgency(e: AnalysisEntity): boolean {
  return e.type === 'agency' || (e.type === 'organization' && AGENCY_NAME_RE.test(e.name));
}

/** Prose sentences of the opening part, where the article attributes its own event. */
const OPENING_SENTENCES = 8;

function openingEnd(sentences: readonly Sentence[], n: number): number {
  let k = 0;
  for (const s of sentences) {
    if (s.text.length < 2000 && isProse(s.text) && ++k >= n) return s.end;
  }
  return sentences.length ? sentences[sentences.length - 1]!.end : 0;
}

/**
 * Stories in which an amount can be this event's stolen amount (null: the kind is not clear, the words decide). Not a
 * charge: its "stolen" figures are the heist a launderer handled or what a scheme cost its victims.
 */
const STOLEN_EVENTS: ReadonlySet<EventKind | null> = new Set<EventKind | null>(['theft', 'scam', null]);

/** Amounts shown at most: the rest of a long list is detail, not the event. */
const MAX_AMOUNTS = 12;
/** Sentences looked at for the event's date: its statement is near the top. */
const DATE_SENTENCES = 30;

export function buildKeyFacts(input: KeyFactsInput): KeyFacts {
  const deadline = input.deadline ?? NO_DEADLINE;
  const step = (): boolean => deadline.step();
  const { text, sentences } = input;
  const title = input.title ?? '';

  // the publication day: the page's own, else a dateline at the top of the text (never the event's date)
  const dateline = findDateline(text);
  const pub: Ymd | null = parsePublished(input.publishedAt) ?? dateline?.date ?? null;

  const ev = readEvent(title, sentences, step);
  const event: EventKind | null = ev.event;

  // the lede: the first prose sentences that are not boilerplate
  const proseIdx: number[] = [];
  for (let i = 0; i < sentences.length && proseIdx.length < LEDE_SENTENCES; i++) {
    const s = sentences[i]!;
    if (s.text.length < 2000 && isProse(s.text) && !BOILERPLATE_RE.test(s.text)) proseIdx.push(i);
  }
  const lede: [number, number] = proseIdx.length ? [sentences[proseIdx[0]!]!.start, sentences[proseIdx[proseIdx.length - 1]!]!.end] : [0, 0];
  const ledeSet = new Set(proseIdx);

  // sentences about other incidents or earlier times (one pass; an anaphoric opener inherits the flag)
  const recall: boolean[] = new Array<boolean>(sentences.length).fill(false);
  // a line that is not prose once the story has begun (a list of other stories' headlines, a caption, a
  // subheading) tells no fact of this event: its amounts and parties are left out (the page's own headline
  // comes before the first prose sentence and stays)
  const firstProse = proseIdx.length ? proseIdx[0]! : sentences.length;
  const listed: boolean[] = new Array<boolean>(sentences.length).fill(false);
  for (let i = 0; i < sentences.length; i++) {
    if (step()) break;
    const s = sentences[i]!.text.length > 2000 ? sentences[i]!.text.slice(0, 2000) : sentences[i]!.text;
    if (i > firstProse && !isProse(s)) listed[i] = true;
    if (ledeSet.has(i)) continue;
    let r = RECALL_RE.test(s);
    if (!r && pub) {
      YEAR_IN_RE.lastIndex = 0;
      let m: RegExpExecArray | null;
      while (!r && (m = YEAR_IN_RE.exec(s)) !== null) if (earlierTime(m[1], Number(m[2]), pub)) r = true;
    }
    if (!r && i > 0 && recall[i - 1] && ANAPHOR_START_RE.test(s)) r = true;
    recall[i] = r;
  }
  const sentenceOf = (pos: number): number => (sentences.length ? sentenceIndexAt(sentences as Sentence[], pos) : -1);
  const offTopic = (pos: number): boolean => {
    const i = sentenceOf(pos);
    return i >= 0 && (recall[i]! || listed[i]!);
  };

  // amounts in their roles; each figure once
  const readRole = roleReader(text, sentences, { ransomStory: event === 'ransomware', reportStory: event === 'report' });
  const amounts: KeyAmount[] = [];
  // each figure once: its reading in a prose sentence, else its first (a headline line says less about it)
  const seen = new Map<string, { at: number; prose: boolean }>();
  for (const a of input.amounts) {
    if (step() || amounts.length >= MAX_AMOUNTS) break;
    if (a.start === undefined || a.end === undefined) continue;
    if (dateline && a.start >= dateline.start && a.end <= dateline.end) continue;
    const key = `${a.currency}:${a.value}`;
    const before = seen.get(key);
    if (before?.prose) continue;
    const r = readRole(a.start, a.end);
    const other = r.otherIncident || (r.sentence >= 0 && ((recall[r.sentence]! && r.role !== 'aggregate') || listed[r.sentence]!));
    // an amount whose role the words around it do not say is left out (it stays in the analysis' amounts), and so is
    // money "lost" or "stolen" in a story that is not about a theft or a scam (a ransomware attack's costs, a sanction's
    // or seizure's earlier hacks, the heist a defendant laundered): no stolen amount is this event's there
    if (other || r.role === 'other' || (r.role === 'stolen' && !STOLEN_EVENTS.has(event))) continue;
    const prose = r.sentence >= 0 && isProse(sentences[r.sentence]!.text);
    const by = r.role === 'aggregate' ? reportedBy(r.sentence, sentences, input.entities) : null;
    const item: KeyAmount = { text: a.text, value: a.value, currency: a.currency, usd: a.usd, start: a.start, end: a.end, role: r.role, ...(by ? { by } : {}) };
    if (before) {
      if (!prose) continue;
      amounts[before.at] = item;
      seen.set(key, { at: before.at, prose });
    } else {
      seen.set(key, { at: amounts.length, prose });
      amounts.push(item);
    }
  }

  const partyCtx = {
    text,
    title,
    lede,
    openingEnd: openingEnd(sentences, OPENING_SENTENCES),
    offTopic,
    incidentVictim: input.incidentVictim ?? (() => null),
    isAgency,
    isNews: (e: AnalysisEntity) => NEWS_NAME_RE.test(e.name),
  };
  const victims =
    event === 'theft' || event === 'ransomware' || event === 'scam'
      ? findVictims(
          input.entities,
          partyCtx,
          step,
          findFrameVictims({ text, title, sentences, entities: input.entities, currencies: new Set(input.amounts.map((a) => a.currency.toUpperCase())), offTopic }, step),
        ).map((v) => ({ id: v.id, name: v.name }))
      : [];
  const sentenceAt = (pos: number): Sentence => {
    const i = sentenceOf(pos);
    return i >= 0 ? sentences[i]! : { start: 0, end: text.length, text };
  };
  let actors: Actor[] = findActors(input.entities, partyCtx, sentenceAt, step).filter((a) => !victims.some((v) => v.id === a.id));
  // the knowledge base's attributions, with their sources, when the article attributes the event itself
  if (actors.length) for (const inf of inferredActors(input.entities)) if (!actors.some((a) => a.id === inf.id)) actors.push(inf);
  actors = actors.slice(0, 5);

  const date = event === 'report' ? null : eventDate(sentences, recall, ledeSet, pub, dateline, step);

  return {
    event,
    victims,
    amounts,
    date: date ? iso(date) : null,
    datePrecision: date ? precisionOf(date) : null,
    actors: actors.map((a) => ({ id: a.id, name: a.name, by: a.by, level: a.level, inferred: a.inferred })),
    // older fields (lib/shared/messages.ts still requires them): this event's stolen amounts and its date
    stolen: amounts.filter((a) => a.role === 'stolen').map(({ role: _r, by: _b, ...rest }) => ({ ...rest, role: 'stolen' as const })),
    dates: date ? [iso(date)] : [],
  };
}

/** Who reports a total: an agency (else a firm) named in its sentence or in the next one ("The figures come from a report by..."). */
function reportedBy(si: number, sentences: readonly Sentence[], entities: readonly AnalysisEntity[]): string | null {
  if (si < 0) return null;
  const spans = [sentences[si]!, sentences[si + 1]].filter((s): s is Sentence => s !== undefined);
  let firm: string | null = null;
  for (const e of entities) {
    if (e.inferred || !spans.some((s) => e.mentions.some((m) => m.start >= s.start && m.end <= s.end))) continue;
    if (isAgency(e)) return e.name;
    if (!firm && e.type === 'organization' && !NEWS_NAME_RE.test(e.name)) firm = e.name;
  }
  return firm;
}

/** Words of the event happening right before its date ("began infecting users on May 12", "the attack started at midnight on July 13"). */
const OCCURRED_BEFORE_RE =
  /\b(?:began|begun|started|occurred|happened|took place|struck|hit|launched|infect(?:ed|ing)|drained|exploited|stole|(?:was|were) (?:hacked|attacked|breached|exploited|drained|hit|compromised|encrypted))\b[^.;!?]{0,45}$/i;

/** Words of the event happening right after its date ("On Wednesday morning, the agency shut down 2,000 computers"). */
const OCCURRED_AFTER_RE =
  /^[^.;!?]{0,40}?\b(?:began|started|occurred|happened|took place|struck|hit|launched|infected|drained|exploited|stole|shut down|took (?:\w+ )?offline|went (?:down|offline)|(?:was|were) (?:hacked|attacked|breached|exploited|drained|hit|compromised|encrypted|knocked out|shut down))\b/i;

/** The founding of a firm or product right before a date ("was founded in 2017", "which went live in March 2021"). */
/** When a survey, study or poll was made ("a survey conducted by the firm last June") is no day of the event. */
const SURVEY_BEFORE_RE = /\b(?:survey|study|poll)s? (?:was |were )?(?:conducted|carried out|run|published|released)(?: by [\w .'’&-]{1,40})? $/i;
const FOUNDED_BEFORE_RE = /\b(?:founded|established|incorporated|formed|debuted|went live|started operating|began operating)\s(?:in\s|on\s)?$/i;
/** "launched in 2017", "created in 2019": a founding when only a year is given (an attack launched is dated to the day or month). */
const LAUNCHED_BEFORE_RE = /\b(?:launched|created|started|introduced|released)\s(?:in\s)?$/i;

/** A wire dateline opening a sentence, "KUCHING (Jan 15):", "WASHINGTON, March 3 —": the day of writing, not of the event. */
const DATELINE_PREFIX_RE = /^\p{Lu}[\p{Lu} .'’-]{2,30}(?:\([^)]{3,24}\)|, [^,:—–]{3,24}?)\s*[:—–-]/u;

/** A date as a number, its missing parts read as the latest (`late`) or earliest possible. */
function dayKey(d: Ymd, late: boolean): number {
  return d.y * 10_000 + (d.m ?? (late ? 12 : 1)) * 100 + (d.d ?? (late ? 31 : 1));
}

/**
 * When the event happened: the first date in a sentence that states the event (the lede first), that
 * is not about another incident, and not the day something was said ("said Wednesday") or the
 * dateline; then, a date right after the words of it happening ("began infecting users on May 12")
 * that is not after the first one wins over it (the first is often the day it was disclosed); a year
 * alone is made precise by a later date of the same year ("last year" ... "the August 2025
 * cyberattack"). Relative dates are resolved against the publication day.
 */
function eventDate(sentences: readonly Sentence[], recall: readonly boolean[], lede: ReadonlySet<number>, pub: Ymd | null, dateline: { start: number; end: number } | null, step: () => boolean): Ymd | null {
  const limit = Math.min(sentences.length, DATE_SENTENCES);
  const found: { hit: DateHit; occurred: boolean; anaphor: boolean }[] = [];
  for (let i = 0; i < limit; i++) {
    if (step()) break;
    const s = sentences[i]!;
    if (recall[i] || s.text.length > 2000) continue;
    if (dateline && s.start >= dateline.start && s.end <= dateline.end) continue;
    if (/^<\/?[a-z]+>/i.test(s.text)) continue; // markup lines of a plain-text export (title, source, date)
    if (!lede.has(i) && !EVENT_SENTENCE_RE.test(s.text)) continue;
    const datelineEnd = DATELINE_PREFIX_RE.exec(s.text)?.[0].length ?? 0;
    for (const h of findDates(s.text, pub)) {
      if (h.speech || (pub !== null && h.y > pub.y) || h.end <= datelineEnd) continue;
      // when the victim was founded or launched ("Trust Wallet launched in 2017") is no day of the event
      const lead = s.text.slice(Math.max(0, h.start - 40), h.start);
      if (FOUNDED_BEFORE_RE.test(lead) || SURVEY_BEFORE_RE.test(lead) || (h.m === undefined && LAUNCHED_BEFORE_RE.test(lead))) continue;
      const occurred = OCCURRED_BEFORE_RE.test(s.text.slice(Math.max(0, h.start - 60), h.start)) || (h.start <= 3 && OCCURRED_AFTER_RE.test(s.text.slice(h.end, h.end + 80)));
      found.push({ hit: h, occurred, anaphor: ANAPHOR_START_RE.test(s.text) });
    }
  }
  const first = found[0]?.hit;
  if (!first) return null;
  let chosen: DateHit = first;
  // as precise as the first, the same year, not after it, and not in a sentence about "that attack" (maybe another one)
  const rank = (d: Ymd): number => (d.d !== undefined ? 2 : d.m !== undefined ? 1 : 0);
  const occurred = found.find(
    (f) => f.occurred && !f.anaphor && f.hit !== first && f.hit.y === first.y && rank(f.hit) >= rank(first) && dayKey(f.hit, false) <= dayKey(first, true),
  );
  if (occurred && !found[0]!.occurred) chosen = occurred.hit;
  // a span ("over the weekend", "three weeks ago") takes the day a later sentence of the event names inside it
  const span = chosen.range;
  if (span) {
    const inside = found.find((f) => f.hit !== chosen && f.hit.d !== undefined && !f.anaphor && dayKeyOf(f.hit) >= span[0] && dayKeyOf(f.hit) <= span[1]);
    if (inside) chosen = inside.hit;
  }
  if (chosen.m === undefined) {
    const finer = found.find((f) => f.hit.y === chosen.y && f.hit.m !== undefined);
    if (finer) chosen = finer.hit;
  }
  return chosen;
}
