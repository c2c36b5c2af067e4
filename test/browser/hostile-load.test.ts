/**
 * Hostile pages in real Chromium (issue 8), part one: pages written to break or overload the content script (XSS
 * payloads, 100,000 nodes, constant mutation, a 5 MB text node, deep nesting and shadow DOM, iframes, editors,
 * right-to-left and CJK text). For each page: nothing of the page runs in our UI (`window.__pwned` stays
 * undefined), no exception escapes, the page keeps working, the extension annotates or skips with a reason the
 * popup can show, and main-thread time stays bounded (figures written to test-output/hostile-cpu.json).
 * Part two, page code against our UI: hostile-page-code.test.ts; shared setup: hostile-harness.ts.
 *
 * One browser for the whole file. Run against a build: CNC_OUT_DIR=.output-hard npx wxt build.
 */
import { describe, expect, it } from 'vitest';
import { screenshotPath } from './harness';
import { cardView, tabOf as tabShowing } from './card-probe';
import {
  annotatedOrExplained,
  CPU_WINDOW_MS,
  cpuReport,
  cr,
  crossServer,
  DANGEROUS,
  expectSafeCard,
  markedEntities,
  MAX_BUSY,
  measureBusy,
  open,
  openCard,
  OUR_MARKS,
  pwned,
  recordBusySince,
  server,
  tabIdOf,
  tabState,
  ticks,
  useHostileBrowser,
  waitForMarks,
  type Metrics,
  type TabState,
} from './hostile-harness';

useHostileBrowser();

