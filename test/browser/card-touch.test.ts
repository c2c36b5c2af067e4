/**
 * Cards on a touch screen in Firefox ESR (issue 17; Chromium: annotations-cards.test.ts): a tap on a mark opens
 * its card (touch pointers skip the hover path), a tap elsewhere closes it, and the first tap on a mark inside a
 * link opens the card with "Open link" instead of following the link. Real touch input over WebDriver BiDi
 * (`input.performActions` with a touch pointer, puppeteer-core's `touchscreen`), touch events on (as on a phone), at 390x800.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, newFirefoxPage, startFixtureServer, type FirefoxWithExtension, type FixtureServer } from './harness';
import { firefoxCardView, firefoxSettledCard } from './card-probe';

const SETTLE_TIMEOUT_MS = 20_000;

let server: FixtureServer;
let firefox: FirefoxWithExtension;

beforeAll(async () => {
  server = await startFixtureServer();
  firefox = await launchFirefox({ prefs: { 'dom.w3c_touch_events.enabled': 1 } });
}, 120_000);
afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

/** The middle of the mark's first line box (a mark that wraps has a bounding box wider than its text). */
async function middleOf(page: Page, selector: string): Promise<{ x: number; y: number }> {
  await page.waitForSelector(selector, { timeout: SETTLE_TIMEOUT_MS });
  return page.$eval(selector, (m) => {
    m.scrollIntoView({ block: 'center' });
    const r = m.getClientRects()[0]!;
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  });
}

const expanded = (page: Page, selector: string) => page.$eval(selector, (m) => m.getAttribute('aria-expanded'));

describe('Firefox ESR with touch input (390x800)', () => {
  it('a tap on a mark opens its card; a tap on plain text closes it', async () => {
    const page = await newFirefoxPage(firefox);
    await page.setViewport({ width: 390, height: 800 });
    await page.goto(server.url('demo-article.html'));
    const sel = 'cncmark[data-cnc-entity="wannacry"][tabindex="0"]';
    const at = await middleOf(page, sel);
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seenPointers: string[] }).seenPointers = seen;
      document.addEventListener('pointerdown', (e) => seen.push(e.pointerType), { capture: true });
    });
    await page.touchscreen.tap(at.x, at.y);
    const card = await firefoxSettledCard(page);
    expect(await page.evaluate(() => (window as unknown as { seenPointers: string[] }).seenPointers)).toEqual(['touch']);
    expect(card.entity).toBe('wannacry');
    expect(await expanded(page, sel)).toBe('true');
    expect(card.box.x).toBeGreaterThanOrEqual(0);
    expect(card.box.x + card.box.width).toBeLessThanOrEqual(390);
    const h1 = await page.$eval('h1', (h) => {
      h.scrollIntoView({ block: 'center' });
      const r = h.getBoundingClientRect();
      return { x: r.x + 2, y: r.y + r.height / 2 };
    });
    await page.touchscreen.tap(h1.x, h1.y);
    await expect.poll(() => firefoxCardView(page), { timeout: 3_000 }).toBeNull();
    expect(await expanded(page, sel)).toBe('false');
    await page.close();
  });

  it('the first tap on a mark inside a link opens the card and does not follow the link; the card offers "Open link"', async () => {
    const page = await newFirefoxPage(firefox);
    await page.setViewport({ width: 390, height: 800 });
    const url = server.url('link-marks.html');
    await page.goto(url);
    const at = await middleOf(page, '#tornado-link cncmark[data-cnc-entity="tornado-cash"][tabindex="0"]');
    await page.touchscreen.tap(at.x, at.y);
    const card = await firefoxSettledCard(page);
    expect(card.entity).toBe('tornado-cash');
    expect(card.links.find((a) => a.text === 'Open link')?.href).toBe('https://example.org/tornado');
    // no navigation happened (the link points off this server, so a navigation would change the address)
    await new Promise((r) => setTimeout(r, 500));
    expect(page.url()).toBe(url);
    await page.close();
  });
});
