/**
 * The popup's Preact app, loaded by the page's first script (./first.ts) once that has asked the background
 * and, for results, drawn their first screen. The app reuses the first script's questions and answers
 * (nothing is asked twice) and takes its DOM over in one synchronous render: the first screen the reader
 * already sees stays where it is (`render` adopts the elements it finds in #app), the inert copies of the
 * controls become the real ones, and the rest of the results follows after the next paint.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { CARD_CSS } from '../../components/card';
import { createBrowserBackend } from '../../components/popup/backend';
import type { FirstLoad } from '../../components/popup/first-paint';
import type { PopupParams } from '../../components/popup/params';
import { Popup, type PopupInitial } from '../../components/popup/Popup';
import type { TabLoad } from '../../components/popup/tab-load';

export function start({ params, first, painted }: { params: PopupParams; first: FirstLoad | null; painted: PopupInitial | null }): void {
  const backend = createBrowserBackend();
  // the first script's questions, and the settings; without them (no browser API found) the app asks on its first render
  const load: TabLoad | undefined = first ? { tab: first.tab, state: first.state, settings: backend.getSettings().catch(() => null) } : undefined;

  // The look-up's card styles (the content script puts the same string into its shadow root); the page's
  // own styles came with the first script.
  const style = document.createElement('style');
  style.textContent = CARD_CSS;
  document.head.append(style);

  const root = document.getElementById('app');
  if (root) render(<Popup backend={backend} params={params} pageUrl={browser.runtime.getURL('/popup.html')} load={load} initial={painted} />, root);
}