describe('hostile pages (real Chromium)', () => {
  it('XSS payloads in names, titles, metadata and javascript: links never run; the card shows text only', async () => {
    const o = await open('xss-names.html');
    const { page } = o;
    await waitForMarks(page, 2);
    expect(await markedEntities(page)).toEqual(expect.arrayContaining(['lazarus-group', 'tornado-cash']));
    // Marks never become keyboard targets inside links (the javascript: link keeps its own behaviour).
    expect(await page.locator(`a[href^="javascript:"] ${OUR_MARKS}[tabindex]`).count()).toBe(0);
    // Every mark's accessible name is plain text that starts with the mark's own text.
    const labels = await page.locator(`${OUR_MARKS}[aria-label]`).evaluateAll((els) => els.map((e) => ({ text: e.textContent ?? '', label: e.getAttribute('aria-label') ?? '' })));
    for (const { text, label } of labels) expect(label.startsWith(text)).toBe(true);

    const card = await openCard(page);
    expectSafeCard(card);
    expect(card.text).toContain('Lazarus Group');

    // The page's own look-alike mark (not ours) opens nothing dangerous either.
    await page.mouse.move(0, 0);
    await page.locator('cncmark:not([data-cnc-mention])').hover();
    await page.waitForTimeout(800);
    const afterSpoof = await cardView(cr.worker, await tabShowing(cr.worker, page), [DANGEROUS]);
    expect(afterSpoof?.visible ?? false).toBe(false);
    expect(afterSpoof?.counts[0] ?? 0).toBe(0);

    // The popup for this tab renders the hostile title and names as text.
    const tabId = await tabIdOf(page);
    const popup = await cr.context.newPage();
    const popupErrors: string[] = [];
    popup.on('pageerror', (e) => popupErrors.push(e.message));
    await popup.goto(`chrome-extension://${cr.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByRole('heading', { level: 1 }).first().waitFor();
    await popup.waitForTimeout(1_000);
    expect(await popup.locator('img[src="x"], svg[onload], script:not([src])').count()).toBe(0);
    expect(await pwned(popup)).toBeUndefined();
    expect(popupErrors).toEqual([]);
    await popup.screenshot({ path: screenshotPath('hostile-xss-popup.png') });
    await popup.close();

    expect(await pwned(page)).toBeUndefined();
    expect(await page.evaluate(() => (window as unknown as { __pageScriptRan?: boolean }).__pageScriptRan)).toBe(true);
    await page.screenshot({ path: screenshotPath('hostile-xss-names.png') });
    await measureBusy(o, 'xss-names (ordinary article, baseline)');
    expect(o.errors).toEqual([]);
    await page.close();
  });

  it('a 100,000-node page: annotated or skipped with a reason, and the main thread stays free', async () => {
    const o = await open('big-dom.html');
    const nodes = await o.page.evaluate(() => (window as unknown as { __nodeCount: number }).__nodeCount);
    expect(nodes).toBeGreaterThanOrEqual(50_000); // elements alone; text nodes double it
    const { marks, state } = await annotatedOrExplained(o.page);
    const busy = await measureBusy(o, 'big-dom (100k nodes), first 3 s after the answer', CPU_WINDOW_MS, `state=${state.state} marks=${marks}`);
    expect(busy).toBeLessThan(MAX_BUSY);
    // once painted, a static page costs nothing
    const steady = await measureBusy(o, 'big-dom (100k nodes), steady state', CPU_WINDOW_MS);
    expect(steady).toBeLessThan(MAX_BUSY / 5);
    expect(o.errors).toEqual([]);
    await o.page.close();
  });

  it('a page that mutates every 10 ms keeps mutating, keeps its marks, and costs bounded CPU', async () => {
    // The same ticker on a page the gate rejects: what the page itself costs on this machine.
    const plain = await open('mutating-plain.html');
    await plain.page.waitForTimeout(1_000);
    const baseline = await measureBusy(plain, 'mutating, same ticker on a page we do not annotate (baseline)');
    expect(await plain.page.locator('cncmark').count()).toBe(0);
    await plain.page.close();

    const o = await open('mutating.html');
    await waitForMarks(o.page, 2);
    const before = await ticks(o.page);
    const busy = await measureBusy(o, 'mutating (every 10 ms), annotated article');
    const after = await ticks(o.page);
    // 3 s at one tick per 10 ms is ~300; a quarter of that proves the page's timer was not starved.
    expect(after - before).toBeGreaterThan(75);
    expect(await o.page.locator(OUR_MARKS).count()).toBeGreaterThanOrEqual(2);
    expect(await markedEntities(o.page)).toContain('lazarus-group');
    // Generous bounds: our share over the baseline, and script time (ours and the page's) per wall time.
    const mine = cpuReport['mutating (every 10 ms), annotated article']!;
    cpuReport['mutating (every 10 ms), annotated article']!.note = `baseline busy ${baseline.toFixed(3)}; difference ${(busy - baseline).toFixed(3)}`;
    expect(busy - baseline).toBeLessThan(MAX_BUSY / 2);
    expect(mine.scriptMs / mine.windowMs).toBeLessThan(MAX_BUSY / 2);
    expect(o.errors).toEqual([]);
    await o.page.close();
  });

  it('a 5 MB single text node: no error, the page stays responsive, the main thread stays free', async () => {
    const o = await open('huge-text.html');
    expect(await o.page.evaluate(() => (window as unknown as { __hugeLength: number }).__hugeLength)).toBe(5_000_000);
    const busy = await measureBusy(o, 'huge-text (5 MB text node)');
    expect(busy).toBeLessThan(MAX_BUSY);
    const t0 = Date.now();
    await o.page.evaluate(() => document.title.length);
    expect(Date.now() - t0).toBeLessThan(1_000);
    expect(o.errors).toEqual([]);
    await o.page.close();
  });

  it('text over the reading limit is skipped with a reason the popup shows, not "analysing" forever, and is not re-read on every ask', async () => {
    const o = await open('huge-text.html');
    await o.page.waitForTimeout(2_000);
    // Once stuck at 'analysing' with a re-read of all 5 MB on every ask; the cost while the popup polls is recorded.
    const before = (await o.cdp.send('Performance.getMetrics')) as Metrics;
    try {
      await annotatedOrExplained(o.page);
    } finally {
      await recordBusySince(o, before, 'huge-text while the popup asks for its state every 0.5 s', 're-read on every ask would show here');
      await o.page.close();
    }
  });

  it('5,000 levels of nesting and shadow DOM: no stack overflow, light DOM annotated, shadow roots untouched', async () => {
    const o = await open('deep-shadow.html');
    await waitForMarks(o.page, 2);
    expect(await markedEntities(o.page)).toContain('lazarus-group');
    const inShadow = await o.page.evaluate(() => {
      const closed = (window as unknown as { __closedShadow: ShadowRoot }).__closedShadow;
      const roots = [document.getElementById('open-host')?.shadowRoot, document.getElementById('declarative-host')?.shadowRoot, closed];
      return roots.map((r) => (r ? r.querySelectorAll('cncmark').length : -1));
    });
    expect(inShadow).toEqual([0, 0, 0]);
    const busy = await measureBusy(o, 'deep-shadow (5,000 levels)');
    expect(busy).toBeLessThan(MAX_BUSY);
    expect(o.errors).toEqual([]);
    await o.page.close();
  });

  it('same- and cross-origin iframes: the top page is annotated, frames are left alone and keep working', async () => {
    const o = await open('iframes.html', { query: `?cross=${crossServer.port}` });
    await waitForMarks(o.page, 2);
    const frames = o.page.frames().filter((f) => f !== o.page.mainFrame());
    expect(frames.length).toBe(2);
    for (const f of frames) {
      await f.waitForLoadState('load');
      expect(await f.evaluate(() => (window as unknown as { __frameScriptRan?: boolean }).__frameScriptRan)).toBe(true);
    }
    expect(frames.map((f) => new URL(f.url()).origin).sort()).toEqual([server.origin, crossServer.origin].sort());
    // The content script runs in the top frame only (no all_frames): no marks and no UI in frames.
    await o.page.waitForTimeout(2_000);
    for (const f of frames) expect(await f.locator('cncmark, div[data-cnc-ui]').count()).toBe(0);
    expect(o.errors).toEqual([]);
    await o.page.close();
  });

  it('contenteditable editors and textareas are never marked, and typing in them still works', async () => {
    const o = await open('contenteditable.html');
    const { page } = o;
    await waitForMarks(page, 2);
    const inEditors = (): Promise<number> => page.locator('#editor cncmark, #editor-empty-attr cncmark, #editor-plain cncmark').count();
    expect(await inEditors()).toBe(0);
    await page.locator('#editor p').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Typed after the Lazarus Group.');
    // give the watcher time to re-read (quiet period + minimum re-read interval)
    await page.waitForTimeout(3_500);
    expect(await page.locator('#editor').innerText()).toContain('Typed after the Lazarus Group.');
    expect(await inEditors()).toBe(0);
    expect(await page.locator('#area').inputValue()).toContain('Textarea: the Lazarus Group');
    expect(await page.locator(OUR_MARKS).count()).toBeGreaterThanOrEqual(2);
    expect(o.errors).toEqual([]);
    await page.close();
  });

  it('an editor whose attribute is written contenteditable="TRUE" is not marked either', async () => {
    const o = await open('contenteditable-case.html');
    await waitForMarks(o.page, 2);
    expect(await o.page.evaluate(() => document.getElementById('editor-upper')!.isContentEditable)).toBe(true);
    expect(await o.page.locator('#editor-upper cncmark').count()).toBe(0);
    await o.page.close();
  });

  it('Arabic, Hebrew and CJK text: marks cover whole names, never split a surrogate pair', async () => {
    const o = await open('rtl-cjk.html');
    await waitForMarks(o.page, 2);
    expect(await markedEntities(o.page)).toContain('lazarus-group');
    const texts = await o.page.locator(OUR_MARKS).evaluateAll((els) => els.map((e) => e.textContent ?? ''));
    for (const t of texts) {
      expect(t.trim()).toBe(t);
      expect(t).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      // a mark is a name in Latin letters here, never a run of Arabic, Hebrew or CJK text
      expect(t).not.toMatch(/[\u0590-\u06FF\u3040-\u30FF\u4E00-\u9FFF]/);
    }
    // Only the first mention is marked (density 'first'); the analysis must still find the name in the
    // Arabic, Hebrew, Japanese, Chinese (no space around the name) and English paragraphs.
    const state = (await tabState(await tabIdOf(o.page))) as TabState & { analysis?: { entities: { id: string; mentions: { text: string }[] }[] } };
    expect(state.state).toBe('results');
    const lazarus = state.analysis?.entities.find((e) => e.id === 'lazarus-group');
    expect(lazarus?.mentions.every((m) => m.text === 'Lazarus Group')).toBe(true);
    expect(lazarus?.mentions.length ?? 0).toBeGreaterThanOrEqual(5);
    await o.page.screenshot({ path: screenshotPath('hostile-rtl-cjk.png') });
    expect(o.errors).toEqual([]);
    await o.page.close();
  });

});
