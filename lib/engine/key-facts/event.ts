/**
 * What happened: the kind of event an article is about, from the words of its title and lede (the
 * opening sentences carry most weight; the rest of the text a little). Pure, one pass per sentence.
 */
import type { Sentence } from '../text';

const EVENTS = ['theft', 'scam', 'ransomware', 'seizure', 'arrest-or-charge', 'sanction', 'laundering', 'report'] as const;
export type EventKind = (typeof EVENTS)[number];

const EVENT_CUES: readonly [EventKind, RegExp][] = [
  ['ransomware', /\b(?:ransomware|ransom(?:s|ed)?|extortion|encrypt(?:ed|ing) (?:files|systems|data|computers)|decrypt(?:ion)? key)\b/gi],
  [
    'theft',
    /\b(?:hack(?:ed|s)?|exploit(?:ed|s)?|drain(?:ed|er|ers|ing)?|stole|stolen|steal(?:s|ing)?|heist|theft|siphon(?:ed)?|plunder(?:ed|s)?|hijack(?:ed|ing|s)?|lost (?:\$|€|£|\d|over|more than|around|about|approximately|an estimated)|losing (?:millions|\$)|compromised (?:binar\w+|packages?|wallets?|versions?|keys?)|malicious (?:package|crate|version|update)s?|supply[- ]chain attack)\b/gi,
  ],
  ['scam', /\b(?:scam(?:s|med|mers?)?|fraud(?:ulent|sters?)?|ponzi|rug ?pull|swindl\w*|duped|defraud\w*|phishing|fake (?:investment|exchange|platform)s?|pig[- ]butchering|impersonat\w*)\b/gi],
  ['seizure', /\b(?:seiz(?:ed|es|ure|ing)|forfeit(?:ure|ed)?|confiscat\w*|took down|takedown|dismantled)\b/gi],
  ['arrest-or-charge', /\b(?:arrest(?:ed|s)?|charged|charges|indict(?:ed|ment)|sentenced|jailed|convicted|plead(?:s|ed)? guilty|guilty plea|extradit\w*|prison|prosecutors?|verdict|trial|fraud (?:case|charges)|court)\b/gi],
  ['sanction', /\b(?:sanction(?:ed|s|ing)?|designat(?:ed|es|ion)|blacklist(?:ed)?|ofac)\b/gi],
  ['laundering', /\b(?:launder(?:ed|ing|s)?|money mule|mixer)\b/gi],
  [
    'report',
    /\b(?:reports? (?:found|finds|shows?|says|claims|revealed)|according to (?:a|the|its) (?:new )?report|(?:a|the|its) (?:new |recent |latest |annual )?(?:report|paper) (?:by|from|filed|published|released|led by)|(?:new|recent) research|research (?:led|by|from)|study|survey|statistics|average|median|per cent|percent|% of|in (?:19|20)\d{2} alone|so far this year|year[- ]on[- ]year|annual(?:ly)?|trends?|researchers (?:found|tracked|estimate|analy[sz]ed))\b/gi,
  ],
];

/** An attack without a word for what kind: decides between ransomware and theft only when nothing more specific is said. */
const ATTACK_RE = /\b(?:hackers?|attackers?|cyber-?attacks?|breach(?:ed)?|compromised|intrusion|held (?:\w+ )?hostage|malware|infected)\b/gi;

/**
 * What could be done rather than what was: an attacker as the subject of "could", "can", "would", and the verb (with
 * up to two words before it) after "could", "made it possible to", "allowed (hackers) to", "enabled ... to"; never
 * past a "that" or "after" ("it can confirm that hackers stole" keeps its theft; "may have stolen" is a hedged fact).
 */
