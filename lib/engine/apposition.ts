/**
 * What the article itself says a name is, for names the knowledge base lacks (issue 17: "ZachXBT, an
 * on-chain investigator" gives the card "an on-chain investigator", labelled "From this article").
 *
 * Three shapes of English news writing, each read in a bounded window next to a mention (linear overall):
 * - an appositive right after the name, closed by a comma, semicolon or full stop: "ZachXBT, an on-chain
 *   investigator, said"; "Jane Roe, chief executive of Acme,"; "Jane Roe, Elliptic's head of research,";
 * - a definition: "Acme is a Singapore-based exchange.";
 * - a role before the name: "blockchain analytics firm Elliptic", "security researcher Jane Roe".
 * Not a description: the next item of a list ("Alice, Bob and Carol"), a place or a date ("Seoul, South
 * Korea", "Monday, March 3"), an age or an amount, a relative clause ("Roe, who ..."), a quote, an
 * adverb ("Acme, however,"), a phrase longer than MAX_WORDS, anything past a sentence end. When unsure, none.
 */
import { lexTag } from './ner/candidates';

/** A description has at most this many words (longer ones are clauses, not descriptions). */
const MAX_WORDS = 12;
/** and at most this many characters, cut at a word boundary. */
export const MAX_CHARS = 100;
/** Mentions of one entity looked at (the first ones, in reading order). */
const MAX_MENTIONS = 12;

/** Characters after a mention an appositive or a definition may take. */
const AFTER = 220;
/** Characters before a mention a role may take. */
const BEFORE = 80;

