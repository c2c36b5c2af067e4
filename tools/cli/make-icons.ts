/**
 * Renders docs/assets/icon.svg to the PNG sizes the stores and browsers need (16, 32, 48, 128) in real
 * Chromium. Run after editing the SVG: `npx tsx tools/cli/make-icons.ts`. The PNGs are committed.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '../..');
const SIZES = [16, 32, 48, 128];

const svg = readFileSync(join(ROOT, 'docs/assets/icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}img{display:block;width:${size}px;height:${size}px}</style><img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}">`,
    );
    await page.locator('img').screenshot({ path: join(ROOT, `public/icon/${size}.png`), omitBackground: true });
    await page.close();
    console.log(`public/icon/${size}.png`);
  }
} finally {
  await browser.close();
}
