/**
 * The event frame (lib/engine/key-facts), issue 15's second pass continued: what a flaw would let attackers do is no
 * theft, a report named with an adjective ("a new report by"), victims of a hijacking, of a recovery and "one X
 * victim", money kept from the attacker, borrowed or priced, an earlier incident dated in brackets, and a decimal
 * comma before a scale word (lib/engine/money.ts). Each rule both ways.
 */
import { describe, expect, it } from 'vitest';
import { buildKeyFacts } from '../../../lib/engine/key-facts';
import { readEvent } from '../../../lib/engine/key-facts/event';
import { findAmounts } from '../../../lib/engine/money';
import { splitSentences } from '../../../lib/engine/text';

function facts(text: string, title: string, publishedAt: string | null = null) {
  return buildKeyFacts({ text, title, sentences: splitSentences(text), amounts: findAmounts(text), entities: [], publishedAt });
}
const eventOf = (title: string, text: string) => readEvent(title, splitSentences(text), () => false).event;
const roleOf = (text: string, amount: string) => facts(text, 'Exchange hacked').amounts!.find((a) => a.text === amount)?.role;

describe('event: what could be done is not what was done', () => {
  it('does not read a vulnerability that made theft possible as a theft', () => {
    const text = [
      'The wallet was riddled with security vulnerabilities, one of which allowed hackers to steal coins directly from the wallets of exchanges.',
      'Inventive hackers could forge transaction data and trick support staff into crediting their accounts.',
      'The flaw has since been patched, and the developers thanked the researcher who reported it.',
    ].join('\n');
    expect(eventOf('Wallet vulnerability made it possible to steal coins from exchanges', text)).toBeNull();
  });

  it('does not mask past "that" or "after": a theft told after a modal is still a theft', () => {
    const text = [
      'The exchange said it can confirm that hackers stole $5 million from its hot wallet.',
      'The company would refund users after hackers drained the wallet on Monday.',
      'Hackers stole the funds in minutes.',
    ].join('\n');
    expect(eventOf('Exchange confirms theft', text)).toBe('theft');
  });

  it('reads a flaw that "allowed an attacker to drain" wallets as a theft when the money was lost', () => {
    const text = [
      'Sunday morning brought notifications of a cross-chain protocol losing millions.',
      'The swap protocol has lost $21M to a vulnerability which allowed an unknown attacker to drain the wallets of users.',
      'The team paused the affected contracts before announcing the incident.',
    ].join('\n');
    expect(eventOf('Swap protocol rekt', text)).toBe('theft');
  });

  it('still reads a theft that happened, hedged or not', () => {
    const text = [
      'Hackers stole coins directly from the wallets of the exchange on Monday.',
      'Security firms said the hackers may have stolen around $136 million.',
      'The exchange said it has suspended withdrawals while it investigates.',
    ].join('\n');
    expect(eventOf('Hackers steal coins from exchange', text)).toBe('theft');
  });
});

describe('event: a charge for ransomware attacks', () => {
  it('reads a guilty plea or charges for ransomware attacks as a charge', () => {
    const text = [
      'A Russian national will plead guilty to charges of breaching corporate networks for ransomware attacks.',
      'Prosecutors say he sold access to the networks of eight companies to a ransomware gang, which encrypted their files.',
      'He was arrested in 2024 and extradited to the United States, according to the indictment.',
    ].join('\n');
    expect(eventOf('Access broker to plead guilty to ransomware attacks', text)).toBe('arrest-or-charge');
  });

  it('keeps a ransomware attack that names a court only in passing', () => {
    const text = [
      'A ransomware attack encrypted the hospital’s files on Monday and the gang demanded a ransom.',
      'The ransomware locked doctors out of patient records, and the hospital paid the ransom to decrypt its systems.',
      'The hospital said the court hearings scheduled this week were not affected.',
    ].join('\n');
    expect(eventOf('Ransomware attack hits hospital', text)).toBe('ransomware');
  });
});

describe('event: a report named with an adjective', () => {
  it('reads "claims a new report by" and "according to the report" as a report story', () => {
    const text = [
      'Given the roaring adoption of cryptocurrency, it is no surprise that more criminals are using it.',
      'The criminal usage of cryptocurrencies will drop around the world, claims a new report by an analytics firm.',
      'Transaction volume grew to $15.8 trillion in 2021, up 567 per cent from 2020.',
    ].join('\n');
    expect(eventOf('Legitimate cryptocurrency usage will outpace criminal usage', text)).toBe('report');
  });

  it('does not make a hack story a report because a firm reported it', () => {
    const text = [
      'Hackers drained $48 million from the exchange’s hot wallet on Monday.',
      'The exchange said it had suspended withdrawals after the hack.',
      'A security firm tracked the stolen funds to several addresses.',
    ].join('\n');
    expect(eventOf('Exchange hacked, $48 million stolen', text)).toBe('theft');
  });
});

