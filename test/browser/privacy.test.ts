/**
 * Privacy you can verify: every network request made by the extension's own contexts (service worker,
 * popup, options, welcome) while it browses the fixture pages and is used (look-up typed, a setting
 * changed, a hover card opened) goes to the extension itself (chrome-extension://<id>/...) and nowhere else.
 *
 * Two independent recorders:
 * - Playwright's context.on('request'), which includes service-worker requests (request.serviceWorker())
 *   and tells extension pages from web pages by the frame's URL;
 * - a raw CDP connection to the browser that attaches to every target of the extension (the service
 *   worker included, also after it restarts) and records Network.requestWillBeSent.
 * Web pages' own requests (to the 127.0.0.1 fixture server) are the page's, and content-script requests
 * would show up there: every page request must go to the fixture server itself.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Request, type Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_BUILD, CHROMIUM_QUIET_ARGS, FIXTURE_PAGES, chromiumPath, requireBuild, startFixtureServer, type FixtureServer } from './harness';
import { settledCard, tabOf } from './card-probe';

interface Seen {
  url: string;
  context: string;
  via: 'playwright' | 'cdp';
}

let server: FixtureServer;
let context: BrowserContext;
let worker: Worker;
let extensionId = '';
let userDataDir = '';
let ws: WebSocket | null = null;
const extensionRequests: Seen[] = [];
const pageRequests: Seen[] = [];
const cdpAttached = new Set<string>();

/** Classifies a request seen by Playwright: the extension's own contexts, or a web page. */
function record(req: Request): void {
  const sw = req.serviceWorker();
  if (sw) {
    const ours = sw.url().startsWith('chrome-extension://');
    (ours ? extensionRequests : pageRequests).push({ url: req.url(), context: `service worker ${sw.url()}`, via: 'playwright' });
    return;
  }
  let frameUrl = '';
  try {
    frameUrl = req.frame().url();
  } catch {
    frameUrl = '';
  }
  const pageUrl = (() => {
    try {
      return req.frame().page().url();
    } catch {
      return '';
    }
  })();
  // the test opening an extension page: a navigation from about:blank to chrome-extension://
  const openingExtensionPage = req.isNavigationRequest() && req.url().startsWith('chrome-extension://');
  if (frameUrl.startsWith('chrome-extension://') || pageUrl.startsWith('chrome-extension://') || openingExtensionPage) {
    extensionRequests.push({ url: req.url(), context: `extension page ${pageUrl || frameUrl}`, via: 'playwright' });
  } else {
    pageRequests.push({ url: req.url(), context: `web page ${pageUrl || frameUrl}`, via: 'playwright' });
  }
}

/** Raw CDP over the browser's debugging port: attach to every extension target and record its requests. */
async function connectCdp(port: number, browserPath: string): Promise<void> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}${browserPath}`);
  await new Promise<void>((ok, fail) => {
    socket.addEventListener('open', () => ok(), { once: true });
    socket.addEventListener('error', () => fail(new Error('CDP connection failed')), { once: true });
  });
  ws = socket;
  let nextId = 1;
  const send = (method: string, params: Record<string, unknown> = {}, sessionId?: string): void => {
    socket.send(JSON.stringify({ id: nextId++, method, params, ...(sessionId ? { sessionId } : {}) }));
  };
  const sessions = new Map<string, string>(); // sessionId -> target url
  const maybeAttach = (info: { targetId: string; type: string; url: string }): void => {
    if (!info.url.startsWith(`chrome-extension://${extensionId}/`) || cdpAttached.has(info.targetId)) return;
    cdpAttached.add(info.targetId);
    send('Target.attachToTarget', { targetId: info.targetId, flatten: true });
  };
  socket.addEventListener('message', (ev: MessageEvent) => {
    const msg = JSON.parse(String(ev.data)) as { method?: string; params?: Record<string, unknown>; sessionId?: string };
    if (msg.method === 'Target.targetCreated' || msg.method === 'Target.targetInfoChanged') {
      maybeAttach(msg.params!.targetInfo as { targetId: string; type: string; url: string });
    } else if (msg.method === 'Target.attachedToTarget') {
      const sid = msg.params!.sessionId as string;
      const info = msg.params!.targetInfo as { url: string; type: string };
      sessions.set(sid, `${info.type} ${info.url}`);
      send('Network.enable', {}, sid);
      send('Runtime.runIfWaitingForDebugger', {}, sid);
    } else if (msg.method === 'Network.requestWillBeSent' && msg.sessionId) {
      const request = msg.params!.request as { url: string };
      extensionRequests.push({ url: request.url, context: sessions.get(msg.sessionId) ?? 'extension target', via: 'cdp' });
    }
  });
  send('Target.setDiscoverTargets', { discover: true });
}

const isOwnUrl = (url: string): boolean => url.startsWith(`chrome-extension://${extensionId}/`);

