/**
 * Real browsers for the demo (`npm start`), the real-browser tests and the benchmarks: a static
 * server on 127.0.0.1, the built extension loaded into Debian's Chromium (playwright-core) and
 * Firefox ESR (puppeteer-core), and a screenshot folder.
 *
 * A missing browser or build is an error that says how to fix it, never a silent skip.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import puppeteer, { type Browser as PuppeteerBrowser } from 'puppeteer-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CHROME_BUILD = resolve(ROOT, process.env.CNC_OUT_DIR ?? '.output', 'chrome-mv3');
export const FIREFOX_BUILD = resolve(ROOT, process.env.CNC_OUT_DIR ?? '.output', 'firefox-mv2');
export const FIXTURE_PAGES = join(ROOT, 'test/fixtures/pages');
export const SCREENSHOTS = join(ROOT, 'test-output/screenshots');

const CHROMIUM_CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const FIREFOX_CANDIDATES = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];

function findExecutable(candidates: (string | undefined)[], name: string, install: string): string {
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) {
    throw new Error(`${name} was not found (looked in ${candidates.filter(Boolean).join(', ')}). Install it with: ${install}`);
  }
  return found;
}

export function chromiumPath(): string {
  return findExecutable(CHROMIUM_CANDIDATES, 'Chromium', 'sudo apt-get install -y chromium (or set CHROMIUM_PATH)');
}

export function firefoxPath(): string {
  return findExecutable(FIREFOX_CANDIDATES, 'Firefox ESR', 'sudo apt-get install -y firefox-esr (or set FIREFOX_PATH)');
}

export function requireBuild(dir: string): string {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No extension build at ${dir}. Run "npm run build" first.`);
  }
  return dir;
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, name);
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface FixtureServer {
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

/** Serves `root` on 127.0.0.1 (a free port). Only files inside root; nothing else on the machine. */
export async function startFixtureServer(root = FIXTURE_PAGES, port = 0): Promise<FixtureServer> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const origin = `http://127.0.0.1:${actualPort}`;
  return {
    origin,
    url: (p) => `${origin}/${p.replace(/^\//, '')}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** Flags that keep Chromium off the network (the machines have none) and quiet. */
export const CHROMIUM_QUIET_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--metrics-recording-only',
];

export interface ChromiumWithExtension {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  close(): Promise<void>;
}

export async function launchChromium(opts: { extensionDir?: string; headless?: boolean; colorScheme?: 'light' | 'dark' } = {}): Promise<ChromiumWithExtension> {
  const executablePath = chromiumPath();
  const dir = requireBuild(opts.extensionDir ?? CHROME_BUILD);
  const userDataDir = mkdtempSync(join(tmpdir(), 'cnc-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: opts.headless ?? true,
    colorScheme: opts.colorScheme ?? 'light',
    viewport: { width: 1280, height: 900 },
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, ...CHROMIUM_QUIET_ARGS],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export interface FirefoxWithExtension {
  browser: PuppeteerBrowser;
  extensionId: string;
  close(): Promise<void>;
}

/** `prefs`: more Firefox preferences, on top of the ones every launch sets. */
export async function launchFirefox(opts: { extensionDir?: string; prefs?: Record<string, unknown> } = {}): Promise<FirefoxWithExtension> {
  const executablePath = firefoxPath();
  const dir = requireBuild(opts.extensionDir ?? FIREFOX_BUILD);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    extraPrefsFirefox: {
      // No telemetry, updates or remote settings: the machines have no network and tests must not try.
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'app.update.enabled': false,
      'extensions.update.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'network.captive-portal-service.enabled': false,
      ...opts.prefs,
    },
  });
  const extensionId = await browser.installExtension(dir);
  return { browser, extensionId, close: () => browser.close() };
}