describe('victims of a hijacking, of a recovery, "one X victim"', () => {
  const victims = (text: string, title: string) => facts(text, title, '2018-08-09').victims.map((v) => v.name);
  it('reads the name after "the hijacking of"', () => {
    expect(victims('The hijacking of the Axios project on March 31 was successful because the hackers built trust with its developer.', 'North Korea’s hijack of an open source project')).toContain('Axios');
  });

  it('reads the name that is recovering or has restored its systems', () => {
    const text = 'Nearly three weeks after many of its systems were knocked out by ransomware, Alaska’s Matanuska-Susitna Borough has restored most of its phone system.';
    expect(victims(text, 'Alaska suburb recovering from ransomware')).toContain('Alaska’s Matanuska-Susitna Borough');
  });

  it('reads "one X victim" and "an easy target in X"', () => {
    expect(victims('Hackers saw an easy target in CityDAO and took over an admin account to steal funds.', 'Hackers plunder crypto city')).toContain('CityDAO');
    expect(victims('One CityDAO victim tweeted that the hackers stole funds from the members.', 'Hackers plunder crypto city')).toContain('CityDAO');
  });

  it('reads the first of a list of the hit, further into the story', () => {
    const text = [
      'Hackers connected with last week’s NotPetya attack have issued a new ransom demand.',
      'The new ransom note demanded a payment of 100 bitcoins for a key that could decrypt any file.',
      'The demand was far higher than the ransomware’s first request when the malware was launched.',
      'Bitcoin transactions show its creators were able to access more than $13,000 paid by victims.',
      'It is not known whether victims who paid received a key to unlock their files.',
      'The ransomware affected as many as 16,000 computers in 64 countries, according to a security firm.',
      'The malware crippled the operations of several European companies within hours.',
      'Experts said the malware was designed to destroy data rather than to make money.',
      'Some Australian businesses were also affected through their international connections, including Cadbury factories in Tasmania and the offices of law firm DLA Piper.',
    ].join('\n');
    expect(victims(text, 'Hackers connected to NotPetya ransomware issue a new ransom demand')).toContain('Cadbury');
  });

  it('reads the name whose pool, vault or project was hit ("the yETH weighted stableswap pool[1] was exploited")', () => {
    expect(victims('On Ethereum mainnet, the yETH weighted stableswap pool[[1]](#References) was exploited by an attacker.', 'Incident disclosure')).toContain('yETH');
    expect(victims('The Axios project was hijacked by hackers who pushed malicious updates.', 'Open source project hijacked')).toContain('Axios');
  });

  it('does not read a technical acronym before the hit thing as a victim', () => {
    expect(victims('The binaries of the CLI wallet were compromised for a short time, and hackers stole funds.', 'Wallet binaries compromised')).toEqual([]);
  });

  it('does not read a list of tools or of places as the hit', () => {
    expect(victims('The attackers used several tools, including Mimikatz and Cobalt Strike, to steal funds.', 'Hackers steal funds')).toEqual([]);
    expect(victims('Many computers were affected across the region, including Tasmania and Victoria, after hackers stole data.', 'Hackers steal data')).toEqual([]);
  });

  it('does not take the hijacker, a place or the mover of a recovery for a victim', () => {
    expect(victims('The hijacking was carried out by North Korean hackers who stole funds.', 'Project hijacked')).toEqual([]);
    expect(victims('Nearly three weeks after the attack, the FBI is still investigating who stole the funds.', 'Borough hit by ransomware')).toEqual([]);
  });
});

describe('actors named by their nationality in the title', () => {
  const northKorea = { id: 'north-korea', name: 'North Korea', type: 'sanctioned-jurisdiction' as const, aliases: [], known: true, inferred: false, mentions: [{ text: 'North Korean', start: 0, end: 12 }] };
  const actorsOf = (title: string, text: string) =>
    buildKeyFacts({ text, title, sentences: splitSentences(text), amounts: [], entities: [{ ...northKorea, mentions: [{ text: 'North Korean', start: text.indexOf('North Korean'), end: text.indexOf('North Korean') + 12 }] }] }).actors.map((a) => a.name);
  it('reads "a North Korean fake IT worker" in the title as the doer', () => {
    expect(actorsOf('Watch how a job interviewer exposes a North Korean fake IT worker', 'A North Korean applicant was caught stumped during a remote job interview.')).toEqual(['North Korea']);
  });

  it('does not read a North Korean place or leader in the title as the doer', () => {
    expect(actorsOf('A North Korean city opens a new street', 'A North Korean city opened a new street on Monday with a ceremony.')).toEqual([]);
  });
});

