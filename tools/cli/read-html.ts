/**
 * Parse an HTML string into a Document with happy-dom, for the CLI and tests (Node only; the extension
 * reads the live page instead). Scripts, styles, images, frames and navigation are all off.
 */
import { Window } from 'happy-dom';

/** Call `close()` (and await it) when done: happy-dom keeps the window alive until then. */
export function readHtml(html: string, url?: string | null): { document: Document; close: () => Promise<void> } {
  const window = new Window({
    url: url && /^https?:\/\//i.test(url) ? url : 'https://localhost/',
    settings: {
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableComputedStyleRendering: true,
      handleDisabledFileLoadingAsSuccess: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true, disableFallbackToSetURL: true },
    },
  });
  const document = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  return { document, close: () => window.happyDOM.close() };
}
