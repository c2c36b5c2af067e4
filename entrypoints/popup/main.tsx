import { render } from 'preact';
import { browser } from 'wxt/browser';
import { CARD_CSS } from '../../components/card';
import { createBrowserBackend } from '../../components/popup/backend';
import { parsePopupParams } from '../../components/popup/params';
import { Popup } from '../../components/popup/Popup';
import '../../components/ui/ui.css';
import '../../components/popup/popup.css';

// The card's styles are a string (the content script puts them into its shadow root); here they go
// into a <style> element as text.
const style = document.createElement('style');
style.textContent = CARD_CSS;
document.head.append(style);

const root = document.getElementById('app');
if (root) {
  render(
    <Popup backend={createBrowserBackend()} params={parsePopupParams(location.search)} pageUrl={browser.runtime.getURL('/popup.html')} />,
    root,
  );
}
