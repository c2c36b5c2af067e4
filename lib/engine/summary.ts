/**
 * Extractive summary: 2–3 sentences of the article, at most about 70 words, lede first. The first
 * sentence states the central fact (who, what, how much, when): the earliest opening sentence that names
 * the event's victim or actor outright, else the lede when it tells the event with something concrete, else
 * the earliest that holds the event's amount or names a party and tells the event (a deck line above the lede,
 * or a scene-setting lede, does not). A deck that the lede restates gives way to the lede. Then the sentence
 * that names the attribution, when the article has one, and the next most informative one; a later sentence
 * about another incident or a period ("last year"), or one that sets the story beside others ("comes amid",
 * "yet another reminder"), counts less. Never a sentence that leans on an earlier one ("That", "This incident",
 * "It" — not the "it" of "it is not clear" —, "The threat actor", "the same group"), a question, a hypothetical
 * ("If an attacker..."), boilerplate, a page's note ("Updated ... -"), or a near-repeat of a sentence already
 * chosen; never opening with a quote. The word cues live in ./summary/cues.ts.
 */
import type { Amount, KeyFacts } from '../shared/contract';
import type { Sentence } from './text';
import { NO_DEADLINE, type Deadline } from './deadline';
import { isPageNotice } from './disclaimers';
import { BOILERPLATE_RE } from './lexicon';
import {
  ANAPHOR_RE,
  ATTRIBUTION_RE,
  BACKGROUND_RE,
  CONCRETE_RE,
  CONNECTIVE_RE,
  CONTEXT_RE,
  DATE_RE,
  ELSEWHERE_RE,
  EVENT_RE,
  EXPLETIVE_IT_RE,
  HYPOTHETICAL_RE,
  NOTE_RE,
  SAME_PARTY_RE,
  SPEECH_RE,
} from './summary/cues';

/** Sentences shorter than this many words are captions, headings or fragments. */
const MIN_WORDS = 7;
/** Sentences longer than this are lists or run-ons; they make poor summaries. */
const MAX_WORDS = 50;
/** Sentences sharing this much vocabulary with one already chosen are repeats. */
const MAX_OVERLAP = 0.5;
/** Summary length bounds (issue 15: 2–3 sentences, about 70 words). */
const MIN_SENTENCES = 2;
const MAX_SENTENCES = 3;
const MAX_TOTAL_WORDS = 120;
/** A first line that shares its opening words and this much of the rest with the next one is a deck the lede restates. */
const DECK_OVERLAP = 0.25;
/** The first sentence is looked for among this many prose sentences from the top (the opening). */
const FIRST_WITHIN = 4;
/** Sentences read at all: a summary comes from the article's first part. */
const MAX_CANDIDATES = 400;


