/** When the settings change: every tab gets its new plan, and pages that may now be read are asked to read. */
import { browser } from 'wxt/browser';
import { backgroundApi } from '../shared/channels';
import { isSiteDisabled } from '../settings';
import type { Settings } from '../settings/types';
import { buildPlan } from './plan';
import { answersFromRecord } from './tab-rules';
import type { TabStore } from './tab-store';

export function createPlanPusher(store: TabStore): (settings: Settings) => Promise<void> {
  /**
   * The mode at the last settings change this worker saw. Unknown after the worker (re)starts: an MV3 worker
   * is often woken by the very change that switched the mode, so the first change seen in mode 'auto' is
   * treated as a switch from 'click' (harmless: a page with no record is one whose gate failed, and checking
   * it again costs microseconds).
   */
  let lastMode: Settings['mode'] | undefined;

  return async function pushPlans(settings: Settings): Promise<void> {
    const records = await store.all();
    if (lastMode !== 'auto' && settings.mode === 'auto') {
      // Pages left waiting for a click are now annotated like any other: each tab's gate script checks its
      // page again (tabs.query without the `tabs` permission gives ids only; no addresses are read).
      const tabs = await browser.tabs.query({}).catch(() => []);
      for (const tab of tabs) if (tab.id !== undefined && tab.id >= 0 && !records.has(tab.id)) void backgroundApi.reread(tab.id);
    }
    lastMode = settings.mode;
    for (const [tabId, rec] of records) {
      const active = settings.enabled && !isSiteDisabled(settings, rec.host);
      void store.markPopupAnswer(tabId, answersFromRecord(rec, settings) ? rec : null);
      // switched back on for a page that was never analysed: let it read itself now
      if (rec.phase === 'disabled' && active) void backgroundApi.reread(tabId);
      if (rec.phase !== 'results' || !rec.analysis) continue;
      const plan = buildPlan(rec.analysis, settings, rec.host, rec.show && active, rec.readingId);
      void backgroundApi.sendPlan(tabId, plan);
    }
  };
}
