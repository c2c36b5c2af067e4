/**
 * `npx tsx test/bench/floor-builds.ts <out dir> [chrome build]`
 *
 * Writes copies of a Chrome build (default: the benchmark's, `.output-bench/chrome-mv3`) whose always-injected
 * content script is replaced by a hand-made floor (`floors.ts`: empty, one-attribute, reader), each as
 * `<out dir>/<name>/chrome-mv3`. `npm run bench -- gatescript` measures the reader floor beside the real
 * build by itself; for the other floors, or other measures, side by side with the real build:
 * `npx tsx test/bench/compare.ts .output-bench/chrome-mv3 <out dir>/reader/chrome-mv3`, or
 * `CNC_OUT_DIR=<out dir>/reader npm run bench -- browser --no-build` (the article figures are empty:
 * nothing is annotated).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from '../../tools/cli/browsers';
import { FLOORS, writeFloorBuild, type FloorName } from './floors';

function main(): void {
  const [outArg, buildArg] = process.argv.slice(2);
  if (!outArg) {
    console.error('usage: npx tsx test/bench/floor-builds.ts <out dir> [chrome build]');
    process.exit(2);
  }
  const build = resolve(ROOT, buildArg ?? '.output-bench/chrome-mv3');
  if (!existsSync(join(build, 'manifest.json'))) {
    console.error(`no Chrome build in ${build}: run "CNC_OUT_DIR=.output-bench npx wxt build" (or npm run bench) first`);
    process.exit(1);
  }
  for (const name of Object.keys(FLOORS) as FloorName[]) console.log(`${name.padEnd(14)} ${writeFloorBuild(build, resolve(outArg), name)}`);
}

main();
