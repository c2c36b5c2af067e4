/**
 * How the evaluation runs the engine: in-process when the analyze CLI (or the engine plus the page
 * reader) exposes a reusable function, otherwise one `npm run -s analyze -- --json` process over
 * all inputs. Either way each input yields an Analysis or an error, in input order.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Analysis } from '../../lib/shared/contract';

export type Outcome =
  | { ok: true; analysis: Analysis; ms: number }
  | { ok: false; error: string; ms: number };

export interface Runner {
  /** how the engine is called, for the report */
  mode: string;
  run(paths: readonly string[], onProgress?: (done: number, total: number) => void): Promise<Outcome[]>;
}

const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(HERE, '..', '..');

type AnalyzeOne = (input: string) => Promise<unknown>;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function toOutcome(result: unknown, ms: number): Outcome {
  if (!isRecord(result)) return { ok: false, error: `engine returned ${typeof result}`, ms };
  if (typeof result.error === 'string') return { ok: false, error: result.error, ms };
  if (!isRecord(result.cryptoSecurity)) return { ok: false, error: 'result has no cryptoSecurity field', ms };
  return { ok: true, analysis: result as unknown as Analysis, ms };
}

/** Does a module's source run its CLI only when executed directly (so importing it is safe)? */
function hasMainGuard(file: string): boolean {
  const src = readFileSync(file, 'utf8');
  return /import\.meta\.(url|main|filename)|process\.argv\[1\]/.test(src);
}

/** Exported names we accept for "analyse one input path/URL, return an Analysis (or {error})". */
const ONE_INPUT_FUNCTIONS = ['analyzeInput', 'analyzePath', 'analyzeFile', 'analyzeOne', 'analyzeSource'];

/** For trying the report without the engine: EVAL_ANALYZE_MODULE=/path/to/module.ts exporting analyzeInput(). */
const OVERRIDE_ENV = 'EVAL_ANALYZE_MODULE';

async function findInProcess(): Promise<{ mode: string; fn: AnalyzeOne } | null> {
  const override = process.env[OVERRIDE_ENV];
  const candidates = override ? [override] : ['analyze-input.ts', 'analyze-core.ts', 'input.ts', 'load-input.ts', 'analyze.ts'];
  for (const name of candidates) {
    const file = resolve(HERE, name);
    if (!existsSync(file)) continue;
    if (name === 'analyze.ts' && !hasMainGuard(file)) continue;
    let mod: Record<string, unknown>;
    try {
      // The specifier comes from the fixed list above (modules of this repository), never from input.
      // eslint-disable-next-line no-unsanitized/method
      mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    } catch (e) {
      process.stderr.write(`eval: could not import ${name}: ${String(e)}\n`);
      continue;
    }
    for (const fnName of ONE_INPUT_FUNCTIONS) {
      const fn = mod[fnName];
      if (typeof fn === 'function') return { mode: `in-process: ${override ? name : `tools/cli/${name}`} ${fnName}()`, fn: fn as AnalyzeOne };
    }
  }
  return null;
}

function inProcessRunner(mode: string, fn: AnalyzeOne): Runner {
  return {
    mode,
    async run(paths, onProgress) {
      const out: Outcome[] = [];
      for (const p of paths) {
        const t0 = performance.now();
        try {
          const r = await fn(p);
          out.push(toOutcome(r, performance.now() - t0));
        } catch (e) {
          out.push({ ok: false, error: e instanceof Error ? e.message : String(e), ms: performance.now() - t0 });
        }
        onProgress?.(out.length, paths.length);
      }
      return out;
    },
  };
}

/** Fallback: one analyze process over all inputs; per-file time is timingsMs.read + timingsMs.total. */
function spawnRunner(): Runner {
  return {
    mode: 'subprocess: npm run -s analyze -- --json (one process for all inputs)',
    run(paths) {
      return new Promise((resolveRun) => {
        const child = spawn('npm', ['run', '-s', 'analyze', '--', '--json', ...paths], {
          cwd: REPO_ROOT,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        const chunks: Buffer[] = [];
        const errChunks: Buffer[] = [];
        child.stdout.on('data', (c: Buffer) => chunks.push(c));
        child.stderr.on('data', (c: Buffer) => errChunks.push(c));
        child.on('close', () => {
          const lines = Buffer.concat(chunks)
            .toString('utf8')
            .split('\n')
            .filter((l) => l.trim().length > 0);
          const stderrLines = Buffer.concat(errChunks).toString('utf8').split('\n').map((l) => l.trim());
          const stderr = stderrLines.find((l) => /error/i.test(l)) ?? stderrLines.filter((l) => l.length > 0).pop() ?? '';
          const out: Outcome[] = paths.map((_p, i) => {
            const line = lines[i];
            if (line === undefined)
              return { ok: false, error: `no output line (analyze stderr: ${stderr.slice(0, 300) || 'empty'})`, ms: 0 };
            try {
              const parsed: unknown = JSON.parse(line);
              // per file = reading the input (timingsMs.read, added by the CLI) + the engine's total
              const t = isRecord(parsed) && isRecord(parsed.timingsMs) ? parsed.timingsMs : {};
              const ms = (typeof t.total === 'number' ? t.total : 0) + (typeof t.read === 'number' ? t.read : 0);
              return toOutcome(parsed, ms);
            } catch {
              return { ok: false, error: `unparseable output line: ${line.slice(0, 200)}`, ms: 0 };
            }
          });
          resolveRun(out);
        });
      });
    },
  };
}

export async function createRunner(forceSpawn = false): Promise<Runner> {
  if (!forceSpawn) {
    const found = await findInProcess();
    if (found) return inProcessRunner(found.mode, found.fn);
  }
  return spawnRunner();
}
