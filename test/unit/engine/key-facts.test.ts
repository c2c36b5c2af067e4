/**
 * The event frame (lib/engine/key-facts): roles of amounts, the event's date, the event kind, on
 * sentences written for these tests; each rule with a case where it must not fire.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../lib/engine/analyze';
import { buildKeyFacts } from '../../../lib/engine/key-facts';
import { findDateline, findDates, parsePublished } from '../../../lib/engine/key-facts/dates';
import { findAmounts } from '../../../lib/engine/money';
import { textInput } from '../../../lib/engine/plain-text';
import { splitSentences } from '../../../lib/engine/text';
import { loadKb } from '../../../lib/kb/index';

function facts(text: string, title = '', publishedAt: string | null = null) {
  return buildKeyFacts({ text, title, sentences: splitSentences(text), amounts: findAmounts(text), entities: [], publishedAt });
}
const roleOf = (text: string, amount: string, title = 'Exchange hacked') => facts(text, title).amounts!.find((a) => a.text === amount)?.role;

describe('amount roles', () => {
  it.each([
    ['Hackers stole $48 million from the exchange on Monday.', '$48 million', 'stolen'],
    ['The exchange said $48 million was drained from its hot wallet.', '$48 million', 'stolen'],
    ['The stablecoin issuer froze $20 million of the stolen funds.', '$20 million', 'frozen'],
    ['The team offered the attacker a $4.8 million bounty to return the funds.', '$4.8 million', 'bounty'],
    ['Investigators have recovered $3 million of the loot so far.', '$3 million', 'recovered'],
    ['Police seized $12 million in cryptocurrency from the suspects.', '$12 million', 'seized'],
    ['The regulator fined the exchange $5 million for weak controls.', '$5 million', 'fine'],
    ['The attackers laundered $9 million through a mixer.', '$9 million', 'laundered'],
    ['The gang demanded a $2 million ransom from the hospital.', '$2 million', 'ransom'],
    ['Hackers have stolen a total of $1.7 billion from crypto platforms so far this year.', '$1.7 billion', 'aggregate'],
    ['Crypto thefts since 2017 add up to more than $9 billion, analysts say.', '$9 billion', 'aggregate'],
  ])('%s -> %s is %s', (text, amount, role) => {
    expect(roleOf(text, amount)).toBe(role);
  });

  it('reads the nearest cue in the clause, not the first word of the sentence', () => {
    const text = 'The protocol offered a $4.8 million bounty for the return of the $48 million stolen on Monday.';
    expect(roleOf(text, '$4.8 million')).toBe('bounty');
    expect(roleOf(text, '$48 million')).toBe('stolen');
  });

  it('does not call money that was saved or what a project is worth stolen', () => {
    const text = 'The team stopped the exploit while it was underway, saving 24m DAI of deposits; the attacker stole 11m DAI.';
    expect(roleOf(text, '24m DAI')).not.toBe('stolen');
    expect(roleOf(text, '11m DAI')).toBe('stolen');
    expect(roleOf('The lending protocol, valued at $300 million, was exploited on Monday.', '$300 million')).not.toBe('stolen');
    // the nearest word decides: a theft of savings is a theft
    expect(roleOf('Hackers stole $5 million that users had saved in the wallet app.', '$5 million')).toBe('stolen');
  });

  it('keeps "of which" parts apart from the whole', () => {
    const text = 'Attackers drained $60 million from the bridge, of which $20 million has been frozen by issuers.';
    expect(roleOf(text, '$60 million')).toBe('stolen');
    expect(roleOf(text, '$20 million')).toBe('frozen');
  });

  it('must not call "ransomware" alone a ransom, nor a payment in a story without an attack a ransom', () => {
    expect(roleOf('The company spent $3 million on new ransomware defences for its offices.', '$3 million', 'Company upgrades its offices')).not.toBe('ransom');
    expect(roleOf('Customers paid $15 million for the new phones in the first week.', '$15 million', 'New phone sells well')).not.toBe('ransom');
  });

  it('must not call a single theft an aggregate because of "a total of" or a ranking among other thefts', () => {
    expect(roleOf('The attacker stole a total of $5 million from the protocol.', '$5 million')).toBe('stolen');
    expect(roleOf('Hackers stole $48 million from the exchange, one of the largest thefts from a trading platform this year.', '$48 million')).toBe('stolen');
  });

  it('leaves out the amounts of another incident the article recalls', () => {
    const text = 'Hackers stole $48 million from the exchange on Monday. In a separate attack, $600 million was stolen from a bridge.';
    const f = facts(text, 'Exchange hacked', '2025-03-05');
    expect(f.amounts!.map((a) => a.text)).toEqual(['$48 million']);
  });

  it('lists each figure once', () => {
    const f = facts('Hackers stole $48 million from the exchange. The $48 million was taken from a hot wallet.', 'Exchange hacked');
    expect(f.amounts!.filter((a) => a.value === 48e6)).toHaveLength(1);
  });
});

describe('event date', () => {
  it('resolves a weekday against the publication date, and never gives the publication date itself', () => {
    const text = 'Hackers drained the exchange on Monday, the company said. The exchange published a report.';
    expect(facts(text, 'Exchange drained', '2025-03-05').date).toBe('2025-03-03');
    expect(facts(text, 'Exchange drained', null).date).toBeNull();
  });

  it('skips the day something was said ("said Wednesday") and a dateline', () => {
    const text = 'Posted: March 5, 2025\n\nThe exchange was hacked on March 1, its chief executive said Wednesday.';
    const f = facts(text, 'Exchange hacked');
    expect(f.date).toBe('2025-03-01');
    expect(findDateline(text)?.date).toEqual({ y: 2025, m: 3, d: 5 });
  });

  it('keeps the precision the text gives: month, year', () => {
    expect(facts('The exchange was hacked in March 2024 and lost its reserves.', 'Exchange hacked').date).toBe('2024-03');
    expect(facts('The exchange was hacked in 2018, the company revealed.', 'Exchange hacked').date).toBe('2018');
  });

  it('takes the day it happened over the day it was disclosed, when the text says when it began', () => {
    const text = 'The lab disclosed the ransomware incident on Monday in a filing. The attack on its network started at midnight on July 13, investigators said.';
    expect(facts(text, 'Lab hit by ransomware', '2018-07-19').date).toBe('2018-07-13');
    // not from a sentence about "that attack" (it may be another one), nor a less precise date
    const other = 'The city disclosed the ransomware incident on Monday in a filing. That attack occurred on March 2, officials said.';
    expect(facts(other, 'City hit by ransomware', '2018-03-28').date).toBe('2018-03-26');
    const vaguer = 'The city disclosed the ransomware incident on March 26 in a filing. The attack began in early 2018, officials said.';
    expect(facts(vaguer, 'City hit by ransomware', '2018-03-28').date).toBe('2018-03-26');
  });

  it('makes a year precise with a later date of the same year', () => {
    const text = 'The company says thousands of people had their data stolen in a ransomware attack last year. Hackers stole the data during the August 2025 cyberattack.';
    expect(facts(text, 'Company says data stolen', '2026-03-18').date).toBe('2025-08');
  });

  it('must not read "May" the verb as a month', () => {
    expect(findDates('Hackers may have stolen funds.', { y: 2025, m: 3, d: 5 })).toEqual([]);
  });

  it('parses publication dates in their usual shapes', () => {
    expect(parsePublished('2019-08-07T09:30:00Z')).toEqual({ y: 2019, m: 8, d: 7 });
    expect(parsePublished('April 1, 2026')).toEqual({ y: 2026, m: 4, d: 1 });
    expect(parsePublished('not a date')).toBeNull();
  });
});

describe('event kind', () => {
  it('names the kind of event from the title and lede', () => {
    expect(facts('Attackers exploited a bug and drained $10 million from the lending protocol.', 'Lending protocol exploited for $10 million').event).toBe('theft');
    expect(facts('A ransomware gang encrypted the hospital’s systems and demanded a ransom.', 'Hospital hit by ransomware').event).toBe('ransomware');
    expect(facts('Prosecutors charged two men with running the fraud, and both were arrested on Tuesday.', 'Two men charged and arrested').event).toBe('arrest-or-charge');
  });

  it('must not name an event for an article without one', () => {
    expect(facts('The new phone has a bigger screen and a faster chip than last year’s model.', 'Phone review').event).toBeNull();
    // one passing word for a kind of event, with no attack around it, is not enough
    expect(facts('The company, which was hacked in 2019, launched a new phone with a faster chip on Monday.', 'Company launches a phone').event).toBeNull();
  });

  it('names the kind from one mention in the lede when the attack words around it agree', () => {
    const text = 'The state senators have been hit by a ransomware attack that locked staff out of their network on Friday. Officials are working with the police.';
    expect(facts(text, 'State senators are being held cyber hostage').event).toBe('ransomware');
  });
});

const SEED = join(__dirname, '../../../../shared/data/seed-article.txt');
describe.skipIf(!existsSync(SEED))('the seed article (../shared)', () => {
  // Read inside the suite's hooks: a skipped suite's body still runs when the tests are collected.
  let a!: ReturnType<ReturnType<typeof createEngine>['analyze']>;
  let k!: NonNullable<typeof a.keyFacts>;
  beforeAll(() => {
    a = createEngine(loadKb().kb).analyze(textInput(readFileSync(SEED, 'utf8'), { markdown: false }));
    k = a.keyFacts!;
  });

  it('shows $2 billion as an aggregate reported by the UN, not a single theft', () => {
    const two = k.amounts!.find((x) => x.value === 2e9);
    expect(two?.role).toBe('aggregate');
    expect(two?.by).toMatch(/United Nations|U\.?N\.?|Security Council|sanctions committee/i);
    expect(k.amounts!.some((x) => x.role === 'stolen')).toBe(false);
  });

  it('names the actors with their sources', () => {
    expect(k.actors.length).toBeGreaterThan(0);
    const lazarus = k.actors.find((x) => /Lazarus/.test(x.name));
    expect(lazarus?.inferred).toBe(true);
    expect(lazarus?.by.length).toBeGreaterThan(0);
  });

  it('shows no publication date as the event date', () => {
    expect(k.date).toBeNull();
  });
});

describe('victims read from the event frame (names the entity finder did not report)', () => {
  const victims = (text: string, title = '', entities: Parameters<typeof buildKeyFacts>[0]['entities'] = []) =>
    buildKeyFacts({ text, title, sentences: splitSentences(text), amounts: findAmounts(text), entities }).victims.map((v) => v.name);

  it.each([
    ['Hackers drained $48 million from Harbor Bridge on Monday, the project said.', 'Harbor Bridge'],
    ['LabCorp, one of the largest clinical labs in the country, was hit by ransomware over the weekend. The ransomware attack on LabCorp took systems offline.', 'LabCorp'],
    ['Ransomware creators have attacked Malaysian media giant Media Prima Bhd and are demanding a ransom in bitcoins.', 'Media Prima Bhd'],
    ['The ransomware attack accessed the computers of Hancock Health in Greenfield on Thursday and demanded a ransom.', 'Hancock Health'],
    ["An exploit against Yearn's v1 vault has led to 11m DAI of deposits being lost.", 'Yearn'],
    ['Decentralized finance company Drift says it has suspended withdrawals after hackers stole $136 million.', 'Drift'],
  ])('%s -> %s', (text, name) => {
    expect(victims(text, 'Platform hacked')).toContain(name);
  });

  it('reads the title when it is written in sentence case, not in Title Case', () => {
    const text = 'The ransomware demanded payment in bitcoin, and on Wednesday CDOT shut down 2,000 computers while officials investigated the attack.';
    expect(victims(text, 'SamSam ransomware demands bitcoin from CDOT')).toContain('CDOT');
    expect(victims(text, 'SamSam Ransomware Demands Bitcoin From CDOT')).not.toContain('CDOT');
  });

  it('must not take the attacker, a place, a coin, a generic word, a day or a describing word', () => {
    const text = 'Investigators said the Lazarus Group was hit with sanctions after the hack of Orbit Chain drained $80 million.';
    const start = text.indexOf('Lazarus Group');
    const lazarus = { id: 'lazarus-group', name: 'Lazarus Group', type: 'threat-actor' as const, aliases: [], mentions: [{ text: 'Lazarus Group', start, end: start + 13 }], inferred: false };
    expect(victims(text, 'Orbit Chain hacked', [lazarus])).toEqual(['Orbit Chain']);
    expect(victims('A new wave of cyberattacks hit Europe on Tuesday and hackers stole data.', 'Cyberattacks hit')).toEqual([]);
    expect(victims('The attacker drained the underlying Liquid Staking Tokens through repeated withdrawals and stole the funds.', 'Pool hacked')).toEqual([]);
    expect(victims('Hackers exploited Vault and stole $3 million in an attack on Monday.', 'Vault hacked')).toEqual([]);
    expect(victims('Cyber fraudsters encrypted data belonging to a Dadar-based accountant and demanded a ransom.', 'Accountant hit by ransomware')).toEqual([]);
    expect(victims('Hackers attacked Malaysian banks over the weekend and stole customer data.', 'Banks hacked')).toEqual([]);
  });

  it('must not take a common word that is capitalised only because it opens the sentence', () => {
    expect(victims('Customers were hit by the hack, and Users said they lost funds when hackers stole $2 million.', 'Exchange hacked')).toEqual([]);
  });
});

describe('actors', () => {
  const ent = (text: string, name: string, type: 'agency' | 'person' | 'threat-actor') => {
    const start = text.indexOf(name);
    return { id: name.toLowerCase().replace(/\s+/g, '-'), name, type, aliases: [], mentions: [{ text: name, start, end: start + name.length }], inferred: false };
  };
  const actors = (text: string, title: string, names: [string, 'agency' | 'person' | 'threat-actor'][]) =>
    buildKeyFacts({ text, title, sentences: splitSentences(text), amounts: findAmounts(text), entities: names.map(([n, t]) => ent(text, n, t)) }).actors.map((a) => a.name);

  it('takes the person charges were brought against', () => {
    const text = 'Prosecutors brought charges in 2024 against Oleksandr Didenko for selling stolen identities to overseas workers.';
    expect(actors(text, 'Man jailed for identity theft', [['Oleksandr Didenko', 'person']])).toEqual(['Oleksandr Didenko']);
  });

  it('takes an agency only as the subject of "was behind", never as the one who says so', () => {
    const text = 'The NSA said the Reconnaissance General Bureau, the country’s spy agency, was behind the ransomware attack on the hospitals.';
    expect(actors(text, 'NSA links ransomware attack to spy agency', [['NSA', 'agency'], ['Reconnaissance General Bureau', 'agency']])).toEqual(['Reconnaissance General Bureau']);
  });
});

describe('earlier incidents a story recalls by their year', () => {
  // the lede's sentences are the event's own; recalled incidents come later in a story
  const lede = 'Hackers stole $30 million from the exchange on Monday, the company said. The firm has paused all withdrawals while its engineers check every wallet it runs. Its customers were told to wait for an update later in the week from the support team. Outside investigators have been hired to trace where the funds were sent after the theft.';
  it('an amount in a sentence that dates its own incident before the publication year is not this event\'s', () => {
    const text = `${lede} Officials pointed to the 2016 theft of $81 million from a central bank as an example of the same campaign.`;
    const f = facts(text, 'Exchange hacked', '2019-08-07');
    expect(f.amounts!.map((a) => [a.text, a.role])).toEqual([['$30 million', 'stolen']]);
    expect(facts(`${lede} The outbreak of 2017 cost $4 billion, they said.`, 'Exchange hacked', '2019-08-07').amounts!.map((a) => a.text)).toEqual(['$30 million']);
  });
  it('must not fire for the publication year, a span of years, or without a publication date', () => {
    const same = `${lede} The 2019 theft of $81 million was the largest of the year so far.`;
    expect(facts(same, 'Exchange hacked', '2019-08-07').amounts!.map((a) => a.text)).toContain('$81 million');
    const span = `${lede} Over the 2018-2019 season the attackers took $81 million from the exchange.`;
    expect(facts(span, 'Exchange hacked', '2019-08-07').amounts!.map((a) => a.text)).toContain('$81 million');
    const undated = `${lede} The 2016 theft of $81 million from the exchange was traced to the same group.`;
    expect(facts(undated, 'Exchange hacked', null).amounts!.map((a) => a.text)).toContain('$81 million');
  });
});
