/** The one US-dollar formatter (lib/shared/usd.ts): short and locale-aware for display, in words for prose. */
import { describe, expect, it } from 'vitest';
import { formatUsd, formatUsdWords } from '../../../lib/shared/usd';

describe('formatUsd (display)', () => {
  it('is short, with the significant digits asked for', () => {
    expect(formatUsd(1_460_000_000, 3, 'en-US')).toBe('$1.46B');
    expect(formatUsd(2_000_000_000, 3, 'en-US')).toBe('$2B');
    expect(formatUsd(625_500_000, 3, 'en-US')).toBe('$626M');
    expect(formatUsd(1.46e9, 2, 'en-US')).toBe('$1.5B');
    expect(formatUsd(950, 3, 'en-US')).toBe('$950');
  });

  it("follows the locale's own way of writing it", () => {
    expect(formatUsd(1.46e9, 3, 'en-GB')).toBe('US$1.46bn');
    expect(formatUsd(1.46e9, 3, 'de-DE')).toMatch(/^1,46\sMrd\.\s\$$/);
  });
});

describe('formatUsdWords (prose)', () => {
  it.each([
    [2e9, '$2 billion'],
    [1.46e9, '$1.46 billion'],
    [1.5e9, '$1.5 billion'],
    [48.5e6, '$48.5 million'],
    [81e6, '$81 million'],
    [17_200, '$17 thousand'],
    [950, '$950'],
  ])('%d -> %s', (n, s) => {
    expect(formatUsdWords(n)).toBe(s);
  });
});
