/**
 * Hostile pages in real Chromium (issue 8), part two: page code against our UI. A page that overwrites built-ins,
 * pollutes Object.prototype, registers custom elements under our names, forges our marks, scripts at our card or
 * covers it: none of it reaches the content script or the card. Part one (pages that break or overload the
 * content script): hostile-load.test.ts; shared setup: hostile-harness.ts.
 *
 * One browser for the whole file. Run against a build: CNC_OUT_DIR=.output-hard npx wxt build.
 */
import { describe, expect, it } from 'vitest';
import { screenshotPath } from './harness';
import { cardView, settledCard, tabOf as tabShowing } from './card-probe';
import { ANNOTATE_TIMEOUT_MS, cr, expectSafeCard, markedEntities, open, openCard, OUR_MARKS, pwned, useHostileBrowser, waitForMarks } from './hostile-harness';

useHostileBrowser();

describe('hostile pages (real Chromium)', () => {
  it('a page that overwrites built-ins and pollutes Object.prototype does not reach the content script', async () => {
    // This page breaks Promise.prototype.then in its own world: it is read through locators only
    // (Playwright's utility world), never page.evaluate.
    const o = await open('builtins.html');
    const { page } = o;
    await waitForMarks(page, 2);
    expect(await markedEntities(page)).toContain('lazarus-group');
    const card = await openCard(page);
    expectSafeCard(card);
    expect(card.text).toContain('Lazarus Group');
    expect(await page.locator('html').getAttribute('data-page-works')).toBe('2,4,6');
    expect(await page.locator('html').getAttribute('data-pwned')).toBeNull();
    expect(o.errors).toEqual([]);
    await page.close();
  });

  it('a page that registers custom elements under guessable names (cnc-ui) cannot take over our UI host: the card still opens, no page code runs in it', async () => {
    const o = await open('custom-elements.html');
    const { page } = o;
    await waitForMarks(page, 2);
    await page.locator(`${OUR_MARKS}[tabindex]`).first().hover();
    await page.waitForTimeout(1_500);
    // Observed: the content script throws "Shadow root cannot be created on a host which already hosts a
    // shadow tree", the page's constructor ran on our host and its <img onerror> set window.__pwned.
    expect(o.ourErrors()).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __uiConstructed: number }).__uiConstructed)).toBe(0);
    expect(await pwned(page)).toBeUndefined();
    expectSafeCard(await openCard(page));
    await page.close();
  });

  it('a page that registers custom elements (cnc-mark) or tries our mark tag gets no callback on our marks', async () => {
    const o = await open('custom-elements.html');
    const { page } = o;
    await waitForMarks(page, 2);
    expect(await page.evaluate(() => (window as unknown as { __markCallbacks: number }).__markCallbacks)).toBe(0);
    expect(await page.locator('cncmark[data-page-touched]').count()).toBe(0);
    // the page tried to register our mark tag too: the browser refuses names without a hyphen
    expect(await page.evaluate(() => (window as unknown as { __ourTagRefused?: boolean }).__ourTagRefused)).toBe(true);
    await page.close();
  });

  it('a page-made look-alike mark (same tag and attributes) does not open our card', async () => {
    const o = await open('spoof-mark.html');
    const { page } = o;
    await expect.poll(() => page.locator('cncmark:not(#spoof)[data-cnc-entity]').count(), { timeout: ANNOTATE_TIMEOUT_MS }).toBeGreaterThan(0);
    await page.mouse.move(0, 0);
    await page.locator('#spoof').hover();
    await page.waitForTimeout(1_500);
    // Observed: our card opens, titled "SEND YOUR COINS TO 0xdead TO RECOVER THEM" ("No details in the knowledge base").
    const view = await cardView(cr.worker, await tabShowing(cr.worker, page));
    expect(view?.visible ?? false).toBe(false);
    expect(view?.text ?? '').not.toContain('SEND YOUR COINS');
    await page.close();
  });

  for (const variant of ['csp-meta.html', 'csp-header.html']) {
    it(`a strict CSP (${variant === 'csp-meta.html' ? '<meta>' : 'response header'}: default-src 'none'; style-src 'none'): marks and card are styled, no violation caused by us`, async () => {
      const o = await open(variant, {
        initScript: `window.__violations = []; document.addEventListener('securitypolicyviolation', function (e) { window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || '')); });`,
      });
      const { page } = o;
      // CSP is in force: the page's own inline script was blocked
      expect(await page.evaluate(() => (window as unknown as { __pageScriptRan?: boolean }).__pageScriptRan)).toBeUndefined();
      await waitForMarks(page, 2);
      const bg = await page.locator(OUR_MARKS).first().evaluate((e) => getComputedStyle(e).backgroundColor);
      expect(bg).not.toBe('rgba(0, 0, 0, 0)');
      const card = await openCard(page);
      expectSafeCard(card);
      const cardStyle = { bg: card.view.style.background, pad: card.view.style.paddingTop };
      // styled by our sheet (an unstyled div is transparent with no padding)
      expect(cardStyle.bg === 'rgba(0, 0, 0, 0)' && cardStyle.pad === '0px').toBe(false);
      const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
      expect(violations.filter((v) => !/inline/.test(v) || /chrome-extension:/.test(v))).toEqual([]);
      // the page's own blocked inline script is the only expected report
      expect(violations.length).toBeLessThanOrEqual(1);
      // CSP reports the blocked inline script on the console: that is the page's, not ours
      expect(o.ourErrors()).toEqual([]);
      expect(o.errors.filter((e) => !/Content Security Policy/.test(e))).toEqual([]);
      await page.close();
    });
  }

  // Issue 16: the page can neither read nor steer our card. Last in the file: it leaves the card closed
  // and changes no setting (the real click it makes is on "Close", not on "Don't mark on this site").
  it('the page cannot read or change what the card shows, nor open it or press its buttons from script', async () => {
    // its own address: the probe finds the tab by it
    const o = await open('spoof-mark.html', { query: '?steer' });
    const { page } = o;
    await waitForMarks(page, 2);
    const tab = await tabShowing(cr.worker, page);
    const ours = page.locator(`${OUR_MARKS}[data-cnc-entity="lazarus-group"][tabindex]`);
    const first = await openCard(page, ours);
    expect(first.view.title).toBe('Lazarus Group');

    // Closed root: the page sees the host and nothing in it; no attribute it can read carries the theme or delay.
    const seen = await page.evaluate(() => {
      const host = document.querySelector('div[data-cnc-ui]')!;
      const attrs = [...document.querySelectorAll('div[data-cnc-ui], cncmark')].flatMap((el) => [...el.attributes].map((a) => `${a.name}=${a.value}`));
      return { root: host.shadowRoot, inner: host.innerHTML, names: host.getAttributeNames().sort(), attrs };
    });
    expect(seen.root).toBeNull();
    expect(seen.inner).toBe('');
    expect(seen.names).toEqual(['data-cnc-ui', 'popover', 'style']);
    // (the host's style is ours and the same for every reader: `all: initial`, whose expansion names
    // properties such as interest-delay, and the host's box)
    for (const a of seen.attrs.filter((x) => !x.startsWith('style='))) expect(a).not.toMatch(/theme|\bdark\b|\blight\b|delay|dwell/i);

    // The page points our mark at another entity (the look-alike's): the card still shows what the
    // background says about the entity we marked. (A page that also rewrites the mark's text gets the same
    // card until the re-read takes the mark away: test/unit/annotate/card-controller.test.ts.)
    await page.keyboard.press('Escape');
    await page.mouse.move(0, 0);
    const mention = (await ours.getAttribute('data-cnc-mention'))!;
    await ours.evaluate((el) => el.setAttribute('data-cnc-entity', 'no-such-entity'));
    const box = (await page.locator(`${OUR_MARKS}[data-cnc-mention="${mention}"]`).boundingBox())!;
    await page.mouse.move(box.x + 5, box.y + box.height / 2);
    const forged = await settledCard(cr.worker, tab);
    expect(forged.entity).toBe('lazarus-group');
    expect(forged.title).toBe('Lazarus Group');
    expect(forged.text).not.toContain('SEND YOUR COINS');

    // Synthetic events on the card: through its host, all the page can reach (elementFromPoint and event
    // targets give the host, never what is inside), at the points of its buttons and anywhere else.
    const close = forged.buttons['Close']!;
    const mute = forged.buttons["Don't mark on this site"]!;
    expect(mute).toBeTruthy();
    await page.evaluate(
      (points) => {
        const host = document.querySelector<HTMLElement>('div[data-cnc-ui]')!;
        for (const p of points) {
          const hit = (document.elementFromPoint(p.x, p.y) as HTMLElement | null) ?? host;
          for (const el of new Set([hit, host])) {
            el.click();
            el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: p.x, clientY: p.y }));
            el.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true, clientX: p.x, clientY: p.y }));
          }
        }
        host.focus();
        for (const key of ['Enter', ' ', 'Escape']) host.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
        document.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, clientX: 1, clientY: 1 }));
      },
      [close, mute],
    );
    await page.waitForTimeout(1_500);
    const after = await cardView(cr.worker, tab);
    expect(after?.visible).toBe(true); // neither Close, nor Escape, nor a click outside took effect
    expect(await page.locator(`${OUR_MARKS}[data-cnc-mention="${mention}"]`).count()).toBe(1); // not muted
    // the same button pressed for real works
    await page.mouse.move(close.x, close.y);
    await page.mouse.down();
    await page.mouse.up();
    await expect.poll(async () => (await cardView(cr.worker, tab))?.visible ?? false, { timeout: 3_000 }).toBe(false);

    // Synthetic clicks, keys and hovers on a mark open nothing.
    await page.mouse.move(0, 0);
    await page.evaluate(() => {
      const mark = document.querySelector<HTMLElement>('cncmark[data-cnc-mention][tabindex]')!;
      mark.click();
      mark.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      mark.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, pointerType: 'mouse' }));
      mark.focus();
      mark.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    await page.waitForTimeout(1_500);
    expect((await cardView(cr.worker, tab))?.visible ?? false).toBe(false);
    expect(await page.locator(`${OUR_MARKS}[aria-expanded="true"]`).count()).toBe(0);
    expect(o.ourErrors()).toEqual([]);
    await page.close();
  });

  it('a page overlay at z-index 2147483647, added after our card, does not cover it (top layer)', async () => {
    const o = await open('spoof-mark.html', { query: '?overlay' });
    const { page } = o;
    await waitForMarks(page, 2);
    const tab = await tabShowing(cr.worker, page);
    expect(await page.evaluate(() => typeof HTMLElement.prototype.showPopover)).toBe('function');
    const { view } = await openCard(page, page.locator(`${OUR_MARKS}:not(#spoof)[tabindex]`).first());
    // keep the card open: the pointer rests on it
    const cx = view.box.x + view.box.width / 2;
    const cy = view.box.y + Math.min(view.box.height / 2, 40);
    await page.mouse.move(cx, cy);
    const hit = await page.evaluate(
      ([x, y]) => {
        const overlay = document.createElement('div');
        overlay.id = 'overlay';
        overlay.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:rgba(200,0,0,.5)';
        document.documentElement.appendChild(overlay); // after our host, at the same z-index
        const at = document.elementFromPoint(x!, y!);
        const host = document.querySelector('div[data-cnc-ui]');
        return { top: at?.hasAttribute('data-cnc-ui') ?? false, id: at?.id ?? '', inTopLayer: host?.matches(':popover-open') ?? `no host; ${at?.outerHTML.slice(0, 80)} ${document.querySelectorAll('[popover]').length}` };
      },
      [cx, cy],
    );
    expect(hit).toEqual({ top: true, id: '', inTopLayer: true });
    await page.waitForTimeout(800); // longer than the close grace: the pointer is still over the card
    expect((await cardView(cr.worker, tab))?.visible).toBe(true);
    await page.screenshot({ path: screenshotPath('hostile-overlay-card.png') });
    expect(o.ourErrors()).toEqual([]);
    await page.close();
  });
});
