/**
 * One hostile tab must not stall the extension for the others (issue 16, point 1), in real Chromium and
 * Firefox ESR: a page that passes the gate, holds ~400 KB of text built from the engine's adversarial
 * families (an amount phrase repeated with no full stop, a run of "a-", a cue phrase repeated) and changes
 * itself every 100 ms is open, while normal articles in other tabs get their marks in under 2 s each
 * (page load to first mark). Timings go to test-output/hostile-tab.json.
 *
 * Run against your own build: CNC_OUT_DIR=/tmp/out npx wxt build (and -b firefox), then
 * CNC_OUT_DIR=/tmp/out npx vitest run --config test/browser/vitest.config.ts test/browser/hostile-tab.test.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, launchChromium, launchFirefox, pageStatus, startFixtureServer, type FixtureServer } from './harness';

/** The issue's bound: a normal article in another tab has its marks this soon after it starts loading. */
const MARKS_WITHIN_MS = 2_000;
/** How long the hostile tab runs before the first normal article opens: its first analysis and a re-trigger. */
const HOSTILE_HEAD_START_MS = 5_000;
/** Waiting longer than the bound only so that a failure reports the real time instead of a timeout. */
const WAIT_FOR_MARKS_MS = 30_000;
/** Normal articles opened one after another while the hostile tab keeps mutating (each lands at another point of its cycle). */
const ARTICLES = ['bridge-hack.html', 'ransomware.html', 'demo-article.html'];

/** ~400 KB of the families that made the engine superlinear, in an article that passes the gate. */
function hostileHtml(): string {
  const families = [
    'paid $1 million '.repeat(8_500), // an amount phrase, no full stop: role pattern and sentence search per amount
    'a-'.repeat(65_000), // a hyphen run: the list-cue pattern
    'groups including '.repeat(7_700), // a cue phrase repeated
  ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Lazarus Group hackers stole $100 million in crypto from a bridge, the FBI says</title>
<meta property="og:type" content="article"></head>
<body><article>
<h1>Lazarus Group hackers stole $100 million in crypto from a bridge</h1>
<p>The FBI said North Korea's Lazarus Group hacked the Horizon bridge and laundered the stolen ether through Tornado Cash, which the US Treasury sanctioned.</p>
<p id="live">Update 0</p>
${families.map((f) => `<p>${f}</p>`).join('\n')}
</article>
<script>
  // Changes its text every 100 ms, so that the extension is asked to read it again and again.
  window.__ticks = 0;
  setInterval(function () { window.__ticks++; document.getElementById('live').textContent = 'Update ' + window.__ticks; }, 100);
</script>
</body></html>`;
}

interface HostileServer {
  url: string;
  close(): Promise<void>;
}

async function startHostileServer(): Promise<HostileServer> {
  const html = hostileHtml();
  const server: Server = createServer((req, res) => {
    if (req.url !== '/hostile.html') return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    // another site than the fixtures (127.0.0.1): a hostile site gets its own renderer process, as on the web,
    // so what is measured is the extension's background, not a shared page thread
    url: `http://localhost:${port}/hostile.html`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

const report: Record<string, Record<string, number>> = {};
let fixtures: FixtureServer;
let hostile: HostileServer;

beforeAll(async () => {
  fixtures = await startFixtureServer();
  hostile = await startHostileServer();
});
afterAll(async () => {
  await fixtures?.close();
  await hostile?.close();
  mkdirSync(join(ROOT, 'test-output'), { recursive: true });
  writeFileSync(join(ROOT, 'test-output/hostile-tab.json'), `${JSON.stringify(report, null, 2)}\n`);
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Opens `name` in a new tab and returns the time from the start of its load to its first mark. */
type TimeToMarks = (name: string) => Promise<number>;

/** The scenario, the same in both browsers: the hostile tab first, then the articles one by one. */
async function scenario(browserName: string, openHostile: () => Promise<() => Promise<number>>, timeToMarks: TimeToMarks): Promise<void> {
  const ticks = await openHostile();
  await sleep(HOSTILE_HEAD_START_MS);
  const times: Record<string, number> = {};
  for (const name of ARTICLES) times[name] = await timeToMarks(name);
  report[browserName] = times;
  // the hostile page kept running all along (the extension did not freeze it). Its 100 ms timer runs at
  // most once a second while its tab is in the background (Firefox clamps background tabs' timers), so
  // the floor is one tick per second of the head start.
  expect(await ticks()).toBeGreaterThanOrEqual(HOSTILE_HEAD_START_MS / 1000);
  for (const name of ARTICLES) expect(times[name], `${browserName}: ${name}`).toBeLessThan(MARKS_WITHIN_MS);
}

describe('a hostile tab does not delay the marks of other tabs', () => {
  it('Chromium', async () => {
    const cr = await launchChromium();
    try {
      let hostilePage: PwPage | undefined;
      await scenario(
        'chromium',
        async () => {
          const page = (hostilePage = await cr.context.newPage());
          await page.goto(hostile.url);
          return () => page.evaluate(() => (window as unknown as { __ticks: number }).__ticks);
        },
        async (name) => {
          const page = await cr.context.newPage();
          const t0 = Date.now();
          await page.goto(fixtures.url(name));
          await page.waitForSelector('cncmark[data-cnc-entity]', { timeout: WAIT_FOR_MARKS_MS });
          return Date.now() - t0;
        },
      );
      // The background did take the hostile page's readings (the test is not passing because it ignored it).
      const tabs = await cr.worker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id ?? -1));
      const statuses = await Promise.all(tabs.map((t) => pageStatus(cr.worker, t)));
      const hostileStatus = statuses.find((s) => s?.url === hostile.url);
      expect(hostileStatus?.gate.pass).toBe(true);
      expect(hostileStatus?.readingId).toBeGreaterThanOrEqual(2); // it re-triggered reading
      const hostileTab = tabs[statuses.indexOf(hostileStatus)]!;
      const rec = await cr.worker.evaluate(
        async (t) => (await chrome.storage.session.get(`tab:${t}`))[`tab:${t}`] as { readingId: number; phase: string; analysis?: { timingsMs: { total: number }; cut?: unknown } } | undefined,
        hostileTab,
      );
      // what the background holds for the hostile tab (an analysis of its last reading may still be on its way)
      report['chromium-hostile-tab'] = { readingsSent: hostileStatus!.readingId, lastReadingTaken: rec?.readingId ?? -1, lastAnalysisMs: Math.round(rec?.analysis?.timingsMs.total ?? -1), cut: rec?.analysis?.cut ? 1 : 0 };
      await hostilePage?.close();
    } finally {
      await cr.close();
    }
  }, 120_000);

  it('Firefox ESR', async () => {
    const ff = await launchFirefox();
    try {
      let hostilePage: PpPage | undefined;
      await scenario(
        'firefox',
        async () => {
          const page = (hostilePage = await ff.browser.newPage());
          await page.goto(hostile.url);
          return () => page.evaluate(() => (window as unknown as { __ticks: number }).__ticks);
        },
        async (name) => {
          const page = await ff.browser.newPage();
          const t0 = Date.now();
          await page.goto(fixtures.url(name));
          await page.waitForSelector('cncmark[data-cnc-entity]', { timeout: WAIT_FOR_MARKS_MS });
          return Date.now() - t0;
        },
      );
      await hostilePage?.close();
    } finally {
      await ff.close();
    }
  }, 120_000);
});
