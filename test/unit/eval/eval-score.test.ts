import { describe, expect, it } from 'vitest';
import {
  ambiguousMentions,
  ambiguousNames,
  amountMatches,
  confusion,
  coreName,
  entityMatches,
  firstSentenceStatesFact,
  groupBy,
  lowercaseMentions,
  median,
  normaliseName,
  prf,
  scoreAmounts,
  scoreEntities,
} from '../../../tools/cli/eval-score';

describe('prf', () => {
  it('computes precision, recall and F1', () => {
    const r = prf(8, 2, 2);
    expect(r.precision).toBeCloseTo(0.8);
    expect(r.recall).toBeCloseTo(0.8);
    expect(r.f1).toBeCloseTo(0.8);
  });
  it('returns null for empty denominators and 0 F1 when nothing is right', () => {
    expect(prf(0, 0, 0)).toMatchObject({ precision: null, recall: null, f1: null });
    expect(prf(0, 3, 4)).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });
  it('counts a confusion matrix', () => {
    const r = confusion([
      { positive: true, detected: true },
      { positive: true, detected: false },
      { positive: false, detected: true },
      { positive: false, detected: false },
      { positive: false, detected: false },
    ]);
    expect(r).toMatchObject({ tp: 1, fn: 1, fp: 1, tn: 2, precision: 0.5, recall: 0.5 });
  });
});

