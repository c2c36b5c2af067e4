/**
 * "Never mark this" in the hover card, in real Chromium and Firefox ESR (issue 17): pressed with the keyboard, it
 * closes the card, the marks of that name leave the page at once, (Chromium) the options page lists the name
 * under "Never marked", and on another site the name is not marked while the rest of the article is. Runs in
 * browsers of its own: the setting it saves would change what the other browser tests expect.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Page as FirefoxPage } from 'puppeteer-core';
import { launchChromium, launchFirefox, newFirefoxPage, pageStatus, startFixtureServer, type ChromiumWithExtension, type FixtureServer } from './harness';
import { cardView, firefoxCardView, firefoxSettledCard, settledCard, tabOf } from './card-probe';

const SETTLE_TIMEOUT_MS = 15_000;
/** Marked on ransomware.html with the default settings (annotations-harness.ts, EXPECTED). */
const RANSOMWARE_MARKS = ['bitcoin', 'europol', 'fbi', 'lockbit', 'ofac', 'russia', 'uk-nca', 'us-doj', 'us-treasury'];

let server: FixtureServer;
let cr: ChromiumWithExtension;
const errors: string[] = [];

const markedIds = (page: Page): Promise<string[]> =>
  page.$$eval('cncmark[data-cnc-entity]', (els) => [...new Set(els.map((e) => e.getAttribute('data-cnc-entity') ?? ''))].sort());

/** Opens a fixture page at `url` and waits until it is marked (or the gate said no). */
async function openMarked(url: string): Promise<{ page: Page; tabId: number }> {
  const page = await cr.context.newPage();
  page.on('pageerror', (e) => errors.push(`${url}: ${e.message}`));
  await page.goto(url);
  const tabId = await tabOf(cr.worker, page);
  await expect.poll(async () => (await pageStatus(cr.worker, tabId))?.marks ?? 0, { timeout: SETTLE_TIMEOUT_MS }).toBeGreaterThan(0);
  return { page, tabId };
}

beforeAll(async () => {
  server = await startFixtureServer();
  cr = await launchChromium();
  cr.worker.on('console', (m) => {
    if (m.type() === 'error') errors.push(`background: ${m.text()}`);
  });
});
afterAll(async () => {
  await cr?.close();
  await server?.close();
});

describe('"Never mark this" (Chromium)', () => {
  it('keyboard only: the card closes, the marks go, options lists the name, and another site does not mark it', async () => {
    const { page, tabId } = await openMarked(server.url('ransomware.html'));
    expect(await markedIds(page)).toEqual(RANSOMWARE_MARKS);

    // Open the card from the keyboard (it takes focus), Tab to "More" and press it, then Tab to "Never mark this".
    const mark = page.locator('cncmark[data-cnc-entity="europol"][tabindex="0"]');
    await mark.focus();
    await page.keyboard.press('Enter');
    const card = await settledCard(cr.worker, tabId);
    expect(card.entity).toBe('europol');
    expect(Object.keys(card.buttons)).toContain("Don't mark on this site");
    expect(Object.keys(card.buttons)).not.toContain('Never mark this'); // behind "More": the first screen stays small
    const tabTo = async (name: string): Promise<void> => {
      let focused = '';
      for (let i = 0; i < 10 && focused !== name; i++) {
        await page.keyboard.press('Tab');
        focused = (await cardView(cr.worker, tabId))?.focus?.text ?? '';
      }
      expect(focused).toBe(name);
    };
    await tabTo('More');
    await page.keyboard.press('Enter');
    await expect.poll(async () => Object.keys((await cardView(cr.worker, tabId))?.buttons ?? {})).toContain('Never mark this');
    await tabTo('Never mark this');
    await page.keyboard.press('Enter'); // real key input: a synthetic press does nothing

    await expect.poll(() => cardView(cr.worker, tabId), { timeout: 5_000 }).toBeNull();
    await expect.poll(() => markedIds(page), { timeout: 5_000 }).toEqual(RANSOMWARE_MARKS.filter((id) => id !== 'europol'));
    // focus went back to the page, not lost with the mark
    expect(await page.evaluate(() => document.activeElement !== null)).toBe(true);

    // saved everywhere, not per site
    const sites = (await cr.worker.evaluate(async () => (await chrome.storage.local.get('settings.sites'))['settings.sites'])) as {
      mutedEverywhere?: string[];
      mutedOnSites?: unknown;
    };
    expect(sites.mutedEverywhere).toEqual(['europol']);

    // the options page lists it by name under "Never marked"
    const options = await cr.context.newPage();
    await options.goto(`chrome-extension://${cr.extensionId}/options.html`);
    const list = options.getByRole('list', { name: 'Never marked' });
    await expect.poll(() => list.innerText().catch(() => ''), { timeout: 10_000 }).toContain('Europol');
    await options.close();

    // another site (same fixtures, another host name): the article is marked, Europol is not
    const other = server.url('ransomware.html').replace('127.0.0.1', 'localhost');
    const second = await openMarked(other);
    expect(await markedIds(second.page)).toEqual(RANSOMWARE_MARKS.filter((id) => id !== 'europol'));
    await second.page.close();
    await page.close();
    expect(errors).toEqual([]);
  });
});