function words(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Does `hay` hold `name` as whole words? "North Korean workers" does not name North Korea the way "North Korea"
 * does: a sentence that names the party outright is preferred over one that names it by an adjective.
 */
function hasWord(hay: string, name: string): boolean {
  for (let i = hay.indexOf(name); i >= 0; i = hay.indexOf(name, i + 1)) {
    const before = i > 0 ? hay[i - 1]! : ' ';
    const after = hay[i + name.length] ?? ' ';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
  }
  return false;
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n / Math.max(1, Math.min(a.size, b.size));
}

export interface SummaryInput {
  sentences: Sentence[];
  title?: string | null;
  amounts: Amount[];
  /** spans of entity mentions that are actors or victims */
  entitySpans: { start: number; end: number; weight: number }[];
  totalWords: number;
  /** the event frame: its victims, actors and amounts make a sentence central */
  keyFacts?: KeyFacts;
  /** once expired, the sentences scored so far are the candidates */
  deadline?: Deadline;
}

/** The spans inside a sentence: sorted once by start, found by binary search (no scan of all spans per sentence). */
function spansFrom<T extends { start: number; end: number }>(spans: readonly T[]): (s: Sentence) => T[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  return (s) => {
    let k = 0;
    let hi = sorted.length;
    while (k < hi) {
      const mid = (k + hi) >> 1;
      if (sorted[mid]!.start < s.start) k = mid + 1;
      else hi = mid;
    }
    const inside: T[] = [];
    for (let j = k; j < sorted.length && sorted[j]!.start < s.end; j++) if (sorted[j]!.end <= s.end) inside.push(sorted[j]!);
    return inside;
  };
}

interface Candidate {
  i: number;
  /** rank among prose sentences (0 = the lede) */
  rank: number;
  text: string;
  words: number;
  ws: Set<string>;
  /** names the event's victim or actor */
  named: boolean;
  /** holds one of the event's amounts */
  keyAmount: boolean;
  event: boolean;
  /** opens with a connective ("But", "However"): it may follow another sentence, not open the summary */
  connective: boolean;
  /** names a party the entity finder found (an actor, victim, agency, company) */
  party: boolean;
  /** holds an amount of money */
  amount: boolean;
  /** holds a figure or a name, and explains no term */
  concrete: boolean;
  score: number;
}


/** A sentence fit to stand in a summary; `follows`: it comes after another one, so it may open with a connective. */
export function standsAlone(text: string, follows = false): boolean {
  const w = words(text).length;
  if (w < MIN_WORDS || w > MAX_WORDS) return false;
  if (BOILERPLATE_RE.test(text)) return false;
  if (isPageNotice(text)) return false; // a notice the page carries for its readers: a risk warning, promotion
  if (!/[.!]["'”’)]*$/.test(text)) return false; // headlines, captions, list fragments, questions
  if (/^["“].*["”]$/.test(text)) return false; // a bare quote
  if (/^<\/?[a-z]+>/i.test(text)) return false; // markup lines of a plain-text export
  if (!follows && CONNECTIVE_RE.test(text)) return false;
  if (SAME_PARTY_RE.test(text)) return false;
  return (!ANAPHOR_RE.test(text) || EXPLETIVE_IT_RE.test(text)) && !HYPOTHETICAL_RE.test(text);
}

export function summarize(input: SummaryInput): string[] {
  const deadline = input.deadline ?? NO_DEADLINE;
  const kf = input.keyFacts;
  const titleWords = new Set(words(input.title ?? '').filter((w) => w.length > 3));
  const names = [...(kf?.victims ?? []).map((v) => v.name), ...(kf?.actors ?? []).filter((a) => !a.inferred).map((a) => a.name)].map((n) => n.toLowerCase()).filter((n) => n.length > 1);
  const keyAmountAt = new Set((kf?.amounts ?? []).filter((a) => a.role !== 'other' && a.role !== 'aggregate').map((a) => a.start));
  const amountsIn = spansFrom(input.amounts.filter((a) => a.start !== undefined && a.end !== undefined) as (Amount & { start: number; end: number })[]);
  const entitiesIn = spansFrom(input.entitySpans);
  const cands: Candidate[] = [];
  let rank = 0;
  let ledeOpens = '';
  let ledeRest = new Set<string>();
  for (let i = 0; i < input.sentences.length && cands.length < MAX_CANDIDATES; i++) {
    if (deadline.step()) break;
    const s = input.sentences[i]!;
    const text = s.text.replace(/\s+/g, ' ');
    const w = words(text);
    // prose rank counts every prose line, fit or not, so that the lede keeps its place
    const isProse = w.length >= MIN_WORDS && /[.!?]["'”’)]*$/.test(text) && !BOILERPLATE_RE.test(text) && !/^<\/?[a-z]+>/i.test(text);
    if (!isProse) continue;
    let r = rank++;
    if (r === 0) {
      ledeOpens = w.slice(0, 3).join(' ');
      ledeRest = new Set(w.slice(3));
    }
    // a page's note about itself is no part of a summary
    if (!standsAlone(text, true) || NOTE_RE.test(text)) continue;
    // a deck restated by the lede ("HACKERS connected with last week's ... attack have offered help." then "HACKERS
    // connected with the ransomware that ... last week have issued a new demand."): same opening words, more words in
    // common, and the second is fuller: it is the lede. ("The company said it was hacked." then "The company said it
    // lost $5 million." is two facts.)
    if (r === 1 && w.slice(0, 3).join(' ') === ledeOpens && overlap(ledeRest, new Set(w.slice(3))) >= DECK_OVERLAP && w.length > (cands[0]?.rank === 0 ? cands[0].words : 0)) {
      if (cands[0]?.rank === 0) cands.shift();
      r = 0;
    }
    const lower = text.toLowerCase();
    const amounts = amountsIn(s);
    const keyAmount = amounts.some((a) => keyAmountAt.has(a.start));
    const named = names.some((n) => hasWord(lower, n));
    let ent = 0;
    for (const e of entitiesIn(s)) ent += e.weight;
    const event = EVENT_RE.test(text);
    const attribution = ATTRIBUTION_RE.test(text) && (ent > 0 || named);
    let score = 0;
    // position: the lede carries the story, the next sentences its details
    score += 3 / (1 + r * 1);
    if (named) score += 1.2;
    if (keyAmount) score += 1;
    else if (amounts.length) score += 0.4;
    score += Math.min(0.8, ent * 0.3);
    if (event) score += 0.5;
    if (attribution) score += 0.8;
    if (DATE_RE.test(text)) score += 0.4;
    if (titleWords.size) score += Math.min(0.8, w.filter((x) => titleWords.has(x)).length * 0.2);
    if (BACKGROUND_RE.test(text) || !CONCRETE_RE.test(text)) score -= 1.2;
    if (SPEECH_RE.test(text)) score -= 1;
    if (r >= FIRST_WITHIN && ELSEWHERE_RE.test(text)) score -= 0.8;
    if (r > 0 && CONTEXT_RE.test(text)) score -= 1.5;
    const connective = CONNECTIVE_RE.test(text);
    if (connective) score -= 0.3;
    // a long sentence costs room the others need
    score -= Math.max(0, w.length - 35) * 0.03;
    const concrete = CONCRETE_RE.test(text) && !BACKGROUND_RE.test(text);
    cands.push({ i, rank: r, text, words: w.length, ws: new Set(w), named, party: ent > 0, amount: amounts.length > 0, keyAmount, event, concrete, connective, score });
  }
  if (!cands.length) return [];

  // first: the earliest opening sentence that names who was hit or who did it; else the lede when it tells the
  // event with something concrete (a figure, a name, a party, an amount); else the earliest that holds the event's
  // amount; else, after a scene-setting lede ("A new type of attack is growing in popularity."), the earliest opening
  // sentence that names a party or holds an amount and tells the event ("Yesterday, DeFiLabs rugged $1.6M from its
  // users"); else the lede when it tells the event; else the earliest that tells it; else the lede.
  // An opening sentence that is someone's words ("“Every year, we read ...") does not open a summary.
  const opening = cands.filter((c) => c.rank < FIRST_WITHIN && !c.connective && !/^["“]/.test(c.text));
  const lede = opening.find((c) => c.rank === 0);
  const first =
    opening.find((c) => c.named) ??
    (lede?.event && (lede.concrete || lede.party || lede.amount) ? lede : undefined) ??
    opening.find((c) => c.keyAmount) ??
    opening.find((c) => c.concrete && (c.party || c.amount) && (c.event || c.amount)) ??
    (lede?.event ? lede : undefined) ??
    opening.find((c) => c.event) ??
    lede ??
    opening.find((c) => c.event) ??
    [...(opening.length ? opening : cands.filter((c) => !c.connective))].sort((a, b) => b.score - a.score)[0];
  if (!first) return [];
  const chosen: Candidate[] = [first];
  let total = first.words;
  const fits = (c: Candidate, strict: boolean): boolean =>
    !chosen.includes(c) && !chosen.some((x) => overlap(x.ws, c.ws) > MAX_OVERLAP) && (!strict || total + c.words <= MAX_TOTAL_WORDS);
  const take = (c: Candidate): void => {
    chosen.push(c);
    total += c.words;
  };
  const ranked = [...cands].sort((a, b) => b.score - a.score);
  for (const c of ranked) if (chosen.length < MAX_SENTENCES && fits(c, true)) take(c);
  // at least two sentences, even when the first is long: the shortest of the best few
  if (chosen.length < MIN_SENTENCES) {
    const next = ranked.filter((c) => fits(c, false)).slice(0, 4).sort((a, b) => a.words - b.words)[0];
    if (next) take(next);
  }
  // the central fact first, the rest in reading order
  const [head, ...rest] = chosen;
  rest.sort((a, b) => a.i - b.i);
  return [head!, ...rest].map((c) => c.text);
}
