/**
 * Shared setup of the hostile-page tests (hostile-*.test.ts, issue 8): a tiny static server for the fixtures in
 * test/fixtures/hostile (a strict CSP header on request; a second instance on another port is the cross-origin
 * iframe), one Chromium with the extension per file, and per-page instrumentation: uncaught exceptions of every
 * world (CDP), main-thread time (CDP Performance.getMetrics; figures written to test-output/hostile-cpu.json),
 * what the popup would show for a tab, and the hover card read through its closed root (card-probe.ts).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import type { CDPSession, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { ROOT, launchChromium, pageStatus, type ChromiumWithExtension } from './harness';
import { settledCard, tabOf as tabShowing } from './card-probe';

export const HOSTILE = join(ROOT, 'test/fixtures/hostile');
export const STRICT_CSP = "default-src 'none'; style-src 'none'";
/** Generous: a page that mutates every 10 ms plus our work must leave the main thread mostly idle. */
export const MAX_BUSY = 0.5;
/** How long main-thread time is sampled on each page. */
export const CPU_WINDOW_MS = 3_000;
/** Annotation of one page (gate, read, background analysis, paint) must finish within this. */
export const ANNOTATE_TIMEOUT_MS = 20_000;

// ---------------------------------------------------------------------------------------------------
// A tiny static server for the hostile fixtures (only files inside HOSTILE; CSP header on request)

export interface HostileServer {
  origin: string;
  port: number;
  url(path: string): string;
  close(): Promise<void>;
}

