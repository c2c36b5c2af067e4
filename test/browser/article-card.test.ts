/**
 * The card of a name the knowledge base lacks, in real Chromium (issue 17): the name the article describes
 * ("Kim Sung Ho, a blockchain investigator at ...") is marked, and its card shows the name, the type and the
 * article's words labelled "From this article:"; axe-core finds no violations in it, light and dark.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, launchChromium, pageStatus, startFixtureServer, type ChromiumWithExtension, type FixtureServer } from './harness';
import { letAxeSeeTheCard, settledCard, tabOf } from './card-probe';

const AXE_PATH = join(ROOT, 'node_modules/axe-core/axe.min.js');
const SETTLE_TIMEOUT_MS = 15_000;

let server: FixtureServer;
let cr: ChromiumWithExtension;

beforeAll(async () => {
  server = await startFixtureServer();
  cr = await launchChromium();
});
afterAll(async () => {
  await cr?.close();
  await server?.close();
});

describe('a name the article describes (Chromium)', () => {
  it('is marked, and its card says what the article says, labelled, with no axe violations', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await cr.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(server.url('article-description.html'));
      const tabId = await tabOf(cr.worker, page);
      await expect.poll(async () => (await pageStatus(cr.worker, tabId))?.marks ?? 0, { timeout: SETTLE_TIMEOUT_MS }).toBeGreaterThan(0);
      const mark = page.locator('cncmark[tabindex="0"]', { hasText: 'Kim Sung Ho' });
      await mark.waitFor({ timeout: SETTLE_TIMEOUT_MS });
      await mark.focus();
      await page.keyboard.press('Enter');
      const card = await settledCard(cr.worker, tabId);
      expect(card.title).toBe('Kim Sung Ho');
      expect(card.lead).toBe('From this article: “a blockchain investigator at a Seoul analytics firm”');
      expect(card.text).not.toMatch(/knowledge base|Why marked/);
      expect(card.links).toEqual([]);
      await page.addScriptTag({ path: AXE_PATH });
      await letAxeSeeTheCard(page);
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
        const r = await axe.run({ include: [['div[data-cnc-ui]', '.cnc-card']] }, { resultTypes: ['violations'] });
        return r.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
      });
      expect(violations, scheme).toEqual([]);
      await page.close();
    }
  });
});
