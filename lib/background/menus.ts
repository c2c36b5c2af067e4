/**
 * Context-menu item "Look up “%s” in Crypto News Context" on selected text: opens the popup page in a
 * tab with the selection as its query. Nothing leaves the browser: the look-up runs on the local KB.
 */
import { browser } from 'wxt/browser';
import { t } from '../shared/i18n';
import { MAX_QUERY_CHARS } from '../shared/limits';

const LOOKUP_MENU_ID = 'cnc-lookup-selection';

export function lookupPageUrl(selection: string): string {
  const q = selection.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_CHARS);
  return `${browser.runtime.getURL('/popup.html')}?q=${encodeURIComponent(q)}`;
}

export async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: LOOKUP_MENU_ID,
    title: t('uiMenuLookUp'), // the browser puts the selection in for its %s
    contexts: ['selection'],
  });
}

export function listenToMenus(): void {
  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId !== LOOKUP_MENU_ID || !info.selectionText) return;
    void browser.tabs.create({ url: lookupPageUrl(info.selectionText) });
  });
}
