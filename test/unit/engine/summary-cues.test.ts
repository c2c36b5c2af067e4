/**
 * The summary's word cues (lib/engine/summary/cues.ts) as lib/engine/summary.ts uses them: event verbs of an
 * opening, definite descriptions that point back, page notes, sentences that set the story beside others, a
 * scene-setting lede, a deck the lede restates. Each rule where it fires and where it must not.
 */
import { describe, expect, it } from 'vitest';
import { summarize, standsAlone } from '../../../lib/engine/summary';
import { findAmounts } from '../../../lib/engine/money';
import { splitSentences } from '../../../lib/engine/text';

function summary(lines: string[], entities: string[] = []): string[] {
  const text = lines.join('\n');
  // mentions of parties the entity finder would report (actors, victims, companies)
  const entitySpans = entities.flatMap((name) => {
    const out: { start: number; end: number; weight: number }[] = [];
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) out.push({ start: i, end: i + name.length, weight: 1 });
    return out;
  });
  return summarize({ sentences: splitSentences(text), title: null, amounts: findAmounts(text), entitySpans, totalWords: 120 });
}

describe('summary: a lede that "targeted" or "planted" tells the event', () => {
  const lines = [
    'In a recent espionage campaign, the infamous threat group Lazarus targeted multiple organizations in the software and finance sectors.',
    'The threat actor combined a watering hole attack with an exploit for a vulnerability in a file transfer client.',
    'Researchers named the campaign Operation SyncHole and say it compromised at least six organizations between November and February.',
  ];

  it('keeps such a lede first instead of a later sentence that names an "attack"', () => {
    expect(summary(lines)[0]).toMatch(/^In a recent espionage campaign/);
    expect(summary(['North Korean threat actors planted 67 malicious packages in the npm registry to deliver a new malware loader.', ...lines.slice(1)])[0]).toMatch(/^North Korean threat actors planted/);
  });

  it('does not let a sentence that only points back ("The threat actor", "The activity", "the same actor") stand', () => {
    expect(standsAlone('The threat actor combined a watering hole attack with an exploit for a file transfer client.')).toBe(false);
    expect(standsAlone('The activity has been ongoing since at least May 2025 and is characterized by modularity.')).toBe(false);
    expect(standsAlone('Last month, the same actor infiltrated npm with 35 packages that dropped information stealers.')).toBe(false);
    expect(summary(lines).some((s) => /^The threat actor/.test(s))).toBe(false);
  });

  it('still lets "The hackers ...", "The company ..." and "the same code" stand', () => {
    expect(standsAlone('The hackers stole $5 million from the exchange’s hot wallet on Monday.')).toBe(true);
    expect(standsAlone('The company said it would cover every customer’s losses from its reserves.')).toBe(true);
    expect(standsAlone('Attackers reused the same code in all 35 packages they uploaded to npm.')).toBe(true);
    expect(standsAlone('The actors’ union said its members were not affected by the breach at the studio.')).toBe(true);
  });
});

describe('summary: a page’s note about itself', () => {
  it('is never part of the summary, first or later', () => {
    const s = summary([
      'On September 24th, the registry team was notified of two malicious crates that searched files for wallet private keys.',
      'Updated September 24th, 2025 17:34 UTC - The security firm has also published its own post about the attack.',
      'The malicious code ran when a project that depended on the crates was built or tested.',
      'The crates were deleted at 15:34 UTC on September 24, 2025, and their publishers were banned.',
    ]);
    expect(s.some((x) => /^Updated/.test(x))).toBe(false);
    expect(s).toHaveLength(3);
  });
});

describe('summary: a notice the page carries for its readers', () => {
  it('leaves out a risk warning or a promotion placed between the paragraphs, wherever it stands', () => {
    const story = [
      'North Korea has collected roughly $2 billion by breaking into cryptocurrency exchanges and banks, a UN report says.',
      'Investing in crypto assets is high risk.',
      'Only put in money you can afford to lose entirely; you are unlikely to be protected if something goes wrong.',
      'Join our Telegram channel for breaking crypto news and market calls every day.',
      'The monitors wrote that cyber operations have become a central source of income for Pyongyang.',
      'The Security Council first imposed sanctions on North Korea in 2006 over its nuclear tests.',
    ];
    for (const notice of story.slice(1, 4)) expect(standsAlone(notice, true), notice).toBe(false);
    const s = summary(story, ['North Korea']);
    expect(s).toHaveLength(3);
    expect(s.some((x) => /high risk|afford to lose|Telegram/.test(x))).toBe(false);
  });

  it('keeps news that speaks of risk, loss or investing', () => {
    const s = summary([
      'Hackers stole $5 million from the exchange, which said customers could lose all of their deposits.',
      'Investing in crypto assets has grown quickly in South Korea, where the exchange is based.',
      'The exchange said it could not afford to lose the trust of its users and would repay them.',
    ]);
    expect(standsAlone('Investing in crypto assets has grown quickly in South Korea, where the exchange is based.', true)).toBe(true);
    expect(s.some((x) => /^Investing in crypto assets has grown/.test(x))).toBe(true);
    expect(s.some((x) => /could not afford to lose the trust/.test(x))).toBe(true);
  });
});

