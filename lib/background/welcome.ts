/**
 * The first-run page. The background calls `openWelcomeOnInstall()` once at start-up; the page opens
 * on a fresh install only (not on updates, not when the browser restarts).
 */
import { browser, type PublicPath } from 'wxt/browser';

const WELCOME_PATH: string = '/welcome.html';

function welcomeUrl(): string {
  return browser.runtime.getURL(WELCOME_PATH as PublicPath);
}

/** Opens the welcome page in a new tab. */
async function openWelcome(): Promise<void> {
  await browser.tabs.create({ url: welcomeUrl() });
}

/** Registers the install listener (call synchronously at the top level of the background). */
export function openWelcomeOnInstall(): void {
  browser.runtime.onInstalled.addListener((details) => {
    if (details.reason === 'install') void openWelcome().catch(() => undefined);
  });
}
