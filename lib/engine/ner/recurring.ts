/**
 * Single-word names no rule decided ("Conduent", "LabCorp", "Merck"): a word that is no English word
 * (not in compromise's lexicon) and is written with a capital in the middle of sentences again and again
 * is a name the article is about. Only words that recur: one capitalised unknown word may be anything.
 */
import { CAMEL_STOP, COMMON_ACRONYMS, JARGON } from '../vocab';
import { lexTag, type Candidate } from './candidates';

/** Mid-sentence occurrences a word needs. */
const MIN_RECURRENCE = 3;

/** Is the candidate at the start of a sentence, a line or a quote (where a capital says nothing)? */
function atSentenceStart(text: string, c: Candidate): boolean {
  return /(?:^|[.!?:;]["”’)\]]*\s+|\n\s*)["“‘'([*_#>-]*\s*$/.test(text.slice(Math.max(0, c.start - 6), c.start));
}

/**
 * The undecided single-word candidates whose word recurs mid-sentence at least MIN_RECURRENCE times,
 * grouped by word (all its candidates, sentence starts included). `known` holds lower-case words of
 * names found otherwise (a person's surname, a word of a longer name): those are not new names.
 */
export function recurringNames(text: string, singles: readonly Candidate[], known: ReadonlySet<string>): Candidate[][] {
  const byWord = new Map<string, { all: Candidate[]; mid: number }>();
  for (const c of singles) {
    const w = c.name;
    const lower = w.toLowerCase();
    // products and technologies ("Windows", "MetaMask") and jargon are no actors or victims
    if (w.length < 4 || COMMON_ACRONYMS.has(w) || known.has(lower) || CAMEL_STOP.has(lower) || JARGON.has(lower) || lexTag(w) !== '') continue;
    const e = byWord.get(w) ?? { all: [], mid: 0 };
    e.all.push(c);
    if (!atSentenceStart(text, c)) e.mid++;
    byWord.set(w, e);
  }
  return [...byWord.values()].filter((e) => e.mid >= MIN_RECURRENCE).map((e) => e.all);
}
