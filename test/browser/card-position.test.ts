/**
 * Card placement in real Chromium and Firefox ESR (issue 17): the card's box stays inside the visual viewport
 * for marks at the top and the bottom of the viewport and at its left and right edges, on a standards page at
 * 1280x900 and 390x700 and on a page without a doctype (quirks mode, where documentElement.clientHeight
 * is the page's height and the card once hung past the bottom); with a card taller than the room; and
 * (Chromium) after "scroll to mark" from the popup. The card is read through its closed shadow root: from the
 * extension's isolated world in Chromium, over WebDriver BiDi in Firefox (card-probe.ts).
 *
 *   CNC_OUT_DIR=/tmp/out-card npx wxt build
 *   CNC_OUT_DIR=/tmp/out-card npx vitest run --config test/browser/vitest.config.ts test/browser/card-position.test.ts
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, launchFirefox, newFirefoxPage, screenshotPath, startFixtureServer, type ChromiumWithExtension, type FixtureServer, type FirefoxWithExtension } from './harness';
import { firefoxSettledCard, settledCard, tabOf, type Box, type CardView } from './card-probe';

const ANNOTATE_TIMEOUT_MS = 20_000;
/** Marks of the fixture: Lazarus Group starts a paragraph at the left edge, Tornado Cash ends a right-aligned one. */
const LEFT = 'lazarus-group';
const RIGHT = 'tornado-cash';
const DEEP = 'fbi';

let cr: ChromiumWithExtension;
let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer();
  cr = await launchChromium();
}, 60_000);

afterAll(async () => {
  await cr?.close();
  await server?.close();
});

const markOf = (page: Page, id: string) => page.locator(`cncmark[data-cnc-entity="${id}"][tabindex]`);

async function openPage(name: string, width: number, height: number): Promise<{ page: Page; tab: number }> {
  const page = await cr.context.newPage();
  await page.setViewportSize({ width, height });
  await page.goto(server.url(name));
  for (const id of [LEFT, RIGHT, DEEP]) await markOf(page, id).waitFor({ state: 'attached', timeout: ANNOTATE_TIMEOUT_MS });
  return { page, tab: await tabOf(cr.worker, page) };
}

/** Scrolls the page (without our card) so that the mark sits at the very top or bottom of the viewport. */
async function putMark(page: Page, id: string, where: 'top' | 'bottom'): Promise<Box> {
  return markOf(page, id).evaluate((el, at) => {
    const r0 = el.getBoundingClientRect();
    const vh = window.visualViewport?.height ?? innerHeight;
    window.scrollBy(0, at === 'top' ? r0.top - 2 : r0.bottom - vh + 2);
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }, where);
}

function expectInside(card: CardView): void {
  const { box, viewport: v } = card;
  expect(box.x, JSON.stringify(card.box)).toBeGreaterThanOrEqual(v.x);
  expect(box.y, JSON.stringify(card.box)).toBeGreaterThanOrEqual(v.y);
  expect(box.x + box.width, JSON.stringify(card.box)).toBeLessThanOrEqual(v.x + v.width + 0.5);
  expect(box.y + box.height, JSON.stringify(card.box)).toBeLessThanOrEqual(v.y + v.height + 0.5);
}

const overlaps = (a: Box, b: Box): boolean => a.y < b.y + b.height && a.y + a.height > b.y && a.x < b.x + b.width && a.x + a.width > b.x;

const LAYOUTS = [
  { name: 'card-position.html', width: 1280, height: 900, label: 'standards page at 1280x900' },
  { name: 'card-position.html', width: 390, height: 700, label: 'standards page at 390x700' },
  { name: 'card-position-quirks.html', width: 1280, height: 900, label: 'quirks-mode page at 1280x900' },
  { name: 'card-position-quirks.html', width: 390, height: 700, label: 'quirks-mode page at 390x700' },
];

