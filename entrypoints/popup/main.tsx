/**
 * The popup's Preact app, loaded by the page's first script (./first.ts), which has already asked the
 * background and read storage. The app checks those answers (the same schema as its messages), waits a
 * moment for the tab's results when they are not in yet (FIRST_ANSWER_WAIT_MS), and renders.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { CARD_CSS } from '../../components/card';
import { createBrowserBackend } from '../../components/popup/backend';
import type { FirstLoad } from '../../components/popup/first-load';
import type { PopupParams } from '../../components/popup/params';
import { Popup } from '../../components/popup/Popup';
import { firstView, fromFirstLoad } from '../../components/popup/tab-load';
import { localizePage } from '../../lib/shared/i18n';

export async function start({ params, first }: { params: PopupParams; first: FirstLoad | null }): Promise<void> {
  localizePage(document, 'popTitle');
  const backend = createBrowserBackend();
  // the first script's questions, and the settings; without them (no browser API found) the app asks on its first render
  const load = first ? fromFirstLoad(first, backend.getSettings().catch(() => null)) : undefined;

  const initial = load ? await firstView(load) : null;
  const root = document.getElementById('app');
  if (!root) return;
  render(<Popup backend={backend} params={params} pageUrl={browser.runtime.getURL('/popup.html')} load={load} initial={initial} />, root);
  performance.mark('cnc-popup:app-rendered');
  // The look-up's card styles (the content script puts the same string into its shadow root), after the
  // first render: no card is open yet. The page's own styles came with the first script.
  const style = document.createElement('style');
  style.textContent = CARD_CSS;
  document.head.append(style);
}
