/**
 * Hostile pages in real Chromium (issue 8): pages written to break or abuse the content script.
 *
 * Every page is served from 127.0.0.1 by a tiny server in this file (it can add a strict CSP response
 * header; a second instance on another port is the cross-origin iframe). For each page: nothing of the
 * page runs in our UI (`window.__pwned` stays undefined), no exception escapes (uncaught exceptions of
 * EVERY world, including the content script's, through a CDP session), the page keeps working, the
 * extension annotates or skips with a reason the popup can show, and main-thread time stays bounded
 * (CDP Performance.getMetrics; figures written to test-output/hostile-cpu.json).
 *
 * One browser for the whole file. Run against a build: CNC_OUT_DIR=.output-hard npx wxt build.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import type { CDPSession, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, launchChromium, pageStatus, screenshotPath, type ChromiumWithExtension } from './harness';
import { cardView, settledCard, tabOf as tabShowing } from './card-probe';

const HOSTILE = join(ROOT, 'test/fixtures/hostile');
const STRICT_CSP = "default-src 'none'; style-src 'none'";
/** Generous: a page that mutates every 10 ms plus our work must leave the main thread mostly idle. */
const MAX_BUSY = 0.5;
/** How long main-thread time is sampled on each page. */
const CPU_WINDOW_MS = 3_000;
/** Annotation of one page (gate, read, background analysis, paint) must finish within this. */
const ANNOTATE_TIMEOUT_MS = 20_000;

// ---------------------------------------------------------------------------------------------------
// A tiny static server for the hostile fixtures (only files inside HOSTILE; CSP header on request)

interface HostileServer {
  origin: string;
  port: number;
  url(path: string): string;
  close(): Promise<void>;
}

async function startHostileServer(): Promise<HostileServer> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const file = normalize(join(HOSTILE, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(HOSTILE) || !existsSync(file) || extname(file) !== '.html') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
    if (path.endsWith('/csp-header.html')) headers['content-security-policy'] = STRICT_CSP;
    res.writeHead(200, headers).end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    url: (p) => `${origin}/${p.replace(/^\//, '')}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

// ---------------------------------------------------------------------------------------------------
// Per-page instrumentation

interface Opened {
  page: Page;
  cdp: CDPSession;
  /** uncaught exceptions (any world) and console errors, page and extension alike */
  errors: string[];
  /** errors whose stack or URL points at the extension */
  ourErrors: () => string[];
}

const cpuReport: Record<string, { busy: number; scriptMs: number; taskMs: number; windowMs: number; note?: string }> = {};

let cr: ChromiumWithExtension;
let server: HostileServer;
let crossServer: HostileServer;
/** An extension page used to ask the background what it knows about a tab. */
let extPage: Page;

/** Requests from the page to itself that Chromium makes on its own and that may 404. */
const BENIGN = /favicon\.ico/;

async function open(name: string, opts: { query?: string; initScript?: string } = {}): Promise<Opened> {
  const page = await cr.context.newPage();
  const cdp = await cr.context.newCDPSession(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !BENIGN.test(`${m.text()} ${m.location().url}`)) errors.push(`console: ${m.text()} @ ${m.location().url}`);
  });
  cdp.on('Runtime.exceptionThrown', (e: { exceptionDetails: { text: string; url?: string; exception?: { description?: string }; stackTrace?: { callFrames: { url: string }[] } } }) => {
    const d = e.exceptionDetails;
    const where = [d.url ?? '', ...(d.stackTrace?.callFrames ?? []).map((f) => f.url)].join(' ');
    errors.push(`exception: ${d.exception?.description ?? d.text} @ ${where}`);
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Performance.enable');
  if (opts.initScript) await page.addInitScript(opts.initScript);
  await page.goto(`${server.url(name)}${opts.query ?? ''}`, { waitUntil: 'load' });
  const ext = `chrome-extension://${cr.extensionId}`;
  return { page, cdp, errors, ourErrors: () => errors.filter((e) => e.includes(ext) || e.includes('content.js') || e.includes('annotator.js')) };
}

/** Our marks (the page may make its own <cncmark> elements: ours carry data-cnc-mention). */
const OUR_MARKS = 'cncmark[data-cnc-entity][data-cnc-mention]';

async function waitForMarks(page: Page, min = 1): Promise<number> {
  await expect.poll(() => page.locator(OUR_MARKS).count(), { timeout: ANNOTATE_TIMEOUT_MS, interval: 250 }).toBeGreaterThanOrEqual(min);
  return page.locator(OUR_MARKS).count();
}

/** Read through locators (Playwright's utility world): some pages break their own world's built-ins. */
async function markedEntities(page: Page): Promise<string[]> {
  const marks = page.locator(OUR_MARKS);
  const ids = new Set<string>();
  for (let i = 0, n = await marks.count(); i < n && i < 200; i++) ids.add((await marks.nth(i).getAttribute('data-cnc-entity')) ?? '');
  return [...ids].sort();
}

type Metrics = { metrics: { name: string; value: number }[] };
const metric = (m: Metrics, k: string): number => m.metrics.find((x) => x.name === k)?.value ?? 0;