describe('summary: a sentence that sets the story beside others', () => {
  const lines = [
    'BALTIMORE — The hack that shut down the city’s 911 dispatch system over the weekend was a ransomware attack, officials said Wednesday.',
    'The city’s chief information officer said he was not aware of any ransom request made by the hackers of the network.',
    'The breach shut down the dispatch system from Sunday morning until Monday morning, forcing manual dispatching.',
    'Federal investigators are examining the systems, software and files, a city spokesman said on Wednesday.',
    'The Baltimore hack comes amid increasing hacking of municipal systems across the country, and follows one in Atlanta last week.',
  ];

  it('counts less after the lede ("comes amid", "yet another reminder")', () => {
    expect(summary(lines).some((x) => /comes amid/.test(x))).toBe(false);
  });

  it('does not count less as the lede itself', () => {
    const s = summary(['The theft of $30 million from the Ridge exchange on Tuesday comes amid a wave of attacks on Asian exchanges.', ...lines.slice(1, 3)]);
    expect(s[0]).toMatch(/^The theft of \$30 million/);
  });
});

describe('summary: a scene-setting lede', () => {
  const tail = [
    'As demand for trading across chains grows, the bridges between them turn into targets themselves.',
    'Yesterday, the Harbor protocol lost $1.6M to an attacker through a backdoor function in its staking contract.',
    'The team said it was working with exchanges to freeze what remained of the stolen funds.',
  ];

  it('gives way to the opening sentence that tells the event with an amount or a party', () => {
    expect(summary(['A new type of attack is growing in popularity among thieves.', ...tail])[0]).toMatch(/^Yesterday, the Harbor protocol lost \$1\.6M/);
    expect(
      summary(['A new type of attack is growing in popularity among thieves.', tail[0]!, 'Yesterday, the Harbor protocol was exploited through a backdoor function.', tail[2]!], ['Harbor protocol'])[0],
    ).toMatch(/^Yesterday, the Harbor protocol was exploited/);
  });

  it('stays first when it tells the event with a figure in words', () => {
    const s = summary(['Cybersecurity experts have warned businesses against meeting hackers’ demands after an attack on hundreds of thousands of computer systems.', ...tail]);
    expect(s[0]).toMatch(/^Cybersecurity experts have warned businesses/);
  });

  it('stays first when it tells the event with a name, a day or a figure', () => {
    expect(summary(['A new type of attack hit bridges on Monday, draining funds from two chains.', ...tail])[0]).toMatch(/^A new type of attack hit bridges on Monday/);
    expect(summary(['Thieves hacked a popular bridge, the Harbor protocol, and took users’ deposits.', ...tail], ['Harbor protocol'])[0]).toMatch(/^Thieves hacked a popular bridge/);
  });
});

describe('summary: a deck the lede restates', () => {
  const rest = [
    'The new ransom note was published on the dark web and demanded 100 bitcoins, or about $340,000, for a decryption key.',
    'The demand was far above the ransomware’s initial request of less than $400 in bitcoin per computer.',
  ];

  it('gives way to the fuller lede that opens with the same words', () => {
    const s = summary([
      'HACKERS connected with last week’s devastating cyber attack have offered help, but it comes at a price.',
      'HACKERS connected with the ransomware that crippled banks, power stations and chocolate factories in Australia last week have issued a new ransom demand.',
      ...rest,
    ]);
    expect(s[0]).toMatch(/^HACKERS connected with the ransomware that crippled/);
    expect(s.some((x) => /offered help/.test(x))).toBe(false);
  });

  it('stays when the next sentence opens the same way but tells another fact', () => {
    const s = summary([
      'The company said it was hacked on Monday by attackers who reached its hot wallet.',
      'The company said its customers lost $5 million worth of bitcoin and ether in the theft, all of which it would repay.',
      ...rest,
    ]);
    expect(s[0]).toMatch(/^The company said it was hacked on Monday/);
  });

  it('stays when the next sentence opens otherwise', () => {
    const s = summary([
      'Hackers connected with last week’s attack on the shipping giant Maersk have offered help, but at a price.',
      'The group behind the ransomware that crippled banks and power stations last week has issued a new ransom demand.',
      ...rest,
    ]);
    expect(s[0]).toMatch(/^Hackers connected with last week’s attack on the shipping giant Maersk/);
  });
});

describe('summary: a sentence about a habit rather than the story', () => {
  it('counts as background ("... extort millions of dollars from individuals each month")', () => {
    const s = summary([
      'The ecosystem of ransomware payments comes into focus in new research led by a professor at New York University.',
      'Ransomware attacks, which hold a computer user’s files hostage, extort millions of dollars from individuals each month.',
      'The researchers tracked $16 million in payments over two years and found that South Korean victims paid $2.5 million of it.',
      'Most operators used a Russian exchange, BTC-E, to turn the bitcoin they received into cash.',
      'The team also found that victims in the United States paid $3 million in ransoms in 2016.',
    ]);
    expect(s.some((x) => /each month/.test(x))).toBe(false);
  });

  it('does not take a dated event for a habit', () => {
    const s = summary([
      'Hackers stole $30 million from the Ridge exchange on Tuesday, the company said in a statement.',
      'The exchange said every withdrawal made on Tuesday would be checked by its security team before it is paid.',
      'Customers were told their balances would be covered from the company’s reserves.',
    ]);
    expect(s.some((x) => /every withdrawal made on Tuesday/.test(x))).toBe(true);
  });
});
