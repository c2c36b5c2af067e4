/**
 * Getting the engine's outcomes for `npm run -s eval`: run the engine over every input (and save the
 * outputs to test-output/eval-analyses.jsonl), or, with --reuse, read the outputs saved by the last run.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRunner, type Outcome } from '../eval-runner';
import type { Args, Item, SavedRun } from './inputs';

export interface RunResult {
  outcomes: Outcome[];
  totalMs: number;
  engineMode: string;
}

/** The outcomes in item order, or an error message (exit 1). */
export async function getOutcomes(args: Args, items: readonly Item[], outDir: string, log: (s: string) => void): Promise<RunResult | string> {
  const savedPath = join(outDir, 'eval-analyses.jsonl');
  let outcomes: Outcome[];
  let totalMs: number;
  let engineMode: string;
  if (args.reuse) {
    if (!existsSync(savedPath)) {
      return `eval: --reuse needs ${savedPath} from an earlier run`;
    }
    const saved = readFileSync(savedPath, 'utf8')
      .split('\n')
      .filter((l) => l.trim().length > 0)
      .map((l) => JSON.parse(l) as SavedRun);
    const meta = saved.find((x) => x.meta)?.meta;
    const byPath = new Map(saved.filter((x) => x.path).map((x) => [x.path, x.outcome]));
    outcomes = items.map((i) => byPath.get(i.path) ?? { ok: false, error: 'not in the saved run', ms: 0 });
    totalMs = meta?.totalMs ?? 0;
    engineMode = `saved run of ${meta?.at ?? '?'} (${meta?.engine ?? '?'})`;
    log(`eval: ${items.length} inputs, scoring the ${engineMode}\n`);
  } else {
    const runner = await createRunner(args.spawn);
    engineMode = runner.mode;
    log(`eval: ${items.length} inputs, engine ${runner.mode}\n`);
    const t0 = performance.now();
    outcomes = await runner.run(
      items.map((i) => i.path),
      (done, total) => {
        if (done % 50 === 0 || done === total) log(`\r  analysed ${done}/${total}`);
      },
    );
    totalMs = performance.now() - t0;
    log('\n');
    mkdirSync(outDir, { recursive: true });
    const lines = [
      JSON.stringify({ meta: { at: new Date().toISOString(), engine: runner.mode, totalMs } }),
      ...items.map((i, n) => JSON.stringify({ path: i.path, outcome: outcomes[n] })),
    ];
    writeFileSync(savedPath, `${lines.join('\n')}\n`);
  }
  return { outcomes, totalMs, engineMode };
}
