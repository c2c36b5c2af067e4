/**
 * Knowledge updates in real Chromium (issue 20): a test build whose pack URL is a pack server on 127.0.0.1
 * started here (CNC_PACK_URL, built into /tmp/out-packs) and which also trusts a key made here
 * (CNC_PACK_TEST_PUBKEY; a release build has neither). Packs are made with lib/kb/pack.ts `createPack`.
 *
 * One profile, in order: updates off make no request; turning them on in options makes the first scheduled
 * GET of exactly the pack URL, without query, cookie or referrer; the good pack changes the as-of date shown
 * and a card's content; "Check now" with a tampered pack, then with a pack signed by an unknown key, each one
 * conditional GET (the good pack's ETag), changes nothing and options says why; the browser restarts with
 * the same profile and the new knowledge is still in use, without another request.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { base64 } from '@scure/base';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPack, versionOfDate } from '../../lib/kb/pack';
import { sourcesOf } from '../../lib/kb/sources';
import type { CompiledKb } from '../../lib/kb/types';
import { cardView, tabOf } from './card-probe';
import { CHROMIUM_QUIET_ARGS, ROOT, chromiumPath, startFixtureServer, type FixtureServer } from './harness';

/** Its own build (beside CNC_OUT_DIR's when that is set, so that parallel runs do not share one). */
const OUT_DIR = process.env.CNC_OUT_DIR ? `${process.env.CNC_OUT_DIR}-packs` : '/tmp/out-packs';
const BUILD = join(OUT_DIR, 'chrome-mv3');
const PACK_PATH = '/kb/v1/kb-pack.json';
const NEW_AS_OF = '2027-01-15';
const MARKER = 'UPDATED KNOWLEDGE (test pack):';

interface Seen {
  at: number;
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}
interface Served {
  body: Uint8Array;
  etag: string;
}

let packServer: Server;
let packOrigin = '';
const seen: Seen[] = [];
let serving: Served | null = null;
let fixtures: FixtureServer;
let userDataDir = '';
let context: BrowserContext;
let worker: Worker;
let extensionId = '';
const packs: { good?: Uint8Array; tampered?: Uint8Array; wrongKey?: Uint8Array } = {};
let originalDescription = '';
let builtInAsOf = '';

const packRequests = () => seen.filter((s) => new URL(s.url, packOrigin).pathname === PACK_PATH);

async function newKey() {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  return { privateKey: pair.privateKey, publicKey, b64: base64.encode(publicKey) };
}

async function launch(): Promise<void> {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1280, height: 900 },
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [`--disable-extensions-except=${BUILD}`, `--load-extension=${BUILD}`, ...CHROMIUM_QUIET_ARGS],
  });
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 90_000 }));
  extensionId = new URL(worker.url()).host;
}

async function openOptions(): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.getByRole('checkbox', { name: 'Download knowledge updates' }).waitFor();
  return page;
}