describe('"Never mark this" (Firefox ESR)', () => {
  const firefoxMarks = (page: FirefoxPage): Promise<string[]> =>
    page.$$eval('cncmark[data-cnc-entity]', (els) => [...new Set(els.map((e) => e.getAttribute('data-cnc-entity') ?? ''))].sort());
  /** Opens `url` and waits until every expected mark is painted. */
  async function openMarkedFirefox(page: FirefoxPage, url: string, expected: string[]): Promise<void> {
    await page.goto(url);
    await page.waitForSelector('cncmark[data-cnc-entity]', { timeout: 20_000 });
    await expect.poll(() => firefoxMarks(page), { timeout: SETTLE_TIMEOUT_MS }).toEqual(expected);
  }

  it('keyboard only: the card closes, the marks go, and another site does not mark it', async () => {
    const firefox = await launchFirefox();
    try {
      const page = await newFirefoxPage(firefox);
      const pageErrors: string[] = [];
      page.on('pageerror', (e) => pageErrors.push(String(e)));
      await openMarkedFirefox(page, server.url('ransomware.html'), RANSOMWARE_MARKS);
      await page.focus('cncmark[data-cnc-entity="europol"][tabindex="0"]');
      await page.keyboard.press('Enter');
      const card = await firefoxSettledCard(page);
      expect(card.entity).toBe('europol');
      expect(Object.keys(card.buttons)).toContain("Don't mark on this site");
      expect(Object.keys(card.buttons)).not.toContain('Never mark this');
      const tabTo = async (name: string): Promise<void> => {
        let focused = '';
        for (let i = 0; i < 10 && focused !== name; i++) {
          await page.keyboard.press('Tab');
          focused = (await firefoxCardView(page))?.focus?.text ?? '';
        }
        expect(focused).toBe(name);
      };
      await tabTo('More');
      await page.keyboard.press('Enter');
      await expect.poll(async () => Object.keys((await firefoxCardView(page))?.buttons ?? {})).toContain('Never mark this');
      await tabTo('Never mark this');
      await page.keyboard.press('Enter');

      await expect.poll(() => firefoxCardView(page), { timeout: 5_000 }).toBeNull();
      await expect.poll(() => firefoxMarks(page), { timeout: 5_000 }).toEqual(RANSOMWARE_MARKS.filter((id) => id !== 'europol'));
      expect(await page.evaluate(() => document.activeElement !== null)).toBe(true);

      // another site (same fixtures, another host name): the article is marked, Europol is not
      const second = await firefox.browser.newPage();
      await openMarkedFirefox(second, server.url('ransomware.html').replace('127.0.0.1', 'localhost'), RANSOMWARE_MARKS.filter((id) => id !== 'europol'));
      expect(pageErrors).toEqual([]);
    } finally {
      await firefox.close();
    }
  }, 180_000); // Firefox start-up and BiDi reads, on a busy machine
});
