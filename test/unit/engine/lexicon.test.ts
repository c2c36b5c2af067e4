/** BOILERPLATE_RE (lib/engine/lexicon.ts): ad labels are boilerplate; the word "advertisement" in a story's prose is not. */
import { describe, expect, it } from 'vitest';
import { BOILERPLATE_RE } from '../../../lib/engine/lexicon';
import { summarize } from '../../../lib/engine/summary';
import { findAmounts } from '../../../lib/engine/money';
import { splitSentences } from '../../../lib/engine/text';

describe('BOILERPLATE_RE and advertisements', () => {
  it('drops a line that is only an ad label', () => {
    for (const line of ['Advertisement', 'ADVERTISEMENT', '  Advertisement  ', 'Advertisement - Scroll to continue', 'ADVERTISEMENT - CONTINUE READING BELOW', 'Story continues below advertisement', 'This advertisement has not loaded yet, but your article continues below.'])
      expect(BOILERPLATE_RE.test(line), line).toBe(true);
    expect(BOILERPLATE_RE.test('The hack was disclosed on Monday.\nAdvertisement\nThe exchange said funds were safe.')).toBe(true);
  });

  it('keeps a sentence that uses the word in prose', () => {
    for (const line of [
      'On March 24, 2017, a member of a top-tier Russian cyber criminal forum posted an advertisement for “Fatboy,” a new ransomware product.',
      'The advertisement promised returns of 40 percent a month to anyone who deposited bitcoin.',
      'Advertisements for the scheme ran on social media for months before the police acted.',
    ])
      expect(BOILERPLATE_RE.test(line), line).toBe(false);
  });

  it('lets the summary open with a lede that mentions an advertisement', () => {
    const text = [
      'On March 24, 2017, a member of a top-tier Russian cyber criminal forum posted an advertisement for “Fatboy,” a new ransomware-as-a-service product.',
      'Advertisement',
      'The advertiser describes Fatboy as a partnership, offering support and guidance to buyers of the ransomware.',
      'Buyers of the ransomware pay the author a share of every ransom their victims pay in bitcoin.',
    ].join('\n');
    const s = summarize({ sentences: splitSentences(text), title: null, amounts: findAmounts(text), entitySpans: [], totalWords: 70 });
    expect(s[0]).toMatch(/^On March 24, 2017, a member/);
    expect(s).not.toContain('Advertisement');
  });
});
