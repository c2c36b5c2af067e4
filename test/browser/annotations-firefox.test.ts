/**
 * Marks and cards in real Firefox ESR with the built MV2 add-on (puppeteer-core over WebDriver BiDi; issue 17):
 * the expected marks and nothing on a negative page, the card on hover in the shape of Page Previews, every
 * card's first screen on the three test articles, keyboard, marks in links, the page's theme, the popup's scroll
 * to a mark (the card opens inside the viewport), and axe-core on the card, light and dark. The card is read
 * through its closed root (card-probe.ts). Chromium: annotations-marks.test.ts and annotations-cards.test.ts.
 *
 * Every page is opened with `newFirefoxPage` (harness.ts): the add-on's first-run tab must not hide it.
 */
import { readFileSync } from 'node:fs';
import type { Page as FirefoxPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firefoxWelcomeTab, launchFirefox, newFirefoxPage, screenshotPath, type FirefoxWithExtension } from './harness';
import { firefoxAxeOnCard, firefoxCardView, firefoxSettledCard } from './card-probe';
import { AXE_PATH, baseline, EXPECTED, expectFirstScreenCard, expectInViewport, FIRST_SCREEN, server, SETTLE_TIMEOUT_MS, useFixtureServer } from './annotations-harness';

useFixtureServer({ baselines: true });

/** Firefox start-up and BiDi reads, on a busy 2-core machine. */
const FIREFOX_TEST_MS = 180_000;

type Ext = {
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
};

/** The page's marked entities, sorted. */
const firefoxMarks = (page: FirefoxPage): Promise<string[]> =>
  page.$$eval('cncmark[data-cnc-entity]', (els) => [...new Set(els.map((e) => e.getAttribute('data-cnc-entity') ?? ''))].sort());

/** The tab id of the page at `url`, asked from an extension page (the add-on's first-run tab). */
async function firefoxTabId(ext: FirefoxPage, url: string): Promise<number> {
  const id = await ext.evaluate(async (u) => (await (globalThis as unknown as { browser: Ext }).browser.tabs.query({})).find((t) => t.url === u)?.id ?? -1, url);
  expect(id).toBeGreaterThanOrEqual(0);
  return id;
}

/** Sends a message as the popup does, from an extension page. */
const asPopup = (ext: FirefoxPage, msg: Record<string, unknown>): Promise<unknown> =>
  ext.evaluate((m) => (globalThis as unknown as { browser: Ext }).browser.runtime.sendMessage(m), msg);

/** Opens `name` and waits until exactly its expected entities are marked (the plan is painted in one go). */
async function openMarked(page: FirefoxPage, name: string): Promise<void> {
  await page.goto(server.url(name));
  await expect.poll(() => firefoxMarks(page), { timeout: SETTLE_TIMEOUT_MS }).toEqual(EXPECTED[name]);
}

/** Opens the card of the focusable mark `sel` from the keyboard. */
async function openByKeyboard(page: FirefoxPage, sel: string): Promise<void> {
  await page.focus(sel);
  await page.keyboard.press('Enter');
}

const cardClosed = (page: FirefoxPage) => expect.poll(() => firefoxCardView(page), { timeout: 5_000 }).toBeNull();