/** The Lazarus Group card's text on the bridge-hack article, opened from the keyboard. */
async function lazarusCard(): Promise<string> {
  const page = await context.newPage();
  await page.goto(fixtures.url('bridge-hack.html'));
  const tabId = await tabOf(worker, page);
  const mark = page.locator('cncmark[data-cnc-entity="lazarus-group"][tabindex="0"]');
  await mark.waitFor({ timeout: 30_000 });
  await mark.focus();
  await page.keyboard.press('Enter');
  let text = '';
  await expect
    .poll(
      async () => {
        const c = await cardView(worker, tabId);
        text = c?.visible && c.loaded ? c.text : '';
        return text.length > 0;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  await page.close();
  return text;
}

const knowledgeShown = (page: Page) => page.getByTestId('knowledge-dates').locator('summary').first().textContent();
/** A calendar day as the page's locale writes it (the reader's: the browser's language), e.g. "Jan 15, 2027". */
const dayShown = (page: Page, iso: string) =>
  page.evaluate((d) => new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${d}T00:00:00Z`)), iso);
const updatedShown = async (page: Page) => `Knowledge as of ${await dayShown(page, NEW_AS_OF)} (updated)`;

beforeAll(async () => {
  packServer = createServer((req, res) => {
    seen.push({ at: Date.now(), method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/control') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>control</title>');
      return;
    }
    if (path !== PACK_PATH || !serving) {
      res.writeHead(404).end();
      return;
    }
    if (req.headers['if-none-match'] === serving.etag) {
      res.writeHead(304, { etag: serving.etag }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', etag: serving.etag, 'cache-control': 'no-cache' }).end(serving.body);
  });
  await new Promise<void>((ok) => packServer.listen(0, '127.0.0.1', ok));
  const port = (packServer.address() as { port: number }).port;
  packOrigin = `http://127.0.0.1:${port}`;

  const key = await newKey();
  const stranger = await newKey();
  // the test build: this server's URL and this run's key (docs/data-packs.md; wxt.config.ts)
  execFileSync('npx', ['wxt', 'build'], {
    cwd: ROOT,
    env: { ...process.env, CNC_OUT_DIR: OUT_DIR, CNC_PACK_URL: `${packOrigin}${PACK_PATH}`, CNC_PACK_TEST_PUBKEY: key.b64 },
    stdio: 'pipe',
  });
  const manifest = JSON.parse(readFileSync(join(BUILD, 'manifest.json'), 'utf8')) as { optional_host_permissions?: string[] };
  expect(manifest.optional_host_permissions).toEqual(['http://127.0.0.1/*']);

  // the good pack: the built-in knowledge with a new date and a new description for Lazarus Group
  const kb = JSON.parse(readFileSync(join(ROOT, 'lib/kb/compiled/kb.json'), 'utf8')) as CompiledKb;
  const lazarus = kb.entities.find((e) => e.id === 'lazarus-group')!;
  originalDescription = lazarus.description;
  builtInAsOf = kb.asOf;
  lazarus.description = `${MARKER} ${lazarus.description}`;
  const updated: CompiledKb = { ...kb, version: `${NEW_AS_OF}+test`, asOf: NEW_AS_OF };
  const payload = new TextEncoder().encode(JSON.stringify(updated));
  const version = versionOfDate(new Date());
  const make = (signer: typeof key, v: number) =>
    createPack({ payload, version: v, created: new Date(), previousHash: null, sources: sourcesOf(updated), privateKey: signer.privateKey, publicKey: signer.publicKey });
  packs.good = await make(key, version);
  const tampered = await make(key, version + 1);
  const at = new TextDecoder().decode(tampered).indexOf(MARKER);
  tampered[at] = 'u'.charCodeAt(0); // one byte of the payload
  packs.tampered = tampered;
  packs.wrongKey = await make(stranger, version + 2);

  fixtures = await startFixtureServer();
  userDataDir = mkdtempSync(join(tmpdir(), 'cnc-packs-'));
  await launch();
  // a cookie for the pack server's host: a request with credentials would carry it
  await context.addCookies([{ name: 'cnc_tracker', value: 'reader-42', url: packOrigin }]);
}, 300_000);

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await new Promise<void>((ok) => (packServer ? packServer.close(() => ok()) : ok()));
  await fixtures?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

describe('knowledge updates (real Chromium, a pack server on 127.0.0.1)', () => {
  it('off (the default): nothing is requested while pages are read, cards opened and options shown', async () => {
    serving = { body: packs.good!, etag: '"good-1"' };
    const card = await lazarusCard();
    expect(card).toContain(originalDescription.slice(0, 40));
    expect(card).not.toContain(MARKER);
    const options = await openOptions();
    expect(await options.getByRole('checkbox', { name: 'Download knowledge updates' }).isChecked()).toBe(false);
    expect(await knowledgeShown(options)).toBe(`Knowledge as of ${await dayShown(options, builtInAsOf)}`);
    expect(await knowledgeShown(options)).not.toContain('2027');
    await options.waitForTimeout(3_000);
    await options.close();
    expect(packRequests()).toEqual([]);
    // the cookie is there for anything that sends credentials to that host
    const control = await context.newPage();
    await control.goto(`${packOrigin}/control`);
    await control.close();
    expect(seen.find((s) => s.url === '/control')?.headers.cookie).toContain('cnc_tracker=reader-42');
  }, 120_000);

  it('on: the first scheduled check GETs exactly the pack URL with no query, cookie or referrer; the good pack changes the as-of date and the card', async () => {
    const options = await openOptions();
    await options.getByRole('checkbox', { name: 'Download knowledge updates' }).check();
    await expect.poll(() => options.getByRole('status').textContent(), { timeout: 15_000 }).toMatch(/Updates are on/);
    // the first check: within a minute (Chrome's alarms: at least 30 s)
    await expect.poll(() => packRequests().length, { timeout: 100_000, interval: 1_000 }).toBe(1);
    const first = packRequests()[0]!;
    expect(first.method).toBe('GET');
    expect(first.url).toBe(PACK_PATH);
    expect(first.headers.cookie).toBeUndefined();
    expect(first.headers.referer).toBeUndefined();
    expect(first.headers['if-none-match']).toBeUndefined();
    // only the browser's fixed request headers: nothing that depends on the reader, their pages or settings
    const FIXED = /^(host|connection|accept|accept-encoding|accept-language|user-agent|cache-control|pragma|origin|sec-fetch-(site|mode|dest|storage-access)|sec-ch-ua(-mobile|-platform)?|priority)$/;
    expect(Object.keys(first.headers).filter((h) => !FIXED.test(h))).toEqual([]);
    if (first.headers.origin) expect(first.headers.origin).toBe(`chrome-extension://${extensionId}`);
    console.log('pack request headers:', JSON.stringify(first.headers));
    await expect.poll(() => knowledgeShown(options), { timeout: 20_000 }).toBe(await updatedShown(options));
    expect(await options.getByTestId('updates-last').textContent()).toMatch(/updated; knowledge version \d{14} is now in use/);
    await options.close();
    expect(await lazarusCard()).toContain(MARKER);
  }, 180_000);

  it('"Check now" with a tampered pack, then one signed by an unknown key: conditional GETs, nothing changes, options says why', async () => {
    const options = await openOptions();
    const checkNow = async (served: Served, expected: RegExp) => {
      serving = served;
      const last = packRequests().at(-1)!.at;
      const wait = last + 62_000 - Date.now(); // "Check now" is refused within a minute of the last check
      if (wait > 0) await options.waitForTimeout(wait);
      const before = packRequests().length;
      await options.getByRole('button', { name: 'Check now' }).click();
      await expect.poll(() => options.getByTestId('updates-last').textContent(), { timeout: 30_000 }).toMatch(expected);
      expect(packRequests().length).toBe(before + 1);
      const req = packRequests().at(-1)!;
      expect(req.url).toBe(PACK_PATH);
      expect(req.headers.cookie).toBeUndefined();
      expect(req.headers.referer).toBeUndefined();
      expect(req.headers['if-none-match']).toBe('"good-1"'); // the accepted pack's ETag, kept
    };
    await checkNow({ body: packs.tampered!, etag: '"bad-1"' }, /downloaded but not used\. .*altered or damaged.* Your knowledge was not changed\./);
    expect(await knowledgeShown(options)).toBe(await updatedShown(options));
    await checkNow({ body: packs.wrongKey!, etag: '"bad-2"' }, /downloaded but not used\. The update is signed with a key this extension does not know.* Your knowledge was not changed\./);
    expect(await knowledgeShown(options)).toBe(await updatedShown(options));
    await options.close();
    expect(await lazarusCard()).toContain(MARKER);
    expect(packRequests()).toHaveLength(3);
  }, 240_000);

  it('the new knowledge survives a browser restart (same profile), without another request', async () => {
    await context.close();
    await launch();
    expect(await lazarusCard()).toContain(MARKER);
    const options = await openOptions();
    await expect.poll(() => knowledgeShown(options), { timeout: 20_000 }).toBe(await updatedShown(options));
    expect(await options.getByRole('checkbox', { name: 'Download knowledge updates' }).isChecked()).toBe(true);
    await options.close();
    expect(packRequests()).toHaveLength(3);
    for (const r of packRequests()) {
      expect(r.url).toBe(PACK_PATH);
      expect(r.method).toBe('GET');
    }
  }, 120_000);
});
