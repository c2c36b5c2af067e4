/**
 * Light/dark theme for extension pages. `system` follows prefers-color-scheme (the CSS does that);
 * `light`/`dark` pin the theme through a data attribute on <html>.
 */
import type { Settings } from '../../lib/settings/types';

export function applyTheme(theme: Settings['theme'], root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}
