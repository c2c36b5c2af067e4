/**
 * The knowledge base and the engine, built on first use and only here in the background: a page that
 * fails the cheap gate never causes either to load, and a worker woken for a context-menu click or a
 * settings change does not build the matcher.
 *
 * The knowledge in use is the built-in one or a verified update (./kb-updates.ts). Swapping it (`useKb`)
 * is atomic: look-ups and analyses started afterwards use the new knowledge and a new engine, while an
 * analysis already running keeps the engine it started with. Before the first look-up or analysis, the
 * loader set by the background (a kept update, verified again) has run.
 */
import type { Analysis, AnalysisInput } from '../shared/contract';
import { createEngine } from '../engine/analyze';
import { createLookup, loadKb, type CompiledKb, type KbLookup } from '../kb';

/** `budgetMs`: the engine's time budget for this analysis (lib/engine/analyze.ts, AnalyzeOptions); omitted: its default. */
export interface AnalyzeOptions {
  budgetMs?: number;
}

interface Engine {
  analyze(input: AnalysisInput, options?: AnalyzeOptions): Analysis | Promise<Analysis>;
}

/** The knowledge in use with its engine (built on first analysis); undefined: the built-in knowledge. */
let active: { lookup: KbLookup; engine?: Engine } | undefined;
let ready: () => Promise<void> = () => Promise.resolve();

/** What must have run before the first look-up or analysis (the background's kept-update loader). */
export function setKbLoader(load: () => Promise<void>): void {
  ready = load;
}

/** Puts knowledge in use (a verified update), or null: the built-in knowledge again. */
export function useKb(kb: CompiledKb | null): void {
  active = kb ? { lookup: createLookup(kb) } : undefined;
}

function current(): { lookup: KbLookup; engine?: Engine } {
  return (active ??= { lookup: loadKb() });
}

export async function kb(): Promise<KbLookup> {
  await ready();
  return current().lookup;
}

export async function analyze(input: AnalysisInput, options: AnalyzeOptions = {}): Promise<Analysis> {
  await ready();
  const c = current();
  const e = (c.engine ??= createEngine(c.lookup.kb));
  return e.analyze(input, options);
}

/**
 * Loads the knowledge and compiles the engine now if that has not happened yet (tens of ms, once per worker):
 * called when a page passed the gate, so that this overlaps the annotator's injection and reading.
 */
export async function warmEngine(): Promise<void> {
  await ready();
  const c = current();
  c.engine ??= createEngine(c.lookup.kb);
}
