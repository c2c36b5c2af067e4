/** The real-browser tests use the same launch code as `npm start` and the benchmarks. */
export * from '../../tools/cli/browsers';

import type { Worker } from 'playwright-core';
import { GATE_SLOT_KEY } from '../../lib/shared/gate-protocol';

/** What our scripts in a tab's top frame say about the page (lib/shared/messages.ts, `ContentStatus`). */
export interface PageStatus {
  url: string;
  readingId: number;
  gate: { pass: boolean; hits: string[] };
  marks: number;
  skipped?: string;
}

/**
 * The tab's status as the background reads it (lib/shared/messages.ts, `backgroundApi.getStatus`): the annotator
 * answers a message; before it is in the page, the gate script's slot answers `scripting.executeScript`.
 * Undefined: no script of ours in that tab (yet).
 */
export function pageStatus(worker: Worker, tabId: number): Promise<PageStatus | undefined> {
  return worker.evaluate(
    async ({ t, key }) => {
      try {
        const s = (await chrome.tabs.sendMessage(t, { type: 'background/get-status' }, { frameId: 0 })) as unknown;
        if (s !== undefined) return s as PageStatus;
      } catch {
        // no annotator in that tab
      }
      try {
        const [frame] = await chrome.scripting.executeScript({
          target: { tabId: t, frameIds: [0] },
          args: [key],
          func: (k: string) => (globalThis as unknown as Record<symbol, { status(): unknown } | undefined>)[Symbol.for(k)]?.status() ?? null,
        });
        return (frame?.result ?? undefined) as PageStatus | undefined;
      } catch {
        return undefined; // no access to that tab
      }
    },
    { t: tabId, key: GATE_SLOT_KEY },
  );
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_BUILD, CHROMIUM_QUIET_ARGS, chromiumPath, requireBuild, type ChromiumWithExtension } from '../../tools/cli/browsers';

/**
 * Chromium with the extension and a touch screen (`hasTouch`), as on a phone: `page.touchscreen.tap` sends real
 * touch input (pointerType "touch", then the tap's click). Same flags as `launchChromium`.
 */
export async function launchChromiumWithTouch(viewport = { width: 390, height: 800 }): Promise<ChromiumWithExtension> {
  const dir = requireBuild(CHROME_BUILD);
  const userDataDir = mkdtempSync(join(tmpdir(), 'cnc-chromium-touch-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    hasTouch: true,
    viewport,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, ...CHROMIUM_QUIET_ARGS],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  return {
    context,
    extensionId: new URL(worker.url()).host,
    worker,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
