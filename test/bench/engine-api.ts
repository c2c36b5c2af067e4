/**
 * How the benchmarks reach the engine: `createEngine(loadKb())` compiled once, then `analyze(input)`, as the
 * extension's background does. Imported dynamically so that a missing or renamed module is reported in
 * the benchmark output (never a crash of the whole run, never a silent skip).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AnalysisInput } from '../../lib/shared/contract';
import type { KbLookup } from '../../lib/kb';
import { ROOT } from './corpus';

export interface EngineLike {
  analyze(input: AnalysisInput): unknown;
}

export interface EngineApi {
  /** where createEngine was found, relative to the repo */
  from: string;
  create(kb: KbLookup): EngineLike;
}

const CANDIDATES = ['lib/engine/index.ts', 'lib/engine/engine.ts', 'lib/engine/analyze.ts', 'lib/engine/create-engine.ts'];

export async function loadEngineApi(): Promise<EngineApi> {
  const tried: string[] = [];
  for (const rel of CANDIDATES) {
    const file = join(ROOT, rel);
    if (!existsSync(file)) continue;
    tried.push(rel);
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const create = mod.createEngine;
    if (typeof create === 'function') {
      return {
        from: rel,
        create(kb: KbLookup): EngineLike {
          const engine = (create as (kb: KbLookup) => unknown)(kb);
          if (engine && typeof (engine as EngineLike).analyze === 'function') return engine as EngineLike;
          throw new Error(`${rel}: createEngine(kb) returned no analyze()`);
        },
      };
    }
  }
  throw new Error(`createEngine not found (looked in ${CANDIDATES.join(', ')}; present: ${tried.join(', ') || 'none'})`);
}

/** Runs one analysis; awaits only when the engine is asynchronous. */
export async function analyzeOnce(engine: EngineLike, input: AnalysisInput): Promise<unknown> {
  const r = engine.analyze(input);
  return r instanceof Promise ? await r : r;
}