/** Records the main-thread busy fraction of the page's renderer since `a` (TaskDuration / wall time). */
async function recordBusySince(o: Opened, a: Metrics, name: string, note?: string): Promise<number> {
  const b = (await o.cdp.send('Performance.getMetrics')) as Metrics;
  const wall = metric(b, 'Timestamp') - metric(a, 'Timestamp');
  const task = metric(b, 'TaskDuration') - metric(a, 'TaskDuration');
  const script = metric(b, 'ScriptDuration') - metric(a, 'ScriptDuration');
  const busy = wall > 0 ? task / wall : 1;
  cpuReport[name] = { busy: Math.round(busy * 1000) / 1000, scriptMs: Math.round(script * 1000), taskMs: Math.round(task * 1000), windowMs: Math.round(wall * 1000), ...(note ? { note } : {}) };
  return busy;
}

/** Main-thread busy fraction of the page's renderer over `ms`. */
async function measureBusy(o: Opened, name: string, ms = CPU_WINDOW_MS, note?: string): Promise<number> {
  const a = (await o.cdp.send('Performance.getMetrics')) as Metrics;
  await o.page.waitForTimeout(ms);
  return recordBusySince(o, a, name, note);
}

/** The tab id of a page: asks every tab's content script for its status from the service worker. */
async function tabIdOf(page: Page): Promise<number> {
  const want = page.url().replace(/#.*$/, '');
  let id: number | null = null;
  await expect
    .poll(
      async () => {
        const ids = await cr.worker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id ?? -1).filter((t) => t >= 0));
        id = null;
        for (const t of ids) if ((await pageStatus(cr.worker, t))?.url === want) return (id = t);
        return id;
      },
      { timeout: 10_000, interval: 250 },
    )
    .not.toBeNull();
  return id!;
}

interface TabState {
  state: string;
  reasons?: string[];
}

/** What the popup would show for the tab (asked from an extension page, as the popup does). */
async function tabState(tabId: number): Promise<TabState> {
  return extPage.evaluate((id: number) => chrome.runtime.sendMessage({ type: 'popup/get-tab-analysis', tabId: id }), tabId) as Promise<TabState>;
}

/** Annotated, or skipped with a reason the popup shows: never stuck in 'analysing'. */
async function annotatedOrExplained(page: Page): Promise<{ marks: number; state: TabState }> {
  const tabId = await tabIdOf(page);
  let state: TabState = { state: 'unknown' };
  await expect
    .poll(
      async () => {
        state = await tabState(tabId);
        return state.state;
      },
      { timeout: ANNOTATE_TIMEOUT_MS, interval: 500 },
    )
    .not.toBe('analysing');
  const marks = await page.locator(OUR_MARKS).count();
  if (state.state === 'results') expect(marks).toBeGreaterThan(0);
  else expect(state.reasons?.length ?? 0).toBeGreaterThan(0);
  return { marks, state };
}

/** Element names that run code or load things: none may ever appear in our card. */
const DANGEROUS = 'img, script, svg, iframe, object, embed, video, audio, form, link, meta, base, frame, style';
const HANDLERS = ['onerror', 'onload', 'onclick', 'onmouseover', 'onfocus', 'onpointerenter', 'onanimationstart'].map((a) => `[${a}]`).join(', ');

/**
 * Opens the hover card on a mark (pointer dwell) and summarises it. The card's shadow root is closed: it
 * is read from the extension's isolated world (card-probe.ts), which page overrides of built-ins cannot
 * reach either.
 */
async function openCard(page: Page, mark = page.locator(`${OUR_MARKS}[tabindex]`).first()) {
  await mark.scrollIntoViewIfNeeded();
  await page.mouse.move(0, 0);
  await mark.hover();
  const view = await settledCard(cr.worker, await tabShowing(cr.worker, page), 10_000, [DANGEROUS, HANDLERS]);
  return { text: view.text, dangerous: view.counts[0]!, handlers: view.counts[1]!, hrefs: view.hrefs, view };
}

function expectSafeCard(card: Awaited<ReturnType<typeof openCard>>): void {
  expect(card.dangerous).toBe(0);
  expect(card.handlers).toBe(0);
  for (const href of card.hrefs) expect(href).toMatch(/^https?:\/\//);
}

async function pwned(target: Page | Frame): Promise<unknown> {
  return target.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
}

async function ticks(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __ticks: number }).__ticks);
}

// ---------------------------------------------------------------------------------------------------

beforeAll(async () => {
  server = await startHostileServer();
  crossServer = await startHostileServer();
  cr = await launchChromium();
  extPage = await cr.context.newPage();
  await extPage.goto(`chrome-extension://${cr.extensionId}/options.html`);
}, 60_000);

afterAll(async () => {
  mkdirSync(join(ROOT, 'test-output'), { recursive: true });
  writeFileSync(join(ROOT, 'test-output/hostile-cpu.json'), `${JSON.stringify(cpuReport, null, 2)}\n`);
  console.log('main-thread busy (TaskDuration / wall):', JSON.stringify(cpuReport, null, 1));
  await cr?.close();
  await server?.close();
  await crossServer?.close();
});

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