export async function startHostileServer(): Promise<HostileServer> {
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

export interface Opened {
  page: Page;
  cdp: CDPSession;
  /** uncaught exceptions (any world) and console errors, page and extension alike */
  errors: string[];
  /** errors whose stack or URL points at the extension */
  ourErrors: () => string[];
}

export const cpuReport: Record<string, { busy: number; threadMs: number; scriptMs: number; taskMs: number; windowMs: number; note?: string }> = {};

export let cr: ChromiumWithExtension;
export let server: HostileServer;
export let crossServer: HostileServer;
/** An extension page used to ask the background what it knows about a tab. */
export let extPage: Page;

/** Requests from the page to itself that Chromium makes on its own and that may 404. */
export const BENIGN = /favicon\.ico/;

export async function open(name: string, opts: { query?: string; initScript?: string } = {}): Promise<Opened> {
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
export const OUR_MARKS = 'cncmark[data-cnc-entity][data-cnc-mention]';

export async function waitForMarks(page: Page, min = 1): Promise<number> {
  await expect.poll(() => page.locator(OUR_MARKS).count(), { timeout: ANNOTATE_TIMEOUT_MS, interval: 250 }).toBeGreaterThanOrEqual(min);
  return page.locator(OUR_MARKS).count();
}

/** Read through locators (Playwright's utility world): some pages break their own world's built-ins. */
export async function markedEntities(page: Page): Promise<string[]> {
  const marks = page.locator(OUR_MARKS);
  const ids = new Set<string>();
  for (let i = 0, n = await marks.count(); i < n && i < 200; i++) ids.add((await marks.nth(i).getAttribute('data-cnc-entity')) ?? '');
  return [...ids].sort();
}

export type Metrics = { metrics: { name: string; value: number }[] };
export const metric = (m: Metrics, k: string): number => m.metrics.find((x) => x.name === k)?.value ?? 0;

/** Records the main-thread busy fraction of the page's renderer since `a` (TaskDuration / wall time). */
export async function recordBusySince(o: Opened, a: Metrics, name: string, note?: string): Promise<number> {
  const b = (await o.cdp.send('Performance.getMetrics')) as Metrics;
  const wall = metric(b, 'Timestamp') - metric(a, 'Timestamp');
  const task = metric(b, 'TaskDuration') - metric(a, 'TaskDuration');
  const script = metric(b, 'ScriptDuration') - metric(a, 'ScriptDuration');
  // The main thread's CPU time, not its tasks' wall time: on a loaded machine a task waits for a core and its
  // wall time grows with the load, while the work it does (what the page must be spared) stays the same.
  if (!b.metrics.some((x) => x.name === 'ThreadTime')) throw new Error(`Performance.getMetrics gave no main-thread CPU time (ThreadTime) for ${name}`);
  const thread = metric(b, 'ThreadTime') - metric(a, 'ThreadTime');
  const busy = wall > 0 ? thread / wall : 1;
  cpuReport[name] = { busy: Math.round(busy * 1000) / 1000, threadMs: Math.round(thread * 1000), scriptMs: Math.round(script * 1000), taskMs: Math.round(task * 1000), windowMs: Math.round(wall * 1000), ...(note ? { note } : {}) };
  return busy;
}

/** Main-thread busy fraction of the page's renderer over `ms` (its CPU time over the window's wall time). */
export async function measureBusy(o: Opened, name: string, ms = CPU_WINDOW_MS, note?: string): Promise<number> {
  const a = (await o.cdp.send('Performance.getMetrics')) as Metrics;
  await o.page.waitForTimeout(ms);
  return recordBusySince(o, a, name, note);
}

/** The tab id of a page: asks every tab's content script for its status from the service worker. */
export async function tabIdOf(page: Page): Promise<number> {
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

export interface TabState {
  state: string;
  reasons?: string[];
}

/** What the popup would show for the tab (asked from an extension page, as the popup does). */
export async function tabState(tabId: number): Promise<TabState> {
  return extPage.evaluate((id: number) => chrome.runtime.sendMessage({ type: 'popup/get-tab-analysis', tabId: id }), tabId) as Promise<TabState>;
}

/** Annotated, or skipped with a reason the popup shows: never stuck in 'analysing'. */
export async function annotatedOrExplained(page: Page): Promise<{ marks: number; state: TabState }> {
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
export const DANGEROUS = 'img, script, svg, iframe, object, embed, video, audio, form, link, meta, base, frame, style';
export const HANDLERS = ['onerror', 'onload', 'onclick', 'onmouseover', 'onfocus', 'onpointerenter', 'onanimationstart'].map((a) => `[${a}]`).join(', ');

/**
 * Opens the hover card on a mark (pointer dwell) and summarises it. The card's shadow root is closed: it
 * is read from the extension's isolated world (card-probe.ts), which page overrides of built-ins cannot
 * reach either.
 */
export async function openCard(page: Page, mark = page.locator(`${OUR_MARKS}[tabindex]`).first()) {
  await mark.scrollIntoViewIfNeeded();
  await page.mouse.move(0, 0);
  await mark.hover();
  const view = await settledCard(cr.worker, await tabShowing(cr.worker, page), 10_000, [DANGEROUS, HANDLERS]);
  return { text: view.text, dangerous: view.counts[0]!, handlers: view.counts[1]!, hrefs: view.hrefs, view };
}

export function expectSafeCard(card: Awaited<ReturnType<typeof openCard>>): void {
  expect(card.dangerous).toBe(0);
  expect(card.handlers).toBe(0);
  for (const href of card.hrefs) expect(href).toMatch(/^https?:\/\//);
}

export async function pwned(target: Page | Frame): Promise<unknown> {
  return target.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
}

export async function ticks(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __ticks: number }).__ticks);
}

// ---------------------------------------------------------------------------------------------------

/** One browser, the two servers and an extension page for the file's tests; the CPU figures written at the end. */
export function useHostileBrowser(): void {
  beforeAll(async () => {
    server = await startHostileServer();
    crossServer = await startHostileServer();
    cr = await launchChromium();
    extPage = await cr.context.newPage();
    await extPage.goto(`chrome-extension://${cr.extensionId}/options.html`);
  }, 60_000);

  afterAll(async () => {
    if (Object.keys(cpuReport).length) {
      mkdirSync(join(ROOT, 'test-output'), { recursive: true });
      writeFileSync(join(ROOT, 'test-output/hostile-cpu.json'), `${JSON.stringify(cpuReport, null, 2)}\n`);
      console.log('main-thread busy (TaskDuration / wall):', JSON.stringify(cpuReport, null, 1));
    }
    await cr?.close();
    await server?.close();
    await crossServer?.close();
  });
}
