import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

/** Homepage shown in the stores and used for "report a wrong match" links. */
export const HOMEPAGE_URL = 'https://github.com/crypto-news-context/crypto-news-context';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports only: a reader should see where every name comes from.
  imports: false,
  // Lets parallel builds (benchmarks, a second developer's test run) use their own folder.
  outDir: process.env.CNC_OUT_DIR ?? '.output',
  vite: () => ({
    plugins: [preact()],
    build: { sourcemap: false },
  }),
  manifest: ({ browser }) => ({
    name: 'Crypto News Context',
    short_name: 'Crypto News Context',
    description:
      'Explains crypto-security news in place: hacks, North Korean hackers, ransomware, sanctions, laundering. Runs on your device.',
    homepage_url: HOMEPAGE_URL,
    // storage: settings, local reading history, cached analyses. contextMenus: "Look up" on selected text.
    permissions: ['storage', 'contextMenus'],
    action: { default_title: 'Crypto News Context' },
    commands: {
      'toggle-annotations': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Turn in-page annotations on or off',
      },
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Open the popup with the lookup box focused',
      },
    },
    content_security_policy:
      browser === 'firefox'
        ? "script-src 'self'; object-src 'none';"
        : { extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none';" },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'crypto-news-context@crypto-news-context.org',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
