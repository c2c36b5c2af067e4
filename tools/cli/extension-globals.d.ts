/**
 * Callbacks passed to Playwright's `worker.evaluate` / `page.evaluate` run inside the extension,
 * where the `chrome` API object exists. This declares it for the type checker (Node-side code only).
 */
import type { browser } from 'wxt/browser';

declare global {
  var chrome: typeof browser;
}
export {};
