/**
 * Styles of the entity card, as a string so that the content script can put them into its shadow root
 * (a constructed stylesheet or one <style>) and the popup can reuse them. Every selector is prefixed.
 *
 * Colours: text/background pairs meet WCAG AA (4.5:1) in both themes; forced-colors mode uses system colours.
 */
export const CARD_CSS = `
.cnc-card{
--cnc-bg:#ffffff;--cnc-fg:#1b1b1f;--cnc-muted:#55565c;--cnc-border:#c7c8cc;--cnc-link:#0a4fc2;--cnc-chip-bg:#eef0f4;--cnc-focus:#0a4fc2;box-sizing:border-box;width:min(20rem,calc(100vw - 16px));max-width:var(--cnc-max-w,none);max-height:var(--cnc-max-h,min(28rem,calc(100vh - 16px)));overflow:auto;color-scheme:light;background:var(--cnc-bg);color:var(--cnc-fg);border:1px solid var(--cnc-border);border-radius:8px;box-shadow:0 6px 24px rgba(0,0,0,.18);padding:10px 12px;text-align:left;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;letter-spacing:normal;word-spacing:normal;
}
.cnc-card[data-theme="dark"]{
--cnc-bg:#1f2127;--cnc-fg:#ececf1;--cnc-muted:#b4b6bd;--cnc-border:#454852;--cnc-link:#8ab4ff;--cnc-chip-bg:#2c2f37;--cnc-focus:#8ab4ff;color-scheme:dark;
}
@media (prefers-color-scheme:dark){
.cnc-card[data-theme="system"]{
--cnc-bg:#1f2127;--cnc-fg:#ececf1;--cnc-muted:#b4b6bd;--cnc-border:#454852;--cnc-link:#8ab4ff;--cnc-chip-bg:#2c2f37;--cnc-focus:#8ab4ff;
}
}
.cnc-card:not(.cnc-more){max-height:min(300px,var(--cnc-max-h,300px));}
.cnc-card *,.cnc-card *::before,.cnc-card *::after{box-sizing:border-box;}
.cnc-card:focus{outline:none;}
.cnc-card:focus-visible{outline:2px solid var(--cnc-focus);outline-offset:2px;}
.cnc-card a{color:var(--cnc-link);text-decoration:underline;}
.cnc-card a:focus-visible,.cnc-card button:focus-visible{outline:2px solid var(--cnc-focus);outline-offset:2px;}
.cnc-card-head{display:flex;align-items:baseline;gap:8px;flex-wrap:wrap;padding-right:28px;}
.cnc-card-title{font-size:15px;font-weight:650;margin:0;line-height:1.3;}
.cnc-card-type{font-size:12px;padding:1px 6px;border-radius:4px;background:var(--cnc-chip-bg);color:var(--cnc-fg);}
.cnc-card p{margin:4px 0;}
.cnc-card:not(.cnc-more) .cnc-card-section{font-size:13px;line-height:1.35;margin:4px 0;}
.cnc-card:not(.cnc-more) .cnc-card-section :is(h3,ul,li){display:inline;margin:0;padding:0;}
.cnc-card:not(.cnc-more) h3::after{content:": ";}
.cnc-card:not(.cnc-more) li+li::before{content:"; ";}
.cnc-card .cnc-why{margin:6px 0 0;font-size:13px;line-height:1.35;}
.cnc-label{font-weight:600;}
.cnc-why{color:var(--cnc-muted);}
.cnc-card h3{font-size:12px;text-transform:uppercase;letter-spacing:.04em;margin:10px 0 2px;color:var(--cnc-muted);font-weight:600;}
.cnc-card ul,.cnc-card ol{margin:2px 0;padding-left:18px;}
.cnc-card li{margin:2px 0;}
.cnc-muted{color:var(--cnc-muted);}
.cnc-card-actions{display:flex;align-items:center;gap:8px;flex-wrap:wrap;margin-top:6px;padding-top:6px;border-top:1px solid var(--cnc-border);}
.cnc-button{font:inherit;font-size:13px;min-height:24px;padding:2px 8px;border-radius:4px;border:1px solid var(--cnc-border);background:var(--cnc-chip-bg);color:var(--cnc-fg);cursor:pointer;}
.cnc-card-close{position:absolute;top:8px;right:8px;width:26px;height:26px;padding:0;line-height:24px;font-size:18px;border:1px solid transparent;border-radius:4px;background:transparent;color:var(--cnc-muted);cursor:pointer;}
.cnc-card-close:hover{border-color:var(--cnc-border);}
.cnc-card-close:focus-visible{outline:2px solid var(--cnc-focus);}
.cnc-card-note{font-size:12px;margin-top:8px;}
.cnc-card-loading{color:var(--cnc-muted);}
.cnc-card-problem{border-left:3px solid currentColor;padding-left:8px;font-weight:600;}
.cnc-card .cnc-card-problem:empty{margin:0;padding:0;border:0;}
@media (forced-colors:active){
.cnc-card{background:Canvas;color:CanvasText;border:1px solid CanvasText;box-shadow:none;}
.cnc-card a{color:LinkText;}
.cnc-muted,.cnc-card h3,.cnc-card-type{color:CanvasText;}
.cnc-button,.cnc-card-close{color:ButtonText;background:ButtonFace;border-color:ButtonText;}
.cnc-card:focus-visible,.cnc-card a:focus-visible,.cnc-card button:focus-visible{outline-color:Highlight;}
}
`;
