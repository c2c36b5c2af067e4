/**
 * US dollars written one way for every context (UI, the engine's text, the knowledge-base build):
 * short and in the reader's locale for display ("$1.46B", "US$1.46bn", "1,46 Mrd. $"), or in English
 * words for prose ("$1.46 billion"). Pure.
 */

import { intlFormatter, type Locale } from './intl';

export type { Locale };

/**
 * Short, in the reader's locale: 1_460_000_000 -> "$1.46B" (en-US), "US$1.46bn" (en-GB), "1,46 Mrd. $"
 * (de-DE); 950 -> "$950". `digits`: significant digits (chart axes use 2: "$1.5B").
 */
export function formatUsd(n: number, digits = 3, locale?: Locale): string {
  const f = intlFormatter(locale, `usd${digits}`, (l) => new Intl.NumberFormat(l, { style: 'currency', currency: 'USD', notation: 'compact', maximumSignificantDigits: digits }));
  return f.format(n);
}

/**
 * In English words, for sentences: 2_000_000_000 -> "$2 billion", 1_460_000_000 -> "$1.46 billion",
 * 48_500_000 -> "$48.5 million", 17_200 -> "$17 thousand", 950 -> "$950".
 */
export function formatUsdWords(n: number): string {
  if (n >= 1e9) return `$${(n / 1e9).toFixed(n % 1e9 === 0 ? 0 : 2).replace(/\.?0+$/, '')} billion`;
  if (n >= 1e6) return `$${(n / 1e6).toFixed(1).replace(/\.0$/, '')} million`;
  if (n >= 1e3) return `$${Math.round(n / 1e3)} thousand`;
  return `$${n}`;
}
