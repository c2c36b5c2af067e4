/**
 * Foundation: the built extension loads into real Chromium and Firefox ESR, its content script runs
 * on a page served from 127.0.0.1, and the popup page renders.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, launchFirefox, screenshotPath, startFixtureServer, type ChromiumWithExtension, type FixtureServer } from './harness';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server?.close();
});

describe('Chromium (playwright-core)', () => {
  let cr: ChromiumWithExtension;
  beforeAll(async () => {
    cr = await launchChromium();
  });
  afterAll(async () => {
    await cr?.close();
  });

  it('loads the MV3 service worker with the manifest we built', async () => {
    expect(cr.extensionId).toMatch(/^[a-p]{32}$/);
    const manifest = await cr.worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.name).toBe('Crypto News Context');
    expect(manifest.manifest_version).toBe(3);
  });

  it('runs the content script on a page from 127.0.0.1, which reaches the background', async () => {
    // Test-only listener, added from outside through the worker: records what content scripts send.
    await cr.worker.evaluate(() => {
      const g = globalThis as unknown as { __cncSeen?: { type: string; url?: string }[] };
      g.__cncSeen = [];
      chrome.runtime.onMessage.addListener((m: { type: string }, sender: { tab?: { url?: string } }) => {
        g.__cncSeen?.push({ type: m?.type, url: sender.tab?.url });
      });
    });
    const page = await cr.context.newPage();
    const url = server.url('demo-article.html');
    await page.goto(url);
    await expect
      .poll(() => cr.worker.evaluate(() => (globalThis as unknown as { __cncSeen: { url?: string }[] }).__cncSeen.map((m) => m.url)), { timeout: 10_000 })
      .toContain(url);
    await page.screenshot({ path: screenshotPath('foundation-chromium-demo-article.png') });
    await page.close();
  });

  it('renders the popup page', async () => {
    const page = await cr.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setViewportSize({ width: 400, height: 600 });
    await page.goto(`chrome-extension://${cr.extensionId}/popup.html`);
    await expect(page.getByRole('heading', { level: 1 })).toBeTruthy();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await page.title()).toContain('Crypto News Context');
    await page.screenshot({ path: screenshotPath('foundation-chromium-popup.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('Firefox ESR (puppeteer-core)', () => {
  it('installs the add-on and runs its content script on a page from 127.0.0.1', async () => {
    const firefox = await launchFirefox();
    try {
      expect(firefox.extensionId).toBeTruthy();
      const page = await firefox.browser.newPage();
      await page.goto(server.url('demo-article.html'));
      // The content script's visible effect: the article's entities are marked in the page.
      await page.waitForSelector('[data-cnc-entity]', { timeout: 20_000 });
      const marked = await page.$$eval('[data-cnc-entity]', (els) => els.map((e) => e.getAttribute('data-cnc-entity')));
      expect(marked.length).toBeGreaterThan(0);
      await page.screenshot({ path: screenshotPath('foundation-firefox-demo-article.png') });
    } finally {
      await firefox.close();
    }
  });
});
