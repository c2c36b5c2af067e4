/**
 * The event frame (lib/engine/key-facts): the cues of issue 15's second pass — conditionals, an amount's own verb,
 * "got away with", a mixer as where money went, a group's earnings from its victims, period figures without a word
 * of what they are, stolen amounts only in theft stories; and dates counted back ("three weeks ago"), "last
 * Tuesday", a weekend narrowed to its day, a date opening a sentence of the event. Each rule both ways.
 */
import { describe, expect, it } from 'vitest';
import { buildKeyFacts } from '../../../lib/engine/key-facts';
import { findDates } from '../../../lib/engine/key-facts/dates';
import { findAmounts } from '../../../lib/engine/money';
import { splitSentences } from '../../../lib/engine/text';

function facts(text: string, title = 'Exchange hacked', publishedAt: string | null = null) {
  return buildKeyFacts({ text, title, sentences: splitSentences(text), amounts: findAmounts(text), entities: [], publishedAt });
}
const roleOf = (text: string, amount: string, title = 'Exchange hacked') => facts(text, title).amounts!.find((a) => a.text === amount)?.role;
const days = (text: string, pub: { y: number; m: number; d: number }) => findDates(text, pub).map((h) => [h.y, h.m, h.d]);

describe('lines that are not prose once the story has begun', () => {
  const story = [
    'Lazarus Group hackers drain $100 million from the Horizon bridge, FBI says',
    'The FBI said on Monday that the Lazarus Group was behind the theft of roughly $100 million in crypto from Harmony’s Horizon bridge.',
    'The bureau said the group laundered more than $60 million worth of the stolen ether through a mixer.',
    'More on this story',
    'Lazarus Group linked to $600 million Ronin bridge theft, says FBI',
    'WazirX hack: India’s largest exchange loses $230 million',
    'Harmony offers $1 million bounty for return of Horizon bridge funds',
  ];

  it('leave out the amounts and victims of a list of other stories’ headlines', () => {
    const kf = facts(story.join('\n'), story[0]);
    expect(kf.amounts!.map((a) => [a.text, a.role])).toEqual([
      ['$100 million', 'stolen'],
      ['$60 million', 'laundered'],
    ]);
    expect(kf.victims!.map((v) => v.name)).not.toContain('WazirX');
  });

  it('keep the page’s own headline, before the story begins, and prose after such a list', () => {
    const kf = facts(['Hackers steal $5 million from exchange hot wallet', 'The exchange said on Monday that attackers had drained its hot wallet overnight.'].join('\n'));
    expect(kf.amounts!.map((a) => [a.text, a.role])).toEqual([['$5 million', 'stolen']]);
    const later = facts([...story.slice(1, 5), 'The exchange later said attackers had also stolen $2 million from a second wallet.'].join('\n'), story[0]);
    expect(later.amounts!.map((a) => a.text)).toContain('$2 million');
    expect(later.amounts!.map((a) => a.text)).not.toContain('$600 million');
  });
});

describe('amount roles: what is not a fact of the event', () => {
  it('does not show a conditional or a counterfactual figure', () => {
    expect(roleOf('Hackers hit 200,000 machines. “If even 1 per cent paid the ransom that would be $600k,” he said.', '$600k', 'Ransomware hits hospitals')).toBeUndefined();
    expect(roleOf('Hackers could have drained $90 million had the team not paused the bridge.', '$90 million')).toBeUndefined();
  });

  it('keeps a stated theft next to a conditional in another clause', () => {
    expect(roleOf('Hackers stole $5 million from the exchange; if users had waited, they would have lost nothing.', '$5 million')).toBe('stolen');
    expect(roleOf('Hackers may have stolen around $136 million, CertiK said.', '$136 million')).toBe('stolen');
  });

  it('reads the amount’s own verb before a word of an opening phrase', () => {
    expect(roleOf('At the time of the Euler hack, 17,614,940 USDC of the module was invested in Euler.', '17,614,940 USDC')).toBeUndefined();
    expect(roleOf('At the time of the audit, $5 million was stolen from the vault.', '$5 million')).toBe('stolen');
  });

  it('reads "got away with" as a theft', () => {
    expect(roleOf('The infiltrators reportedly got away with $95,000 worth of Ethereum.', '$95,000')).toBe('stolen');
    expect(roleOf('The winners walked away with a $95,000 prize.', '$95,000')).toBeUndefined();
  });

  it('reads money sent to a mixer as laundered', () => {
    expect(roleOf('Exploit execution: 1000 ETH sent to Tornado Cash within minutes.', '1000 ETH')).toBe('laundered');
    expect(roleOf('The exploiter drained 1000 ETH from the pool.', '1000 ETH')).toBe('stolen');
  });

  it('reads a group’s earnings from its victims as a total', () => {
    expect(roleOf('The group had earned nearly $850,000 from their victims, who paid the ransom demands.', '$850,000', 'Ransomware hits lab')).toBe('aggregate');
    expect(roleOf('The lab paid a $50,000 ransom to the attackers.', '$50,000', 'Ransomware hits lab')).toBe('ransom');
  });

  it('does not make a figure of a period a total when nothing says what it is', () => {
    expect(roleOf('Another group tried to buy a copy of the Constitution with $40 million in crypto last year.', '$40 million')).toBeUndefined();
    expect(roleOf('Hackers stole $3.8 billion from crypto platforms last year.', '$3.8 billion')).toBe('aggregate');
  });

  it('reads an amount gathered from many victims as a total even when its verb says nothing', () => {
    expect(roleOf('North Korea has collected roughly $2 billion by breaking into cryptocurrency exchanges and banks, a report says.', '$2 billion', 'UN monitors report')).toBe('aggregate');
    expect(roleOf('North Korea has collected roughly $2 billion for its weapons programme.', '$2 billion', 'UN monitors report')).toBeUndefined();
  });

  it('does not read "a month ago" as "a month" (per month)', () => {
    const kf = facts('The exchange was hacked and lost $2 million.\nLess than a month ago, other scammers pulled off a similar hack, getting away with around $150,000.');
    expect(kf.amounts!.map((a) => a.text)).toEqual(['$2 million']);
    expect(roleOf('Victims lost $2 million a month to such scams.', '$2 million')).toBe('aggregate');
  });

  it('shows no stolen amount in a story that is not about a theft', () => {
    const text = 'Ransomware encrypted the hospital’s files and the gang demanded a $50,000 ransom.\nThe hospital lost $2 million in revenue while its systems were down.';
    const kf = facts(text, 'Ransomware attack hits hospital, gang demands ransom');
    expect(kf.event).toBe('ransomware');
    expect(kf.amounts!.map((a) => [a.text, a.role])).toEqual([['$50,000', 'ransom']]);
    expect(roleOf('Hackers stole $2 million from the exchange on Monday.', '$2 million')).toBe('stolen');
  });
});