beforeAll(async () => {
  server = await startFixtureServer();
  const dir = requireBuild(CHROME_BUILD);
  userDataDir = mkdtempSync(join(tmpdir(), 'cnc-privacy-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1280, height: 900 },
    ignoreDefaultArgs: ['--disable-extensions'],
    // a debugging port (127.0.0.1 only) for the raw CDP recorder next to Playwright's pipe
    args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, '--remote-debugging-port=0', '--remote-debugging-address=127.0.0.1', ...CHROMIUM_QUIET_ARGS],
  });
  context.on('request', record);
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  extensionId = new URL(worker.url()).host;
  const [port, path] = readFileSync(join(userDataDir, 'DevToolsActivePort'), 'utf8').trim().split('\n');
  await connectCdp(Number(port), path ?? '');
}, 60_000);

afterAll(async () => {
  ws?.close();
  await context?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  await server?.close();
});

describe('privacy: nothing leaves the device', () => {
  it('the extension contexts make no request but to chrome-extension:// while it is used on every fixture page', async () => {
    // the CDP recorder is attached to the service worker before anything happens
    await expect.poll(() => cdpAttached.size, { timeout: 10_000 }).toBeGreaterThan(0);
    const pages = readdirSync(FIXTURE_PAGES).filter((f) => f.endsWith('.html')).sort();
    expect(pages.length).toBeGreaterThan(5);

    // 1. Browse every fixture page (the content script gates, reads and asks the background).
    const tab = await context.newPage();
    for (const name of pages) {
      await tab.goto(server.url(name), { waitUntil: 'load' });
      await tab.waitForTimeout(1_200);
    }

    // 2. An annotated article: open a hover card (content script -> background -> card).
    await tab.goto(server.url('demo-article.html'));
    const mark = tab.locator('cncmark[data-cnc-mention][tabindex]').first();
    await mark.waitFor({ timeout: 20_000 });
    await mark.hover(); // real pointer input
    // the card is in a closed shadow root: read through the extension's isolated world (card-probe.ts)
    expect((await settledCard(worker, await tabOf(worker, tab))).loaded).toBe(true);

    // 3. The popup for that tab: type a look-up query.
    const tabId = await worker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id ?? -1));
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${Math.max(...tabId)}`);
    const box = popup.getByRole('searchbox').first();
    await box.waitFor({ timeout: 10_000 });
    await box.fill('Lazarus');
    await box.press('Enter');
    await expect.poll(() => popup.locator('.lookup-results li').count(), { timeout: 10_000 }).toBeGreaterThan(0);

    // 4. Options: change a setting and save it (really stored: read back from the worker).
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.getByLabel('Every mention').check();
    const save = options.getByRole('button', { name: /save/i });
    if (await save.count()) await save.first().click();
    await expect
      .poll(() => worker.evaluate(async () => JSON.stringify(await chrome.storage.sync.get(null)) + JSON.stringify(await chrome.storage.local.get(null))), { timeout: 10_000 })
      .toContain('"density":"all"');

    // 5. The welcome page.
    const welcome = await context.newPage();
    await welcome.goto(`chrome-extension://${extensionId}/welcome.html`);
    await welcome.waitForLoadState('load');

    // 6. The recorders are alive: a request the service worker makes to itself is seen by both.
    await worker.evaluate(async () => {
      await fetch(`${location.origin}/manifest.json`);
    });
    await expect.poll(() => extensionRequests.filter((r) => r.via === 'cdp' && r.url.endsWith('/manifest.json')).length, { timeout: 5_000 }).toBeGreaterThan(0);
    await expect.poll(() => extensionRequests.filter((r) => r.via === 'playwright' && r.context.startsWith('service worker') && r.url.endsWith('/manifest.json')).length, { timeout: 5_000 }).toBeGreaterThan(0);
    // ...and the extension pages' own files were recorded as extension requests
    expect(extensionRequests.some((r) => r.via === 'playwright' && r.context.startsWith('extension page') && isOwnUrl(r.url))).toBe(true);
    await tab.waitForTimeout(1_000);

    // The verdict: zero requests from extension contexts to anything but the extension itself.
    const leaks = extensionRequests.filter((r) => !isOwnUrl(r.url));
    expect(leaks).toEqual([]);

    // Web pages (and the content script inside them) only talked to the fixture server they came from.
    expect(pageRequests.length).toBeGreaterThan(pages.length - 1);
    const foreign = pageRequests.filter((r) => !r.url.startsWith(server.origin) && !r.url.startsWith('data:'));
    expect(foreign).toEqual([]);

    console.log(
      `privacy: ${extensionRequests.length} extension-context requests (all chrome-extension://${extensionId}/), ` +
        `${pageRequests.length} web-page requests (all ${server.origin}), CDP targets attached: ${cdpAttached.size}`,
    );
    await Promise.all([popup.close(), options.close(), welcome.close(), tab.close()]);
  });
});
