/**
 * lib/shared/i18n.ts: `t()` over browser.i18n.getMessage, with the English messages.json as fallback; and a
 * static scan: every key the options and welcome pages use exists in messages.json, and every message is used.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { englishMessage, t } from '../../../lib/shared/i18n';
import english from '../../../public/_locales/en/messages.json';

const EN = english as Record<string, { message: string; description?: string; placeholders?: Record<string, { content: string }> }>;
const ROOT = join(import.meta.dirname, '../../..');

afterEach(() => vi.restoreAllMocks());

describe('t()', () => {
  it('uses browser.i18n.getMessage when it answers, passing the substitutions', () => {
    const i18n = (browser as unknown as { i18n: { getMessage: (k: string, s?: string[]) => string } }).i18n;
    const spy = vi.spyOn(i18n, 'getMessage').mockImplementation((k, s) => `[${k}|${(s ?? []).join(',')}]`);
    expect(t('optRemoveSite', 'a.com')).toBe('[optRemoveSite|a.com]');
    expect(t('optTitle')).toBe('[optTitle|]');
    expect(spy).toHaveBeenCalledWith('optRemoveSite', ['a.com']);
    expect(spy).toHaveBeenCalledWith('optTitle', undefined);
  });

  it('falls back to the English text when the API is missing, throws or does not know the key', () => {
    const i18n = (browser as unknown as { i18n: { getMessage: (k: string) => string } }).i18n;
    vi.spyOn(i18n, 'getMessage').mockImplementation(() => {
      throw new Error('not implemented');
    });
    expect(t('optTitle')).toBe('Crypto News Context settings');
    vi.spyOn(i18n, 'getMessage').mockReturnValue('');
    expect(t('optMarkAgainOnSite', ['FBI', 'a.com'])).toBe('Mark again: FBI on a.com');
  });

  it('fills named placeholders, $1..$9 and $$ the way Chrome does; unknown keys come back as the key', () => {
    expect(englishMessage('optDelayHelp', ['0', '3000', '400'])).toBe(
      'How long the pointer rests on a name before its card opens (0–3000; default 400). Saved when you leave the field.',
    );
    expect(englishMessage('optHistoryCountMany', ['$1 and $$'])).toBe('$1 and $$ articles stored');
    expect(englishMessage('optRemoveSite')).toBe('Remove ');
    expect(englishMessage('noSuchKey')).toBe('noSuchKey');
  });
});

/** .ts/.tsx files under a folder. */
function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(join(dir, d.name)) : /\.tsx?$/.test(d.name) ? [join(dir, d.name)] : [],
  );
}

describe('messages.json', () => {
  const files = [...sources('components/options'), ...sources('components/welcome')];
  const text = files.map((f) => readFileSync(join(ROOT, f), 'utf8')).join('\n');
  /** t('key'), withElement('key', ...), and keys named in string literals next to t() (MODES, THEMES: label: 'optX') */
  /** keys built from a prefix (MarkingFieldset: typeKey('optType', type)) */
  const prefixes = [...text.matchAll(/typeKey\(\s*'([A-Za-z]+)'/g)].map((m) => `${m[1]}_`);
  const literalKeys = new Set(
    [...text.matchAll(/['"]((?:opt|wel|site|delay)[A-Z][A-Za-z0-9_]*)['"]/g)].map((m) => m[1]!).filter((k) => !prefixes.includes(`${k}_`)),
  );

  it('the scan sees the pages', () => {
    expect(files).toContain('components/options/Options.tsx');
    expect(files).toContain('components/welcome/Welcome.tsx');
    expect(literalKeys.size).toBeGreaterThan(50);
    expect(prefixes).toEqual(['optType_', 'optTypeHelp_']);
  });

  it('every key the options and welcome pages use exists', () => {
    const calls = [...text.matchAll(/\bt\(\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
    expect(calls.length).toBeGreaterThan(40);
    expect([...new Set([...calls, ...literalKeys])].filter((k) => !(k in EN))).toEqual([]);
  });

  it('every message is used', () => {
    const unused = Object.keys(EN).filter((k) => !literalKeys.has(k) && !prefixes.some((p) => k.startsWith(p)));
    expect(unused).toEqual([]);
  });

  it('every entity type has its label and the types with help have a message for it', async () => {
    const { ENTITY_TYPES } = await import('../../../lib/shared/contract');
    for (const type of ENTITY_TYPES) expect(EN[`optType_${type.replace(/-/g, '_')}`], type).toBeTruthy();
  });

  it('each message is well formed: a description, names Chrome accepts, placeholders that exist and are used', () => {
    for (const [key, m] of Object.entries(EN)) {
      expect(key, key).toMatch(/^[A-Za-z0-9_@]+$/);
      expect(m.message.length, key).toBeGreaterThan(0);
      expect(m.description, key).toBeTruthy();
      const named = [...m.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((x) => x[1]!.toLowerCase());
      const declared = Object.keys(m.placeholders ?? {}).map((p) => p.toLowerCase());
      expect(named.sort(), key).toEqual([...new Set(named)].sort());
      expect(declared.sort(), key).toEqual([...new Set(named)].sort());
    }
  });
});
