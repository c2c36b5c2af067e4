/**
 * In-page annotations in real Chromium, the cards: the hover card opens by pointer, touch and keyboard in the
 * shape and size of Page Previews, is placed inside the viewport, has no accessibility violations in light and
 * dark, takes the page's theme, and works for marks inside links (also on a touch screen). The marks and Firefox
 * ESR: annotations-marks.test.ts; shared setup: annotations-harness.ts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { launchChromiumWithTouch, screenshotPath } from './harness';
import { axeOnCard, cardView, settledCard, tabOf } from './card-probe';
import { AXE_PATH, cr, errors, expectFirstScreenCard, FIRST_SCREEN, open, server, SETTLE_TIMEOUT_MS, useChromium, useFixtureServer } from './annotations-harness';

useFixtureServer({ baselines: false });

describe('Chromium', () => {
  useChromium();
  // The pages and the background of this file logged no errors either (the test of that is in annotations-marks).
  afterAll(() => {
    expect(errors).toEqual([]);
  });

  it('opens the card on hover with the right entity, in the shape of Page Previews, and closes it when the pointer leaves', async () => {
    const { page, tabId } = await open('demo-article.html');
    const mark = page.locator('cncmark[data-cnc-entity="reconnaissance-general-bureau"][tabindex="0"]');
    await mark.waitFor({ timeout: SETTLE_TIMEOUT_MS });
    await mark.hover(); // real pointer input
    let card = await settledCard(cr.worker, tabId);
    expect(card.entity).toBe('reconnaissance-general-bureau');
    expect(card.title).toBe('Reconnaissance General Bureau');
    expect(await mark.getAttribute('aria-expanded')).toBe('true');
    // labelled by its heading; name, type, what it is, why marked; first screen within ~320x300, not scrolling
    expect(card.labelled).toBe(true);
    expect(card.text).toContain('Government agency');
    expect(card.text).toMatch(/Why marked\s*The article (names it\.|says “)/);
    expect(card.box.width).toBeLessThanOrEqual(FIRST_SCREEN.width);
    expect(card.box.height).toBeLessThanOrEqual(FIRST_SCREEN.height);
    expect(card.scrolls).toBe(false);
    expect(Object.keys(card.buttons)).toEqual(expect.arrayContaining(['Close', 'More', "Don't mark on this site"]));
    // "More": aliases, sources and the report link; every link opens safely
    await page.mouse.move(card.buttons.More!.x, card.buttons.More!.y);
    await page.mouse.down();
    await page.mouse.up();
    await expect.poll(async () => (await cardView(cr.worker, tabId))?.buttons.Less).toBeTruthy();
    card = await settledCard(cr.worker, tabId);
    expect(card.text).toContain('Sources');
    expect(card.links.length).toBeGreaterThan(1);
    for (const a of card.links) {
      expect(a.rel).toBe('noopener noreferrer');
      expect(a.target).toBe('_blank');
      expect(a.href).toMatch(/^https:\/\//);
    }
    const report = card.links.find((a) => a.text === 'Report a wrong match');
    expect(report?.href).toBeTruthy();
    expect(report!.href).not.toContain(encodeURIComponent(server.origin));
    // within the viewport
    expect(card.box.x).toBeGreaterThanOrEqual(0);
    expect(card.box.x + card.box.width).toBeLessThanOrEqual(1280);
    await page.screenshot({ path: screenshotPath('annotations-chromium-card.png') });
    await page.mouse.move(5, 5);
    await expect.poll(() => cardView(cr.worker, tabId), { timeout: 3_000 }).toBeNull();
    expect(await mark.getAttribute('aria-expanded')).toBe('false');
    await page.close();
  });

  it('every card on the test articles: at most ~320x300 before "More", a lead that ends a sentence or a word, "Why marked" without the description, sanctions only where they exist or are expected', async () => {
    for (const name of ['demo-article.html', 'bridge-hack.html', 'ransomware.html']) {
      const { page, tabId } = await open(name);
      await page.waitForSelector('cncmark[tabindex="0"]', { timeout: SETTLE_TIMEOUT_MS });
      const ids = await page.$$eval('cncmark[tabindex="0"]', (els) => els.map((e) => e.getAttribute('data-cnc-entity')!));
      for (const id of ids) {
        // in the middle of the viewport, so that the card has its full first screen on one side of the mark
        // (at an edge it is capped to the room there and scrolls inside: card-position.test.ts covers that)
        await page.$eval(`cncmark[data-cnc-entity="${id}"][tabindex="0"]`, (m) => m.scrollIntoView({ block: 'center' }));
        await page.focus(`cncmark[data-cnc-entity="${id}"][tabindex="0"]`);
        await page.keyboard.press('Enter');
        const card = await settledCard(cr.worker, tabId, 10_000, ['.cnc-card-desc']);
        const where = `${name} ${id}: ${JSON.stringify(card.box)} ${card.text.slice(0, 300)}`;
        expectFirstScreenCard(card, id, where);
        if (['fbi', 'us-treasury', 'europol', 'uk-nca', 'us-doj', 'ofac', 'bitcoin', 'ethereum'].includes(id)) expect(card.text, where).not.toContain('Sanctions');
        await page.keyboard.press('Escape');
        await expect.poll(() => cardView(cr.worker, tabId), { timeout: 5_000 }).toBeNull();
      }
      await page.close();
    }
  });

  it('a tap on a touch screen opens the card (touch pointers skip the hover path); a tap elsewhere closes it', async () => {
    const { page, tabId } = await open('demo-article.html');
    const mark = page.locator('cncmark[data-cnc-entity="wannacry"][tabindex="0"]');
    await mark.waitFor({ timeout: SETTLE_TIMEOUT_MS });
    await mark.scrollIntoViewIfNeeded();
    // Real touch input through the browser's own gesture path (touchstart/touchend -> pointer events with
    // pointerType "touch" -> a tap's click), as on a phone; the persistent context has no hasTouch option.
    const cdp = await cr.context.newCDPSession(page);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
    const tap = async (x: number, y: number): Promise<void> => {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    const pointerTypes = await page.evaluateHandle(() => {
      const seen: string[] = [];
      document.addEventListener('pointerdown', (e) => seen.push(e.pointerType), { capture: true });
      return seen;
    });
    // the middle of the mark's first line box (a mark that wraps has a bounding box wider than its text)
    const at = await mark.evaluate((m) => {
      const r = m.getClientRects()[0]!;
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    await tap(at.x, at.y);
    const card = await settledCard(cr.worker, tabId, 5_000);
    expect(await pointerTypes.evaluate((seen) => seen)).toEqual(['touch']);
    expect(card.entity).toBe('wannacry');
    expect(await mark.getAttribute('aria-expanded')).toBe('true');
    // a tap on plain text away from the mark and the card dismisses it
    const h1 = (await page.locator('h1').first().boundingBox())!;
    await tap(h1.x + 2, h1.y + h1.height / 2);
    await expect.poll(() => cardView(cr.worker, tabId), { timeout: 3_000 }).toBeNull();
    expect(await mark.getAttribute('aria-expanded')).toBe('false');
    await cdp.detach();
    await page.close();
  });

  it('places the card below the mark, flips it above at the bottom edge and keeps it inside the viewport', async () => {
    const { page, tabId } = await open('demo-article.html');
    await page.setViewportSize({ width: 1280, height: 1200 });
    // a mark in the upper part of the viewport: the card goes below it
    const top = page.locator('cncmark[data-cnc-entity="north-korea"][tabindex="0"]');
    await top.waitFor({ timeout: SETTLE_TIMEOUT_MS });
    await page.evaluate(() => window.scrollTo(0, 0));
    await top.focus();
    await page.keyboard.press('Enter');
    let card = await settledCard(cr.worker, tabId);
    expect(card.box.y).toBeGreaterThanOrEqual((await top.boundingBox())!.y + 10);
    await page.keyboard.press('Escape');
    await expect.poll(() => cardView(cr.worker, tabId)).toBeNull();
    // a mark at the very bottom of a short viewport: the card flips above it and stays on screen
    await page.setViewportSize({ width: 1280, height: 700 });
    const mark = page.locator('cncmark[data-cnc-entity="venezuela"][tabindex="0"]');
    await mark.evaluate((m) => m.scrollIntoView({ block: 'end' }));
    await mark.focus();
    await page.keyboard.press('Enter');
    card = await settledCard(cr.worker, tabId);
    const m = (await mark.boundingBox())!;
    expect(card.box.y + card.box.height).toBeLessThanOrEqual(m.y);
    expect(card.box.y).toBeGreaterThanOrEqual(0);
    await page.close();
  });

  it('opens the card from the keyboard (focus + Enter) and Escape closes it and returns focus to the mark', async () => {
    const { page, tabId } = await open('bridge-hack.html');
    const mark = page.locator('cncmark[data-cnc-entity="lazarus-group"][tabindex="0"]');
    await mark.waitFor({ timeout: SETTLE_TIMEOUT_MS });
    await mark.focus();
    await page.keyboard.press('Enter');
    let card = await settledCard(cr.worker, tabId);
    expect(card.entity).toBe('lazarus-group');
    expect(card.title).toBe('Lazarus Group');
    // focus moved into the card (no trap: it is an ordinary non-modal dialog)
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-cnc-ui'))).toBe(true);
    expect(card.focus?.cls).toContain('cnc-card');
    await page.keyboard.press('Escape');
    await expect.poll(() => cardView(cr.worker, tabId), { timeout: 3_000 }).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-cnc-entity'))).toBe('lazarus-group');
    // Tab walks through the card's controls and then back to the mark (the page continues from there)
    await page.keyboard.press('Enter');
    card = await settledCard(cr.worker, tabId);
    const controls = card.links.length + Object.keys(card.buttons).length;
    for (let i = 0; i < controls; i++) {
      await page.keyboard.press('Tab'); // from the dialog itself through each control...
      expect((await cardView(cr.worker, tabId))?.focus?.tag).toMatch(/^(a|button)$/);
    }
    await page.keyboard.press('Tab'); // ...then out
    await expect.poll(() => cardView(cr.worker, tabId), { timeout: 3_000 }).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-cnc-entity'))).toBe('lazarus-group');
    await page.close();
  });

  it('the card has no accessibility violations (axe-core), light and dark, first screen and "More"', async () => {
    for (const [name, scheme, theme] of [
      ['demo-article.html', 'light', 'light'],
      ['ransomware.html', 'light', 'dark'], // a dark page
      ['bridge-hack.html', 'dark', 'light'], // a light page, system theme dark
    ] as const) {
      const { page, tabId } = await open(name);
      await page.emulateMedia({ colorScheme: scheme });
      const mark = page.locator('cncmark[tabindex="0"]').first();
      await mark.waitFor({ timeout: SETTLE_TIMEOUT_MS });
      await mark.focus();
      await page.keyboard.press('Enter');
      let card = await settledCard(cr.worker, tabId);
      expect(card.theme, name).toBe(theme);
      // axe really reaches into the card: its rules ran on the card's nodes
      const first = await axeOnCard(page, AXE_PATH);
      expect(first.passed, name).toEqual(expect.arrayContaining(['button-name', 'aria-dialog-name', 'heading-order']));
      expect(first.violations, `${name} first screen`).toEqual([]);
      await page.mouse.click(card.buttons.More!.x, card.buttons.More!.y);
      await expect.poll(async () => (await cardView(cr.worker, tabId))?.buttons.Less, { timeout: 5_000 }).toBeTruthy();
      card = await settledCard(cr.worker, tabId);
      expect((await axeOnCard(page, AXE_PATH)).violations, `${name} more`).toEqual([]);
      const marks = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string }[] }> } }).axe;
        const r = await axe.run({ include: [['cncmark']] }, { resultTypes: ['violations'], rules: { region: { enabled: false } } });
        return r.violations.map((v) => v.id);
      });
      expect(marks).toEqual([]);
      await page.screenshot({ path: screenshotPath(`annotations-chromium-card-${theme}-page-system-${scheme}.png`) });
      await page.close();
    }
  });

  it('the card takes the page\'s background, not the system theme: light on a white page with a dark system, dark on a dark page with a light system', async () => {
    for (const [name, scheme, theme] of [
      ['bridge-hack.html', 'dark', 'light'],
      ['dark-article.html', 'light', 'dark'],
    ] as const) {
      const { page, tabId } = await open(name);
      await page.emulateMedia({ colorScheme: scheme });
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
      await page.focus('cncmark[data-cnc-entity="lazarus-group"][tabindex="0"]');
      await page.keyboard.press('Enter');
      const card = await settledCard(cr.worker, tabId);
      expect(card.theme).toBe(theme);
      const [r, g, b] = card.style.background.match(/\d+/g)!.map(Number);
      const light = (r! + g! + b!) / 3 > 128;
      expect(light, card.style.background).toBe(theme === 'light');
      await page.close();
    }
  });

  it('marks inside links: Tab reaches the mark after its link, Enter on the mark opens the card (with "Open link"), Enter on the link still follows it', async () => {
    const { page, tabId, url } = await open('link-marks.html');
    const mark = page.locator('#tornado-link cncmark[data-cnc-entity="tornado-cash"]');
    await mark.waitFor({ timeout: SETTLE_TIMEOUT_MS });
    expect(await mark.getAttribute('tabindex')).toBe('0');
    expect(await mark.getAttribute('role')).toBe('button');
    expect(await mark.getAttribute('aria-label')).toBeNull(); // named by its text: the link keeps its own name
    expect(await page.$eval('#tornado-link', (a) => (a as HTMLAnchorElement).href)).toBe('https://example.org/tornado');
    await page.focus('#tornado-link');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-cnc-entity'))).toBe('tornado-cash');
    await page.keyboard.press('Enter');
    const card = await settledCard(cr.worker, tabId);
    expect(card.entity).toBe('tornado-cash');
    expect(page.url()).toBe(url);
    const openLink = card.links.find((a) => a.text === 'Open link');
    expect(openLink?.href).toBe('https://example.org/tornado');
    await page.keyboard.press('Escape');
    await expect.poll(() => cardView(cr.worker, tabId)).toBeNull();
    // the mark in the other link too; Enter on the link itself follows it
    const lazarus = page.locator('#lazarus-link cncmark[data-cnc-entity="lazarus-group"]');
    expect(await lazarus.getAttribute('tabindex')).toBe('0');
    await page.focus('#lazarus-link');
    await Promise.all([page.waitForURL(server.url('garden.html')), page.keyboard.press('Enter')]);
    await page.close();
  });

});

describe('Chromium with a touch screen (hasTouch, 390x800)', () => {
  it('the first tap on a mark inside a link opens the card and does not follow the link; the card offers "Open link"', async () => {
    const cr = await launchChromiumWithTouch();
    try {
      const page = await cr.context.newPage();
      const url = server.url('link-marks.html');
      await page.goto(url);
      const mark = page.locator('#tornado-link cncmark[data-cnc-entity="tornado-cash"][tabindex="0"]');
      await mark.waitFor({ timeout: SETTLE_TIMEOUT_MS });
      await mark.scrollIntoViewIfNeeded();
      const tabId = await tabOf(cr.worker, page);
      const at = await mark.evaluate((m) => {
        const r = m.getClientRects()[0]!;
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      });
      await page.touchscreen.tap(at.x, at.y);
      const card = await settledCard(cr.worker, tabId);
      expect(card.entity).toBe('tornado-cash');
      expect(card.links.find((a) => a.text === 'Open link')?.href).toBe('https://example.org/tornado');
      // no navigation happened (the link points off this server, so a navigation would change the address)
      await page.waitForTimeout(500);
      expect(page.url()).toBe(url);
      expect(card.box.x).toBeGreaterThanOrEqual(0);
      expect(card.box.x + card.box.width).toBeLessThanOrEqual(390);
      await page.screenshot({ path: screenshotPath('annotations-chromium-card-390-link.png') });
    } finally {
      await cr.close();
    }
  });
});