describe('card placement (real Chromium)', () => {
  for (const layout of LAYOUTS) {
    it(`${layout.label}: marks at the top, the bottom and both edges get a card inside the viewport`, async () => {
      const { page, tab } = await openPage(layout.name, layout.width, layout.height);
      expect(await page.evaluate(() => document.compatMode)).toBe(layout.name.includes('quirks') ? 'BackCompat' : 'CSS1Compat');
      for (const id of [LEFT, RIGHT]) {
        for (const where of ['top', 'bottom'] as const) {
          await page.mouse.move(0, 0);
          await page.keyboard.press('Escape');
          const mark = await putMark(page, id, where);
          if (id === LEFT) expect(mark.x).toBeLessThan(10);
          else expect(mark.x + mark.width).toBeGreaterThan(layout.width - 40);
          // real pointer over the mark's middle (hover() would scroll it)
          await page.mouse.move(mark.x + Math.min(mark.width / 2, 20), mark.y + mark.height / 2);
          const card = await settledCard(cr.worker, tab);
          expect(card.entity).toBe(id);
          expectInside(card);
          // flipped to the side with room, so the mark stays readable
          expect(overlaps(card.box, mark), `${id} at the ${where}: card ${JSON.stringify(card.box)} mark ${JSON.stringify(mark)}`).toBe(false);
          if (where === 'bottom') expect(card.box.y + card.box.height).toBeLessThanOrEqual(mark.y);
          else expect(card.box.y).toBeGreaterThanOrEqual(mark.y + mark.height);
          if (id === RIGHT && where === 'bottom') await page.screenshot({ path: screenshotPath(`card-position-${layout.name.replace('.html', '')}-${layout.width}.png`) });
        }
      }
      await page.close();
    });
  }

  it('390x440: a card taller than the room is capped to it and scrolls inside', async () => {
    const { page, tab } = await openPage('card-position.html', 390, 440);
    // the mark in the middle of the viewport: about 200 px on each side, less than the card's first screen
    const mark = await markOf(page, LEFT).evaluate((el) => {
      const r0 = el.getBoundingClientRect();
      window.scrollBy(0, r0.top - 210);
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    });
    await page.mouse.move(mark.x + 10, mark.y + mark.height / 2);
    const card = await settledCard(cr.worker, tab);
    expectInside(card);
    expect(overlaps(card.box, mark)).toBe(false);
    expect(card.box.height).toBeLessThan(230);
    expect(card.scrolls).toBe(true);
    await page.close();
  });

  for (const name of ['card-position.html', 'card-position-quirks.html']) {
    it(`${name}: after "scroll to mark" from the popup the card opens inside the viewport, once the scroll has settled`, async () => {
      const { page, tab } = await openPage(name, 1280, 900);
      // the pointer off the page: a mark that scrolls under a resting pointer would open its own hover card
      await page.mouse.move(-10, -10);
      await page.evaluate(() => window.scrollTo(0, 0));
      const answer = await cr.worker.evaluate(({ t, id }) => chrome.tabs.sendMessage(t, { type: 'popup/scroll-to-entity', id }, { frameId: 0 }), { t: tab, id: DEEP });
      expect(answer).toEqual({ ok: true });
      const card = await settledCard(cr.worker, tab);
      expect(card.entity).toBe(DEEP);
      expectInside(card);
      const mark = await markOf(page, DEEP).evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      });
      expect(mark.y).toBeGreaterThan(0);
      expect(overlaps(card.box, mark)).toBe(false);
      await page.close();
    });
  }
});

describe('card placement (Firefox ESR)', () => {
  let firefox: FirefoxWithExtension;
  beforeAll(async () => {
    firefox = await launchFirefox();
  }, 60_000);
  afterAll(async () => {
    await firefox?.close();
  });

  for (const layout of LAYOUTS) {
    it(`${layout.label}: marks at the top, the bottom and both edges get a card inside the viewport`, async () => {
      const page = await newFirefoxPage(firefox);
      await page.setViewport({ width: layout.width, height: layout.height });
      await page.goto(server.url(layout.name));
      for (const id of [LEFT, RIGHT]) await page.waitForSelector(`cncmark[data-cnc-entity="${id}"][tabindex]`, { timeout: ANNOTATE_TIMEOUT_MS });
      expect(await page.evaluate(() => document.compatMode)).toBe(layout.name.includes('quirks') ? 'BackCompat' : 'CSS1Compat');
      for (const id of [LEFT, RIGHT]) {
        for (const where of ['top', 'bottom'] as const) {
          await page.mouse.move(0, 0);
          await page.keyboard.press('Escape');
          // the same scroll as putMark above, in the Firefox page
          const mark = await page.$eval(
            `cncmark[data-cnc-entity="${id}"][tabindex]`,
            (el, at) => {
              const r0 = el.getBoundingClientRect();
              const vh = window.visualViewport?.height ?? innerHeight;
              window.scrollBy(0, at === 'top' ? r0.top - 2 : r0.bottom - vh + 2);
              const r = el.getBoundingClientRect();
              return { x: r.x, y: r.y, width: r.width, height: r.height };
            },
            where,
          );
          if (id === LEFT) expect(mark.x).toBeLessThan(10);
          else expect(mark.x + mark.width).toBeGreaterThan(layout.width - 40);
          await page.mouse.move(mark.x + Math.min(mark.width / 2, 20), mark.y + mark.height / 2);
          const card = await firefoxSettledCard(page);
          expect(card.entity).toBe(id);
          expectInside(card);
          expect(overlaps(card.box, mark), `${id} at the ${where}: card ${JSON.stringify(card.box)} mark ${JSON.stringify(mark)}`).toBe(false);
          if (where === 'bottom') expect(card.box.y + card.box.height).toBeLessThanOrEqual(mark.y);
          else expect(card.box.y).toBeGreaterThanOrEqual(mark.y + mark.height);
        }
      }
      await page.close();
    });
  }

  it('390x440: a card taller than the room is capped to it and scrolls inside', async () => {
    const page = await newFirefoxPage(firefox);
    await page.setViewport({ width: 390, height: 440 });
    await page.goto(server.url('card-position.html'));
    const sel = `cncmark[data-cnc-entity="${LEFT}"][tabindex]`;
    await page.waitForSelector(sel, { timeout: ANNOTATE_TIMEOUT_MS });
    const mark = await page.$eval(sel, (el) => {
      const r0 = el.getBoundingClientRect();
      window.scrollBy(0, r0.top - 210);
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    });
    await page.mouse.move(mark.x + 10, mark.y + mark.height / 2);
    const card = await firefoxSettledCard(page);
    expectInside(card);
    expect(overlaps(card.box, mark)).toBe(false);
    expect(card.box.height).toBeLessThan(230);
    expect(card.scrolls).toBe(true);
    await page.close();
  });
});