describe('helpers', () => {
  it('median of odd, even and empty lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });
  it('groups an item under each of its keys', () => {
    const g = groupBy([{ t: ['a', 'b'] }, { t: ['b'] }], (x) => x.t);
    expect(g.get('a')?.length).toBe(1);
    expect(g.get('b')?.length).toBe(2);
  });
});

describe('name matching', () => {
  it('normalises case, punctuation, diacritics and a leading "the"', () => {
    expect(normaliseName('  The Lazarus-Group ')).toBe('lazarus group');
    expect(normaliseName('Tornado.Cash')).toBe('tornado cash');
    expect(normaliseName('Société Générale')).toBe('societe generale');
    expect(normaliseName("Bybit's")).toBe('bybit');
  });
  it('drops generic tail words but never the whole name', () => {
    expect(coreName('Lazarus Group')).toBe('lazarus');
    expect(coreName('LockBit ransomware')).toBe('lockbit');
    expect(coreName('Group')).toBe('group');
  });
  it('matches by id, name (or an expected alias) or mention text', () => {
    const exp = { name: 'Lazarus Group', type: 'threat-actor', aliases: ['APT38'] };
    expect(entityMatches(exp, { id: 'lazarus-group', name: 'Something else' })).toBe(true);
    expect(entityMatches(exp, { id: 'x1', name: 'Lazarus' })).toBe(true);
    // the output entity's KB aliases are not used: a neighbouring cluster must not count
    expect(entityMatches(exp, { id: 'x2', name: 'BlueNoroff', aliases: ['APT38'] })).toBe(false);
    expect(entityMatches(exp, { id: 'x3', name: 'Hidden Cobra', mentions: [{ text: 'Lazarus' }] })).toBe(true);
    expect(entityMatches(exp, { id: 'kimsuky', name: 'Kimsuky' })).toBe(false);
    expect(entityMatches({ name: 'Tornado Cash', type: 'mixer' }, { id: 't', name: 'TornadoCash' })).toBe(true);
  });
  it('matches an incident whose name or mention contains the expected name', () => {
    const sonyHack = { id: 'sony-pictures-hack-2014', name: 'Sony Pictures Entertainment hack', type: 'incident', mentions: [{ text: 'hack of Sony Entertainment' }] };
    expect(entityMatches({ name: 'Sony', type: 'organization', aliases: ['Sony Entertainment'] }, sonyHack)).toBe(true);
    expect(entityMatches({ name: 'So', type: 'organization' }, sonyHack)).toBe(false);
    expect(entityMatches({ name: 'Sony', type: 'organization' }, { ...sonyHack, type: 'organization' })).toBe(false);
  });
  it('scores entity recall, unexpected and extra entities', () => {
    const s = scoreEntities(
      [
        { name: 'Lazarus Group', type: 'threat-actor' },
        { name: 'Bybit', type: 'exchange' },
        { name: 'Safe{Wallet}', type: 'organization' },
      ],
      [
        { id: 'lazarus-group', name: 'Lazarus Group' },
        { id: 'bybit', name: 'Bybit' },
        { id: 'ibm', name: 'IBM' },
        { id: 'ethereum', name: 'Ethereum' },
      ],
      ['IBM'],
    );
    expect(s.found).toBe(2);
    expect(s.recall).toBeCloseTo(2 / 3);
    expect(s.missed.map((m) => m.name)).toEqual(['Safe{Wallet}']);
    expect(s.unexpected.map((u) => u.name)).toEqual(['IBM']);
    expect(s.extra.map((u) => u.name)).toEqual(['Ethereum']);
  });
});

describe('amounts', () => {
  it('matches same currency and value within tolerance, or USD via usd', () => {
    const exp = { text: '$1.5 billion', value: 1.5e9, currency: 'USD' };
    expect(amountMatches(exp, { text: '$1.5bn', value: 1.5e9, currency: 'USD' })).toBe(true);
    expect(amountMatches(exp, { text: '$1.5bn', value: 1.502e9, currency: '$' })).toBe(true);
    expect(amountMatches(exp, { text: '401,000 ETH', value: 401000, currency: 'ETH', usd: 1.5e9 })).toBe(true);
    expect(amountMatches(exp, { text: '$1.4 billion', value: 1.4e9, currency: 'USD' })).toBe(false);
    expect(amountMatches({ text: '10 BTC', value: 10, currency: 'BTC' }, { text: '10 ETH', value: 10, currency: 'ETH' })).toBe(false);
  });
  it('scores amount recall', () => {
    const s = scoreAmounts(
      [
        { text: '$2 billion', value: 2e9, currency: 'USD' },
        { text: '100 BTC', value: 100, currency: 'BTC' },
      ],
      [{ text: '$2 billion', value: 2e9, currency: 'USD', usd: 2e9 }],
    );
    expect(s).toMatchObject({ expected: 2, found: 1, recall: 0.5 });
    expect(s.missed[0]?.text).toBe('100 BTC');
  });
});

describe('summary and ambiguous words', () => {
  const ents = [
    { id: 'lazarus-group', name: 'Lazarus Group', type: 'threat-actor', mentions: [{ text: 'Lazarus' }] },
    { id: 'bitcoin', name: 'Bitcoin', type: 'cryptocurrency' },
  ];
  it('accepts a first sentence with an actor or an amount', () => {
    expect(firstSentenceStatesFact('Lazarus stole funds from an exchange.', ents).ok).toBe(true);
    expect(firstSentenceStatesFact('Hackers stole $1.5 billion.', ents).ok).toBe(true);
    expect(firstSentenceStatesFact('Hackers stole 400 ETH.', ents).ok).toBe(true);
  });
  it('rejects a first sentence with neither (cryptocurrencies do not count)', () => {
    expect(firstSentenceStatesFact('Bitcoin is a cryptocurrency.', ents).ok).toBe(false);
    expect(firstSentenceStatesFact('', ents).ok).toBe(false);
  });
  it('flags lower-case mentions of capitalised names', () => {
    expect(lowercaseMentions({ id: 'play', name: 'Play', mentions: [{ text: 'play' }, { text: 'Play' }] })).toEqual(['play']);
    expect(lowercaseMentions({ id: 'x', name: 'bitcoin', mentions: [{ text: 'bitcoin' }] })).toEqual([]);
    expect(lowercaseMentions({ id: 'bitcoin', name: 'Bitcoin', type: 'cryptocurrency', mentions: [{ text: 'bitcoin' }] })).toEqual([]);
  });
});

describe('ambiguous knowledge-base names', () => {
  const kb = [
    { id: 'play', name: 'Play', aliases: [{ name: 'PlayCrypt' }], ambiguous: { context: ['ransomware'] } },
    { id: 'lazarus-group', name: 'Lazarus Group', aliases: [{ name: 'Lazarus', ambiguous: true }, { name: 'APT38' }] },
  ];
  it('collects the names that need context', () => {
    const names = ambiguousNames(kb);
    expect([...names.keys()].sort()).toEqual(['lazarus', 'play', 'playcrypt']);
  });
  it('finds mentions made through an ambiguous name of the same entity', () => {
    const names = ambiguousNames(kb);
    expect(ambiguousMentions({ id: 'lazarus-group', name: 'Lazarus Group', mentions: [{ text: 'Lazarus' }, { text: 'APT38' }] }, names)).toEqual(['Lazarus']);
    expect(ambiguousMentions({ id: 'other', name: 'Other', mentions: [{ text: 'Lazarus' }] }, names)).toEqual([]);
  });
});
