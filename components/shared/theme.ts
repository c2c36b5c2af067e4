/**
 * Light/dark theme for extension pages. `system` follows prefers-color-scheme (the CSS does that);
 * `light`/`dark` pin the theme through a data attribute on <html>.
 *
 * The theme last applied is also kept in this extension's localStorage, read synchronously by the popup's
 * first script (entrypoints/popup/first.ts) so that its first screen has the reader's theme before the
 * settings have been read (they then correct it, should it have changed on another device).
 */
import type { Settings } from '../../lib/settings/types';

/** Also read, as a literal, by components/popup/first-load.ts (`applyCachedTheme`: the popup's first script stays one file). */
const THEME_KEY = 'cnc.theme';

export function applyTheme(theme: Settings['theme'], root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
  try {
    localStorage.setItem(THEME_KEY, theme);
  } catch {
    // no localStorage (a test environment, storage switched off): the first screen follows the system
  }
}

