/**
 * Store readiness of the builds that `npm test` just made: manifests carry what the stores need and
 * nothing more, and Mozilla's addons-linter finds no errors in the Firefox add-on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error addons-linter ships no type declarations
import addonsLinter from 'addons-linter';
import { describe, expect, it } from 'vitest';
import { CHROME_BUILD, FIREFOX_BUILD, requireBuild } from './harness';

interface LinterMessage {
  code: string;
  message: string;
  file?: string;
}

/** Warnings we accept, each explained in the README's "Store checks" section. */
const EXPLAINED_WARNINGS: { code: string; file: RegExp; why: string }[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^chunks\/|^popup|^options|^welcome|^content-scripts\//,
    why: "Preact's DOM diff has the dangerouslySetInnerHTML code path; our code never uses it (lint bans it).",
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
  it('asks for the fewest permissions: no host permissions beyond the content script', () => {
    const permissions = (m.permissions as string[]).filter((p) => !p.includes('://') && p !== '<all_urls>');
    expect(permissions.every((p) => ['storage', 'contextMenus', 'activeTab', 'scripting', 'offscreen'].includes(p))).toBe(true);
    expect((m.permissions as string[]).some((p) => p.includes('://') || p === '<all_urls>')).toBe(false);
    expect(m.host_permissions ?? []).toEqual([]);
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
