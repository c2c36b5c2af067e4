/**
 * Store readiness of the builds that `npm test` just made: manifests carry what the stores need and
 * nothing more, and Mozilla's addons-linter finds no errors in the Firefox add-on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error addons-linter ships no type declarations
import addonsLinter from 'addons-linter';
import { describe, expect, it } from 'vitest';
import { PUBLISHED_PACK_URL, packHostPattern } from '../../lib/shared/pack-url';
import { CHROME_BUILD, FIREFOX_BUILD, requireBuild } from './harness';

interface LinterMessage {
  code: string;
  message: string;
  file?: string;
}

/** Warnings we accept, each explained in docs/store-checks.md. */
const EXPLAINED_WARNINGS: { code: string; file: RegExp; why: string }[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    // not the gate script (content-scripts/content.js), which runs on every page: it must have none
    file: /^chunks\/|^popup|^options|^welcome|^content-scripts\/annotator\.js$/,
    why:
      "Preact's DOM diff has the dangerouslySetInnerHTML code path; our code never uses it (lint bans it). " +
      "In the annotator also Readability, which sets innerHTML on its working copy: a clone of the page's document, with no window.",
  },
];

function manifest(dir: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(requireBuild(dir), 'manifest.json'), 'utf8')) as Record<string, unknown>;
}

describe.each([
  ['chrome-mv3', CHROME_BUILD],
  ['firefox-mv2', FIREFOX_BUILD],
])('%s manifest', (_name, dir) => {
  const m = manifest(dir);
  it('has a real name, description, version, homepage and all icon sizes', () => {
    expect(m.name).toBe('Crypto News Context');
    expect(String(m.description).length).toBeGreaterThan(40);
    expect(String(m.description).length).toBeLessThanOrEqual(132); // Chrome Web Store limit
    expect(m.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(m.homepage_url).toMatch(/^https:\/\//);
    expect(Object.keys(m.icons as object).sort()).toEqual(['128', '16', '32', '48']);
  });
  it('asks for the fewest permissions: host permissions exactly the pages the content script already matches', () => {
    // scripting: the background injects the annotator into pages that pass the gate (executeScript needs the
    // page's host permission too). The hosts are exactly the content script's own matches, so the install
    // warning ("read and change your data on all http/https sites") is the one the content script already causes.
    const HTTP_PAGES = ['http://*/*', 'https://*/*'];
    const contentMatches = ((m.content_scripts as { matches: string[] }[]) ?? []).flatMap((c) => c.matches);
    expect([...new Set(contentMatches)].sort()).toEqual(HTTP_PAGES);
    const all = m.permissions as string[];
    const apis = all.filter((p) => !p.includes('://') && p !== '<all_urls>');
    // alarms: the about-daily check for knowledge updates (no install warning)
    expect(apis.sort()).toEqual(['activeTab', 'alarms', 'contextMenus', 'scripting', 'storage']);
    expect(all).not.toContain('<all_urls>');
    const hosts = m.manifest_version === 3 ? ((m.host_permissions as string[] | undefined) ?? []) : all.filter((p) => p.includes('://'));
    expect([...hosts].sort()).toEqual(HTTP_PAGES);
    if (m.manifest_version === 3) expect(all.some((p) => p.includes('://'))).toBe(false);
    else expect(m.host_permissions).toBeUndefined();
    // The knowledge packs' one host, optional: asked for only when the reader turns updates on, so it adds no
    // install warning (a test build, CNC_PACK_URL, names its 127.0.0.1 pack server instead).
    const packHost = packHostPattern(process.env.CNC_PACK_URL || PUBLISHED_PACK_URL);
    if (m.manifest_version === 3) {
      expect(m.optional_host_permissions).toEqual([packHost]);
      expect(m.optional_permissions ?? []).toEqual([]);
    } else {
      expect(m.optional_permissions).toEqual([packHost]);
    }
  });
  it('carries a strict content security policy for extension pages', () => {
    const csp = m.content_security_policy as string | { extension_pages: string };
    const policy = typeof csp === 'string' ? csp : csp.extension_pages;
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toMatch(/unsafe-eval|unsafe-inline|https?:/);
  });
});

describe('Firefox add-on', () => {
  it('declares that it collects no data and supports Firefox for Android', () => {
    const gecko = (manifest(FIREFOX_BUILD).browser_specific_settings as { gecko: Record<string, unknown> }).gecko;
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(gecko.id).toMatch(/@/);
  });

  it('passes addons-linter with 0 errors and only explained warnings', async () => {
    const linter = addonsLinter.createInstance({
      config: { _: [requireBuild(FIREFOX_BUILD)], logLevel: 'fatal', stack: false, pretty: false, warningsAsErrors: false, metadata: false, output: 'none', boring: false, selfHosted: false },
      runAsBinary: false,
    });
    const result = (await linter.run()) as { errors: LinterMessage[]; warnings: LinterMessage[] };
    expect(result.errors.map((e) => `${e.code} ${e.file ?? ''}: ${e.message}`)).toEqual([]);
    const unexplained = result.warnings.filter((w) => !EXPLAINED_WARNINGS.some((x) => x.code === w.code && x.file.test(w.file ?? '')));
    expect(unexplained.map((w) => `${w.code} ${w.file ?? ''}: ${w.message}`)).toEqual([]);
  });
});
