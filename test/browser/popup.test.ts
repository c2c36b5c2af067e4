/**
 * The popup, options and welcome pages in real Chromium with the built extension: the popup shows
 * the demo article's analysis (summary, key facts, disclaimers, related coverage), names scroll the
 * tab, the look-up finds KB entries by alias, options survive a reload, axe-core finds nothing in
 * light and dark, and screenshots of the popup are saved for the README.
 *
 *   CNC_OUT_DIR=.output-popup npx wxt build
 *   CNC_OUT_DIR=.output-popup npx vitest run --config test/browser/vitest.config.ts test/browser/popup.test.ts
 */
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath, startFixtureServer, type ChromiumWithExtension, type FixtureServer } from './harness';

/** The popup's width in the toolbar (it must fit in 380-420 px without horizontal scrolling). */
const POPUP_WIDTH = 400;

let server: FixtureServer;
let cnc: ChromiumWithExtension;
let article: Page;
let articleUrl: string;
let tabId: number;

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

/**
 * The tab's id, asked from the service worker (tabs.query). The extension has no "tabs" permission,
 * so tab URLs are hidden from it: the page is brought to the front and the active tab is the one.
 */
async function findTabId(page: Page): Promise<number> {
  await page.bringToFront();
  const id = await cnc.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? null;
  });
  if (typeof id !== 'number') throw new Error(`no tab found for ${page.url()}`);
  return id;
}

async function openExtensionPage(path: string, opts: { width?: number; colorScheme?: 'light' | 'dark' } = {}): Promise<{ page: Page; errors: string[] }> {
  const page = await cnc.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.emulateMedia({ colorScheme: opts.colorScheme ?? 'light' });
  await page.setViewportSize({ width: opts.width ?? POPUP_WIDTH, height: 900 });
  await page.goto(`chrome-extension://${cnc.extensionId}/${path}`);
  return { page, errors };
}

/** Runs axe-core in the page (WCAG 2.x A/AA and best practices) and returns the violations. */
async function axeViolations(page: Page): Promise<{ id: string; impact: string | null | undefined; help: string; targets: string[] }[]> {
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
async function openSection(page: Page, name: string): Promise<void> {
  const button = page.getByRole('button', { name, exact: true });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await page.getByRole('button', { name, exact: true, expanded: true }).waitFor();
}

async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(client);
}

