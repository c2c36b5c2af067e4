/**
 * What each amount is, read from the words around it in its own clause: the nearest role word (a noun
 * right after it, "a $4.8 million bounty"; a noun it belongs to, "a ransom of $50,000"; a verb before or
 * after it, "froze $20 million", "$48 million was stolen"), with clause boundaries (";", a dash,
 * brackets, "while", "but", "of which", "after") making a word further away. A clause about a period
 * or many incidents ("so far this year", "since 2017", "last year", "attacks", "exchanges"), or a survey's
 * or study's figure ("businesses they surveyed said they had paid over $10,000"), makes the
 * amount an aggregate; in a report story (a study, a survey) so is every figure but a bounty, fine or
 * seizure. Pure and linear: each sentence's cues are read once; each amount finds its sentence by
 * binary search and looks at a bounded window.
 */
import type { Sentence } from '../text';
import { sentenceIndexAt } from '../text';

type Role = 'stolen' | 'frozen' | 'recovered' | 'seized' | 'ransom' | 'bounty' | 'fine' | 'laundered' | 'aggregate' | 'other';

type CueRole = Exclude<Role, 'aggregate'>;

/** Role words. Order matters only for ties at the same distance (the first listed wins). */
const CUES: readonly [CueRole, RegExp][] = [
  ['bounty', /\b(?:bount(?:y|ies)|rewards?|white[- ]?hat fee|finder'?s fee)\b/g],
  // money that was not taken: what was saved, kept safe or prevented, what a project is worth, raised or borrowed, a price
  ['other', /\b(?:sav(?:ed|ing)|rescued|protected|secured|market (?:cap|capitali[sz]ation|value)|valuation|valued at|raised|funding|total value locked|tvl|invested|deposited|staked|funded|borrow(?:ed|ing|s)?|(?:flash )?loans?|prices?|priced|trading at|in gas|avoid(?:ed|ing)?|prevent(?:ed|ing)?|thwart(?:ed|ing)?)\b/g],
  ['ransom', /\b(?:ransom(?!ware)\w*|extort\w*)\b/g],
  ['fine', /\b(?:fined?|fines|penalt(?:y|ies)|settlement|civil money|restitution)\b/g],
  ['frozen', /\b(?:froze|frozen|freez\w*)\b/g],
  ['seized', /\b(?:seiz\w*|forfeit\w*|confiscat\w*)\b/g],
  ['recovered', /\b(?:recover(?:ed|y|ing|s)?|returned|refund\w*|clawed back|got back|regain\w*|retriev\w*)\b/g],
  // a mixer named as the place the money went ("sent to Tornado Cash") is laundering
  ['laundered', /\b(?:launder\w*|mixers?|mixing service|tumbl\w*|cash(?:ed)? out|tornado(?: ?cash)?)\b/g],
  [
    'stolen',
    /\b(?:stole|stolen|steal\w*|drain\w*|hack(?:ed|ers?|s)?|exploit(?:ed|er|ers|s)?|heists?|thefts?|lost|loss(?:es)?|siphon\w*|loot\w*|swindl\w*|defraud\w*|scam(?:med|mers?)?|made off with|(?:got|made|ran) away with|netting|netted|raked|bilked|fleec\w*|embezzl\w*|pilfer\w*|robb\w*|took|taken)\b/g,
  ],
];
/** "paid", "demanded": a ransom in a story about a ransom or an attack; otherwise only a payment. */
const PAY_RE = /\b(?:paid|pay(?:s|ing|ment|ments)?|demand(?:s|ed|ing)?)\b/g;
const RANSOM_CONTEXT_RE = /\b(?:ransom\w*|extort\w*|hackers?|attackers?|criminals?|gang|decrypt\w*|unlock\w*)\b/;
/** Words that end one clause and start another inside a sentence. */
const BOUNDARY_RE = /;|\s[—–]\s|\s-\s|[()]|,\s(?:while|but|whereas|although|though|and|after|before|which|when|as)\b|\b(?:of which|while|whereas|but|after|before)\b/g;
/** A period of time or many incidents: the amount is a total, not this event's. */
/** A period of time or a whole field: the amount is a total, whoever acted. */
const AGGREGATE_PERIOD_RE =
  /\b(?:so far (?:this|in)|this year|last year|since (?:19|20)\d{2}|(?:per|a|each|every) (?:year|month)\b(?! ago| earlier| later| before| after)|annual(?:ly)?|over the (?:past|last)|in the (?:first|second|third|last) (?:half|quarter)|in the past \w+ (?:years|months)|average|median|cumulative\w*|industry(?!-wide)|surveys?|surveyed|respondents|(?:a|the|this|new) study|on average|typical(?:ly)?)\b/;
/** Many incidents: a total of them, unless authorities acted on these funds ("$300 million linked to fraud schemes has been frozen"). */
const AGGREGATE_MANY_RE = /\b(?:attacks|hacks|thefts|exploits|breaches|incidents|heists|scams|schemes|campaigns|ransomware (?:payments|attacks))\b/;
const AGGREGATE_WEAK_RE = /\b(?:a total of|in total|add(?:s|ed|ing)? up to|total(?:l?ing|l?ed|s)?|combined|altogether|collectively|overall)\b/;
const PLURAL_VICTIMS_RE = /\b(?:exchanges|institutions|companies|organi[sz]ations|banks|firms|protocols|platforms|businesses|hospitals|projects|countries)\b/;
/** A ranking phrase: "one of the largest hacks this year", "the biggest theft since 2022". */
const RANKING_RE = /\b(?:one of the|among the|the) (?:\w+ ){0,2}(?:largest|biggest|worst|most \w+)\b[^,;]{0,60}/g;
/** A conditional or a counterfactual: "If even 1 per cent paid, that would be $600k", "could have drained $90 million". Not a fact. */
const HYPOTHETICAL_RE = /\b(?:if|unless|were (?:it|they|the)|had (?:it|they|the))\b[^;]*\b(?:would|could|might)\b|\b(?:would|could|might) have (?!been (?:stolen|drained|taken|lost))\w+/;
/**
 * The amount's own predicate right after it: "17,614,940 USDC of the module was invested in Euler", "$5m
 * were taken": its verb says what the amount is, before a word of an opening phrase ("At the time of the hack, ...").
 */
/** "$5 million in ransom", "$150k in losses": the noun after "in" says what the amount is, when no verb of its own does. */
const IN_NOUN_RE = /^\s?(?:worth of \S+\s|of \S+\s)?in\s(?:(?:\w+|court-ordered)\s)?(?=\w)/;
const PREDICATE_RE = /^[^,;:()]{0,60}?\b(?:was|were|is|are|has been|have been|had been|got|gets|get)\s+(?:\w+ly\s+)?(?=\w)/;
/** Earnings of a group over its victims or campaigns: "the group had earned nearly $850,000 from their victims". */
const EARNINGS_RE = /\b(?:earn(?:ed|s|ing)?|raked in|collected|took in|made|received|revenue|proceeds|profits?)\b/;
const EARNED_FROM_RE = /^[^,;]{0,40}?\bfrom (?:\w+ ){0,2}(?:victims|targets|companies|organi[sz]ations|campaigns|attacks|payments)\b/;

/** A participle right after the amount ("$25 million stolen in a heist", "$20m taken"). */
const PARTICIPLE_AFTER_RE = /^\s?(?:in\s|worth of \S+\s)?(?:stolen|taken|lost|drained|hacked|looted|siphoned)$/;
/** Between a verb and its object amount: only a quantifier ("laundering at least $25 million"). */
const GOVERNED_GAP_RE = /^\s(?:(?:at least|more than|over|about|around|nearly|almost|some|roughly|approximately|up to|an estimated|another|a further|the|all|~)\s?)?$/;

/** Money kept from the attacker, right before the amount: "avoiding a further $1.15M in losses", "saving $24m". */
const KEPT_BEFORE_RE = /\b(?:avoid(?:ed|ing)?|prevent(?:ed|ing)?|thwart(?:ed|ing)?|sav(?:ed|ing)|protect(?:ed|ing)|rescu(?:ed|ing)|secur(?:ed|ing))\s(?:(?:a|an|the|further|another|additional|more than|over|nearly|about|around|some|up to|~)\s?){0,3}$/;

/** The clause recalls another incident: an earlier or different one. */
const OTHER_INCIDENT_RE = /\b(?:earlier this (?:year|month)|in a separate|another|previous(?:ly)?|prior|similar|last (?:month|year)|in (?:19|20)\d{2}|a (?:year|month) (?:ago|earlier)|years? ago)\b/;

/** Characters either side of an amount read for its role. */
const ROLE_WINDOW = 240;
/** Each boundary crossed counts as this many characters of distance. */
const BOUNDARY_COST = 60;
/** A role word further than this (after boundary costs) says nothing about the amount. */
const MAX_DISTANCE = 150;

interface Cue {
  role: CueRole;
  start: number;
  end: number;
}

export interface RoleReading {
  role: Role;
  /** the clause recalls another incident (another year, "in a separate", "previously"...) */
  otherIncident: boolean;
  /** the nearest cue's distance in characters (Infinity when none) */
  distance: number;
  /** index of the sentence that holds the amount */
  sentence: number;
}

function collect(re: RegExp, s: string, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null && m.index < to) {
    out.push([m.index, m.index + m[0].length]);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

function countBetween(sorted: readonly number[], a: number, b: number): number {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  let n = 0;
  for (const p of sorted) if (p > lo && p < hi) n++;
  return n;
}

/**
 * Reads the roles of amounts at [start, end) offsets in `text`, whose sentences are `sentences`. Each
 * sentence's window is read once per amount it holds (bounded by ROLE_WINDOW), so the cost is linear
 * in the text and the number of amounts.
 */
export function roleReader(text: string, sentences: readonly Sentence[], opts: { ransomStory: boolean; reportStory: boolean }) {
  return (start: number, end: number): RoleReading => {
    const si = sentences.length ? sentenceIndexAt(sentences as Sentence[], start) : -1;
    const sen = si >= 0 ? sentences[si]! : { start: 0, end: text.length, text };
    const a = Math.max(sen.start, start - ROLE_WINDOW);
    const b = Math.min(sen.end, end + ROLE_WINDOW);
    const w = text.slice(a, b).toLowerCase();
    const s0 = start - a;
    const e0 = end - a;
    const boundaries = collect(BOUNDARY_RE, w, 0, w.length).map(([p]) => p);
    // the clause: from the boundary before the amount to the one after
    let cs = 0;
    let ce = w.length;
    for (const p of boundaries) {
      if (p < s0) cs = p;
      else if (p >= e0 && ce === w.length) ce = p;
    }
    // "one of the largest thefts" ranks this event among others; it is not a total of them
    const clause = w.slice(cs, ce).replace(RANKING_RE, ' ');
    const cues: Cue[] = [];
    for (const [role, re] of CUES) for (const [cs1, ce1] of collect(re, w, 0, w.length)) if (cs1 >= e0 || ce1 <= s0) cues.push({ role, start: cs1, end: ce1 });
    if (opts.ransomStory || RANSOM_CONTEXT_RE.test(w)) for (const [ps, pe] of collect(PAY_RE, w, 0, w.length)) if (ps >= e0 || pe <= s0) cues.push({ role: 'ransom', start: ps, end: pe });
    // the amount's own verb ("... was invested", "... were drained") is the closest word there is
    const pred = PREDICATE_RE.exec(w.slice(e0));
    const inNoun = IN_NOUN_RE.exec(w.slice(e0));
    const predAt = pred && cues.some((c) => c.start === e0 + pred[0].length) ? e0 + pred[0].length : inNoun ? e0 + inNoun[0].length : -1;
    let best: Cue | null = null;
    let bestD = Infinity;
    for (const c of cues) {
      // a word after the amount is read a little closer ("$4.8 million bounty", "$5m was stolen")
      const gap = c.start === predAt ? 0 : c.start >= e0 ? c.start - e0 : s0 - c.end + 4;
      const d = gap + BOUNDARY_COST * countBetween(boundaries, c.start, c.start >= e0 ? e0 : s0);
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    // "laundering at least $25 million stolen in a heist", "froze $20 million stolen": the verb right before the amount
    // acts on it; a participle right after only says where the money came from
    if (best && best.start >= e0 && PARTICIPLE_AFTER_RE.test(w.slice(e0, best.end))) {
      const gov = cues.find((c) => c.end <= s0 && c.role !== best!.role && GOVERNED_GAP_RE.test(w.slice(c.end, s0)) && /(?:ing|ed|e)$/.test(w.slice(c.start, c.end)));
      if (gov) best = gov;
    }
    const otherIncident = OTHER_INCIDENT_RE.test(clause);
    const after = clause.slice(e0 - cs);
    const period = AGGREGATE_PERIOD_RE.test(clause);
    // many incidents or victims: "$2 billion by breaking into exchanges and banks", "a total of $X from ... firms"
    const many =
      AGGREGATE_MANY_RE.test(clause) ||
      (AGGREGATE_WEAK_RE.test(clause) && PLURAL_VICTIMS_RE.test(clause)) ||
      PLURAL_VICTIMS_RE.test(after) ||
      (EARNINGS_RE.test(clause.slice(0, s0 - cs)) && EARNED_FROM_RE.test(after));
    const aggregate = period || many;
    let role: Role = best && bestD <= MAX_DISTANCE ? best.role : 'other';
    // what would or could have happened, or what was kept from the attacker, is no fact of the event
    if (HYPOTHETICAL_RE.test(clause) || KEPT_BEFORE_RE.test(w.slice(Math.max(0, s0 - 40), s0))) return { role: 'other', otherIncident: false, distance: bestD, sentence: si };
    // a total over a period or many incidents is an aggregate, whatever verb carries it; a fine, a bounty, a seizure or a
    // freeze of funds linked to many incidents stays what it is (authorities acted on these funds), unless it counts a period
    // a figure of a period with no word of what it is ("tried to buy a copy with $40 million last year") is background, not a total
    if (period && !many && role === 'other' && !opts.reportStory && !AGGREGATE_WEAK_RE.test(clause)) role = 'other';
    else if (aggregate && (period || (role !== 'bounty' && role !== 'fine' && role !== 'seized' && role !== 'frozen'))) role = 'aggregate';
    // in a report (a study, a survey), a figure is the report's, even one said of a ransom ("the highest demand seen was $28,730")
    else if (opts.reportStory && (role === 'other' || role === 'stolen' || role === 'ransom')) role = 'aggregate';
    return { role, otherIncident: otherIncident && role !== 'aggregate', distance: bestD, sentence: si };
  };
}
