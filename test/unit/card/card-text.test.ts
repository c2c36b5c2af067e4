import { describe, expect, it } from 'vitest';
import { LEAD_HARD_MAX_CHARS, leadOf, sentencesOf, whyMarked } from '../../../components/card/card-text';

describe('the lead: one or two sentences, never cut mid-word', () => {
  it('splits sentences, not initials or abbreviations', () => {
    expect(sentencesOf('The U.S. Treasury sanctioned it in 2019. It is run by the RGB. Mt. Gox lost coins.')).toEqual([
      'The U.S. Treasury sanctioned it in 2019.',
      'It is run by the RGB.',
      'Mt. Gox lost coins.',
    ]);
  });

  it('takes a second sentence only while the lead stays short', () => {
    expect(leadOf('A mixer. It was sanctioned in 2022. It was delisted in 2025 after a court ruling in Texas that said so at length.')).toBe('A mixer. It was sanctioned in 2022.');
    const long = 'US domestic intelligence and federal police agency within the Justice Department. Its cyber division investigates state hacking and crypto theft.';
    expect(leadOf(long)).toBe('US domestic intelligence and federal police agency within the Justice Department.');
    expect(leadOf('Short and whole.')).toBe('Short and whole.');
  });

  it('cuts one over-long sentence at a word boundary, with an ellipsis', () => {
    const words = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ') + '.';
    const text = leadOf(words);
    expect(text.length).toBeLessThanOrEqual(LEAD_HARD_MAX_CHARS + 1);
    expect(text).toMatch(/^word0 .* word\d+…$/);
    expect(words.startsWith(text.slice(0, -1) + ' ')).toBe(true); // the cut falls between words
  });
});

describe('"Why marked": which name the article used', () => {
  const entity = { name: 'Lazarus Group', aliases: [{ name: 'Hidden Cobra', usedBy: ['US government'] }, { name: 'APT38' }] };
  it('the name itself, an alias (with who uses it), or another form', () => {
    expect(whyMarked(entity, 'Lazarus Group')).toBe('The article names it.');
    expect(whyMarked(entity, 'hidden  cobra')).toBe('The article says “hidden cobra”, a name it goes by (US government).');
    expect(whyMarked(entity, 'APT38')).toBe('The article says “APT38”, a name it goes by.');
    expect(whyMarked(entity, 'Lazarus')).toBe('The article says “Lazarus”.');
    expect(whyMarked(entity, undefined)).toBe('Named in this article.');
  });
});
