/**
 * Indicators in real Chromium with the built extension (issue 18): an article naming two addresses, a
 * transaction hash, a defanged domain and a CVE has its addresses marked in the page, and its popup lists
 * every indicator by kind; "Copy all" writes them to the clipboard (defanged) and the CSV and STIX exports
 * are saved as downloads made in the popup.
 *
 *   CNC_OUT_DIR=/tmp/out-ioc npx wxt build
 *   CNC_OUT_DIR=/tmp/out-ioc npx vitest run --config test/browser/vitest.config.ts test/browser/indicators.test.ts
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startFixtureServer, type ChromiumWithExtension, type FixtureServer } from './harness';

let server: FixtureServer;
let cnc: ChromiumWithExtension;
let story: Page;
let tabId: number;

beforeAll(async () => {
  server = await startFixtureServer();
  cnc = await launchChromium();
  story = await cnc.context.newPage();
  await story.goto(server.url('ioc-article.html'));
  await story.waitForSelector('[data-cnc-entity]', { timeout: 30_000 });
  await story.bringToFront();
  const id = await cnc.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? null;
  });
  if (typeof id !== 'number') throw new Error('no tab id');
  tabId = id;
});

afterAll(async () => {
  await cnc?.close();
  await server?.close();
});

describe('indicators in the page and the popup (issue 18)', () => {
  it('marks the addresses in the page', async () => {
    const marked = await story.$$eval('[data-cnc-entity^="address-"]', (els) => els.map((e) => e.textContent));
    expect(marked).toContain('0x098B716B8Aaf21512996dC57EB0615e2383E2f96');
    expect(marked).toContain('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa');
  });

  it('lists every indicator by kind in the popup; copy all and the exports work', async () => {
    const page = await cnc.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setViewportSize({ width: 400, height: 900 });
    await page.goto(`chrome-extension://${cnc.extensionId}/popup.html?tab=${tabId}`);
    const section = page.getByRole('region', { name: /^Indicators \(\d+\)$/ });
    await section.waitFor({ timeout: 30_000 });
    const text = (await section.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('harbor-claim[.]xyz');
    expect(text).toContain('CVE-2021-44228');
    expect(text).toContain('0x3d6a1f2b4c5e6d7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7');
    expect(text).toContain('0x098B716B8Aaf21512996dC57EB0615e2383E2f96');
    expect(text).toMatch(/On the US Treasury OFAC sanctions list \(designated: Lazarus Group/);
    expect(text).toMatch(/Not on the lists we ship \(as of \d{4}-\d{2}-\d{2}\) — this does not mean it is safe\./);
    for (const h of ['Crypto addresses (2)', 'Transaction hashes (1)', 'Domains (1)', 'CVE ids (1)']) await section.getByRole('heading', { name: h }).waitFor();

    // Copy all, defanged (the default). The extension's origin is opaque to the permission API, so the
    // clipboard cannot be read back here: the real writeText is called through a recorder, and the
    // section's "Copied" status appears only when that real call succeeded.
    await page.evaluate(() => {
      const w = window as unknown as { __copied: string[] };
      w.__copied = [];
      const real = navigator.clipboard.writeText.bind(navigator.clipboard);
      navigator.clipboard.writeText = (t: string) => real(t).then(() => void w.__copied.push(t));
    });
    await page.bringToFront();
    await section.getByRole('button', { name: 'Copy all' }).click();
    await section.getByRole('status').filter({ hasText: /^Copied \d+ indicators, defanged\.$/ }).waitFor({ timeout: 10_000 });
    const [clip] = await page.evaluate(() => (window as unknown as { __copied: string[] }).__copied);
    expect(clip).toContain('# Domains\nharbor-claim[.]xyz');
    expect(clip).toContain('# CVE ids\nCVE-2021-44228');
    expect(clip).toContain('# Transaction hashes\n0x3d6a1f2b');

    // CSV export: a download made from a Blob in the popup
    const [csvDl] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'CSV' }).click()]);
    expect(csvDl.url()).toMatch(/^blob:chrome-extension:/);
    const csv = readFileSync((await csvDl.path())!, 'utf8');
    const rows = csv.trim().split('\r\n');
    expect(rows[0]).toBe('input,kind,value,refanged,defanged,chain,valid,sanctioned,screening,start,end');
    expect(rows.some((r) => r.includes(',domain,harbor-claim[.]xyz,harbor-claim.xyz,yes,'))).toBe(true);
    for (const cell of rows.flatMap((r) => r.split(','))) expect(cell).not.toMatch(/^[=+\-@\t\r]/);

    // STIX export
    const [stixDl] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'STIX 2.1' }).click()]);
    const bundle = JSON.parse(readFileSync((await stixDl.path())!, 'utf8'));
    expect(bundle.type).toBe('bundle');
    const patterns = bundle.objects.filter((o: { type: string }) => o.type === 'indicator').map((o: { pattern: string }) => o.pattern);
    expect(patterns).toContain("[domain-name:value = 'harbor-claim.xyz']");
    expect(bundle.objects.some((o: { type: string; name?: string }) => o.type === 'intrusion-set' && o.name === 'Lazarus Group')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