describe('Firefox ESR', () => {
  it('marks the expected entities on the demo article and the boundary traps, and nothing on a negative', async () => {
    const firefox = await launchFirefox();
    try {
      const page = await newFirefoxPage(firefox);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await openMarked(page, 'demo-article.html');
      expect(await page.evaluate(() => document.body.innerText)).toBe(baseline.get('demo-article.html')!.text);
      // the mark styles reached the page (constructed stylesheet, or the <style> fallback behind Xray wrappers)
      expect(await page.$eval('cncmark[data-cnc-entity]', (m) => getComputedStyle(m).textDecorationLine)).toBe('underline');
      await page.$eval('cncmark[data-cnc-entity]', (m) => m.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: screenshotPath('annotations-firefox-demo-article.png') });

      await page.goto(server.url('trap-boundaries.html'));
      await page.waitForSelector('cncmark[data-cnc-entity="lazarus-group"]', { timeout: SETTLE_TIMEOUT_MS });
      const lazarus = await page.$$eval('cncmark[data-cnc-entity="lazarus-group"]', (els) => els.map((e) => `${e.textContent}/${e.parentElement!.tagName}`));
      expect(lazarus).toEqual(['Lazarus/EM', 'Group/A']);
      expect(await page.$$eval('cncmark', (els) => els.filter((e) => e.closest('code, pre, textarea, [contenteditable="true"]')).length)).toBe(0);

      // a negative: wait for the verdict (not crypto security), then nothing is marked
      await page.goto(server.url('garden.html'));
      const ext = await firefoxWelcomeTab(firefox);
      const tabId = await firefoxTabId(ext, server.url('garden.html'));
      await expect.poll(async () => ((await asPopup(ext, { type: 'popup/get-tab-analysis', tabId })) as { state: string }).state, { timeout: SETTLE_TIMEOUT_MS }).toBe('not-crypto-security');
      expect(await page.$$('cncmark')).toHaveLength(0);
      expect(errors).toEqual([]);
    } finally {
      await firefox.close();
    }
  }, FIREFOX_TEST_MS);

  it('the card opens on hover in the shape of Page Previews, "More" shows sources and safe links, and it closes when the pointer leaves', async () => {
    const firefox = await launchFirefox();
    try {
      const page = await newFirefoxPage(firefox);
      await page.goto(server.url('demo-article.html'));
      const sel = 'cncmark[data-cnc-entity="reconnaissance-general-bureau"][tabindex="0"]';
      await page.waitForSelector(sel, { timeout: SETTLE_TIMEOUT_MS });
      await page.hover(sel); // real pointer input
      let card = await firefoxSettledCard(page);
      expect(card.entity).toBe('reconnaissance-general-bureau');
      expect(card.title).toBe('Reconnaissance General Bureau');
      expect(await page.$eval(sel, (m) => m.getAttribute('aria-expanded'))).toBe('true');
      expect(card.labelled).toBe(true);
      expect(card.text).toContain('Government agency');
      expect(card.box.width).toBeLessThanOrEqual(FIRST_SCREEN.width);
      expect(card.box.height).toBeLessThanOrEqual(FIRST_SCREEN.height);
      expect(Object.keys(card.buttons)).toEqual(expect.arrayContaining(['Close', 'More', "Don't mark on this site"]));
      await page.mouse.click(card.buttons.More!.x, card.buttons.More!.y);
      await expect.poll(async () => !!(await firefoxCardView(page))?.buttons.Less, { timeout: 5_000 }).toBe(true);
      card = await firefoxSettledCard(page);
      expect(card.text).toContain('Sources');
      expect(card.links.length).toBeGreaterThan(1);
      for (const a of card.links) expect([a.rel, a.target, /^https:\/\//.test(a.href)]).toEqual(['noopener noreferrer', '_blank', true]);
      // the prefilled report names the mark and the match, never the page's address
      const report = new URL(card.links.find((a) => a.text === 'Report a wrong match')!.href);
      expect(report.searchParams.get('title')).toBe('Wrong match: Reconnaissance General Bureau (reconnaissance-general-bureau)');
      expect(report.href).not.toContain(encodeURIComponent(server.origin));
      await page.mouse.move(5, 5);
      await cardClosed(page);
      expect(await page.$eval(sel, (m) => m.getAttribute('aria-expanded'))).toBe('false');
    } finally {
      await firefox.close();
    }
  }, FIREFOX_TEST_MS);

  // One browser for the three articles; one test per article, so that a failure names its page.
  describe('every card on the test articles: within ~320x300 before "More", a lead that ends a sentence or a word, "Why marked" without the description', () => {
    let firefox: FirefoxWithExtension;
    let page: FirefoxPage;
    beforeAll(async () => {
      firefox = await launchFirefox();
      page = await newFirefoxPage(firefox);
      await page.setViewport({ width: 1280, height: 900 }); // as the Chromium run: room for the first screen on either side
    }, 60_000);
    afterAll(async () => {
      await firefox?.close();
    });

    for (const name of ['demo-article.html', 'bridge-hack.html', 'ransomware.html']) {
      it(name, async () => {
        await openMarked(page, name);
        const ids = await page.$$eval('cncmark[tabindex="0"]', (els) => els.map((e) => e.getAttribute('data-cnc-entity')!));
        expect([...ids].sort()).toEqual(EXPECTED[name]); // one focusable mark per entity
        for (const id of ids) {
          const sel = `cncmark[data-cnc-entity="${id}"][tabindex="0"]`;
          await page.$eval(sel, (m) => m.scrollIntoView({ block: 'center' }));
          await openByKeyboard(page, sel);
          const card = await firefoxSettledCard(page);
          expectFirstScreenCard(card, id, `${name} ${id}: ${JSON.stringify(card.box)} ${card.text.slice(0, 300)}`);
          await page.keyboard.press('Escape');
          await cardClosed(page);
        }
      }, FIREFOX_TEST_MS);
    }
  });

  it('cards read through the closed root (WebDriver BiDi): keyboard, Page Previews size, marks in links, the page\'s theme', async () => {
    const firefox = await launchFirefox();
    try {
      const page = await newFirefoxPage(firefox);
      await page.goto(server.url('trap-boundaries.html'));
      await page.waitForSelector('cncmark[data-cnc-entity="lazarus-group"][tabindex="0"]', { timeout: SETTLE_TIMEOUT_MS });
      // keyboard: Enter opens the card, Escape closes it
      await openByKeyboard(page, 'cncmark[data-cnc-entity="lazarus-group"][tabindex="0"]');
      const card = await firefoxSettledCard(page);
      expect(card.entity).toBe('lazarus-group');
      expect(card.title).toBe('Lazarus Group');
      expect(card.text).toMatch(/Why marked\s*The article (names it\.|says “)/);
      expect(card.box.width).toBeLessThanOrEqual(FIRST_SCREEN.width);
      expect(card.box.height).toBeLessThanOrEqual(FIRST_SCREEN.height);
      expect(card.focus?.cls).toContain('cnc-card'); // focus moved into the card
      // the page itself sees a closed host: no root, no card
      expect(await page.evaluate(() => document.querySelector('div[data-cnc-ui]')?.shadowRoot ?? null)).toBeNull();
      await page.keyboard.press('Escape');
      await cardClosed(page);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-cnc-entity'))).toBe('lazarus-group');

      // a mark inside a link: Tab from the link reaches it, Enter opens the card with "Open link", the page stays
      await page.goto(server.url('link-marks.html'));
      await page.waitForSelector('#tornado-link cncmark[tabindex="0"]', { timeout: SETTLE_TIMEOUT_MS });
      await page.focus('#tornado-link');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-cnc-entity'))).toBe('tornado-cash');
      await page.keyboard.press('Enter');
      const linked = await firefoxSettledCard(page);
      expect(linked.entity).toBe('tornado-cash');
      expect(linked.links.find((a) => a.text === 'Open link')?.href).toBe('https://example.org/tornado');
      expect(page.url()).toBe(server.url('link-marks.html'));
      await page.keyboard.press('Escape');

      // the card follows the page's background: dark on the dark page
      await page.goto(server.url('dark-article.html'));
      await page.waitForSelector('cncmark[data-cnc-entity="lazarus-group"][tabindex="0"]', { timeout: SETTLE_TIMEOUT_MS });
      await openByKeyboard(page, 'cncmark[data-cnc-entity="lazarus-group"][tabindex="0"]');
      expect((await firefoxSettledCard(page)).theme).toBe('dark');
      await page.keyboard.press('Escape');
    } finally {
      await firefox.close();
    }
  }, FIREFOX_TEST_MS);

  it('"Show in the page" in the popup scrolls to a mark far down the page and its card opens inside the viewport; axe-core finds nothing in the card, light and dark, first screen and "More"', async () => {
    const firefox = await launchFirefox();
    try {
      const page = await newFirefoxPage(firefox);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await openMarked(page, 'demo-article.html');
      const ext = await firefoxWelcomeTab(firefox);
      const tabId = await firefoxTabId(ext, server.url('demo-article.html'));
      expect(await page.evaluate(() => scrollY)).toBe(0);
      // the real popup (in the first-run tab, behind the article): "Names in this article", then the name
      await ext.evaluate((t) => (location.href = `popup.html?tab=${t}`), tabId);
      await ext.waitForSelector('button[aria-expanded]::-p-text(Names in this article)', { timeout: 15_000 });
      const chip = 'button.entity-chip[title="Show Venezuela in the page"]';
      if (!(await ext.$(chip))) await ext.click('button[aria-expanded="false"]::-p-text(Names in this article)');
      await ext.waitForSelector(chip, { visible: true, timeout: 10_000 });
      await ext.click(chip);
      await ext.waitForFunction(() => document.body.innerText.includes('Scrolled to the first mention of Venezuela and opened its card.'), { timeout: 10_000 });
      // the card opens once the smooth scroll has settled (up to 1.5 s), at the mark, inside the viewport
      await expect.poll(async () => (await firefoxCardView(page))?.entity, { timeout: 10_000 }).toBe('venezuela');
      const card = await firefoxSettledCard(page);
      expectInViewport(card, JSON.stringify(card));
      const mark = await page.$eval('cncmark[data-cnc-entity="venezuela"][tabindex="0"]', (m) => {
        const r = m.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom };
      });
      expect(mark.top).toBeGreaterThanOrEqual(0);
      expect(mark.bottom).toBeLessThanOrEqual(card.viewport.height);
      expect(await page.evaluate(() => scrollY)).toBeGreaterThan(0); // the mark was below the first screen

      // axe on this card (a light page), then on a dark page; the page never sees axe or the root
      const source = readFileSync(AXE_PATH, 'utf8');
      for (const [name, theme] of [['demo-article.html', 'light'], ['ransomware.html', 'dark']] as const) {
        if (name !== 'demo-article.html') {
          await openMarked(page, name);
          await openByKeyboard(page, 'cncmark[tabindex="0"]');
        }
        let open = await firefoxSettledCard(page);
        expect(open.theme, name).toBe(theme);
        const first = await firefoxAxeOnCard(page, source);
        expect(first.passed, name).toEqual(expect.arrayContaining(['button-name', 'aria-dialog-name', 'heading-order']));
        expect(first.violations, `${name} first screen`).toEqual([]);
        await page.mouse.click(open.buttons.More!.x, open.buttons.More!.y);
        await expect.poll(async () => !!(await firefoxCardView(page))?.buttons.Less, { timeout: 5_000 }).toBe(true);
        open = await firefoxSettledCard(page);
        expect((await firefoxAxeOnCard(page, source)).violations, `${name} more`).toEqual([]);
        expect(await page.evaluate(() => [typeof (window as unknown as { axe?: unknown }).axe, document.querySelector('div[data-cnc-ui]')?.shadowRoot ?? null])).toEqual(['undefined', null]);
        await page.screenshot({ path: screenshotPath(`annotations-firefox-card-${theme}.png`) });
      }
      expect(errors).toEqual([]);
    } finally {
      await firefox.close();
    }
  }, FIREFOX_TEST_MS);
});
