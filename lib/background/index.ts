/**
 * Starts the background: message routing, per-tab state, badge, context menu and keyboard command.
 * Listeners are registered synchronously at start-up (an MV3 worker woken by an event must have them
 * before that event is dispatched).
 */
import { browser } from 'wxt/browser';
import { migrateHistory } from '../history';
import { setBadge } from './badge';
import { setKbLoader, useKb } from './engine';
import { browserKbUpdater, UPDATE_ALARM } from './kb-updates';
import { createMenus, listenToMenus } from './menus';
import { createBackgroundService } from './service';

export function startBackground(): void {
  const service = createBackgroundService();

  browser.runtime.onMessage.addListener((raw: unknown, sender) => service.onMessage(raw, sender));

  // Knowledge updates (off until the reader turns them on): a kept update is verified again before the first
  // look-up or analysis; checks run on the alarm and on the options page's "Check now".
  const updater = browserKbUpdater(useKb);
  setKbLoader(updater.ensureLoaded);
  browser.runtime.onMessage.addListener((raw: unknown, sender) => updater.onMessage(raw, sender));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === UPDATE_ALARM) void updater.onAlarm(alarm.name);
  });

  // Reading history in an earlier format (addresses with their query) is moved to the current one; readers
  // already see it migrated, this makes the stored copy match. Cheap when there is nothing to move.
  void migrateHistory().catch((err: unknown) => console.error('Crypto News Context: history migration failed', err));

  browser.runtime.onInstalled.addListener(() => {
    void createMenus();
    void updater.onStartup();
  });
  browser.runtime.onStartup.addListener(() => {
    void createMenus();
    void updater.onStartup();
  });
  listenToMenus();

  browser.commands.onCommand.addListener((command) => {
    if (command !== 'toggle-annotations') return;
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      // mode 'click': on a tab still waiting for a click this annotates it (the command grants activeTab)
      if (tab?.id !== undefined) void service.command(tab.id);
    });
  });

  browser.tabs.onRemoved.addListener((tabId) => void service.forgetTab(tabId, true));
  // A new document in the tab: what we knew about the old one no longer applies.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') {
      void service.forgetTab(tabId);
      void setBadge(tabId, null);
    }
  });
}
