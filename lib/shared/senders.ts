/** Who sent a message: the checks every receiver makes before it reads one. */

/** Minimal view of `runtime.MessageSender` (the parts the checks use). */
export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/** True when the sender is one of our own extension pages (popup, options, a tab showing popup.html). */
export function isExtensionPage(sender: SenderLike, extensionId: string, extensionOrigin: string): boolean {
  return sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

/** True when the sender is our content script in the top frame of a web page. */
export function isTopFrameContentScript(sender: SenderLike, extensionId: string, extensionOrigin: string): boolean {
  return (
    sender.id === extensionId &&
    typeof sender.tab?.id === 'number' &&
    sender.tab.id >= 0 &&
    (sender.frameId ?? 0) === 0 &&
    typeof sender.url === 'string' &&
    /^https?:/i.test(sender.url) &&
    !sender.url.startsWith(extensionOrigin)
  );
}
