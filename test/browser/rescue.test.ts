/**
 * "Analyse this page anyway" on a page the every-page quick gate turned away (issue 17), in real Chromium and
 * Firefox ESR with the built extension: a crypto-hack feature whose title and first paragraphs tell a scene, so the gate never
 * lets the annotator in. The popup says why and offers the rescue; the reader's request reads the page all
 * the same and marks it as asked; the next load of the page is judged by the gate again.
 *
 *   CNC_OUT_DIR=.output-rescue npx wxt build
 *   CNC_OUT_DIR=.output-rescue npx vitest run --config test/browser/vitest.config.ts test/browser/rescue.test.ts
 */
import type { Page as FirefoxPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firefoxWelcomeTab, launchChromium, launchFirefox, newFirefoxPage, pageStatus, screenshotPath, startFixtureServer, type ChromiumWithExtension, type FixtureServer } from './harness';

let server: FixtureServer;
let cr: ChromiumWithExtension;

beforeAll(async () => {
  server = await startFixtureServer();
  cr = await launchChromium();
});

afterAll(async () => {
  await cr?.close();
  await server?.close();
});

describe('rescue of a page the quick gate turned away', () => {
  it('the popup offers "Analyse this page anyway", which reads and marks the page; a new load obeys the gate again', async () => {
    const url = server.url('missed-gate-feature.html');
    const story = await cr.context.newPage();
    await story.goto(url);
    // the extension may see the address of a page it has host access to
    const tabId = await cr.worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? -1, url);
    expect(tabId).toBeGreaterThanOrEqual(0);
    await expect.poll(async () => (await pageStatus(cr.worker, tabId))?.gate.pass, { timeout: 10_000 }).toBe(false);

    const popup = await cr.context.newPage();
    const errors: string[] = [];
    popup.on('pageerror', (e) => errors.push(e.message));
    await popup.setViewportSize({ width: 400, height: 900 });
    await popup.goto(`chrome-extension://${cr.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByRole('heading', { level: 2, name: /isn’t about crypto security/ }).waitFor({ timeout: 20_000 });
    expect(await popup.getByText(/A quick check of the title and first paragraphs found no crypto-security words/).isVisible()).toBe(true);
    expect(await story.locator('cncmark[data-cnc-entity]').count()).toBe(0);

    await popup.getByRole('button', { name: 'Analyse this page anyway' }).click();
    await popup.getByRole('heading', { level: 2, name: /The night the money left Harmony/ }).waitFor({ timeout: 20_000 });
    expect(await popup.getByText(/Analysed because you asked/).isVisible()).toBe(true);
    // the page is marked as the reader asked
    await story.waitForSelector('cncmark[data-cnc-entity="lazarus-group"]', { timeout: 20_000 });
    expect(await story.locator('cncmark[data-cnc-entity="fbi"]').count()).toBeGreaterThan(0);
    await popup.screenshot({ path: screenshotPath('popup-rescued-gate.png'), fullPage: true });
    expect(errors).toEqual([]);
    await popup.close();

    // automatic reading still obeys the gate: the same page loaded again is not read
    await story.reload();
    await expect.poll(async () => (await pageStatus(cr.worker, tabId))?.gate.pass, { timeout: 10_000 }).toBe(false);
    await story.waitForTimeout(1_500);
    expect(await story.locator('cncmark[data-cnc-entity]').count()).toBe(0);
    expect((await pageStatus(cr.worker, tabId))?.readingId).toBe(0);
    await story.close();
  });
});

type Ext = {
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
};

/** Waits until the Firefox page shows `text` (rendered, not hidden) in an element matching `selector`. */
const shows = (page: FirefoxPage, selector: string, text: string) =>
  page
    .waitForFunction((s: string, t: string) => [...document.querySelectorAll(s)].some((e) => (e as HTMLElement).innerText.includes(t)), { timeout: 20_000 }, selector, text)
    .catch(async (e) => {
      throw new Error(`${String(e)}; the page shows: ${await page.evaluate(() => document.body.innerText.slice(0, 1500))}`);
    });

describe('rescue of a page the quick gate turned away (Firefox ESR)', () => {
  it('the popup offers "Analyse this page anyway", which reads and marks the page; a new load obeys the gate again', async () => {
    const firefox = await launchFirefox();
    try {
      const url = server.url('missed-gate-feature.html');
      const story = await newFirefoxPage(firefox);
      await story.goto(url);
      // the popup, in the add-on's first-run tab (BiDi may not navigate to moz-extension:// itself)
      const popup = await firefoxWelcomeTab(firefox);
      const ask = (msg: Record<string, unknown>) => popup.evaluate((m) => (globalThis as unknown as { browser: Ext }).browser.runtime.sendMessage(m), msg);
      const tabId = await popup.evaluate(async (u) => (await (globalThis as unknown as { browser: Ext }).browser.tabs.query({})).find((t) => t.url === u)?.id ?? -1, url);
      expect(tabId).toBeGreaterThanOrEqual(0);
      const state = async () => ((await ask({ type: 'popup/get-tab-analysis', tabId })) as { state: string }).state;
      await expect.poll(state, { timeout: 10_000 }).toBe('not-crypto-security');

      const errors: string[] = [];
      popup.on('pageerror', (e) => errors.push(String(e)));
      await popup.evaluate((t) => (location.href = `popup.html?tab=${t}`), tabId);
      await shows(popup, 'h2', 'isn’t about crypto security');
      await shows(popup, 'body', 'A quick check of the title and first paragraphs found no crypto-security words');
      expect(await story.$$('cncmark[data-cnc-entity]')).toHaveLength(0);

      await popup.click('button::-p-text(Analyse this page anyway)');
      await shows(popup, 'h2', 'The night the money left Harmony');
      await shows(popup, 'body', 'Analysed because you asked');
      // the page is marked as the reader asked
      await story.waitForSelector('cncmark[data-cnc-entity="lazarus-group"]', { timeout: 20_000 });
      expect((await story.$$('cncmark[data-cnc-entity="fbi"]')).length).toBeGreaterThan(0);
      expect(errors).toEqual([]);

      // automatic reading still obeys the gate: the same page loaded again is not read
      await story.reload();
      await expect.poll(state, { timeout: 10_000 }).toBe('not-crypto-security');
      expect(await story.$$('cncmark[data-cnc-entity]')).toHaveLength(0);
    } finally {
      await firefox.close();
    }
  }, 180_000); // Firefox start-up and BiDi reads, on a busy machine
});
