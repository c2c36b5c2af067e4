/** The real-browser tests use the same launch code as `npm start` and the benchmarks. */
export * from '../../tools/cli/browsers';

import type { Worker } from 'playwright-core';
import { GATE_SLOT_KEY } from '../../lib/shared/gate-protocol';

/** What our scripts in a tab's top frame say about the page (lib/shared/messages.ts, `ContentStatus`). */
export interface PageStatus {
  url: string;
  readingId: number;
  gate: { pass: boolean; hits: string[] };
  marks: number;
  skipped?: string;
}

/**
 * The tab's status as the background reads it (lib/shared/messages.ts, `backgroundApi.getStatus`): the annotator
 * answers a message; before it is in the page, the gate script's slot answers `scripting.executeScript`.
 * Undefined: no script of ours in that tab (yet).
 */
export function pageStatus(worker: Worker, tabId: number): Promise<PageStatus | undefined> {
  return worker.evaluate(
    async ({ t, key }) => {
      try {
        const s = (await chrome.tabs.sendMessage(t, { type: 'background/get-status' }, { frameId: 0 })) as unknown;
        if (s !== undefined) return s as PageStatus;
      } catch {
        // no annotator in that tab
      }
      try {
        const [frame] = await chrome.scripting.executeScript({
          target: { tabId: t, frameIds: [0] },
          args: [key],
          func: (k: string) => (globalThis as unknown as Record<symbol, { status(): unknown } | undefined>)[Symbol.for(k)]?.status() ?? null,
        });
        return (frame?.result ?? undefined) as PageStatus | undefined;
      } catch {
        return undefined; // no access to that tab
      }
    },
    { t: tabId, key: GATE_SLOT_KEY },
  );
}

import { mkdtempSync, rmSync } from 'node:fs';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_BUILD, CHROMIUM_QUIET_ARGS, chromiumPath, requireBuild, type ChromiumWithExtension, type FirefoxWithExtension } from '../../tools/cli/browsers';

/**
 * Chromium with the extension and a touch screen (`hasTouch`), as on a phone: `page.touchscreen.tap` sends real
 * touch input (pointerType "touch", then the tap's click). Same flags as `launchChromium`.
 */
export async function launchChromiumWithTouch(viewport = { width: 390, height: 800 }): Promise<ChromiumWithExtension> {
  const dir = requireBuild(CHROME_BUILD);
  const userDataDir = mkdtempSync(join(tmpdir(), 'cnc-chromium-touch-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    hasTouch: true,
    viewport,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, ...CHROMIUM_QUIET_ARGS],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  return {
    context,
    extensionId: new URL(worker.url()).host,
    worker,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Firefox: the add-on's first-run tab (lib/background/welcome.ts opens it on install), once it is open. It is
 * an extension page: the tests call `browser.*` from it as the popup would, and may send it to popup.html
 * (WebDriver BiDi itself may not navigate a tab to a moz-extension:// address).
 */
export async function firefoxWelcomeTab(firefox: FirefoxWithExtension, timeoutMs = 20_000): Promise<PuppeteerPage> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const pages = await firefox.browser.pages();
    const urls = await Promise.all(pages.map((p) => p.evaluate(() => location.href).catch(() => '')));
    const i = urls.findIndex((u) => u.startsWith('moz-extension://') && u.endsWith('/welcome.html'));
    if (i >= 0) return pages[i]!;
    if (Date.now() > until) throw new Error(`the add-on's first-run tab did not open within ${timeoutMs} ms (tabs: ${urls.join(', ')})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Firefox: a new tab in front, opened only once the add-on's first-run tab is there. On a busy machine that
 * tab can open after the test's own, which then sits hidden behind it, and Firefox runs no
 * requestAnimationFrame in a hidden tab: the card is never placed and shown ("the card did not settle").
 * Waiting for the first-run tab, then checking that ours is the visible one, takes the race away (the launch
 * itself stays as `npm start` has it).
 */
export async function newFirefoxPage(firefox: FirefoxWithExtension): Promise<PuppeteerPage> {
  await firefoxWelcomeTab(firefox);
  const page = await firefox.browser.newPage();
  await page.bringToFront();
  const state = await page.evaluate(() => document.visibilityState);
  if (state !== 'visible') throw new Error(`the new Firefox tab is ${state}, not in front`);
  return page;
}
