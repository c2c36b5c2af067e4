/**
 * The popup's first script: small (no Preact, no zod, no webextension-polyfill), so that it runs as soon as
 * the page does. It asks at once for the tab's state, reads the results the background keeps in
 * storage.session and the sections' open state, puts in the styles and the theme, and loads the Preact app
 * (./main.tsx) while the answers are on their way. The app checks them and renders them with the
 * components. See components/popup/first-load.ts and docs/performance.md, section 6.
 */
import { applyCachedTheme, rawApi, startFirstLoad } from '../../components/popup/first-load';
import { parsePopupParams } from '../../components/popup/params';
// The styles come inside this script, not as <link>ed files: every file an extension page loads is a
// round trip to the browser process, and linked styles hold back the script (docs/performance.md, 6).
import popupCss from '../../components/popup/popup.css?inline';
import uiCss from '../../components/shared/ui.css?inline';

// User-timing marks (cheap; the popup benchmark, test/bench/popup.ts, reads them for its breakdown)
performance.mark('cnc-popup:first-script');
const params = parsePopupParams(location.search);
const api = rawApi();
const first = api ? startFirstLoad(api, params.tab) : null;
void first?.state.then(() => performance.mark('cnc-popup:answer'));
void first?.kept.then(() => performance.mark('cnc-popup:kept'));

const style = document.createElement('style');
style.textContent = uiCss + popupCss;
document.head.append(style);
applyCachedTheme();

void import('./main').then(({ start }) => {
  performance.mark('cnc-popup:app-loaded');
  return start({ params, first });
});