/** ", <phrase>" closed by a comma, a semicolon or a full stop: no quotes, brackets, colons or line breaks inside. */
const APPOSITIVE = /^,[ \t]+([^,.;:!?()[\]"“”‘\n]{2,200}?)(?:[,;]|\.(?:\s|$))/;
/** " is a|an <phrase>" up to the clause's end. */
const DEFINITION = /^[ \t]+is[ \t]+((?:a|an)[ \t]+[^,.;:!?()[\]"“”‘\n]{2,200}?)(?:[,;]|\.(?:\s|$))/;
/** A relative or subordinate word ends a description ("an investigator who..."): what comes after is a clause. */
const CLAUSE_WORD = new Set(['who', 'whom', 'whose', 'which', 'that', 'where', 'when', 'while', 'because', 'after', 'before', 'since', 'although', 'though', 'if']);
/** A role phrase without an article starts with a noun or adjective, never with one of these. */
const NOT_A_ROLE_START = new Set([
  ...CLAUSE_WORD,
  'and', 'or', 'but', 'nor', 'so', 'yet', 'then', 'now', 'also', 'too', 'however', 'meanwhile', 'instead', 'though', 'still',
  'said', 'says', 'told', 'added', 'wrote', 'according', 'including', 'such', 'as', 'in', 'on', 'at', 'for', 'with', 'by', 'from',
  'to', 'into', 'of', 'about', 'over', 'under', 'per', 'not', 'only', 'both', 'either', 'neither', 'all', 'some', 'many', 'most',
  'this', 'these', 'those', 'its', 'his', 'her', 'their', 'our', 'one', 'it', 'he', 'she', 'they', 'we', 'you', 'i',
]);
/** The heads of role phrases written before a name: kinds of organisation and occupation. */
const ROLE_HEAD = new Set([
  'firm', 'company', 'startup', 'exchange', 'platform', 'protocol', 'project', 'provider', 'vendor', 'developer', 'wallet',
  'researcher', 'analyst', 'investigator', 'sleuth', 'expert', 'consultant', 'specialist', 'founder', 'co-founder', 'cofounder',
  'executive', 'officer', 'spokesperson', 'spokesman', 'spokeswoman', 'lawyer', 'attorney', 'prosecutor', 'official', 'engineer',
  'journalist', 'reporter', 'economist', 'professor', 'entrepreneur', 'investor', 'trader', 'influencer', 'blogger',
]);
/** Words of time and amounts: "Acme, a few days later,", "Acme, a loss of $5 million," say when or how much, not what. */
const NOT_A_DESCRIPTION = /[$€£¥%]|\b(?:million|billion|thousand|later|earlier|ago|day|days|week|weeks|month|months|year|years|morning|afternoon|evening|night|time|times)\b/i;
/** A sentence opened by a preposition or a subordinator: "According to Elliptic, the group..." ends its opening phrase at the comma. */
const INTRO_WORD = /^(?:according|in|on|at|for|from|by|with|without|unlike|like|after|before|following|despite|per|to|as|while|when|if|although|though|since|because|once|unless|until|via|through|under|against|among|amid)$/i;
/** compromise's lexicon tags of a finite verb: a phrase with one is a clause ("the group was...", "the funds moved"). */
const FINITE = /(?:^|,)(?:Copula|Modal|Auxiliary)(?:,|$)/;
const PAST = /(?:^|,)PastTense(?:,|$)/;
/** compromise's lexicon tags a role phrase cannot start with. */
const NOT_A_ROLE_WORD = /(?:^|,)(?:Plural|Verb|PastTense|PresentTense|Infinitive|Gerund|Copula|Modal|Auxiliary|Determiner|Pronoun|Preposition|Conjunction|Adverb)(?:,|$)/;
/** A modifier of a role is a lower-case word that is not a function word ("the", "said", "by", "what"). */
const NOT_A_MODIFIER = /(?:^|,)(?:Copula|Verb|PastTense|PresentTense|Gerund|Modal|Auxiliary|Determiner|Pronoun|Preposition|Conjunction|Adverb|QuestionWord)(?:,|$)/;
const MODIFIER = /^[a-z][a-z0-9-]*$/;

/** The words of a phrase, whitespace collapsed. */
const wordsOf = (s: string): string[] => s.trim().split(/\s+/).filter(Boolean);

/** Trimmed, at most MAX_CHARS, cut at a word boundary (then marked with an ellipsis). */
export function fitDescription(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim().replace(/[\s\\]+$/, ''); // a markdown escape at the end
  if (t.length <= MAX_CHARS) return t;
  const room = t.slice(0, MAX_CHARS);
  const at = room.lastIndexOf(' ');
  return `${(at > 0 ? room.slice(0, at) : room).replace(/[\s\\,;:–—-]+$/, '')}…`;
}

/**
 * A phrase read as a description, or null: cut before a relative clause, at most MAX_WORDS words,
 * starting with an article, a possessive ("Elliptic's head of research") or a role word ("chief executive of Acme").
 */
function asDescription(phrase: string, definition: boolean): string | null {
  let words = wordsOf(phrase);
  const clause = words.findIndex((w) => CLAUSE_WORD.has(w.toLowerCase()));
  if (clause === 0) return null;
  if (clause > 0) words = words.slice(0, clause);
  if (words.length < 2 || words.length > MAX_WORDS) return null;
  if (words.some((w) => /^['’]/.test(w))) return null; // a quotation opening inside
  if (NOT_A_DESCRIPTION.test(words.join(' ')) || isClause(words)) return null;
  const first = words[0]!;
  // a lower-case article; "the" before a capital is the next name of a list ("X, the Interior Ministry"), and
  // a capital "The" starts a name ("CertiK, The Block")
  if (first === 'a' || first === 'an') return fitDescription(words.join(' '));
  if (first === 'the') return /^\p{Lu}/u.test(words[1]!) ? null : fitDescription(words.join(' '));
  const lower = first.toLowerCase();
  if (definition) return null;
  // "Elliptic's head of research": a possessive, then a lower-case role
  if (/^\p{Lu}[\p{L}\p{N}.&-]*['’]s$/u.test(first)) return /^\p{Ll}/u.test(words[1]!) ? fitDescription(words.join(' ')) : null;
  // "chief executive of Acme", "head of research at Elliptic": a role word, then of/at/for
  if (!/^\p{Ll}[\p{L}-]*$/u.test(first) || NOT_A_ROLE_START.has(lower) || /(?:ed|ing|ly)$/.test(lower)) return null;
  // one role, not a verb or a plural ("X, shows the many factors at play")
  if (NOT_A_ROLE_WORD.test(lexTag(lower))) return null;
  const prep = words.findIndex((w) => w === 'of' || w === 'at' || w === 'for');
  if (prep < 1 || prep === words.length - 1) return null;
  return fitDescription(words.join(' '));
}

/**
 * A finite verb after the first word: "the group was", "the funds moved" (a past form right after the
 * article or an adverb is an adjective: "the hacked exchange", "a recently hacked exchange").
 */
function isClause(words: readonly string[]): boolean {
  for (let k = 1; k < words.length; k++) {
    const w = words[k]!.toLowerCase();
    if (/^(?:has|have|had|said|says|told|does|did)$/.test(w)) return true;
    const tag = lexTag(w);
    if (FINITE.test(tag)) return true;
    const prev = words[k - 1]!.toLowerCase();
    if (PAST.test(tag) && !/^(?:a|an|the)$/.test(prev) && !prev.endsWith('ly')) return true;
  }
  return false;
}

/** The mention sits in a sentence's opening phrase ("According to Elliptic,", "In Acme's case"): the comma after it closes that phrase. */
function inOpeningPhrase(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - BEFORE), start);
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'), before.lastIndexOf('! '), before.lastIndexOf('? '));
  if (cut < 0 && start > BEFORE) return false;
  const opening = before.slice(cut + 1);
  if (/[,;:]/.test(opening)) return false;
  const first = /^\s*["“]?([A-Za-z]+)/.exec(opening);
  return !!first && INTRO_WORD.test(first[1]!);
}

/** ", an on-chain investigator," right after the mention. */
function appositiveAfter(text: string, start: number, end: number): string | null {
  if (inOpeningPhrase(text, start)) return null;
  const after = text.slice(end, end + AFTER);
  // an age first: "Jane Roe, 28, a blockchain investigator at Acme,"
  const age = /^,[ \t]+\d{1,2}(?=,)/.exec(after);
  const m = APPOSITIVE.exec(age ? after.slice(age[0].length) : after);
  return m ? asDescription(m[1]!, false) : null;
}

/** " is a Singapore-based exchange." right after the mention. */
function definitionAfter(text: string, end: number): string | null {
  const m = DEFINITION.exec(text.slice(end, end + AFTER));
  return m ? asDescription(m[1]!, true) : null;
}

/** "blockchain analytics firm " right before the mention: modifiers and a role head, no punctuation between. */
function roleBefore(text: string, start: number): string | null {
  const before = text.slice(Math.max(0, start - BEFORE), start);
  if (!/[ \t]$/.test(before)) return null;
  // the words right before the name, separated by spaces or tabs only (a comma or full stop ends the run)
  const run = /((?:[A-Za-z][A-Za-z0-9-]*[ \t]+){1,6})$/.exec(before);
  if (!run) return null;
  const words = wordsOf(run[1]!);
  // the run starts inside a word ("Wallet Guard’s founder": "s founder"): its first piece is no word
  const runStart = before.length - run[0].length;
  if (runStart > 0 && !/\s/.test(before[runStart - 1]!)) words.shift();
  if (!words.length) return null;
  const head = words[words.length - 1]!;
  if (!ROLE_HEAD.has(head)) return null;
  const kept: string[] = [head];
  for (let k = words.length - 2; k >= 0 && kept.length < 5; k--) {
    const w = words[k]!;
    if (!MODIFIER.test(w) || NOT_A_ROLE_START.has(w) || NOT_A_MODIFIER.test(lexTag(w))) break;
    kept.unshift(w);
  }
  return kept.length >= 2 ? fitDescription(kept.join(' ')) : null;
}

/**
 * What the article says the entity is, from the first mention that says something, or null. `mentions`
 * are offsets into `text`.
 */
export function articleDescription(text: string, mentions: readonly { start: number; end: number }[]): string | null {
  const ordered = [...mentions].sort((a, b) => a.start - b.start).slice(0, MAX_MENTIONS);
  for (const m of ordered) {
    const found = appositiveAfter(text, m.start, m.end) ?? definitionAfter(text, m.end) ?? roleBefore(text, m.start);
    if (found) return found;
  }
  return null;
}
