/**
 * `npx tsx test/bench/floor-builds.ts <out dir> [chrome build]`
 *
 * Writes copies of a Chrome build (default: the benchmark's, `.output-bench/chrome-mv3`) whose always-injected
 * content script is replaced by a hand-made floor, so that the gate script's cost on pages that fail can be
 * read against what ANY content script doing the same job costs on this machine (docs/performance.md,
 * section 3). Each floor is `<out dir>/<name>/chrome-mv3`:
 *
 * - `empty`: a content script that does nothing;
 * - `one-attribute`: a DOMContentLoaded listener that sets one attribute (the first touch of the DOM from
 *   a content script's world);
 * - `reader`: a DOMContentLoaded listener that reads what the gate reads (title, the head's metadata, the
 *   first `<h1>`, the first two substantial paragraphs) and looks for one word. No gate, no watcher, no
 *   slot: the least a gate in the page can cost.
 *
 * Then, for the benchmark's figures: `CNC_OUT_DIR=<out dir>/reader npm run bench -- browser --no-build`
 * (the article figures are empty: nothing is annotated); or side by side with the real build:
 * `npx tsx test/bench/compare.ts .output-bench/chrome-mv3 <out dir>/reader/chrome-mv3`.
 */
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from '../../tools/cli/browsers';

const FLOORS: Record<string, string> = {
  empty: '(function(){})();\n',
  'one-attribute': `(function(){document.addEventListener('DOMContentLoaded',()=>{document.documentElement.dataset.cncFloor='1';},{once:true});})();\n`,
  reader: `(function(){document.addEventListener('DOMContentLoaded',()=>{
const m=document.head?document.head.querySelectorAll('meta[content], link[rel][href]'):[];let t=document.title;for(const e of m){t+=' '+(e.getAttribute('content')||'');}
const ps=document.getElementsByTagName('p');const parts=[];for(let i=0;i<40&&parts.length<2;i++){const p=ps[i];if(!p)break;const s=(p.textContent||'').replace(/\\s+/g,' ').trim();if(s.length>=80)parts.push(s);}
const h=document.getElementsByTagName('h1')[0];t+=(h?h.textContent:'')+parts.join('\\n');
globalThis.__cncFloor=t.toLowerCase().indexOf('crypto');
},{once:true});})();
`,
};

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
  const out = resolve(outArg);
  for (const [name, script] of Object.entries(FLOORS)) {
    const dir = join(out, name, 'chrome-mv3');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    cpSync(build, dir, { recursive: true });
    writeFileSync(join(dir, 'content-scripts/content.js'), script);
    console.log(`${name.padEnd(14)} ${dir}`);
  }
}

main();