describe('money kept from the attacker, borrowed or priced', () => {
  it('does not show what was avoided, borrowed or a price as stolen', () => {
    expect(roleOf('The team halted transfers and thwarted the attacker, avoiding a further $1.15M in losses.', '$1.15M')).toBeUndefined();
    expect(roleOf('The hacker borrowed 61.8k ETH in a flash loan on dYdX and drained the pool.', '61.8k ETH')).toBeUndefined();
    expect(roleOf('Sales of the stolen tokens hit the token price, which dropped from around $31 to a low of $21.47.', '$21.47')).toBeUndefined();
  });

  it('keeps the losses and the theft that happened', () => {
    expect(roleOf('The exploit led to $1.15M in losses before the team halted transfers.', '$1.15M')).toBe('stolen');
    expect(roleOf('The hacker drained 61.8k ETH from the pool after a flash loan.', '61.8k ETH')).toBe('stolen');
    expect(roleOf('Hackers stole $5 million held in the exchange’s hot wallet.', '$5 million')).toBe('stolen');
  });
});

describe('the noun after "in" says what the amount is', () => {
  const roleInStory = (text: string, amount: string, title: string) => facts(text, title).amounts!.find((a) => a.text === amount)?.role;
  it('reads "$9.1 million in restitution" as a court-ordered payment, not a ransom paid', () => {
    expect(roleInStory('He was sentenced and must pay over $9.1 million in restitution to the victims of the ransomware attacks.', '$9.1 million', 'Ransomware broker sentenced')).toBe('fine');
    expect(roleInStory('The hospital paid $9.1 million in ransom to the ransomware gang to unlock its files.', '$9.1 million', 'Hospital pays ransomware gang')).toBe('ransom');
  });

  it('lets the amount’s own verb decide over the noun ("$1.1M in referral rewards were robbed")', () => {
    expect(roleOf('Yesterday, $1.1M in referral rewards were robbed from the platform.', '$1.1M')).toBe('stolen');
    expect(roleOf('The exchange offered $1.1M in rewards for information on the hackers.', '$1.1M')).toBe('bounty');
  });

  it('does not read "industry-wide" as a total over the industry', () => {
    expect(roleOf('Hackers stole $8.5 million from the wallet app in an industry-wide supply-chain attack.', '$8.5 million')).toBe('stolen');
    expect(roleOf('Hackers stole $2.2 billion from the crypto industry this year.', '$2.2 billion')).toBe('aggregate');
  });
});

describe('an earlier incident dated in brackets', () => {
  it('does not show the amount of "the Bangladesh Bank robbery (2016)" in a story of 2023', () => {
    const text = [
      'Hackers stole $41 million from the casino on Monday.',
      'The casino said it had suspended withdrawals while it investigates the theft.',
      'Investigators blamed a group of hackers that has targeted casinos for years.',
      'The group has a long history, including the Bangladesh Bank robbery (2016), in which >$100M was transferred out of the bank.',
    ].join('\n');
    expect(facts(text, 'Casino hacked', '2023-09-06').amounts!.map((a) => a.text)).toEqual(['$41 million']);
  });

  it('keeps a bracketed year of this event', () => {
    const text = [
      'Hackers stole $41 million from the casino on Monday.',
      'The casino said it had suspended withdrawals while it investigates the theft.',
      'Investigators blamed a group of hackers that has targeted casinos for years.',
      'The theft (2023) began when the hackers drained $2 million from one hot wallet.',
    ].join('\n');
    expect(facts(text, 'Casino hacked', '2023-09-06').amounts!.map((a) => a.text)).toEqual(['$41 million', '$2 million']);
  });
});

describe('a decimal comma before a scale word', () => {
  it('reads "$2,7 million" as 2.7 million and leaves thousands groups as they were', () => {
    expect(findAmounts('Two attacks, $2,7 million combined, taken with little consequence.').map((a) => [a.text, a.value])).toEqual([['$2,7 million', 2_700_000]]);
    expect(findAmounts('The hacker took $1,500 and then $12,345 million.').map((a) => [a.text, a.value])).toEqual([
      ['$1,500', 1500],
      ['$12,345 million', 12_345_000_000],
    ]);
  });
});
