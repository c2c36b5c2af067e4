/**
 * The popup's first script: small (no Preact, no zod, no webextension-polyfill), so that it runs as soon
 * as the page does. It asks the background for the tab's state at once, draws the first screen of the
 * results (title, site, summary, key facts) as soon as the answer is in, and only then loads the Preact
 * app (./main.tsx), which takes the same DOM over. Should the answer be slow (a stopped service worker has
 * to start first), the app loads after FIRST_SCREEN_WAIT_MS without it and shows it when it comes. See
 * components/popup/first-paint.ts and docs/performance.md, section 6.
 */
import { applyCachedTheme, drawWhenAnswered, rawApi, startFirstLoad } from '../../components/popup/first-paint';
import { parsePopupParams } from '../../components/popup/params';
import type { PopupInitial } from '../../components/popup/Popup';
// The styles come inside this script, not as <link>ed files: every file an extension page loads is a
// round trip to the browser process, and linked styles hold back the script (docs/performance.md, 6).
import popupCss from '../../components/popup/popup.css?inline';
import uiCss from '../../components/shared/ui.css?inline';

// User-timing marks (cheap; the popup benchmark, test/bench/popup.ts, reads them for its breakdown, and
// test/browser/popup.test.ts for their order)
performance.mark('cnc-popup:first-script');
const params = parsePopupParams(location.search);
const api = rawApi();
const first = api ? startFirstLoad(api, params.tab) : null;
void first?.state.then(() => performance.mark('cnc-popup:answer'));

const style = document.createElement('style');
style.textContent = uiCss + popupCss;
document.head.append(style);
applyCachedTheme();

async function boot(): Promise<void> {
  let painted: PopupInitial | null = null;
  if (first) {
    painted = await drawWhenAnswered(first, document.getElementById('app'), params);
    if (painted) performance.mark('cnc-popup:first-screen');
  }
  const { start } = await import('./main');
  performance.mark('cnc-popup:app-loaded');
  start({ params, first, painted });
  performance.mark('cnc-popup:app-rendered');
}

void boot();
