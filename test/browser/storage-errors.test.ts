/**
 * A full storage quota in real Chromium (issue 16, point 5): with the extension's storage.local filled to
 * its 10 MB quota, the popup's "Turn off on this site" says in words that the change was not saved and
 * the site stays on as stored; with storage.sync filled to its 100 KB, the options page (which saves each
 * change at once) says the same and its control goes back to the stored value.
 *
 *   CNC_OUT_DIR=/tmp/out-settings npx wxt build
 *   CNC_OUT_DIR=/tmp/out-settings npx vitest run --config test/browser/vitest.config.ts test/browser/storage-errors.test.ts
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyStorageError } from '../../lib/settings/storage-errors';
import { launchChromium, startFixtureServer, type ChromiumWithExtension, type FixtureServer } from './harness';

let server: FixtureServer;
let cnc: ChromiumWithExtension;
let tabId: number;
let host: string;

beforeAll(async () => {
  server = await startFixtureServer();
  cnc = await launchChromium();
  const article = await cnc.context.newPage();
  const url = server.url('demo-article.html');
  host = new URL(url).hostname;
  await article.goto(url);
  await article.waitForSelector('[data-cnc-entity]', { timeout: 20_000 });
  await article.bringToFront();
  const id = await cnc.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? null);
  if (typeof id !== 'number') throw new Error('no tab id for the demo article');
  tabId = id;
});

afterAll(async () => {
  await cnc?.close();
  await server?.close();
});

async function openExtensionPage(path: string): Promise<Page> {
  const page = await cnc.context.newPage();
  await page.setViewportSize({ width: 400, height: 900 });
  await page.goto(`chrome-extension://${cnc.extensionId}/${path}`);
  return page;
}

/**
 * Fills a storage area with `fill.N` items, halving the item size on each refusal, until not even a
 * one-character item fits. Returns what was written and the browser's own error text.
 */
function fillArea(page: Page, area: 'local' | 'sync', firstItem: number): Promise<{ items: number; chars: number; error: string }> {
  return page.evaluate(
    async ({ area, firstItem }) => {
      const storage = chrome.storage[area];
      let size = firstItem;
      let items = 0;
      let chars = 0;
      let error = '';
      while (size >= 1) {
        try {
          await storage.set({ [`fill.${items}`]: 'x'.repeat(size) });
          items += 1;
          chars += size;
        } catch (err) {
          error = String(err);
          size = Math.floor(size / 2);
        }
      }
      return { items, chars, error };
    },
    { area, firstItem },
  );
}

function emptyArea(page: Page, area: 'local' | 'sync', items: number): Promise<void> {
  return page.evaluate(
    async ({ area, items }) => chrome.storage[area].remove(Array.from({ length: items }, (_, i) => `fill.${i}`)),
    { area, items },
  );
}

describe('storage.local full', () => {
  it('the popup’s "Turn off on this site" says it was not saved, and the site stays on as stored', async () => {
    const popup = await openExtensionPage(`popup.html?tab=${tabId}`);
    const button = popup.getByRole('button', { name: `Turn off on ${host}` });
    await button.waitFor({ timeout: 20_000 });

    const fill = await fillArea(popup, 'local', 1 << 20);
    expect(fill.chars).toBeGreaterThan(9_000_000); // Chromium's 10 MB storage.local quota (no unlimitedStorage)
    expect(fill.error).toMatch(/quota/i); // "QUOTA_BYTES quota exceeded" or "Resource::kQuotaBytes quota exceeded"
    expect(classifyStorageError(new Error(fill.error)).kind).toBe('full');

    await button.click();
    const alert = popup.getByRole('alert');
    await alert.waitFor({ timeout: 10_000 });
    expect(await alert.innerText()).toMatch(/^Your browser’s storage for this extension is full, so this change was not saved\./);
    const stored = await popup.evaluate(async () => (await chrome.storage.local.get('settings.sites'))['settings.sites'] as { disabledSites?: string[] } | undefined);
    expect(stored?.disabledSites ?? []).not.toContain(host);
    // still the results, the button still there: nothing pretends the site was turned off
    expect(await popup.getByRole('heading', { level: 2, name: /UN monitors/ }).isVisible()).toBe(true);
    expect(await button.isVisible()).toBe(true);

    // with room again the same button works, and the popup follows the setting
    await emptyArea(popup, 'local', fill.items);
    await button.click();
    await popup.getByRole('heading', { name: `Turned off on ${host}` }).waitFor({ timeout: 10_000 });
    expect(await popup.getByRole('alert').count()).toBe(0);
    await popup.getByRole('button', { name: `Turn on for ${host}` }).click();
    await popup.getByRole('button', { name: `Turn off on ${host}` }).waitFor({ timeout: 20_000 });
    await popup.close();
  });
});

describe('storage.sync full', () => {
  it('options says in words that it was not saved, and the control goes back to the stored value', async () => {
    const options = await openExtensionPage('options.html');
    const click = options.getByRole('radio', { name: /Only when I click/ });
    await click.waitFor({ timeout: 20_000 });
    expect(await options.getByRole('radio', { name: /^Automatically/ }).isChecked()).toBe(true);
    // sync: 100 KB in all, 8 KB an item; start below the item limit
    const fill = await fillArea(options, 'sync', 8_000);
    expect(fill.chars).toBeGreaterThan(90_000);
    expect(classifyStorageError(new Error(fill.error)).kind).toBe('full');

    // the mode is saved as soon as it is chosen; the preferences item fits no more. A click, not
    // check(): the control goes back to the stored mode at once, which check() would call a failure.
    await click.click();
    const alert = options.getByRole('alert');
    await alert.waitFor({ timeout: 10_000 });
    expect(await alert.innerText()).toMatch(/^Your browser’s storage for this extension is full, so this change was not saved\./);
    // nothing pretends it was saved: the form shows the stored mode again, and no "Saved."
    await expect.poll(() => click.isChecked(), { timeout: 10_000 }).toBe(false);
    expect(await options.getByRole('radio', { name: /^Automatically/ }).isChecked()).toBe(true);
    expect(await options.locator('.save-status').innerText()).toBe('');
    const prefs = await options.evaluate(async () => (await chrome.storage.sync.get('settings')).settings as { mode?: string } | undefined);
    expect(prefs?.mode ?? 'auto').toBe('auto');

    await emptyArea(options, 'sync', fill.items);
    await options.close();
  });
});
