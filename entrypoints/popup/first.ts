/**
 * The popup's first script: its own code is small (no Preact, no zod, no webextension-polyfill) and runs before
 * the app's modules are initialised. It puts the reader's last theme on the page, starts the Preact app (./main.tsx),
 * reads the results the background keeps in storage.session and asks for the tab's state and the sections'
 * open state while the app loads, and puts in the styles. The app checks the answers and renders them with
 * the components. See components/popup/first-load.ts and docs/performance.md, section 6.
 */
import { applyCachedTheme, rawApi, startFirstLoad } from '../../components/popup/first-load';
import { parsePopupParams } from '../../components/popup/params';
// The styles come inside this script, not as <link>ed files: every file an extension page loads is a
// round trip to the browser process, and linked styles hold back the script (docs/performance.md, 6).
import indicatorsCss from '../../components/popup/indicators.css?inline';
import popupCss from '../../components/popup/popup.css?inline';
import uiCss from '../../components/shared/ui.css?inline';

// User-timing marks (cheap; the popup benchmark, test/bench/popup.ts, reads them for its breakdown)
performance.mark('cnc-popup:first-script');
// the reader's last theme first: a synchronous localStorage read, which would otherwise wait behind the
// app's files and the questions in the browser's process
applyCachedTheme();
// The app: built into this same file (wxt.config.ts), so nothing more to fetch; its modules are initialised when
// this import resolves, a microtask after this script's body, i.e. after the questions below are asked.
const app = import('./main');
const params = parsePopupParams(location.search);
const api = rawApi();
const first = api ? startFirstLoad(api, params.tab) : null;
void first?.state.then(() => performance.mark('cnc-popup:answer'));
void first?.kept.then(() => performance.mark('cnc-popup:kept'));

const style = document.createElement('style');
style.textContent = uiCss + popupCss + indicatorsCss;
document.head.append(style);

void app.then(({ start }) => {
  performance.mark('cnc-popup:app-loaded');
  return start({ params, first });
});
