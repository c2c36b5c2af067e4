/**
 * Every pass of the engine that reads page text, callable one by one on a text: what the linear-time
 * tests (engine-linear.fuzz.test.ts) and the worst-case benchmark (test/bench/worst-case.ts) time.
 * A pass's `prepare` computes what it takes from earlier passes, outside the timed part.
 */
import type { AnalysisInput } from '../../../lib/shared/contract';
import { addressIndex, findAddresses } from '../../../lib/engine/addresses';
import { createEngine, type Engine } from '../../../lib/engine/analyze';
import { detect } from '../../../lib/engine/detect';
import { disclaimers } from '../../../lib/engine/disclaimers';
import { isArticle } from '../../../lib/engine/is-article';
import { findAmounts } from '../../../lib/engine/money';
import { findPeopleAndOrgs, nameCandidates } from '../../../lib/engine/ner';
import { creditItems, cueListItems } from '../../../lib/engine/ner-cues';
import { guessHeadline, markdownToText, textInput } from '../../../lib/engine/plain-text';
import { resolveMentions } from '../../../lib/engine/resolve';
import { spanIndex } from '../../../lib/engine/spans';
import { summarize } from '../../../lib/engine/summary';
import { splitSentences, tokenize } from '../../../lib/engine/text';
import { loadKb } from '../../../lib/kb';

export interface EnginePass {
  name: string;
  /** true: the pass is timed on text with the topical filler mixed in (it runs only on crypto-security pages) */
  topical?: boolean;
  prepare(text: string): () => unknown;
}

export interface EnginePasses {
  engine: Engine;
  passes: EnginePass[];
}

const inputOf = (text: string): AnalysisInput => ({ text, title: 'Hackers stole crypto from an exchange', url: 'https://news.example/a', pageType: 'NewsArticle' });

/** The passes, with an engine compiled once over the real knowledge base. */
export function enginePasses(): EnginePasses {
  const engine = createEngine(loadKb());
  const sanctioned = addressIndex(engine.kb.addresses ?? []);
  const entity = (id: string) => engine.kb.entities.find((e) => e.id === id);
  const byId = new Map(engine.kb.entities.map((e) => [e.id, e]));
  const lookup = (id: string) => byId.get(id) ?? entity(id);
  const mentionsOf = (text: string) => {
    const tokens = tokenize(text);
    return { tokens, mentions: resolveMentions(text, tokens, engine.matcher.match(text, tokens), lookup) };
  };
  const passes: EnginePass[] = [
    { name: 'tokenize', prepare: (text) => () => tokenize(text) },
    { name: 'sentences', prepare: (text) => () => splitSentences(text) },
    {
      name: 'match',
      prepare: (text) => {
        const tokens = tokenize(text);
        return () => engine.matcher.match(text, tokens);
      },
    },
    {
      name: 'resolve',
      prepare: (text) => {
        const tokens = tokenize(text);
        const raw = engine.matcher.match(text, tokens);
        return () => resolveMentions(text, tokens, raw, lookup);
      },
    },
    { name: 'amounts', prepare: (text) => () => findAmounts(text) },
    { name: 'addresses', prepare: (text) => () => findAddresses(text, sanctioned) },
    { name: 'detect', prepare: (text) => () => detect({ text, title: 'Hackers stole crypto' }) },
    { name: 'is-article', prepare: (text) => () => isArticle(inputOf(text), 1_000) },
    {
      name: 'name candidates',
      prepare: (text) => {
        const { tokens, mentions } = mentionsOf(text);
        const covered = spanIndex(mentions).overlaps;
        return () => nameCandidates(text, tokens, covered);
      },
    },
    {
      name: 'people and organisations',
      prepare: (text) => {
        const { tokens, mentions } = mentionsOf(text);
        const covered = spanIndex(mentions).overlaps;
        return () => findPeopleAndOrgs(text, tokens, covered);
      },
    },
    { name: 'credit lines', prepare: (text) => () => creditItems(text) },
    { name: 'cue lists', prepare: (text) => () => cueListItems(text) },
    {
      name: 'summary',
      prepare: (text) => {
        const sentences = splitSentences(text);
        const amounts = findAmounts(text);
        const entitySpans = mentionsOf(text).mentions.map((m) => ({ start: m.start, end: m.end, weight: 1 }));
        return () => summarize({ sentences, title: 'Hackers stole crypto', amounts, entitySpans, totalWords: 1_000 });
      },
    },
    {
      name: 'disclaimers',
      prepare: (text) => {
        const sentences = splitSentences(text);
        return () => disclaimers({ sentences, kbAsOf: '2025-01-01', attributedBy: ['FBI'], hasActors: true });
      },
    },
    { name: 'markdown to text', prepare: (text) => () => markdownToText(text) },
    { name: 'text input', prepare: (text) => () => textInput(text, { markdown: false }) },
    { name: 'headline', prepare: (text) => () => guessHeadline(text) },
    { name: 'analyze', topical: true, prepare: (text) => () => engine.analyze(inputOf(text)) },
  ];
  return { engine, passes };
}

/**
 * Milliseconds of CPU time of this thread, where Node gives it (wall-clock time elsewhere): on a machine
 * shared with other work, the time the thread itself ran, not the time it waited for a core.
 */
export const threadMs: () => number = (() => {
  const usage = (process as { threadCpuUsage?: () => { user: number; system: number } }).threadCpuUsage;
  if (typeof usage !== 'function') return () => performance.now();
  return () => {
    const u = usage.call(process);
    return (u.user + u.system) / 1_000;
  };
})();

/** Milliseconds of the fastest of `runs` calls, on `clock` (the minimum is the figure least disturbed by other load). */
export function minTime(fn: () => unknown, runs: number, clock: () => number = threadMs): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = clock();
    fn();
    best = Math.min(best, clock() - t0);
  }
  return best;
}
