/**
 * The one performance check CI enforces: the content script (bundled into every page) stays within its
 * gzip budget. Runs after `npm run build` in `npm test`; reads the build in `.output` or `$CNC_OUT_DIR`.
 * The full size report is `npm run bench -- sizes`.
 */
import { describe, expect, it } from 'vitest';
import { CONTENT_SCRIPT_BUDGET_GZIP, measureBuildSizes } from '../bench/sizes';
import { CHROME_BUILD } from './harness';

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

describe('size budget', () => {
  it(`keeps the content script within ${CONTENT_SCRIPT_BUDGET_GZIP / 1024} KB gzip`, () => {
    const s = measureBuildSizes(CHROME_BUILD);
    const parts = { 'content script': s.contentScript, background: s.background, popup: s.popup, ...(s.kb ? { 'compiled KB': s.kb } : {}) };
    for (const [name, p] of Object.entries(parts)) {
      console.log(`${name.padEnd(15)} raw ${kb(p.raw).padStart(10)}  gzip ${kb(p.gzip).padStart(10)}  (${p.files.join(', ')})`);
    }
    expect(s.contentScript.files.length).toBeGreaterThan(0);
    expect(s.contentScript.gzip).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET_GZIP);
  });
});
