/**
 * Defanged writing of indicators, as security writers use it so that nobody clicks or resolves them
 * by accident: `hxxps://`, `hxxp[:]//`, `evil[.]com`, `evil(.)com`, `evil[dot]com`, `1.2.3[.]4`,
 * `2001:db8[:]1`. `refang` turns them back into the usable value.
 */

/** A dot as written between the labels of a host, defanged or not (regex source). */
export const DOT_SRC = String.raw`(?:\.|\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\))`;

const DEFANG_MARK = /\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)|\[:\]|\(:\)|\[:\/\/\]|\bh[xX]{2}ps?\b|\bf[xX]p\b/i;

/** True when `s` is written defanged. */
export function isDefanged(s: string): boolean {
  return DEFANG_MARK.test(s);
}

/** The usable form of a (possibly defanged) indicator. */
export function refang(s: string): string {
  return s
    .replace(/^h[xX]{2}p(s?)/i, (_m, sec: string) => `http${sec.toLowerCase()}`)
    .replace(/^f[xX]p/i, 'ftp')
    .replace(/\[:\/\/\]/g, '://')
    .replace(/\[:\]|\(:\)/g, ':')
    .replace(/\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)/gi, '.');
}
