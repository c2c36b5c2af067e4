/**
 * Hidden text in real Chromium (issue 16.6): an unrelated page carrying a crypto-hack article that no
 * reader sees (off-screen, display:none, a 0×0 clipping box) is neither marked nor added to the reading
 * history, and the gate does not even pass (so the page cannot tell the extension is there). The same page
 * with the block visible is marked: the control that shows the test can fail. A real article is still
 * marked. Pages: test/fixtures/pages/hidden/.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, pageStatus, startFixtureServer, type ChromiumWithExtension, type FixtureServer } from './harness';

/** Gate, read, analysis and paint on a busy 2-core machine. */
const SETTLE_TIMEOUT_MS = 20_000;
/** How long a hidden page is watched for marks that must not come. */
const QUIET_MS = 4_000;

let server: FixtureServer;
let cr: ChromiumWithExtension;

beforeAll(async () => {
  server = await startFixtureServer();
  cr = await launchChromium();
}, 60_000);
afterAll(async () => {
  await cr?.close();
  await server?.close();
});

async function tabIdOf(url: string): Promise<number> {
  let id: number | undefined;
  await expect
    .poll(async () => (id = await cr.worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id, url)), { timeout: 10_000 })
    .toBeDefined();
  return id!;
}

const historyUrls = (): Promise<string[]> =>
  cr.worker.evaluate(async () => (((await chrome.storage.local.get('history.v2'))['history.v2'] ?? []) as { url: string }[]).map((h) => h.url));

const marks = (page: Page): Promise<number> => page.locator('cncmark').count();

describe('hidden text is not read (real Chromium)', () => {
  it.each(['hidden/offscreen.html', 'hidden/display-none.html', 'hidden/zero-size.html'])(
    '%s: the gate fails, no marks, no history entry',
    async (name) => {
      const page = await cr.context.newPage();
      const url = server.url(name);
      await page.goto(url);
      const tabId = await tabIdOf(url);
      await expect.poll(async () => (await pageStatus(cr.worker, tabId))?.gate, { timeout: SETTLE_TIMEOUT_MS }).toBeDefined();
      await page.waitForTimeout(QUIET_MS);
      const status = await pageStatus(cr.worker, tabId);
      expect(status?.gate.pass).toBe(false);
      expect(await marks(page)).toBe(0);
      expect(await historyUrls()).not.toContain(url);
      // the hidden block really is in the page (innerText has it too, but for display:none)
      expect(await page.locator('p', { hasText: 'Lazarus Group' }).count()).toBe(1);
      await page.close();
    },
    SETTLE_TIMEOUT_MS + QUIET_MS + 10_000,
  );

  it('the same page with the block visible is marked and goes into the history (the control)', async () => {
    const page = await cr.context.newPage();
    const url = server.url('hidden/control.html');
    await page.goto(url);
    await page.waitForSelector('cncmark[data-cnc-entity]', { timeout: SETTLE_TIMEOUT_MS });
    expect(await marks(page)).toBeGreaterThan(0);
    await expect.poll(historyUrls, { timeout: 5_000 }).toContain(url);
    await page.close();
  }, SETTLE_TIMEOUT_MS + 10_000);

  it('a real article is still marked', async () => {
    const page = await cr.context.newPage();
    await page.goto(server.url('bridge-hack.html'));
    await page.waitForSelector('cncmark[data-cnc-entity="lazarus-group"]', { timeout: SETTLE_TIMEOUT_MS });
    await page.close();
  }, SETTLE_TIMEOUT_MS + 10_000);
});
