/**
 * The card of a name the knowledge base lacks, in real Chromium and Firefox ESR (issue 17): the name the article
 * describes ("Kim Sung Ho, a blockchain investigator at ...") is marked, and its card shows the name, the type
 * and the article's words labelled "From this article:". Chromium: axe-core finds no violations in it, light and
 * dark. Firefox: read through the closed root over WebDriver BiDi (card-probe.ts), from the keyboard, within
 * the Page Previews size, light on the white page with a dark system theme and dark on a dark page.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page as FirefoxPage } from 'puppeteer-core';
import { ROOT, launchFirefox, launchChromium, newFirefoxPage, pageStatus, startFixtureServer, type ChromiumWithExtension, type FixtureServer } from './harness';
import { axeOnCard, firefoxCardView, firefoxSettledCard, settledCard, tabOf } from './card-probe';
import { FIRST_SCREEN } from './annotations-harness';

const AXE_PATH = join(ROOT, 'node_modules/axe-core/axe.min.js');
const SETTLE_TIMEOUT_MS = 15_000;
const NAME = 'Kim Sung Ho';
const LEAD = 'From this article: “a blockchain investigator at a Seoul analytics firm”';

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

describe('a name the article describes (Chromium)', () => {
  it('is marked, and its card says what the article says, labelled, with no axe violations', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await cr.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(server.url('article-description.html'));
      const tabId = await tabOf(cr.worker, page);
      await expect.poll(async () => (await pageStatus(cr.worker, tabId))?.marks ?? 0, { timeout: SETTLE_TIMEOUT_MS }).toBeGreaterThan(0);
      const mark = page.locator('cncmark[tabindex="0"]', { hasText: NAME });
      await mark.waitFor({ timeout: SETTLE_TIMEOUT_MS });
      await mark.focus();
      await page.keyboard.press('Enter');
      const card = await settledCard(cr.worker, tabId);
      expect(card.title).toBe(NAME);
      expect(card.lead).toBe(LEAD);
      expect(card.text).not.toMatch(/knowledge base|Why marked/);
      expect(card.links).toEqual([]);
      // axe really reaches into the card: its rules ran on the card's nodes
      const axe = await axeOnCard(page, AXE_PATH);
      expect(axe.passed, scheme).toEqual(expect.arrayContaining(['button-name', 'aria-dialog-name']));
      const violations = axe.violations;
      expect(violations, scheme).toEqual([]);
      await page.close();
    }
  });
});

/** Focuses the focusable mark whose text is `text` (Firefox page), once the annotator has painted it. */
async function focusMark(page: FirefoxPage, text: string): Promise<void> {
  await page.waitForFunction((t: string) => [...document.querySelectorAll('cncmark[tabindex="0"]')].some((m) => m.textContent === t), { timeout: 20_000 }, text);
  await page.evaluate((t: string) => ([...document.querySelectorAll('cncmark[tabindex="0"]')].find((m) => m.textContent === t) as HTMLElement).focus(), text);
}

describe('a name the article describes (Firefox ESR)', () => {
  it('is marked, and its card says what the article says, labelled, opened and closed from the keyboard, in the page\'s theme whatever the system\'s', async () => {
    // a dark system theme (content pages prefer dark): the card follows the page, not the system
    const firefox = await launchFirefox({ prefs: { 'layout.css.prefers-color-scheme.content-override': 0 } });
    try {
      const page = await newFirefoxPage(firefox);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(server.url('article-description.html'));
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
      await focusMark(page, NAME);
      expect(await page.evaluate((t: string) => [...document.querySelectorAll('cncmark[tabindex="0"]')].find((m) => m.textContent === t)?.getAttribute('aria-label'), NAME)).toBe(
        `${NAME} (person)`,
      );
      await page.keyboard.press('Enter');
      const card = await firefoxSettledCard(page);
      expect(card.title).toBe(NAME);
      expect(card.lead).toBe(LEAD);
      expect(card.text).not.toMatch(/knowledge base|Why marked/);
      expect(card.links).toEqual([]);
      expect(card.labelled).toBe(true);
      expect(card.theme).toBe('light');
      expect(card.box.width).toBeLessThanOrEqual(FIRST_SCREEN.width);
      expect(card.box.height).toBeLessThanOrEqual(FIRST_SCREEN.height);
      expect(card.focus?.cls).toContain('cnc-card'); // focus moved into the card
      await page.keyboard.press('Escape');
      await expect.poll(() => firefoxCardView(page), { timeout: 5_000 }).toBeNull();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(NAME);

      // the same article on a dark page: the card takes the page's background
      await page.evaluate((t: string) => {
        const mark = [...document.querySelectorAll('cncmark[tabindex="0"]')].find((m) => m.textContent === t);
        for (let el = mark?.parentElement; el; el = el.parentElement) Object.assign(el.style, { background: '#111318', color: '#e8e8ea' });
      }, NAME);
      await focusMark(page, NAME);
      await page.keyboard.press('Enter');
      const dark = await firefoxSettledCard(page);
      expect(dark.lead).toBe(LEAD);
      expect(dark.theme).toBe('dark');
      await page.keyboard.press('Escape');
      expect(errors).toEqual([]);
    } finally {
      await firefox.close();
    }
  }, 180_000); // Firefox start-up and BiDi reads, on a busy machine
});