describe('the verb before the amount over a participle after it', () => {
  it('reads "laundering at least $25 million stolen" as laundered and "froze $20 million stolen" as frozen', () => {
    expect(roleOf('The man admitted laundering at least $25 million stolen in a massive heist.', '$25 million')).toBe('laundered');
    expect(roleOf('The stablecoin issuer froze $20 million stolen from the bridge.', '$20 million')).toBe('frozen');
  });

  it('keeps "$60 million stolen" when nothing acts on it', () => {
    expect(roleOf('Attackers made off with the funds, some $60 million stolen from the bridge.', '$60 million')).toBe('stolen');
  });
});

describe('a freeze of funds linked to many schemes', () => {
  it('stays frozen, as a seizure does', () => {
    expect(roleOf('More than $300 million worth of cryptocurrency linked to fraud schemes has been frozen by authorities.', '$300 million')).toBe('frozen');
  });

  it('is a total when it counts a period', () => {
    expect(roleOf('Issuers have frozen $300 million in stolen funds so far this year.', '$300 million')).toBe('aggregate');
  });
});

describe('a charge story shows no stolen amount', () => {
  it('leaves out the heist a defendant laundered and what a scheme cost its victims', () => {
    const text = [
      'A California man was sentenced to prison after he pleaded guilty to charges of laundering crypto.',
      'Prosecutors said the defendant was arrested and charged with laundering $25 million for the thieves.',
      'The thieves had stolen $230 million in a heist in 2024, the indictment says.',
    ].join('\n');
    const kf = facts(text, 'California man sentenced for laundering crypto stolen in heist', '2025-11-19');
    expect(kf.event).toBe('arrest-or-charge');
    expect(kf.amounts!.filter((a) => a.role === 'stolen')).toEqual([]);
    expect(kf.amounts!.map((a) => [a.text, a.role])).toContainEqual(['$25 million', 'laundered']);
  });
});

describe('dates counted back from the day of writing', () => {
  const pub = { y: 2018, m: 8, d: 9 };
  it('reads "N days / weeks / months ago", at the precision the count allows', () => {
    expect(findDates('The city was hit two days ago.', pub).map((h) => [h.y, h.m, h.d])).toEqual([[2018, 8, 7]]);
    expect(findDates('The city was hit three months ago.', pub).map((h) => [h.y, h.m, h.d])).toEqual([[2018, 5, undefined]]);
    // three weeks before August 9, give or take three days: July
    expect(findDates('Nearly three weeks after its systems were knocked out, the borough has restored its phones.', pub).map((h) => [h.y, h.m, h.d])).toEqual([[2018, 7, undefined]]);
    // a week before August 5 may be in July or in August: only the year is sure
    expect(findDates('The city was hit a week ago.', { y: 2018, m: 8, d: 5 }).map((h) => [h.y, h.m, h.d])).toEqual([[2018, undefined, undefined]]);
  });

  it('counts "after" from the day of writing only when it opens the sentence', () => {
    expect(findDates('The borough restored its phones three weeks after the attack.', pub)).toEqual([]);
  });
});

