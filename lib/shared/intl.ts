/**
 * One cache of Intl formatters for every context: a formatter is built on first use and kept, because
 * building one costs about a millisecond (locale data), too much to repeat per number or at module load.
 */

/** A locale for Intl; undefined: the runtime's (in the extension, the browser's language). */
export type Locale = string | readonly string[] | undefined;

const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

/** The formatter of this kind for this locale, built by `build` the first time it is asked for. */
export function intlFormatter<T extends Intl.NumberFormat | Intl.DateTimeFormat>(locale: Locale, kind: string, build: (locale: string | string[] | undefined) => T): T {
  const key = `${kind}|${Array.isArray(locale) ? locale.join(',') : String(locale)}`;
  let f = formatters.get(key) as T | undefined;
  if (!f) {
    f = build(locale as string | string[] | undefined);
    formatters.set(key, f);
  }
  return f;
}
