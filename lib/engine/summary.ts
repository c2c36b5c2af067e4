/**
 * Extractive summary: 2–5 sentences of the article, the central fact first (who, what, how much, when).
 * Boilerplate (risk warnings, "Join our Telegram", captions, headlines without a verb) never qualifies.
 */
import type { Amount } from '../shared/contract';
import type { Sentence } from './text';
import { NO_DEADLINE, type Deadline } from './deadline';
import { BOILERPLATE_RE } from './lexicon';

/** Sentences shorter than this many words are captions, headings or fragments. */
const MIN_WORDS = 7;
/** Sentences longer than this are lists or run-ons; they make poor summaries. */
const MAX_WORDS = 70;
/** Sentences sharing this much vocabulary with one already chosen are repeats. */
const MAX_OVERLAP = 0.6;
/** Summary length bounds (contract: 2–5). */
const MIN_SENTENCES = 2;
const MAX_SENTENCES = 5;
/** Articles shorter than this many words get the minimum-length summary plus one. */
const SHORT_ARTICLE_WORDS = 400;

const EVENT_RE =
  /\b(?:hack\w*|exploit\w*|stole|stolen|steal\w*|drain\w*|launder\w*|attack\w*|breach\w*|heist|seiz\w*|sanction\w*|arrest\w*|charged|indict\w*|ransom\w*|compromis\w*|lost|losses|theft|raked|scam\w*|phish\w*|attribut\w*|linked to|behind)\b/i;
const DATE_RE = /\b(?:19|20)\d{2}\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|last week|this week|earlier this)\b/;

function words(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
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

export function summarize(input: SummaryInput): string[] {
  const deadline = input.deadline ?? NO_DEADLINE;
  const titleWords = new Set(words(input.title ?? '').filter((w) => w.length > 3));
  const n = input.sentences.length;
  const scored: { i: number; s: Sentence; score: number; ws: Set<string> }[] = [];
  let maxUsd = 0;
  for (const a of input.amounts) maxUsd = Math.max(maxUsd, a.usd ?? 0);
  const amountsIn = spansFrom(input.amounts.filter((a) => a.start !== undefined && a.end !== undefined) as (Amount & { start: number; end: number })[]);
  const entitiesIn = spansFrom(input.entitySpans);
  for (let i = 0; i < n; i++) {
    if (deadline.step()) break;
    const s = input.sentences[i]!;
    const w = words(s.text);
    if (w.length < MIN_WORDS || w.length > MAX_WORDS) continue;
    if (BOILERPLATE_RE.test(s.text)) continue;
    if (!/[.!?]["'”’)]*$/.test(s.text)) continue; // headlines, captions, list fragments
    if (/^["“].*["”]$/.test(s.text) && w.length < 15) continue; // a bare short quote
    if (/\?["'”]?$/.test(s.text)) continue;
    let score = 0;
    // position: the lead carries the story
    score += Math.max(0, 1.2 - (i / Math.max(1, n)) * 2.4);
    const amounts = amountsIn(s);
    if (amounts.length) {
      score += 1.2 + (amounts.some((a) => a.role === 'stolen' || a.role === 'laundered') ? 0.6 : 0);
      // the headline figure is usually the largest one
      if (maxUsd > 0) score += 0.8 * (Math.max(0, ...amounts.map((a) => a.usd ?? 0)) / maxUsd);
    }
    let ent = 0;
    for (const e of entitiesIn(s)) ent += e.weight;
    score += Math.min(1.5, ent * 0.5);
    if (EVENT_RE.test(s.text)) score += 0.8;
    if (DATE_RE.test(s.text)) score += 0.2;
    if (titleWords.size) score += Math.min(1, w.filter((x) => titleWords.has(x)).length * 0.25);
    if (/^(?:But|And|However|Still|Also|This|That|These|It|He|She|They)\b/.test(s.text)) score -= 0.4; // leans on an earlier sentence
    scored.push({ i, s, score, ws: new Set(w) });
  }
  scored.sort((a, b) => b.score - a.score);
  const target = input.totalWords < SHORT_ARTICLE_WORDS ? MIN_SENTENCES + 1 : 4;
  const chosen: typeof scored = [];
  for (const c of scored) {
    if (chosen.length >= Math.min(MAX_SENTENCES, target)) break;
    if (chosen.some((x) => overlap(x.ws, c.ws) > MAX_OVERLAP)) continue;
    chosen.push(c);
  }
  if (!chosen.length) return [];
  // central fact first, the rest in reading order
  const [first, ...rest] = chosen;
  rest.sort((a, b) => a.i - b.i);
  return [first!, ...rest].map((c) => c.s.text.replace(/\s+/g, ' '));
}
