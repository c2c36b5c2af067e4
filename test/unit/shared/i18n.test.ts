/**
 * lib/shared/i18n.ts: `t()` over browser.i18n.getMessage, with the English messages.json as fallback in tests;
 * and the messages are well formed.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { englishMessage, localizePage, t } from '../../../lib/shared/i18n';
import english from '../../../public/_locales/en/messages.json';

const EN = english as Record<string, { message: string; description?: string; placeholders?: Record<string, { content: string }> }>;

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

describe('localizePage()', () => {
  it("sets the page's lang and title from the messages in use", () => {
    const i18n = (browser as unknown as { i18n: { getMessage: (k: string) => string } }).i18n;
    vi.spyOn(i18n, 'getMessage').mockImplementation((k) => ({ uiLang: 'de', popTitle: 'Krypto-Nachrichten' })[k] ?? '');
    const doc = document.implementation.createHTMLDocument('x');
    localizePage(doc, 'popTitle');
    expect(doc.documentElement.lang).toBe('de');
    expect(doc.title).toBe('Krypto-Nachrichten');
  });
});

/** Which keys the code uses, and that every message is used: test/unit/i18n-conventions.test.ts. */
describe('messages.json', () => {
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
