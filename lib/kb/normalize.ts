/**
 * Name normalisation shared by the build (alias collisions) and the look-ups (byAlias).
 *
 * "APT 38", "apt-38", "APT38" and "Hidden  Cobra" / "HIDDEN COBRA" must meet on one key: we fold
 * case and diacritics and drop everything that is not a letter or a digit. Pure and DOM-free.
 */

const COMBINING_MARKS = /\p{M}+/gu;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

/** The key under which a name is indexed: lower case, no diacritics, letters and digits only. */
export function normalizeName(name: string): string {
  return name.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase().replace(NOT_LETTER_OR_DIGIT, '');
}

/** A readable form for fuzzy search: lower case, no diacritics, punctuation collapsed to single spaces. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(NOT_LETTER_OR_DIGIT, ' ')
    .trim();
}

/** kebab-case id from a free name: "Gate.io hack (2018)" -> "gate-io-hack-2018". */
export function slugify(name: string): string {
  return foldForSearch(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
