/**
 * In-page annotations in real browsers, the marks: the built extension marks the entities of crypto-security
 * articles and nothing on other pages, across inline boundaries but never in code or editors, turning annotations
 * off gives back the page exactly as it was, late content and SPA navigation, forced colours, no layout shift,
 * "Not this?", the popup's scroll to a mark. The cards in Chromium: annotations-cards.test.ts; marks and cards in
 * Firefox ESR: annotations-firefox.test.ts; shared setup: annotations-harness.ts.
 *
 * Baselines (the page without the extension) come from a plain Chromium without the extension.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_QUIET_ARGS, chromiumPath, screenshotPath } from './harness';
import { cardView, settledCard } from './card-probe';
import {
  baseline,
  cr,
  errors,
  EXPECTED,
  expectInViewport,
  fromPopup,
  markedIds,
  NEGATIVES,
  open,
  serialise,
  server,
  SETTLE_TIMEOUT_MS,
  useChromium,
  useFixtureServer,
} from './annotations-harness';

useFixtureServer({ baselines: true });

describe('Chromium', () => {
  useChromium();

  for (const [name, ids] of Object.entries(EXPECTED)) {
    it(`marks exactly the expected entities on ${name}, and the page text stays the same`, async () => {
      const { page } = await open(name);
      await page.waitForSelector('cncmark[data-cnc-entity]', { timeout: SETTLE_TIMEOUT_MS });
      expect(await markedIds(page)).toEqual(ids);
      // first mention only (the default): one focusable mark per entity
      const focusable = await page.$$eval('cncmark[tabindex="0"]', (els) => els.map((e) => e.getAttribute('data-cnc-entity')));
      expect(new Set(focusable).size).toBe(focusable.length);
      for (const m of await page.$$('cncmark[tabindex="0"]')) {
        expect(await m.getAttribute('role')).toBe('button');
        expect(await m.getAttribute('aria-haspopup')).toBe('dialog');
        expect(await m.getAttribute('aria-label')).toBeTruthy();
      }
      expect((await serialise(page)).text).toBe(baseline.get(name)!.text);
      if (name === 'demo-article.html') await page.screenshot({ path: screenshotPath('annotations-chromium-demo-article.png') });
      await page.close();
    });
  }

  for (const name of NEGATIVES) {
    it(`marks nothing on ${name}`, async () => {
      const { page } = await open(name);
      expect(await page.$$('cncmark')).toHaveLength(0);
      expect(await page.$$('div[data-cnc-ui]')).toHaveLength(0);
      expect((await serialise(page)).html).toBe(baseline.get(name)!.html);
      await page.close();
    });
  }

  it('marks mentions across <em>/<a>/<strong> boundaries, never inside code, pre, textarea or contenteditable', async () => {
    const { page } = await open('trap-boundaries.html');
    await page.waitForSelector('cncmark[data-cnc-entity]', { timeout: SETTLE_TIMEOUT_MS });
    const marks = await page.$$eval('cncmark', (els) =>
      els.map((e) => ({ id: e.getAttribute('data-cnc-entity'), mention: e.getAttribute('data-cnc-mention'), text: e.textContent, parent: e.parentElement!.tagName })),
    );
    const lazarus = marks.filter((m) => m.id === 'lazarus-group');
    expect(lazarus.map((m) => [m.text, m.parent])).toEqual([
      ['Lazarus', 'EM'],
      ['Group', 'A'],
    ]);
    expect(new Set(lazarus.map((m) => m.mention)).size).toBe(1);
    const tornado = marks.filter((m) => m.id === 'tornado-cash');
    expect(tornado.map((m) => [m.text, m.parent])).toEqual([
      ['Tornado', 'A'],
      ['Cash', 'STRONG'],
    ]);
    // the FBI is named only inside <pre>: not marked at all
    expect(await markedIds(page)).toEqual(['bitcoin', 'ethereum', 'lazarus-group', 'north-korea', 'tornado-cash', 'us-treasury']);
    const inside = await page.$$eval('cncmark', (els) =>
      els.filter((e) => e.closest('code, pre, textarea, [contenteditable="true"], script, style')).length,
    );
    expect(inside).toBe(0);
    expect((await serialise(page)).text).toBe(baseline.get('trap-boundaries.html')!.text);
    await page.close();
  });


  it('turning annotations off restores the page exactly; turning them on marks it again', async () => {
    const { page, tabId } = await open('demo-article.html');
    await page.waitForSelector('cncmark[data-cnc-entity]', { timeout: SETTLE_TIMEOUT_MS });
    // open a card once, so that our UI host exists too
    await page.locator('cncmark[tabindex="0"]').first().focus();
    await page.keyboard.press('Enter');
    await settledCard(cr.worker, tabId);
    const off = await fromPopup<{ ok: boolean; show: boolean }>({ type: 'popup/toggle-annotations', tabId, on: false });
    expect(off).toEqual({ ok: true, show: false });
    await expect.poll(() => page.$$('cncmark').then((l) => l.length)).toBe(0);
    const after = await serialise(page);
    expect(after.html).toBe(baseline.get('demo-article.html')!.html);
    expect(after.text).toBe(baseline.get('demo-article.html')!.text);
    const on = await fromPopup<{ ok: boolean; show: boolean }>({ type: 'popup/toggle-annotations', tabId });
    expect(on).toEqual({ ok: true, show: true });
    await page.waitForSelector('cncmark[data-cnc-entity]', { timeout: SETTLE_TIMEOUT_MS });
    expect(await markedIds(page)).toEqual(EXPECTED['demo-article.html']);
    await page.close();
  });

  it('the popup gets the tab state, looks up the KB and scrolls to an entity', async () => {
    const { page, tabId } = await open('demo-article.html');
    await page.waitForSelector('cncmark[data-cnc-entity]', { timeout: SETTLE_TIMEOUT_MS });
    const state = await fromPopup<{ state: string; analysis?: { entities: { id: string }[] }; annotationsShown?: boolean }>({
      type: 'popup/get-tab-analysis',
      tabId,
    });
    expect(state.state).toBe('results');
    expect(state.annotationsShown).toBe(true);
    expect(state.analysis!.entities.map((e) => e.id)).toEqual(expect.arrayContaining(EXPECTED['demo-article.html']!));
    const results = await fromPopup<{ entity: { id: string } }[]>({ type: 'popup/lookup', query: 'APT38' });
    expect(results[0]!.entity.id).toBe('apt38');
    const badge = await cr.worker.evaluate((t) => chrome.action.getBadgeText({ tabId: t }), tabId);
    expect(Number(badge)).toBe(EXPECTED['demo-article.html']!.length);
    // the article went into the local reading history (on by default), with the entities it names
    const history = await cr.worker.evaluate(async () => (await chrome.storage.local.get('history.v2'))['history.v2'] as { url: string; entityIds: string[] }[]);
    const entry = history.find((h) => h.url === server.url('demo-article.html'));
    expect(entry?.entityIds).toEqual(expect.arrayContaining(['reconnaissance-general-bureau', 'fbi']));
    // the "Look up" context-menu item exists (update() rejects for an unknown id)
    await expect(cr.worker.evaluate(() => chrome.contextMenus.update('cnc-lookup-selection', {}).then(() => 'ok'))).resolves.toBe('ok');
    const popup = await cr.context.newPage();
    await popup.goto(`chrome-extension://${cr.extensionId}/popup.html`);
    const scrolled = await popup.evaluate(
      (t) => chrome.tabs.sendMessage(t, { type: 'popup/scroll-to-entity', id: 'venezuela' }, { frameId: 0 }),
      tabId,
    );
    expect(scrolled).toEqual({ ok: true });
    await popup.close();
    // the card opens once the smooth scroll has settled (up to 1.5 s), inside the viewport
    await expect.poll(async () => (await cardView(cr.worker, tabId))?.entity, { timeout: 10_000 }).toBe('venezuela');
    expectInViewport(await settledCard(cr.worker, tabId));
    await page.close();
  });

  it('a page on the negative list of the gate is reported as not crypto-security', async () => {
    const { tabId, page } = await open('garden.html');
    const state = await fromPopup<{ state: string; reasons?: string[] }>({ type: 'popup/get-tab-analysis', tabId });
    expect(state.state).toBe('not-crypto-security');
    expect(state.reasons?.length).toBeGreaterThan(0);
    await page.close();
  });

  it('marks content that arrives late, and takes the marks away after SPA navigation to another page', async () => {
    const page = await cr.context.newPage();
    page.on('pageerror', (e) => errors.push(`late-content: ${e.message}`));
    await page.goto(server.url('late-content.html'));
    await page.waitForSelector('cncmark[data-cnc-entity="lazarus-group"]', { timeout: SETTLE_TIMEOUT_MS });
    await page.click('#spa-link');
    await expect.poll(() => page.$$('cncmark').then((l) => l.length), { timeout: SETTLE_TIMEOUT_MS }).toBe(0);
    await page.close();
  });

  it('in forced-colors mode marks use system colours and keep their size', async () => {
    const { page } = await open('demo-article.html');
    await page.waitForSelector('cncmark[data-cnc-entity]', { timeout: SETTLE_TIMEOUT_MS });
    const sizeBefore = await page.evaluate(() => document.body.getBoundingClientRect().height);
    await page.emulateMedia({ forcedColors: 'active' });
    const style = await page.$eval('cncmark[data-cnc-entity]', (m) => {
      const s = getComputedStyle(m);
      return { bg: s.backgroundColor, line: s.textDecorationLine, padding: s.padding, margin: s.margin, border: s.borderTopWidth };
    });
    expect(style.bg).toMatch(/^rgba\(\d+, \d+, \d+, 0\)$/); // no tint: the system colours decide
    expect(style.line).toBe('underline');
    expect([style.padding, style.margin, style.border]).toEqual(['0px', '0px', '0px']);
    expect(await page.evaluate(() => document.body.getBoundingClientRect().height)).toBe(sizeBefore);
    await page.screenshot({ path: screenshotPath('annotations-chromium-forced-colors.png') });
    await page.close();
  });

  it('annotating shifts no layout: every element keeps its box', async () => {
    const plain: Browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_QUIET_ARGS });
    const boxes = (p: Page) =>
      p.$$eval('article p, article h1', (els) => els.map((e) => { const r = e.getBoundingClientRect(); return [Math.round(r.top), Math.round(r.height)]; }));
    try {
      const ref = await plain.newPage({ viewport: { width: 1280, height: 900 } });
      await ref.goto(server.url('demo-article.html'));
      const expected = await boxes(ref);
      const { page } = await open('demo-article.html');
      await page.waitForSelector('cncmark[data-cnc-entity]', { timeout: SETTLE_TIMEOUT_MS });
      expect(await boxes(page)).toEqual(expected);
      await page.close();
    } finally {
      await plain.close();
    }
  });

  // Last of the Chromium page tests: muting changes the settings for 127.0.0.1, which every fixture shares.
  it('"Not this?" mutes the entity on this site: its mark goes away at once', async () => {
    const { page, tabId } = await open('ransomware.html');
    const mark = page.locator('cncmark[data-cnc-entity="europol"][tabindex="0"]');
    await mark.waitFor({ timeout: SETTLE_TIMEOUT_MS });
    await mark.focus();
    await page.keyboard.press('Enter');
    const card = await settledCard(cr.worker, tabId);
    const at = card.buttons["Don't mark on this site"]!;
    await page.mouse.click(at.x, at.y); // real input: a synthetic click does nothing
    await expect.poll(() => cardView(cr.worker, tabId), { timeout: 5_000 }).toBeNull();
    await expect.poll(() => page.$$('cncmark[data-cnc-entity="europol"]').then((l) => l.length), { timeout: 5_000 }).toBe(0);
    expect(await markedIds(page)).toEqual(EXPECTED['ransomware.html']!.filter((id) => id !== 'europol'));
    await page.close();
  });

  it('logged no errors in pages or the background', () => {
    expect(errors).toEqual([]);
  });
});
