/**
 * `npm start`: the extension working at once. Serves the demo article from 127.0.0.1 and opens
 * Chromium with the freshly built extension loaded. With a display, the browser stays open until
 * you close it; without one (servers, CI) it runs headless, saves screenshots and says where.
 */
import { launchChromium, screenshotPath, startFixtureServer, SCREENSHOTS } from './browsers';

/** Port for the demo page: fixed so the address can be typed; 0 (any free port) if it is taken. */
const DEMO_PORT = 8737;
/** How long to wait for annotations in headless mode before reporting that none appeared. */
const ANNOTATION_WAIT_MS = 15_000;
/** Hover dwell plus a margin, so the screenshot shows the open card. */
const CARD_WAIT_MS = 1_500;

const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && process.env.CI !== 'true' && !process.argv.includes('--headless');

const server = await startFixtureServer(undefined, DEMO_PORT).catch(() => startFixtureServer(undefined, 0));
const demoUrl = server.url('demo-article.html');
const cr = await launchChromium({ headless: !headed });
const page = await cr.context.newPage();
await page.goto(demoUrl);

if (headed) {
  console.log(`Chromium is open on ${demoUrl} with Crypto News Context loaded.`);
  console.log('Hover a highlighted name, or click the toolbar button (puzzle icon → pin it). Close the browser or press Ctrl+C to stop.');
  const stop = async () => {
    await cr.close().catch(() => undefined);
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  cr.context.on('close', () => void stop());
} else {
  const saved: string[] = [];
  const mark = page.locator('[data-cnc-entity]').first();
  const annotated = await mark.waitFor({ timeout: ANNOTATION_WAIT_MS }).then(
    () => true,
    () => false,
  );
  const count = await page.locator('[data-cnc-entity]').count();
  saved.push(screenshotPath('demo-article.png'));
  await page.screenshot({ path: saved.at(-1), fullPage: true });
  if (annotated) {
    await mark.scrollIntoViewIfNeeded();
    await mark.hover();
    await page.waitForTimeout(CARD_WAIT_MS);
    saved.push(screenshotPath('demo-hover-card.png'));
    await page.screenshot({ path: saved.at(-1) });
  }
  const tabId = await cr.worker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id ?? null, demoUrl);
  const popup = await cr.context.newPage();
  await popup.setViewportSize({ width: 400, height: 800 });
  await popup.goto(`chrome-extension://${cr.extensionId}/popup.html${tabId === null ? '' : `?tab=${tabId}`}`);
  await popup.waitForTimeout(1_000);
  saved.push(screenshotPath('demo-popup.png'));
  await popup.screenshot({ path: saved.at(-1), fullPage: true });
  await cr.close();
  await server.close();
  console.log(`No display found: ran Chromium headless on ${demoUrl}.`);
  console.log(annotated ? `The extension marked ${count} names in the demo article.` : `No annotations appeared within ${ANNOTATION_WAIT_MS / 1000} s.`);
  console.log(`Screenshots are in ${SCREENSHOTS}:`);
  for (const file of saved) console.log(`  ${file}`);
  process.exitCode = annotated ? 0 : 1;
}
