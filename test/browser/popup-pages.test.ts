/**
 * The popup's other states and the extension's other pages in real Chromium with the built extension: a long,
 * busy (synthetic) analysis lays out cleanly; without a result the look-up is focused, a missed article can be
 * analysed anyway and a non-article says why; the options page saves each change at once and survives a reload;
 * the welcome page; key facts with amounts in several roles (issue 15). axe-core finds nothing in light and dark.
 * The demo article's popup: popup-article.test.ts; shared setup: popup-harness.ts.
 *
 *   CNC_OUT_DIR=.output-popup npx wxt build
 *   CNC_OUT_DIR=.output-popup npx vitest run --config test/browser/vitest.config.ts test/browser/popup-pages.test.ts
 */
import { describe, expect, it } from 'vitest';
import { screenshotPath } from './harness';
import { axeViolations, cnc, expectNoHorizontalScroll, findTabId, openExtensionPage, openSection, POPUP_WIDTH, server, tabId, usePopupBrowser } from './popup-harness';

usePopupBrowser();


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
