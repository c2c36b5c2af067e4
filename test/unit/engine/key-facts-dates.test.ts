/** The event frame (lib/engine/key-facts): the event's date (publication dates written day first, the day of a statement, wire datelines, earlier months recalled, "last Monday"), amounts in a report story and survey figures; each rule both ways. */
import { describe, expect, it } from 'vitest';
import { buildKeyFacts } from '../../../lib/engine/key-facts';
import { findDates, parsePublished } from '../../../lib/engine/key-facts/dates';
import { findAmounts } from '../../../lib/engine/money';
import { splitSentences } from '../../../lib/engine/text';

function dateOf(text: string, publishedAt: string | null, title = 'Exchange hacked'): string | null | undefined {
  return buildKeyFacts({ text, title, sentences: splitSentences(text), amounts: findAmounts(text), entities: [], publishedAt }).date;
}

describe('publication dates with the year last', () => {
  it('reads "15-01-2022 14:47 +05:30" day first and "01/15/2022" month first', () => {
    expect(parsePublished('15-01-2022 14:47:54 +05:30')).toEqual({ y: 2022, m: 1, d: 15 });
    expect(parsePublished('03.04.2022')).toEqual({ y: 2022, m: 4, d: 3 });
    expect(parsePublished('01/15/2022')).toEqual({ y: 2022, m: 1, d: 15 });
    expect(parsePublished('03/04/2022')).toEqual({ y: 2022, m: 3, d: 4 });
  });

  it('refuses what is no calendar day', () => {
    expect(parsePublished('31-02-2022')).toBeNull();
    expect(parsePublished('15-13-2022')).toBeNull();
  });
});

describe('the day something was said', () => {
  const pub = { y: 2022, m: 1, d: 15 };
  it('marks "in a statement yesterday" and "in an interview on Monday" as the day of saying', () => {
    expect(findDates('In a statement yesterday, he said checks must be made.', pub).map((h) => h.speech)).toEqual([true]);
    expect(findDates('The firm confirmed the theft in an interview on Monday.', pub).map((h) => h.speech)).toEqual([true]);
  });

  it('keeps "yesterday" and "on Monday" when they date the event', () => {
    expect(findDates('Hackers drained the bridge yesterday.', pub).map((h) => h.speech)).toEqual([false]);
    expect(findDates('The exchange was hacked on Monday, the statement said.', pub).map((h) => h.speech)).toEqual([false]);
  });

  it('does not take the day of a statement as the event date', () => {
    const text = 'Investors in a crypto scheme lost their savings, a lawmaker said.\nIn a statement yesterday, he said the scheme collected 250 bitcoin from investors.';
    expect(dateOf(text, '2022-01-15T09:00:00Z', 'Duped investors seek help')).toBeNull();
  });
});

describe('wire datelines', () => {
  it('does not take "KUCHING (Jan 15):" as the event date', () => {
    const text = 'KUCHING (Jan 15): A group of investors said they were duped into a scheme involving cryptocurrency and lost 250 bitcoin.';
    expect(dateOf(text, '2022-01-15', 'Investors duped in crypto scam')).toBeNull();
  });

  it('still reads a date in the sentence after the dateline', () => {
    const text = 'KUCHING (Jan 15): A group of investors said they were duped on January 3 into a scheme and lost 250 bitcoin.';
    expect(dateOf(text, '2022-01-15', 'Investors duped in crypto scam')).toBe('2022-01-03');
  });
});

describe('a month and year long before publication recalls an earlier time', () => {
  const lede = [
    'Nearly three weeks after many of its systems were knocked out by a ransomware attack, the borough has restored its phone system.',
    'The borough approved a disaster declaration after the attack on its computers.',
    'Officials said most services would be back within a week.',
  ];
  it('leaves out "since it was first unleashed in June 2017" as the date of a 2018 attack (the lede\'s "nearly three weeks after" dates it)', () => {
    const text = [...lede, 'The borough was hit by the BitPaymer ransomware, which infected its servers since it was first unleashed in June 2017.'].join('\n');
    expect(dateOf(text, '2018-08-09', 'Borough hit by ransomware')).toBe('2018-07');
  });

  it('keeps a month a few weeks before publication ("in December 2017" for a story of January 2018)', () => {
    const text = [...lede, 'The borough was hit by ransomware that encrypted its servers in December 2017.'].join('\n');
    expect(dateOf(text, '2018-01-09', 'Borough hit by ransomware')).toBe('2017-12');
  });
});

describe('amounts in a report story', () => {
  const roles = (text: string, title: string) => buildKeyFacts({ text, title, sentences: splitSentences(text), amounts: findAmounts(text), entities: [], publishedAt: '2017-04-26' });
  it('shows a ransom figure of a study as the report’s figure (aggregate)', () => {
    const text = [
      'The average ransomware attack yielded $1,077 last year, new research shows, according to a report by a security firm.',
      'The report found that attacks rose sharply, and a survey of businesses found that most paid.',
      'The highest ransom demand seen in public during the year was $28,730, the study said.',
    ].join('\n');
    const kf = roles(text, 'Ransomware demands now average about $1,000, report finds');
    expect(kf.event).toBe('report');
    expect(kf.amounts!.find((a) => a.text === '$28,730')?.role).toBe('aggregate');
  });

  it('keeps a ransom as a ransom in a story about one attack', () => {
    const text = 'The gang demanded a $50,000 ransom from the hospital after encrypting its files on Thursday.\nThe hospital paid the ransom on Saturday.';
    const kf = roles(text, 'Hospital pays ransom to hackers');
    expect(kf.amounts!.find((a) => a.text === '$50,000')?.role).toBe('ransom');
  });
});

describe('survey and study figures', () => {
  const roleIn = (text: string) => buildKeyFacts({ text, title: 'Hospital hit by ransomware', sentences: splitSentences(text), amounts: findAmounts(text), entities: [], publishedAt: '2017-04-26' }).amounts!;
  it('shows a figure from a survey or study as an aggregate, not a ransom', () => {
    const a = roleIn('Ransomware hit the hospital on Monday.\nOver half of the businesses they surveyed said they had already paid over $10,000 in ransom.');
    expect(a.find((x) => x.text === '$10,000')?.role).toBe('aggregate');
    const b = roleIn('Ransomware hit the hospital on Monday.\nVictims paid a ransom of $1,400 on average, a new study found.');
    expect(b.find((x) => x.text === '$1,400')?.role).toBe('aggregate');
  });

  it('keeps the ransom of this attack a ransom', () => {
    const a = roleIn('Ransomware hit the hospital on Monday, and the hospital paid a $55,000 ransom to the attackers on Tuesday.');
    expect(a.find((x) => x.text === '$55,000')?.role).toBe('ransom');
  });
});

describe('"last Monday"', () => {
  const monday = { y: 2026, m: 4, d: 6 };
  it('written on a Monday is the Monday before', () => {
    expect(findDates('A cyberattack that last Monday briefly hijacked the project.', monday).map((h) => [h.y, h.m, h.d])).toEqual([[2026, 3, 30]]);
  });

  it('"on Monday" written on a Monday is that day, and "last Friday" the latest Friday', () => {
    expect(findDates('The project was hijacked on Monday.', monday).map((h) => [h.y, h.m, h.d])).toEqual([[2026, 4, 6]]);
    expect(findDates('The project was hijacked last Friday.', monday).map((h) => [h.y, h.m, h.d])).toEqual([[2026, 4, 3]]);
  });
});
