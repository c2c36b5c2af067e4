import { describe, expect, it } from 'vitest';
import { ALL_LISTS, IDIOMS, TOPICAL_WORDS, wholeWordsRe } from '../../../lib/engine/vocab';

describe('word lists as data (issue 19)', () => {
  it('each list says what it is for and holds distinct, trimmed, non-empty words', () => {
    for (const [name, list] of Object.entries(ALL_LISTS)) {
      expect(list.about.length, name).toBeGreaterThan(20);
      expect(list.words.length, name).toBeGreaterThan(0);
      expect(new Set(list.words).size, `${name} has duplicates`).toBe(list.words.length);
      for (const w of list.words) expect(w, name).toBe(w.trim());
    }
    expect(IDIOMS.length).toBeGreaterThan(0);
  });

  it('keeps lower-case lists in lower case (the acronym list is as written)', () => {
    for (const [name, list] of Object.entries(ALL_LISTS)) {
      if (name === 'common-acronyms') continue;
      for (const w of list.words) expect(w, name).toBe(w.toLowerCase());
    }
  });

  it('matches whole words only: "hackers" is a word of its own, not "hack" + "ers"', () => {
    const re = wholeWordsRe(['hack', 'on-chain', 'north korea']);
    expect(re.test('the hack was found')).toBe(true);
    expect(re.test('shackles and hacksaws')).toBe(false);
    expect(re.test('funds moved on chain')).toBe(true);
    expect(re.test('North Korean')).toBe(false);
    expect(wholeWordsRe(TOPICAL_WORDS).test('A flower show and a music festival')).toBe(false);
  });
});
