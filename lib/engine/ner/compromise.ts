/**
 * compromise on the name finder's undecided candidates only: the distinct two- and three-word names,
 * each with a few words of context, in ONE small document (its full parse of the article would cost
 * several times the rest of the engine).
 */
import nlp from 'compromise';
import type { Deadline } from '../deadline';
import { placeShaped } from '../ner-cues';
import type { Token } from '../text';
import { ORG_SUFFIX } from '../vocab';
import { brandLike, isTitleCaseLine, lexTag, type Candidate } from './candidates';
import { SAID_AFTER } from './cues';

/** Words of context either side of a candidate given to compromise. */
const CONTEXT_WORDS = 4;
/** Characters of context either side at most: four words, not the page-long runs of punctuation between them. */
const MAX_CONTEXT_CHARS = 80;
/** At most this many candidates go to compromise (a bound on its cost on very long pages). */
const MAX_COMPROMISE_CANDIDATES = 80;

export type CompromiseRule = 'compromise-person' | 'compromise-org' | 'quoted-person' | 'unknown-pair';

let warmed = false;
/** compromise builds its model on first use (~0.1–2 s cold); engines call this once when they are created. */
export function warmUpNer(): void {
  if (warmed) return;
  warmed = true;
  nlp('Jane Doe said the Example Institute was hacked.').people();
}

/** The verdict per distinct candidate name (names without a verdict are left out). */
export function compromiseVerdicts(text: string, tokens: Token[], undecided: readonly Candidate[], deadline: Deadline): Map<string, CompromiseRule> {
  // one compromise look per distinct name: later occurrences take the first one's verdict
  const firstByName = new Map<string, Candidate>();
  for (const c of undecided) if (!firstByName.has(c.name)) firstByName.set(c.name, c);
  const batch = [...firstByName.values()].slice(0, MAX_COMPROMISE_CANDIDATES);
  const verdict0 = new Map<string, CompromiseRule>();
  if (!batch.length || deadline.expired()) return verdict0;
  {
    const lines = batch.map((c) => {
      const a = Math.max(tokens[Math.max(0, c.tokenStart - CONTEXT_WORDS)]!.start, c.start - MAX_CONTEXT_CHARS);
      const b = Math.min(tokens[Math.min(tokens.length - 1, c.tokenEnd - 1 + CONTEXT_WORDS)]!.end, c.end + MAX_CONTEXT_CHARS);
      return text.slice(a, b).replace(/\s+/g, ' ');
    });
    const doc = nlp(lines.join('\n\n'));
    const people = new Set((doc.people().out('array') as string[]).map((p) => p.toLowerCase().replace(/[^\p{L}\p{N} ]+/gu, ' ').replace(/\s+/g, ' ').trim()));
    const orgs = new Set((doc.organizations().out('array') as string[]).map((p) => p.toLowerCase().replace(/[^\p{L}\p{N} ]+/gu, ' ').replace(/\s+/g, ' ').trim()));
    const verdict = new Map<string, 'compromise-person' | 'compromise-org' | 'quoted-person' | 'unknown-pair'>();
    for (const c of batch) {
      const key = c.name.toLowerCase().replace(/[^\p{L}\p{N} ]+/gu, ' ').replace(/\s+/g, ' ').trim();
      const after = text.slice(c.end, c.end + 20);
      if ([...people].some((p) => p === key || (p.includes(key) && p.split(' ').length <= 3))) verdict.set(c.name, 'compromise-person');
      else if ([...orgs].some((o) => o === key)) verdict.set(c.name, 'compromise-org');
      else if (SAID_AFTER.test(after)) verdict.set(c.name, 'quoted-person');
    }
    // Two unknown words in Title Case in running text ("Vitalik Buterin", "Mudit Gupta"): compromise's lexicon
    // knows neither, they are not brand-shaped and carry no organisation word: read as a person's name.
    for (const c of batch) {
      if (verdict.has(c.name) || c.tokens.length !== 2) continue;
      const [a, b] = c.tokens as [Token, Token];
      const unknown = (t: Token): boolean => !lexTag(t.text) && !brandLike(t.text) && !ORG_SUFFIX.has(t.norm) && t.text.length >= 3;
      const before = text.slice(Math.max(0, c.start - 3), c.start);
      const midSentence = /[\p{Ll},]\s+$/u.test(before);
      const placeStart = /^(?:Fort|Mount|Mt|Lake|Port|Saint|St|San|Santa|Los|Las|El|La|New|North|South|East|West|Cape|Isle|Glen|Bay)$/.test(a.text);
      if (unknown(a) && unknown(b) && !placeStart && !placeShaped(c.name) && midSentence && !isTitleCaseLine(text, c.start)) verdict.set(c.name, 'unknown-pair');
    }
    return verdict;
  }
}
