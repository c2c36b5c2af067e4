/** The toolbar badge: the number of entities an analysed crypto-security article names. */
import { browser } from 'wxt/browser';

/** Quiet dark blue: legible white digits (contrast > 7:1), not an alarm colour. */
const BADGE_COLOR = '#1f4e99';

type ActionLike = {
  setBadgeText(details: { tabId?: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId?: number; color: string }): Promise<void>;
};

function action(): ActionLike | undefined {
  // MV3 (Chrome) has `action`; Firefox's MV2 build has `browserAction`.
  const b = browser as unknown as { action?: ActionLike; browserAction?: ActionLike };
  return b.action ?? b.browserAction;
}

export async function setBadge(tabId: number, count: number | null): Promise<void> {
  const a = action();
  if (!a) return;
  try {
    await a.setBadgeText({ tabId, text: count && count > 0 ? String(Math.min(count, 99)) : '' });
    if (count) await a.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
  } catch {
    // the tab closed meanwhile
  }
}
