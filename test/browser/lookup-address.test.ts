/**
 * The popup's look-up with a crypto address, in real Chromium and Firefox ESR with the built extension (issue 17): an
 * address the knowledge base does not have shows its chain, checksum, the plain screening wording and an
 * explorer link; a listed one says it is listed; a string no chain reads gets a clear message. The answer
 * comes from the background (the engine's address check and screening), through the popup's message.
 *
 *   CNC_OUT_DIR=.output-lookup npx wxt build
 *   CNC_OUT_DIR=.output-lookup npx vitest run --config test/browser/vitest.config.ts test/browser/lookup-address.test.ts
 */
import type { Page } from 'playwright-core';
import type { Page as FirefoxPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKb } from '../../lib/kb';
import { firefoxWelcomeTab, launchChromium, launchFirefox, type ChromiumWithExtension } from './harness';

let cnc: ChromiumWithExtension;
let popup: Page;
const errors: string[] = [];

const UNLISTED_ETH = '0x52908400098527886E0F7030069857D2E4169EE7';
const kb = loadKb().kb;
const listed = kb.addresses.find((a) => a.entity && a.chain === 'ETH')!;

beforeAll(async () => {
  cnc = await launchChromium();
  popup = await cnc.context.newPage();
  popup.on('pageerror', (e) => errors.push(e.message));
  await popup.setViewportSize({ width: 400, height: 900 });
  await popup.goto(`chrome-extension://${cnc.extensionId}/popup.html`);
});

afterAll(async () => {
  await cnc?.close();
});

async function lookUp(query: string): Promise<void> {
  const box = popup.getByRole('searchbox', { name: /look up/i });
  await box.fill(query);
  await box.press('Enter');
}

describe('look-up of an address in real Chromium', () => {
  it('an address the knowledge base lacks: chain, checksum, "not on the lists we ship", explorer and OFAC links', async () => {
    await lookUp(UNLISTED_ETH);
    const card = popup.getByRole('region', { name: `About ${UNLISTED_ETH}` });
    await card.waitFor({ timeout: 15_000 });
    const text = await card.innerText();
    expect(text).toContain('ETH');
    expect(text).toMatch(/valid/i);
    expect(text).toMatch(/Not on the lists we ship \(as of \d{4}-\d{2}-\d{2}\) — this does not mean it is safe\./);
    expect(await card.getByRole('link', { name: /explorer|etherscan/i }).getAttribute('href')).toBe(`https://etherscan.io/address/${UNLISTED_ETH}`);
    expect(await card.getByRole('link', { name: /OFAC/ }).getAttribute('href')).toBe('https://sanctionssearch.ofac.treas.gov/');
    expect(await popup.getByRole('status').innerText()).toBe('ETH address: its checksum, sanctions screening and explorer link are in the card below.');
    // Enter moved the focus to the card
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`About ${UNLISTED_ETH}`);
  });

  it('a listed address says so, with the designated entry of the knowledge base among the matches', async () => {
    await lookUp(listed.address);
    const card = popup.getByRole('region', { name: `About ${listed.address}` });
    await card.waitFor({ timeout: 15_000 });
    expect(await card.innerText()).toContain('On the US Treasury OFAC sanctions list');
    const name = kb.entities.find((e) => e.id === listed.entity)!.name;
    await popup.getByRole('list', { name: 'Matches' }).getByRole('button', { name: new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).first().waitFor();
  });

  it('a string that no chain reads gets a clear message and no card', async () => {
    const junk = `${UNLISTED_ETH}ff`;
    await lookUp(junk);
    await popup.getByText(`“${junk}” is not an address of a chain we know`, { exact: false }).waitFor({ timeout: 15_000 });
    expect(await popup.getByRole('region', { name: /^About / }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

/** What the Firefox popup shows now: the address region (text and links), the status line, the focused element's label, the matches. */
function firefoxLookupView(popup: FirefoxPage, region: string) {
  return popup.evaluate((name: string) => {
    const card = [...document.querySelectorAll<HTMLElement>('[role="region"]')].find((e) => e.getAttribute('aria-label') === name);
    return {
      text: card?.innerText ?? null,
      links: [...(card?.querySelectorAll('a') ?? [])].map((a) => ({ text: a.textContent ?? '', href: a.getAttribute('href') ?? '' })),
      status: document.querySelector('[role="status"]')?.textContent ?? '',
      focused: document.activeElement?.getAttribute('aria-label') ?? null,
      matches: [...document.querySelectorAll('ul[aria-label="Matches"] button')].map((b) => b.textContent ?? ''),
    };
  }, region);
}

describe('look-up of an address in Firefox ESR', () => {
  it('an unlisted address gets chain, checksum, the screening words and links; a listed one says so; junk gets a clear message', async () => {
    const firefox = await launchFirefox();
    try {
      // the popup, in the add-on's first-run tab (BiDi may not navigate to moz-extension:// itself)
      const popup = await firefoxWelcomeTab(firefox);
      await popup.bringToFront();
      const ffErrors: string[] = [];
      popup.on('pageerror', (e) => ffErrors.push(String(e)));
      await popup.evaluate(() => (location.href = 'popup.html'));
      await popup.waitForSelector('input[type="search"]', { timeout: 15_000 });
      const lookUpFx = async (query: string) => {
        await popup.$eval('input[type="search"]', (el) => ((el as HTMLInputElement).value = ''));
        await popup.type('input[type="search"]', query); // real key presses: the popup reads onInput
        await popup.keyboard.press('Enter');
      };

      await lookUpFx(UNLISTED_ETH);
      const about = `About ${UNLISTED_ETH}`;
      await expect.poll(async () => (await firefoxLookupView(popup, about)).text, { timeout: 15_000 }).not.toBeNull();
      const view = await firefoxLookupView(popup, about);
      expect(view.text).toContain('ETH');
      expect(view.text).toMatch(/valid/i);
      expect(view.text).toMatch(/Not on the lists we ship \(as of \d{4}-\d{2}-\d{2}\) — this does not mean it is safe\./);
      expect(view.links.find((a) => /explorer|etherscan/i.test(a.text))?.href).toBe(`https://etherscan.io/address/${UNLISTED_ETH}`);
      expect(view.links.find((a) => /OFAC/.test(a.text))?.href).toBe('https://sanctionssearch.ofac.treas.gov/');
      expect(view.status).toBe('ETH address: its checksum, sanctions screening and explorer link are in the card below.');
      // Enter moves the focus to the card once it is drawn (a frame after its text can be read)
      await expect.poll(async () => (await firefoxLookupView(popup, about)).focused, { timeout: 5_000 }).toBe(about);

      await lookUpFx(listed.address);
      await expect.poll(async () => (await firefoxLookupView(popup, `About ${listed.address}`)).text, { timeout: 15_000 }).toContain('On the US Treasury OFAC sanctions list');
      const name = kb.entities.find((e) => e.id === listed.entity)!.name;
      await expect.poll(async () => (await firefoxLookupView(popup, `About ${listed.address}`)).matches.some((m) => m.includes(name)), { timeout: 15_000 }).toBe(true);

      const junk = `${UNLISTED_ETH}ff`;
      await lookUpFx(junk);
      await expect.poll(async () => (await firefoxLookupView(popup, '')).status, { timeout: 15_000 }).toContain(`“${junk}” is not an address of a chain we know`);
      expect(await popup.$$('[role="region"][aria-label^="About "]')).toHaveLength(0);
      expect(ffErrors).toEqual([]);
    } finally {
      await firefox.close();
    }
  }, 180_000); // Firefox start-up and BiDi reads, on a busy machine
});