describe('"last Tuesday"', () => {
  it('written on a Thursday is the Tuesday of the week before ("on Tuesday" is this week’s)', () => {
    const thursday = { y: 2017, m: 7, d: 6 };
    expect(days('The malware was launched in Ukraine last Tuesday.', thursday)).toEqual([[2017, 6, 27]]);
    expect(days('The malware was launched in Ukraine on Tuesday.', thursday)).toEqual([[2017, 7, 4]]);
    expect(days('The malware was launched last Friday.', thursday)).toEqual([[2017, 6, 30]]);
  });
});

describe('"last June"', () => {
  it('is the latest June before the month of writing', () => {
    expect(days('The bridge was drained of $100 million last June.', { y: 2023, m: 1, d: 24 })).toEqual([[2022, 6, undefined]]);
    expect(days('The bridge was drained of $100 million last June.', { y: 2023, m: 7, d: 2 })).toEqual([[2023, 6, undefined]]);
    expect(days('The bridge was drained of $100 million last June.', { y: 2023, m: 6, d: 20 })).toEqual([[2022, 6, undefined]]);
  });

  it('while "in June" written in June is this June, and "last May" needs the capital', () => {
    expect(days('The bridge was drained of $100 million in June.', { y: 2023, m: 6, d: 20 })).toEqual([[2023, 6, undefined]]);
    expect(days('Users at last may withdraw their funds.', { y: 2023, m: 6, d: 20 })).toEqual([]);
  });

  it('dates a theft told "last June" in the lede, not a sanction of another year recalled later', () => {
    const kf = facts(
      [
        'The FBI said on Monday that the Lazarus Group was behind the theft of roughly $100 million in crypto from the Horizon bridge last June.',
        'The bureau said the group laundered the stolen ether through Tornado Cash, the mixer that the US Treasury sanctioned in August 2022.',
      ].join('\n'),
      'Lazarus drained the Horizon bridge, FBI says',
      '2023-01-24',
    );
    expect(kf.date).toBe('2022-06');
  });
});

describe('when a survey was made', () => {
  it('is no day of the event', () => {
    const text = 'Ransomware attacks on Japanese companies rose sharply, the security firm said.\nA survey conducted by the firm last June shows that about 60 percent of companies that were attacked paid ransoms.';
    expect(facts(text, 'Ransomware flourishes', '2016-11-20').date).toBeNull();
  });

  it('while an attack told in the same words is', () => {
    const text = 'Ransomware attacks on Japanese companies rose sharply, the security firm said.\nAn attack carried out by the group last June locked the files of about 60 companies.';
    expect(facts(text, 'Ransomware flourishes', '2016-11-20').date).toBe('2016-06');
  });
});

describe('the event’s day', () => {
  it('narrows "over the weekend" to the day a later sentence names in it', () => {
    const text = 'The hack that shut down the dispatch system over the weekend was a ransomware attack, officials said Wednesday.\nThe breach shut down the system from Sunday morning until Monday morning.';
    expect(facts(text, 'Dispatch system hit by ransomware', '2018-03-28').date).toBe('2018-03-25');
  });

  it('keeps the month when no later day falls in the weekend', () => {
    const text = 'The hack that shut down the dispatch system over the weekend was a ransomware attack, officials said Wednesday.\nThe system was restored on Tuesday.';
    expect(facts(text, 'Dispatch system hit by ransomware', '2018-03-28').date).toBe('2018-03');
  });

  it('takes a date that opens a sentence of the event happening over the day the story is told on', () => {
    const text = 'Employees spent a second day offline Thursday as officials investigated a ransomware attack.\nOn Wednesday morning, the agency shut down 2,000 computers while officials investigated the attack.';
    expect(facts(text, 'Ransomware hits state agency', '2018-02-22').date).toBe('2018-02-21');
    const told = 'Employees spent a second day offline Thursday as officials investigated a ransomware attack.\nOn Wednesday, the agency said it was still investigating the attack.';
    expect(facts(told, 'Ransomware hits state agency', '2018-02-22').date).toBe('2018-02-22');
  });

  it('does not take the year a firm was founded or launched as the event’s', () => {
    const text = 'Attackers who compromised the wallet’s browser extension drained $7 million from users.\nThe wallet launched in 2017 and was acquired by an exchange the following year.';
    expect(facts(text, 'Wallet says $7 million drained in theft').date).toBeNull();
    expect(facts('The exchange, founded in 2014, was hacked on March 3, 2025.', 'Exchange hacked').date).toBe('2025-03-03');
  });

  it('keeps an attack launched on a day', () => {
    expect(facts('The ransomware attack was launched on May 12, 2017 and spread across the world.', 'Ransomware attack spreads').date).toBe('2017-05-12');
  });

  it('reads a disclosure heading that names the vulnerability and its day', () => {
    expect(facts('Vulnerability disclosure 2021-02-04\nAn exploit against the vault has led to 11m DAI being lost.', 'Vulnerability disclosure 2021-02-04').date).toBe('2021-02-04');
  });
});
