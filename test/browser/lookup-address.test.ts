/**
 * The popup's look-up with a crypto address, in real Chromium with the built extension (issue 17): an
 * address the knowledge base does not have shows its chain, checksum, the plain screening wording and an
 * explorer link; a listed one says it is listed; a string no chain reads gets a clear message. The answer
 * comes from the background (the engine's address check and screening), through the popup's message.
 *
 *   CNC_OUT_DIR=.output-lookup npx wxt build
 *   CNC_OUT_DIR=.output-lookup npx vitest run --config test/browser/vitest.config.ts test/browser/lookup-address.test.ts
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKb } from '../../lib/kb';
import { launchChromium, type ChromiumWithExtension } from './harness';

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