describe('popup for the demo article', () => {
  let popup: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ page: popup, errors } = await openExtensionPage(`popup.html?tab=${tabId}`));
    await popup.getByRole('heading', { level: 2, name: /UN monitors/ }).waitFor({ timeout: 20_000 });
  });

  it('shows title, site, the date in the reader’s locale and a short summary, the whole one on request', async () => {
    // the header's date as the browser's locale writes it, not the page's raw string
    const meta = await popup.locator('.article-meta').innerText();
    const date = await popup.evaluate(() => new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' }).format(Date.UTC(2019, 7, 7, 9, 30)));
    expect(meta).toBe(`Ledger Street · ${date}`);
    const short = await popup.locator('.summary').innerText();
    expect(short.split(/\s+/).length).toBeLessThanOrEqual(70);
    const more = popup.getByRole('button', { name: 'Show the full summary' });
    if (await more.count()) await more.click();
    const sentences = (await popup.locator('.summary').innerText()).split(/(?<=[.!?])\s+/).filter(Boolean);
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    expect(sentences.length).toBeLessThanOrEqual(5);
  });

  it('shows key facts with amounts in USD', async () => {
    const facts = popup.getByRole('region', { name: 'Key facts' });
    await facts.waitFor();
    expect(await facts.innerText()).toMatch(/\$2 billion|\$81 million/);
  });

  it('shows the extension’s disclaimers and what the page signals', async () => {
    await openSection(popup, 'Disclaimers');
    const sec = popup.getByRole('region', { name: 'Disclaimers' });
    await sec.getByText(/From Crypto News Context/).waitFor();
    const text = await sec.innerText();
    expect(text).toMatch(/From Crypto News Context/);
    // the demo page carries a risk warning and a "Join our Telegram" promotion
    expect(text).toMatch(/What this page signals/);
  });

  it('shows related coverage with links that open safely, and no homepages', async () => {
    await openSection(popup, 'Related coverage');
    const sec = popup.getByRole('region', { name: 'Related coverage' });
    const links = sec.getByRole('link');
    await links.first().waitFor();
    expect(await links.count()).toBeGreaterThan(0);
    for (const link of await links.all()) {
      expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
      expect(await link.getAttribute('href')).toMatch(/^https?:\/\//);
      expect(new URL((await link.getAttribute('href'))!).pathname).not.toBe('/');
      expect(await link.innerText()).not.toMatch(/^(about( us)?|home)$/i);
    }
  });

  it('scrolls the tab to a name and opens its card', async () => {
    await openSection(popup, 'Names in this article');
    const names = popup.getByRole('region', { name: 'Names in this article' });
    // a name's button (the first button in the region is the section's own toggle)
    const first = names.locator('button.entity-chip').first();
    await first.click();
    await popup.getByText(/Scrolled to the first mention of/).waitFor({ timeout: 10_000 });
  });

  it('looks up KB names by alias, fuzzily', async () => {
    const box = popup.getByRole('searchbox', { name: /look up/i });
    for (const [query, expected] of [
      ['hidden cobra', /Lazarus/],
      ['apt 38', /APT ?38|Lazarus|BlueNoroff/],
      ['tornado', /Tornado Cash/],
      ['garantex', /Garantex/],
    ] as const) {
      await box.fill(query);
      await popup.getByRole('list', { name: 'Matches' }).getByRole('button', { name: expected }).first().waitFor({ timeout: 10_000 });
    }
    await box.fill('hidden cobra');
    await box.press('Enter');
    const card = popup.getByRole('region', { name: /^About / });
    await card.waitFor();
    expect(await card.getByRole('heading', { level: 2 }).innerText()).toMatch(/Lazarus/);
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^About /);
  });

  it('works from the keyboard alone, with a visible focus ring', async () => {
    await popup.reload();
    await popup.getByRole('heading', { level: 2, name: /UN monitors/ }).waitFor();
    await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const seen: { name: string; outline: string }[] = [];
    for (let i = 0; i < 6; i++) {
      await popup.keyboard.press('Tab');
      seen.push(
        await popup.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          const cs = getComputedStyle(el);
          return { name: el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName, outline: `${cs.outlineStyle} ${cs.outlineWidth}` };
        }),
      );
    }
    // header buttons, then the look-up, then the article's controls
    expect(seen.map((s) => s.name).slice(0, 2)).toEqual(['Open in a tab', 'Settings']);
    for (const s of seen) expect(s.outline).toMatch(/^solid [1-9]/);
    // a name chosen with the keyboard scrolls the tab
    const chip = popup.getByRole('region', { name: 'Names in this article' }).locator('button.entity-chip').first();
    await chip.focus();
    await popup.keyboard.press('Enter');
    await popup.getByText(/Scrolled to the first mention of/).waitFor({ timeout: 10_000 });
  });

  it('fits the popup width without horizontal scrolling', async () => {
    await expectNoHorizontalScroll(popup);
    const width = await popup.evaluate(() => document.body.getBoundingClientRect().width);
    expect(width).toBeGreaterThanOrEqual(380);
    expect(width).toBeLessThanOrEqual(420);
  });

  it('has no axe violations in light mode, and saves a screenshot', async () => {
    await popup.getByRole('searchbox').fill('');
    await popup.reload();
    await popup.getByRole('heading', { level: 2, name: /UN monitors/ }).waitFor();
    await popup.screenshot({ path: screenshotPath('popup-light.png'), fullPage: true });
    expect(await axeViolations(popup)).toEqual([]);
  });

  it('has no axe violations in dark mode, and saves a screenshot', async () => {
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.reload();
    await popup.getByRole('heading', { level: 2, name: /UN monitors/ }).waitFor();
    const bg = await popup.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(21, 24, 29)');
    await popup.screenshot({ path: screenshotPath('popup-dark.png'), fullPage: true });
    expect(await axeViolations(popup)).toEqual([]);
    await expectNoHorizontalScroll(popup);
  });

  it('turns the extension off on the tab’s site from the results, and back on', async () => {
    await popup.emulateMedia({ colorScheme: 'light' });
    // the host is the tab's (tabs.get with the host permission), not the article's canonical URL
    const host = new URL(articleUrl).hostname;
    await popup.getByRole('button', { name: `Turn off on ${host}` }).click();
    await popup.getByRole('heading', { level: 2, name: `Turned off on ${host}` }).waitFor({ timeout: 10_000 });
    // the marks leave the page
    await article.waitForSelector('cncmark[data-cnc-entity]', { state: 'detached', timeout: 10_000 });
    await popup.getByRole('button', { name: `Turn on for ${host}` }).click();
    await popup.getByRole('heading', { level: 2, name: /UN monitors/ }).waitFor({ timeout: 20_000 });
    await article.waitForSelector('cncmark[data-cnc-entity]', { timeout: 20_000 });
  });

  it('had no page errors', () => {
    expect(errors).toEqual([]);
  });
});

