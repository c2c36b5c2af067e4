/**
 * Hand-made floor content scripts: copies of a Chrome build whose always-injected content script is
 * replaced, so that the gate script's cost on pages that fail can be read against what ANY content script
 * doing the same job costs on this machine (docs/performance.md, section 3). Used by `floor-builds.ts`
 * (the command) and `gate-script.ts` (the same-run figure of `npm run bench`).
 *
 * - `empty`: a content script that does nothing;
 * - `one-attribute`: a DOMContentLoaded listener that sets one attribute (the first touch of the DOM from
 *   a content script's world);
 * - `reader`: a DOMContentLoaded listener that reads what the gate reads (title, the head's metadata, the
 *   first `<h1>`, the first two substantial paragraphs) and looks for one word. No gate, no watcher, no
 *   slot, no visibility check: the least a gate in the page can cost.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const FLOORS = {
  empty: '(function(){})();\n',
  'one-attribute': `(function(){document.addEventListener('DOMContentLoaded',()=>{document.documentElement.dataset.cncFloor='1';},{once:true});})();\n`,
  reader: `(function(){document.addEventListener('DOMContentLoaded',()=>{
const m=document.head?document.head.querySelectorAll('meta[content], link[rel][href]'):[];let t=document.title;for(const e of m){t+=' '+(e.getAttribute('content')||'');}
const ps=document.getElementsByTagName('p');const parts=[];for(let i=0;i<40&&parts.length<2;i++){const p=ps[i];if(!p)break;const s=(p.textContent||'').replace(/\\s+/g,' ').trim();if(s.length>=80)parts.push(s);}
const h=document.getElementsByTagName('h1')[0];t+=(h?h.textContent:'')+parts.join('\\n');
globalThis.__cncFloor=t.toLowerCase().indexOf('crypto');
},{once:true});})();
`,
} as const;

export type FloorName = keyof typeof FLOORS;

/** Writes `<out>/<name>/chrome-mv3`, a copy of `build` with the floor as its content script; returns the folder. */
export function writeFloorBuild(build: string, out: string, name: FloorName): string {
  const dir = join(out, name, 'chrome-mv3');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(build, dir, { recursive: true });
  writeFileSync(join(dir, 'content-scripts/content.js'), FLOORS[name]);
  return dir;
}
