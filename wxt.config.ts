import preact from '@preact/preset-vite';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { PUBLISHED_PACK_URL, TEST_PACK_URL, packHostPattern } from './lib/shared/pack-url';

/** Homepage shown in the stores and used for "report a wrong match" links. */
export const HOMEPAGE_URL = 'https://github.com/crypto-news-context/crypto-news-context';

/**
 * The popup page loads one small script first (entrypoints/popup/first.ts, docs/performance.md section 6).
 * WXT adds to every HTML page a module script that starts WXT plugins; this project uses none, so it is an
 * empty chunk: for the popup, one more file its first script would import before it can run; for the options
 * and welcome pages, one more file to preload. Taken out again, after WXT has put it in.
 */
function withoutPluginLoader(): Plugin {
  return {
    name: 'cnc:without-plugin-loader',
    // after WXT's plugins: among the 'pre' HTML transforms, those of 'post' plugins run last
    enforce: 'post',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => html.replace(/<script\b[^>]*\bsrc="virtual:wxt-html-plugins"[^>]*><\/script>/, ''),
    },
  };
}

/**
 * Knowledge updates (docs/data-packs.md): the one address packs are fetched from, fixed at build time. A test
 * build sets CNC_PACK_URL (only http://127.0.0.1:<port>/kb/v1/kb-pack.json is accepted) and may add one public
 * key with CNC_PACK_TEST_PUBKEY; without CNC_PACK_URL (every release build) that key is ignored.
 */
function packBuild(): { url: string; testKey: string } {
  const url = process.env.CNC_PACK_URL;
  if (!url) return { url: PUBLISHED_PACK_URL, testKey: '' };
  if (!TEST_PACK_URL.test(url)) throw new Error(`CNC_PACK_URL must be http://127.0.0.1:<port>/kb/v1/kb-pack.json (a test build), not ${url}`);
  const testKey = process.env.CNC_PACK_TEST_PUBKEY ?? '';
  if (testKey && !/^[A-Za-z0-9+/]{43}=$/.test(testKey)) throw new Error('CNC_PACK_TEST_PUBKEY must be a raw Ed25519 public key in base64 (a .pub file from kb:keygen)');
  return { url, testKey };
}
const pack = packBuild();

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports only: a reader should see where every name comes from.
  imports: false,
  // Lets parallel builds (benchmarks, a second developer's test run) use their own folder.
  outDir: process.env.CNC_OUT_DIR ?? '.output',
  vite: () => ({
    plugins: [preact(), withoutPluginLoader()],
    define: {
      'import.meta.env.CNC_PACK_URL': JSON.stringify(pack.url),
      'import.meta.env.CNC_PACK_TEST_PUBKEY': JSON.stringify(pack.testKey),
    },
    // No modulepreload polyfill (Chrome and Firefox 115+ have modulepreload): Vite puts it into each page's first
    // module script as an import, one more file before the popup's small first script can run (docs/performance.md, 6).
    build: { sourcemap: process.env.CNC_SOURCEMAP === '1', modulePreload: { polyfill: false } },
  }),
  hooks: {
    // The popup is built on its own, not with the options and welcome pages, as one file: chunks shared with them
    // (Preact, the storage keys) were more files for the popup to wait for, each a turn of the browser's process
    // (docs/performance.md, 6).
    'entrypoints:grouped': (_wxt, groups) => {
      for (const [i, group] of groups.entries()) {
        if (!Array.isArray(group) || group.length < 2) continue;
        const popup = group.find((e) => e.type === 'popup');
        if (!popup) continue;
        groups[i] = group.filter((e) => e !== popup);
        groups.push([popup]);
        return;
      }
    },
    // Both content scripts get a small stand-in for WXT's content-script context (lib/page/content-script-context.ts:
    // they use only `onInvalidated`). The always-injected gate script (entrypoints/content) must stay a few KB:
    // it also gets WXT's own `browser` (the native `browser`, or `chrome` whose MV3 APIs return promises) instead
    // of webextension-polyfill (~3.5 KB gzip). It uses only runtime.sendMessage and runtime.onMessage with
    // sendResponse, which behave the same without the polyfill. Every other entrypoint keeps the polyfill.
    'vite:build:extendConfig': (entrypoints, config) => {
      const names = new Set(entrypoints.map((e) => e.name));
      // The popup's build (see 'entrypoints:grouped'): one file. The first script's questions still go first: the
      // app's modules (the dynamic import of main.tsx) are initialised only when that import runs.
      if (names.size === 1 && names.has('popup')) {
        const out = config.build?.rollupOptions?.output;
        if (out && !Array.isArray(out)) (out as { codeSplitting?: boolean }).codeSplitting = false;
        return;
      }
      if (!names.size || ![...names].every((n) => n === 'content' || n === 'annotator')) return;
      const gateOnly = !names.has('annotator');
      const light = { find: 'wxt/utils/content-script-context', replacement: resolve(import.meta.dirname, 'lib/page/content-script-context.ts') };
      const alias = config.resolve?.alias;
      if (Array.isArray(alias)) {
        config.resolve!.alias = [light, ...alias.filter((a: { find: string | RegExp }) => !gateOnly || a.find !== 'wxt/browser')];
      } else if (alias && typeof alias === 'object') {
        if (gateOnly) delete (alias as Record<string, string>)['wxt/browser'];
        (alias as Record<string, string>)[light.find] = light.replacement;
      }
    },
  },
  manifest: ({ browser, manifestVersion }) => ({
    // UI strings: public/_locales/<lang>/messages.json, read with lib/shared/i18n.ts
    default_locale: 'en',
    name: 'Crypto News Context',
    short_name: 'Crypto News Context',
    description:
      'Explains crypto-security news in place: hacks, North Korean hackers, ransomware, sanctions, laundering. Runs on your device.',
    homepage_url: HOMEPAGE_URL,
    // storage: settings, local reading history, cached analyses. contextMenus: "Look up" on selected text.
    // scripting: inject the annotator into pages that pass the cheap gate. The host permissions executeScript
    // needs (http/https pages, the same the content script matches) are added by WXT from the annotator's
    // `matches` (entrypoints/annotator.content.ts, registration 'runtime').
    // activeTab: mode 'click' (annotate only when the reader clicks the toolbar button or uses the keyboard
    // command) works even where the reader set the browser's site access to "On click".
    // alarms: the about-daily check for knowledge updates, only while the reader has them on (no install warning).
    permissions: ['storage', 'contextMenus', 'scripting', 'activeTab', 'alarms'],
    // The pack's host, asked for when the reader turns knowledge updates on (so the install warning does not
    // change) and given back when they turn them off. WXT drops optional_host_permissions from MV2 manifests.
    ...(manifestVersion === 3 ? { optional_host_permissions: [packHostPattern(pack.url)] } : { optional_permissions: [packHostPattern(pack.url)] }),
    action: { default_title: 'Crypto News Context' },
    commands: {
      'toggle-annotations': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Turn in-page annotations on or off',
      },
      // MV2 (Firefox) names the toolbar button's command after browser_action.
      [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: {
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
