import { render } from 'preact';
import { browser } from 'wxt/browser';
import { CARD_CSS } from '../../components/card';
import { createBrowserBackend } from '../../components/popup/backend';
import { parsePopupParams } from '../../components/popup/params';
import { Popup } from '../../components/popup/Popup';
import { startTabLoad } from '../../components/popup/tab-load';
// The styles come inside this script, not as <link>ed files: every file an extension page loads is a
// round trip to the browser process, and linked styles hold back the script (docs/performance.md, 6).
import popupCss from '../../components/popup/popup.css?inline';
import uiCss from '../../components/ui/ui.css?inline';

// First the slow part: ask the background about the tab now, so that it works on its answer while
// the popup renders (docs/performance.md, section 6).
const params = parsePopupParams(location.search);
const backend = createBrowserBackend();
const load = startTabLoad(backend, params.tab);

// The card's styles are a string too (the content script puts them into its shadow root). All go into
// one <style> element as text.
const style = document.createElement('style');
style.textContent = uiCss + popupCss + CARD_CSS;
document.head.append(style);

const root = document.getElementById('app');
if (root) render(<Popup backend={backend} params={params} pageUrl={browser.runtime.getURL('/popup.html')} load={load} />, root);
