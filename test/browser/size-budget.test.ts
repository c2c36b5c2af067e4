/**
 * The one performance check CI enforces: the content script the manifest injects into every page (the
 * cheap gate alone) stays within its gzip budget, and so does the annotator the background injects into
 * pages that pass the gate. Runs after `npm run build` in `npm test`; reads the build in `.output` or
 * `$CNC_OUT_DIR`. The full size report is `npm run bench -- sizes`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANNOTATOR_BUDGET_GZIP, ANNOTATOR_FILE, CONTENT_SCRIPT_BUDGET_GZIP, measureBuildSizes } from '../bench/sizes';
import { CHROME_BUILD, FIREFOX_BUILD, requireBuild } from './harness';

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

describe('size budget', () => {
  const s = measureBuildSizes(CHROME_BUILD);

  it(`keeps the always-injected content script (the gate) within ${CONTENT_SCRIPT_BUDGET_GZIP / 1024} KB gzip`, () => {
    const parts = { 'content script': s.contentScript, annotator: s.annotator, background: s.background, popup: s.popup, ...(s.kb ? { 'compiled KB': s.kb } : {}) };
    for (const [name, p] of Object.entries(parts)) {
      console.log(`${name.padEnd(15)} raw ${kb(p.raw).padStart(10)}  gzip ${kb(p.gzip).padStart(10)}  (${p.files.join(', ')})`);
    }
    expect(s.contentScript.files).toEqual(['content-scripts/content.js']);
    expect(s.contentScript.gzip).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET_GZIP);
  });

  it(`keeps the annotator (injected only where the gate passes) within ${ANNOTATOR_BUDGET_GZIP / 1024} KB gzip`, () => {
    expect(s.annotator.files).toEqual([ANNOTATOR_FILE]);
    expect(s.annotator.gzip).toBeLessThanOrEqual(ANNOTATOR_BUDGET_GZIP);
  });

  it.each([
    ['chrome-mv3', CHROME_BUILD],
    ['firefox-mv2', FIREFOX_BUILD],
  ])('%s: the gate script carries no zod, Preact, Readability or polyfill; the annotator is not in the manifest', (_name, dir) => {
    const build = requireBuild(dir);
    const gate = readFileSync(join(build, 'content-scripts/content.js'), 'utf8');
    for (const marker of ['webextension-polyfill', 'jitless', 'readability', 'data-cnc-entity']) expect(gate).not.toContain(marker);
    const manifest = JSON.parse(readFileSync(join(build, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[] }[] };
    expect((manifest.content_scripts ?? []).flatMap((c) => c.js ?? [])).toEqual(['content-scripts/content.js']);
    expect(readFileSync(join(build, ANNOTATOR_FILE), 'utf8').length).toBeGreaterThan(1000);
  });
});
