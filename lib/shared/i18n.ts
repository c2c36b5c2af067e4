/**
 * UI strings through the browser's i18n (public/_locales/<lang>/messages.json):
 *
 *   t('optionsTitle')                    // "Crypto News Context settings"
 *   t('optionsRemoveSite', [host])       // "$1" placeholders, as browser.i18n.getMessage takes them
 *
 * Where the API is missing or does not know the key (unit tests), the English text from the same
 * messages.json is used, with its placeholders filled the way the browser fills them. Only in tests: builds
 * leave messages.json out (Vite drops the unused import), so the in-page card that uses `t` does not carry
 * every UI string in the annotator (ADR 0011's budget); in the extension the browser always has the key.
 */
import { browser } from 'wxt/browser';
import english from '../../public/_locales/en/messages.json';
import { fillMessage, type Message } from './message-text';

/** `import.meta.env.MODE` is a build-time constant: 'test' under vitest, so the table is `{}` in every build. */
const EN = (import.meta.env.MODE === 'test' ? english : {}) as unknown as Record<string, Message>;

/** The English text with placeholders and $1..$9 filled (Chrome's rules: `$$` is a dollar sign). */
export function englishMessage(key: string, substitutions: readonly string[] = []): string {
  return fillMessage(EN, key, substitutions);
}

/** A UI string in the reader's language (English when the browser has none for the key). */
export function t(key: string, substitutions?: string | readonly string[]): string {
  const subs = substitutions === undefined ? [] : typeof substitutions === 'string' ? [substitutions] : [...substitutions];
  try {
    const getMessage = (browser as { i18n?: { getMessage?: (k: string, s?: string[]) => string } }).i18n?.getMessage;
    const text = getMessage ? getMessage(key, subs.length ? subs : undefined) : '';
    if (text) return text;
  } catch {
    // no i18n here (a test, a plain page): the English text below
  }
  return englishMessage(key, subs);
}

/**
 * An extension page in the reader's language: its `lang` (the language of the messages in use, `uiLang`, so
 * screen readers pronounce it right) and its title. The HTML files carry the English ones until this runs.
 */
export function localizePage(doc: Document, titleKey: string): void {
  doc.documentElement.lang = t('uiLang');
  doc.title = t(titleKey);
}
