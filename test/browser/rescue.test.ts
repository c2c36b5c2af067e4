/**
 * "Analyse this page anyway" on a page the every-page quick gate turned away (issue 17), in real Chromium with
 * the built extension: a crypto-hack feature whose title and first paragraphs tell a scene, so the gate never
 * lets the annotator in. The popup says why and offers the rescue; the reader's request reads the page all
 * the same and marks it as asked; the next load of the page is judged by the gate again.
 *
 *   CNC_OUT_DIR=.output-rescue npx wxt build
 *   CNC_OUT_DIR=.output-rescue npx vitest run --config test/browser/vitest.config.ts test/browser/rescue.test.ts
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, pageStatus, screenshotPath, startFixtureServer, type ChromiumWithExtension, type FixtureServer } from './harness';

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
