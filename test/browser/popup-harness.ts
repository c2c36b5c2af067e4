/**
 * Shared setup of the popup browser tests (popup-*.test.ts): one Chromium with the built extension per file, the
 * demo article open in a tab (marked, so its analysis is done), and helpers to open an extension page at the
 * popup's width, run axe-core in it, open a results section and check for horizontal scrolling.
 */
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchChromium, startFixtureServer, type ChromiumWithExtension, type FixtureServer } from './harness';

/** The popup's width in the toolbar (it must fit in 380-420 px without horizontal scrolling). */
export const POPUP_WIDTH = 400;

export let server: FixtureServer;
export let cnc: ChromiumWithExtension;
export let article: Page;
export let articleUrl: string;
export let tabId: number;

/** The browser, the fixture server and the demo article's tab for the file's tests. */
export function usePopupBrowser(): void {
  beforeAll(async () => {
    server = await startFixtureServer();
    cnc = await launchChromium();
    article = await cnc.context.newPage();
    articleUrl = server.url('demo-article.html');
    await article.goto(articleUrl);
    // the content script has marked the article: the analysis is done
    await article.waitForSelector('[data-cnc-entity]', { timeout: 20_000 });
    tabId = await findTabId(article);
  });

  afterAll(async () => {
    await cnc?.close();
    await server?.close();
  });
}

/**
 * The tab's id, asked from the service worker (tabs.query). The extension has no "tabs" permission,
 * so tab URLs are hidden from it: the page is brought to the front and the active tab is the one.
 */
export async function findTabId(page: Page): Promise<number> {
  await page.bringToFront();
  const id = await cnc.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? null;
  });
  if (typeof id !== 'number') throw new Error(`no tab found for ${page.url()}`);
  return id;
}

export async function openExtensionPage(path: string, opts: { width?: number; colorScheme?: 'light' | 'dark' } = {}): Promise<{ page: Page; errors: string[] }> {
  const page = await cnc.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.emulateMedia({ colorScheme: opts.colorScheme ?? 'light' });
  await page.setViewportSize({ width: opts.width ?? POPUP_WIDTH, height: 900 });
  await page.goto(`chrome-extension://${cnc.extensionId}/${path}`);
  return { page, errors };
}

/** Runs axe-core in the page (WCAG 2.x A/AA and best practices) and returns the violations. */
export async function axeViolations(page: Page): Promise<{ id: string; impact: string | null | undefined; help: string; targets: string[] }[]> {
  // Extension pages forbid inline scripts (CSP script-src 'self'), so a <script> tag with axe's
  // source would be blocked there: evaluate the source through the DevTools protocol instead.
  try {
    await page.addScriptTag({ content: axe.source });
  } catch {
    // blocked by CSP
  }
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const result = await page.evaluate(async () => {
    const w = window as unknown as { axe: typeof axe };
    const r = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return result;
}

/** Opens a section of the results (they are closed until the reader opens them, then remembered). */
export async function openSection(page: Page, name: string): Promise<void> {
  const button = page.getByRole('button', { name, exact: true });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await page.getByRole('button', { name, exact: true, expanded: true }).waitFor();
}

export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(client);
}

