/**
 * The knowledge base and the engine, built on first use and only here in the background: a page that
 * fails the cheap gate never causes either to load, and a worker woken for a context-menu click or a
 * settings change does not build the matcher.
 */
import type { Analysis, AnalysisInput } from '../shared/contract';
import { createEngine } from '../engine/analyze';
import { loadKb, type KbLookup } from '../kb';

/** `budgetMs`: the engine's time budget for this analysis (lib/engine/analyze.ts, AnalyzeOptions); omitted: its default. */
export interface AnalyzeOptions {
  budgetMs?: number;
}

interface Engine {
  analyze(input: AnalysisInput, options?: AnalyzeOptions): Analysis | Promise<Analysis>;
}

let engine: Engine | undefined;

export function kb(): KbLookup {
  return loadKb();
}

export async function analyze(input: AnalysisInput, options: AnalyzeOptions = {}): Promise<Analysis> {
  const e = (engine ??= createEngine(loadKb().kb));
  return e.analyze(input, options);
}