const ABILITY_STOP = String.raw`(?!(?:that|after|before|because|when|while|which|who|but|and|or|if|since|as|once)\b)`;
const ABILITY_VERB = String.raw`\s+(?:${ABILITY_STOP}[\w'’-]+\s+){0,2}${ABILITY_STOP}[\w'’-]+`;
const MODAL = String.raw`\b(?:could(?:'ve| have)?|would(?: have)?|can|(?:made it|make it|makes it|is|was) possible to)`;
/** For the crime's words: the modal's verb and the verb a flaw "allowed" someone to do. */
const ABILITY_RE = new RegExp(String.raw`${MODAL}${ABILITY_VERB}|\b(?:allow\w*|enabl\w*|permit\w*|let(?:s|ting)?) (?:\w+ ){0,3}?to${ABILITY_VERB}`, 'gi');
/** For the attack words: an attacker as the subject of a modal and the modal's verb (one "allowed" to act is still there: "allowing the attacker to loop"). */
const ABILITY_ATTACK_RE = new RegExp(String.raw`\b(?:hackers?|attackers?|criminals?|thieves)\s+(?=(?:could|can|would)\b)|${MODAL}${ABILITY_VERB}`, 'gi');

/** Weight of a cue in the title, the lede (first LEDE_SENTENCES prose sentences) and the rest. */
const TITLE_W = 3;
const LEDE_W = 2;
const REST_W = 0.25;
export const LEDE_SENTENCES = 3;
/** Below this score the article's event is not clear enough to name. */
const MIN_SCORE = 4;

export interface EventReading {
  event: EventKind | null;
  scores: Record<EventKind, number>;
}

function count(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(s) !== null) n++;
  return n;
}

/** Is this sentence prose (a lede candidate) rather than a heading, byline, caption or markup line? */
export function isProse(s: string): boolean {
  return /[.!?]["'”’)]*$/.test(s) && (s.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) >= 7 && !/^<[a-z]+>/i.test(s);
}

export function readEvent(title: string | null | undefined, sentences: readonly Sentence[], step: () => boolean): EventReading {
  const scores = Object.fromEntries(EVENTS.map((e) => [e, 0])) as Record<EventKind, number>;
  let attack = 0;
  const add = (s: string, w: number): void => {
    // what a flaw would let attackers do is no theft that happened ("a bug that allowed hackers to steal coins")
    const done = s.replace(ABILITY_RE, ' ');
    for (const [kind, re] of EVENT_CUES) scores[kind] += Math.min(3, count(re, kind === 'theft' ? done : s)) * w;
    attack += Math.min(3, count(ATTACK_RE, s.replace(ABILITY_ATTACK_RE, ' '))) * w;
  };
  if (title) add(title.slice(0, 400), TITLE_W);
  let prose = 0;
  for (const s of sentences) {
    if (step()) break;
    const text = s.text.length > 2000 ? s.text.slice(0, 2000) : s.text;
    if (isProse(text) && prose < LEDE_SENTENCES) {
      prose++;
      add(text, LEDE_W);
    } else add(text, REST_W);
  }
  // a ransomware story speaks of attacks and hackers too; a theft story may mention ransomware in passing
  const ranked = [...EVENTS].sort((a, b) => scores[b] - scores[a]);
  let top = ranked[0]!;
  // a kind named in the lede or title at least once counts as clear when the attack words around it add up
  const clear = (k: EventKind): boolean => scores[k] >= MIN_SCORE || (scores[k] >= LEDE_W && scores[k] + attack >= MIN_SCORE);
  if (clear('ransomware') && scores.ransomware * 2 >= scores.theft) top = 'ransomware';
  if ((top === 'ransomware' || top === 'theft') && scores.report >= MIN_SCORE + 2 && scores.report * 1.5 >= scores[top]) top = 'report';
  // charges, seizures and sanctions are told with the crime's words ("charged with stealing", "pleads guilty to
  // ransomware attacks"): they win when strong
  const CRIMES: readonly EventKind[] = ['theft', 'scam', 'laundering', 'ransomware'];
  for (const k of ['arrest-or-charge', 'seizure', 'sanction'] as const) if (CRIMES.includes(top) && scores[k] >= MIN_SCORE + 2 && scores[k] * 1.5 >= scores[top]) top = k;
  if (scores[top] < MIN_SCORE && attack >= MIN_SCORE) top = scores.ransomware > 0 ? 'ransomware' : scores.theft > 0 || scores.scam === 0 ? 'theft' : top;
  return { event: clear(top) || attack >= MIN_SCORE ? top : null, scores };
}
