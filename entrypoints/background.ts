import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'content/hello') {
      const tabId = sender.tab?.id;
      if (tabId !== undefined) void browser.action.setBadgeText({ tabId, text: '' });
      return Promise.resolve({ ok: true });
    }
    return undefined;
  });
});
