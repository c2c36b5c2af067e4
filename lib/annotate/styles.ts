/**
 * Styles for marks in the page, and how styles get into a document or shadow root.
 *
 * Marks change only colour and decoration (background, underline, outline): never padding, margin,
 * border or font, so annotating a page shifts nothing. A translucent tint and a currentColor underline
 * read well on light and dark pages alike; forced-colors mode gets a system-colour underline.
 */
import { MARK_TAG } from './highlight';

export const MARK_CSS = `
${MARK_TAG}[data-cnc-entity]{
background-color:rgba(250,190,20,.2);color:inherit;text-decoration-line:underline;text-decoration-style:dotted;text-decoration-thickness:1px;text-underline-offset:.18em;text-decoration-color:currentColor;cursor:help;border-radius:2px;-webkit-box-decoration-break:clone;box-decoration-break:clone;
}
${MARK_TAG}[data-cnc-entity]:hover,
${MARK_TAG}[data-cnc-entity][aria-expanded="true"]{background-color:rgba(250,190,20,.38);text-decoration-style:solid;}
${MARK_TAG}[data-cnc-entity]:focus{outline:none;}
${MARK_TAG}[data-cnc-entity]:focus-visible{outline:2px solid #1a5fd6;outline-offset:1px;}
@media (forced-colors:active){
${MARK_TAG}[data-cnc-entity]{background-color:transparent;text-decoration-style:solid;text-decoration-thickness:2px;text-decoration-color:LinkText;forced-color-adjust:auto;}
${MARK_TAG}[data-cnc-entity]:hover,${MARK_TAG}[data-cnc-entity][aria-expanded="true"]{background-color:Highlight;color:HighlightText;forced-color-adjust:none;}
${MARK_TAG}[data-cnc-entity]:focus-visible{outline-color:Highlight;}
}
@media print{
${MARK_TAG}[data-cnc-entity]{background:none;text-decoration:none;}
}
`;

/**
 * Adds `css` to a document or shadow root and returns how to take it away again. Prefers a constructed
 * stylesheet (not subject to the page's CSP `style-src`); falls back to one <style> element where
 * adoptedStyleSheets is missing or refused (Firefox content scripts run behind Xray wrappers).
 */
export function addStyles(target: Document | ShadowRoot, css: string): () => void {
  // nodeType, not instanceof: objects may come from another realm (Xray wrappers, test DOMs)
  const isDoc = target.nodeType === 9;
  const doc: Document = isDoc ? (target as Document) : (target as ShadowRoot).ownerDocument!;
  try {
    const view = doc.defaultView ?? window;
    const Sheet = (view as unknown as { CSSStyleSheet: typeof CSSStyleSheet }).CSSStyleSheet;
    const sheet = new Sheet();
    sheet.replaceSync(css);
    const before = target.adoptedStyleSheets;
    target.adoptedStyleSheets = [...before, sheet];
    if (!target.adoptedStyleSheets.includes(sheet)) throw new Error('not adopted');
    return () => {
      target.adoptedStyleSheets = target.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  } catch {
    const style = doc.createElement('style');
    style.setAttribute('data-cnc', '');
    style.textContent = css;
    (isDoc ? (doc.head ?? doc.documentElement) : target).appendChild(style);
    return () => style.remove();
  }
}