/**
 * Records what the popup shows at the moment its results first appear, and the most copies ever present.
 */
const FIRST_RESULTS_PROBE = `(() => {
  const seen = { first: null, maxCopies: 0 };
  window.__cncFirst = seen;
  const marks = () => performance.getEntriesByType('mark').map((m) => m.name);
  const mo = new MutationObserver(() => {
    seen.maxCopies = Math.max(seen.maxCopies, document.querySelectorAll('article.results').length, document.querySelectorAll('#article-title').length);
    const a = document.querySelector('article.results');
    if (a && !seen.first) {
      seen.first = {
        title: a.querySelector('#article-title')?.textContent ?? null,
        summary: a.querySelector('.summary')?.textContent ?? null,
        facts: a.querySelector('dl.facts')?.textContent ?? null,
        marks: marks(),
        loading: !!document.querySelector('section.state[aria-busy]'),
      };
    }
  });
  mo.observe(document, { subtree: true, childList: true, characterData: true });
})();`;

describe('popup: the first screen from the kept answer', () => {
  it('with the service worker stopped, shows the tab’s results from storage.session before the background answers, rendered once by the app', async () => {
    const page = await cnc.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setViewportSize({ width: POPUP_WIDTH, height: 900 });
    await page.addInitScript({ content: FIRST_RESULTS_PROBE });
    // as the browser does after ~30 s idle: the background has to start again to answer
    const cdp = await cnc.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    await page.goto(`chrome-extension://${cnc.extensionId}/popup.html?tab=${tabId}`);
    await page.waitForSelector('article.results:not([aria-busy])', { timeout: 20_000 });
    const seen = await page.evaluate(() => (window as unknown as { __cncFirst: { first: { title: string; summary: string; facts: string; marks: string[]; loading: boolean } | null; maxCopies: number } }).__cncFirst);
    expect(seen.first).not.toBeNull();
    // the kept answer was in, the background's was not: the results came from storage.session
    expect(seen.first!.marks).toContain('cnc-popup:kept');
    expect(seen.first!.marks).not.toContain('cnc-popup:answer');
    expect(seen.first!.marks).toContain('cnc-popup:app-loaded');
    // and they are the tab's real results, as the app shows them now; never a loading state or a second copy
    expect(seen.first!.title).toMatch(/UN monitors/);
    expect(seen.first!.title).toBe(await page.locator('#article-title').textContent());
    expect(seen.first!.summary).toBe(await page.locator('.summary').textContent());
    expect(seen.first!.facts).toBe(await page.locator('dl.facts').textContent());
    expect(seen.first!.loading).toBe(false);
    expect(seen.maxCopies).toBe(1);
    // the background's answer came later and changed nothing; the controls work
    await expect.poll(() => page.evaluate(() => performance.getEntriesByName('cnc-popup:answer').length), { timeout: 10_000 }).toBe(1);
    await page.getByRole('searchbox').fill('garantex');
    expect(await page.getByRole('searchbox').inputValue()).toBe('garantex');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('popup: sections that open on demand', () => {
  it('opens and closes a section from the keyboard, and it stays as left when the popup is opened again', async () => {
    const open = async () => {
      const { page } = await openExtensionPage(`popup.html?tab=${tabId}`);
      await page.getByRole('heading', { level: 2, name: /UN monitors/ }).waitFor({ timeout: 20_000 });
      await page.waitForSelector('article.results:not([aria-busy])');
      return page;
    };
    let page = await open();
    const toggle = () => page.getByRole('button', { name: 'Disclaimers', exact: true });
    if ((await toggle().getAttribute('aria-expanded')) === 'true') await toggle().click();
    await expect.poll(() => toggle().getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('region', { name: 'Disclaimers' }).getByText(/From Crypto News Context/).count()).toBe(0);
    await page.close();

    page = await open();
    expect(await toggle().getAttribute('aria-expanded')).toBe('false');
    await toggle().focus();
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Disclaimers' }).getByText(/From Crypto News Context/).waitFor();
    expect(await toggle().getAttribute('aria-expanded')).toBe('true');
    await page.close();

    page = await open();
    // open at once, from the stored state: no click
    expect(await toggle().getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('region', { name: 'Disclaimers' }).getByText(/From Crypto News Context/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

/** A synthetic analysis with very long names, many entities and incidents: a layout stress test. */
function busyAnalysis(): unknown {
  const types = ['threat-actor', 'agency', 'malware', 'exchange', 'protocol', 'mixer', 'organization', 'person', 'cryptocurrency', 'address'];
  const entities = Array.from({ length: 48 }, (_, i) => ({
    id: `e${i}`,
    name:
      i % 7 === 0
        ? `The Extraordinarily Long-Named International Cryptocurrency Exchange Consortium Number ${i}`
        : i % 11 === 0
          ? `0x${'ab'.repeat(20)}${i}`
          : `Entity ${i}`,
    type: types[i % types.length],
    aliases: [],
    mentions: [{ text: 'x', start: i, end: i + 1 }],
    inferred: i % 9 === 0,
    why: i % 9 === 0 ? 'Linked through a very long chain of attributions by several named authorities and vendors.' : undefined,
    known: true,
  }));
  const incidents = [
    ['Bangladesh Bank heist', '2016-02-04', 81e6],
    ['Coincheck hack', '2018-01-26', 534e6],
    ['Ronin bridge hack', '2022-03-23', 625e6],
    ['Harmony Horizon bridge hack', '2022-06-23', 100e6],
    ['Atomic Wallet hack', '2023-06-03', 100e6],
    ['DMM Bitcoin hack', '2024-05-31', 305e6],
    ['Bybit hack', '2025-02-21', 1.46e9],
  ] as const;
  return {
    state: 'results',
    annotationsShown: true,
    analysis: {
      title: 'A very long headline about a North Korean hacking group, a sanctioned mixer, and the laundering of stolen funds through many exchanges and bridges across several blockchains',
      url: 'https://news.example/very/long/path',
      siteName: 'A News Site With A Remarkably Long Name For Testing Layout',
      publishedAt: '2025-02-22',
      isArticle: true,
      cryptoSecurity: { detected: true, score: 0.97, reasons: ['Names a state hacking group', 'Mentions stolen funds'] },
      entities,
      amounts: [{ text: '401,347 ETH', value: 401347, currency: 'ETH', usd: 1.46e9, role: 'stolen' }],
      addresses: [],
      summary: ['One sentence.', 'Two sentences.', 'Three sentences with a reallyreallyreallyreallyreallyreallyreallyreallylongwordwithoutspaces.'],
      disclaimers: [{ kind: 'automatic', text: 'Automatic extraction can be wrong.' }],
      related: [
        ...incidents.map(([title, date, usd]) => ({ title, url: `https://example.org/${encodeURIComponent(title)}`, why: 'Attributed to the same group', date, kind: 'incident', amountUsd: usd })),
        { title: 'Search the web for this group', url: 'https://duckduckgo.com/?q=x', why: 'search', kind: 'search' },
      ],
      keyFacts: {
        stolen: [{ text: '401,347 ETH', value: 401347, currency: 'ETH', usd: 1.46e9, role: 'stolen' }],
        actors: [{ id: 'e0', name: 'The Extraordinarily Long-Named Group', by: ['FBI', 'Mandiant'], level: 'official', inferred: false }],
        victims: [{ name: 'A Victim Exchange With A Long Name' }],
        dates: ['2025-02-21'],
      },
      timingsMs: { total: 12 },
      kb: { version: 'test', asOf: '2026-01-01' },
    },
  };
}

describe('popup with a long, busy analysis (synthetic state)', () => {
  it('lays out cleanly, draws the timeline and passes axe in light and dark', async () => {
    const page = await cnc.context.newPage();
    // Answer the popup's state request with the synthetic analysis; everything else goes through.
    await page.addInitScript((state: unknown) => {
      const rt = chrome.runtime as unknown as { sendMessage: (...args: unknown[]) => unknown };
      const original = rt.sendMessage.bind(rt);
      rt.sendMessage = (...args: unknown[]) => {
        const msg = args[0] as { type?: string } | undefined;
        if (msg?.type === 'popup/get-tab-analysis') {
          const cb = args.find((a): a is (v: unknown) => void => typeof a === 'function');
          if (cb) {
            setTimeout(() => cb(state), 0);
            return undefined;
          }
          return Promise.resolve(state);
        }
        return original(...args);
      };
    }, busyAnalysis());
    await page.setViewportSize({ width: POPUP_WIDTH, height: 900 });
    await page.goto(`chrome-extension://${cnc.extensionId}/popup.html?tab=${tabId}`);
    await page.getByRole('heading', { level: 2, name: /A very long headline/ }).waitFor({ timeout: 10_000 });
    for (const name of ['Names in this article', 'Related coverage', 'Timeline of related incidents']) await openSection(page, name);
    await page.getByRole('img', { name: /Related incidents/ }).waitFor();
    // nothing visible sticks out of the popup's width (the chart's table is clipped by its wrapper)
    const overflowing = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((el) => !el.closest('.visually-hidden') && el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
        .map((el) => `${el.tagName}.${el.className}`),
    );
    expect(overflowing).toEqual([]);
    await expectNoHorizontalScroll(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('popup-busy-light.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('img', { name: /Related incidents/ }).screenshot({ path: screenshotPath('popup-timeline-dark.png') });
    await page.close();
  });
});

describe('popup without a result to show', () => {
  it('focuses the look-up and prefills it from ?q= (context menu)', async () => {
    const { page, errors } = await openExtensionPage('popup.html?q=garantex');
    const box = page.getByRole('searchbox');
    await page.getByRole('region', { name: 'About Garantex' }).waitFor({ timeout: 10_000 });
    expect(await box.inputValue()).toBe('garantex');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('rescues a missed article: says why in plain words, and "Analyse this page anyway" marks it', async () => {
    const missed = await cnc.context.newPage();
    await missed.goto(server.url('missed-link-heavy.html'));
    const id = await findTabId(missed);
    const { page, errors } = await openExtensionPage(`popup.html?tab=${id}`);
    await page.getByRole('heading', { level: 2, name: 'This page doesn’t look like an article' }).waitFor({ timeout: 20_000 });
    expect(await page.getByText('Most of its text is links, as on a home page or a list of stories.').isVisible()).toBe(true);
    // not the checks' own words on the first screen
    expect(await page.getByText(/not reported|mostly links \(/).count()).toBe(0);
    expect(await missed.locator('cncmark[data-cnc-entity]').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Analyse this page anyway' }).click();
    await page.getByRole('heading', { level: 2, name: /Lazarus Group hackers drain/ }).waitFor({ timeout: 20_000 });
    expect(await page.getByText(/Analysed because you asked/).isVisible()).toBe(true);
    // and the page is marked as the reader asked
    await missed.waitForSelector('cncmark[data-cnc-entity="lazarus-group"]', { timeout: 20_000 });
    await page.screenshot({ path: screenshotPath('popup-rescued.png'), fullPage: true });
    // a popup opened again shows the results at once (the kept answer), still saying why
    const again = await openExtensionPage(`popup.html?tab=${id}`);
    await again.page.getByRole('heading', { level: 2, name: /Lazarus Group hackers drain/ }).waitFor({ timeout: 20_000 });
    expect(await again.page.getByText(/Analysed because you asked/).isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await again.page.close();
    await page.close();
    await missed.close();
  });

  it('says a page that is not an article is not one, with its reasons', async () => {
    const plain = await cnc.context.newPage();
    const url = server.url('plain-page.html');
    await plain.goto(url);
    const id = await findTabId(plain);
    const { page } = await openExtensionPage(`popup.html?tab=${id}`);
    await page.getByRole('heading', { level: 2, name: /doesn’t look like an article|isn’t about crypto security|Nothing to analyse/ }).waitFor({ timeout: 15_000 });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
    await plain.close();
  });
});

describe('options page', () => {
  it('saves each change at once, confirms it and survives a reload; no axe violations', async () => {
    const { page, errors } = await openExtensionPage('options.html', { width: 1000 });
    await page.getByRole('checkbox', { name: 'Crypto News Context is on' }).waitFor({ timeout: 15_000 });
    expect(await axeViolations(page)).toEqual([]);
    const status = page.locator('.save-status');
    const stored = () =>
      page.evaluate(async () => ({
        prefs: (await chrome.storage.sync.get('settings')).settings as { density?: string; theme?: string; cardDelayMs?: number } | undefined,
        sites: (await chrome.storage.local.get('settings.sites'))['settings.sites'] as { disabledSites?: string[] } | undefined,
      }));

    const site = page.getByRole('textbox', { name: 'Add a site' });
    await site.fill('not a host');
    await page.getByRole('button', { name: 'Add site' }).click();
    expect(await page.getByRole('alert').innerText()).toMatch(/not a web address/);
    await site.fill('https://www.example.org/news');
    await site.press('Enter');
    await page.getByRole('list', { name: 'Sites where it stays off' }).getByText('example.org').waitFor({ timeout: 10_000 });
    await page.getByRole('radio', { name: 'Every mention' }).check();
    await page.getByRole('radio', { name: 'Dark' }).check();
    const delay = page.getByRole('spinbutton', { name: /Card delay/ });
    await delay.fill('650');
    await delay.press('Tab'); // the delay is saved when the field is left
    // saves run one after another: once the last one is stored, all are
    await expect
      .poll(stored, { timeout: 10_000 })
      .toMatchObject({ prefs: { density: 'all', theme: 'dark', cardDelayMs: 650 }, sites: { disabledSites: expect.arrayContaining(['example.org']) } });
    await expect.poll(() => status.innerText(), { timeout: 5_000 }).toBe('Saved.');

    await page.reload();
    await page.getByRole('checkbox', { name: 'Crypto News Context is on' }).waitFor({ timeout: 15_000 });
    expect(await page.getByRole('radio', { name: 'Every mention' }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Dark' }).isChecked()).toBe(true);
    expect(await page.getByRole('spinbutton', { name: /Card delay/ }).inputValue()).toBe('650');
    expect(await page.getByRole('list', { name: 'Sites where it stays off' }).innerText()).toContain('example.org');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('options-dark.png'), fullPage: true });

    // put things back for the other tests: the preferences, and the site (restoring defaults keeps the lists)
    await page.getByRole('button', { name: 'Restore default settings' }).click();
    await expect.poll(() => status.innerText(), { timeout: 10_000 }).toBe('Default settings restored and saved.');
    expect(await page.getByRole('radio', { name: /first mention/ }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Remove example.org' }).click();
    await expect.poll(async () => (await stored()).sites?.disabledSites ?? [], { timeout: 10_000 }).not.toContain('example.org');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('welcome page', () => {
  it('renders with no axe violations', async () => {
    const { page, errors } = await openExtensionPage('welcome.html', { width: 1000 });
    await page.getByRole('heading', { level: 1, name: 'Welcome to Crypto News Context' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('welcome.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('popup key facts on an article with amounts in several roles (issue 15)', () => {
  it('shows each amount in its role, the event date after the stolen amount, and the attribution', async () => {
    const story = await cnc.context.newPage();
    await story.goto(server.url('key-facts-roles.html'));
    await story.waitForSelector('[data-cnc-entity]', { timeout: 20_000 });
    const id = await findTabId(story);
    const { page, errors } = await openExtensionPage(`popup.html?tab=${id}`);
    const facts = page.getByRole('region', { name: 'Key facts' });
    await facts.waitFor({ timeout: 20_000 });
    const line = async (role: string) => (await facts.locator(`[data-fact="amount"][data-role="${role}"]`).innerText()).replace(/\s+/g, ' ');
    expect(await line('stolen')).toMatch(/^Stolen \$48M \(Mar 3, 2025\)/);
    expect(await line('frozen')).toMatch(/^Frozen \$20M/);
    expect(await line('bounty')).toMatch(/^Bounty offered \$4\.8M/);
    expect(await line('recovered')).toMatch(/^Recovered \$3M/);
    expect(await line('laundered')).toMatch(/^Laundered \$9M/);
    expect(await facts.locator('[data-fact="event"]').innerText()).toMatch(/Hack or theft/);
    expect(await facts.locator('[data-fact="actors"]').innerText()).toMatch(/Lazarus Group — according to Federal Bureau of Investigation/);
    expect(errors).toEqual([]);
    await page.close();
    await story.close();
  });
});
