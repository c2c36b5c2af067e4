import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FX_TABLE_DATE, USD_PER_UNIT, findAmounts } from '../../../lib/engine/money';

function one(s: string) {
  const a = findAmounts(s);
  expect(a).toHaveLength(1);
  return a[0]!;
}

describe('money amounts', () => {
  it('reads dollar amounts with scale words and abbreviations', () => {
    expect(one('North Korea raked in $2 billion from exchanges.')).toMatchObject({ text: '$2 billion', value: 2e9, currency: 'USD', usd: 2e9 });
    expect(one('Losses reached US$1.5bn last year.')).toMatchObject({ value: 1.5e9, currency: 'USD', usd: 1.5e9 });
    expect(one('$1.75M gone in minutes.')).toMatchObject({ value: 1.75e6, currency: 'USD' });
  });

  it('gives crypto amounts no USD value unless the article states one', () => {
    expect(one('The attacker stole 401,000 ETH.')).toMatchObject({ value: 401_000, currency: 'ETH', usd: null, role: 'stolen' });
    expect(one('They took 1,000 BTC ($60 million) overnight.')).toMatchObject({ text: '1,000 BTC', value: 1000, currency: 'BTC', usd: 60e6 });
    expect(one('It drained 2,500 ETH, worth $7.5 million at the time.')).toMatchObject({ currency: 'ETH', usd: 7.5e6 });
  });

  it('treats "$600 million worth of ether" as a USD amount', () => {
    expect(one('Hackers stole $600 million worth of ether.')).toMatchObject({ text: '$600 million', value: 600e6, currency: 'USD', usd: 600e6 });
  });

  it('converts fiat with the fixed, dated rate table', () => {
    const yen = one('The exchange lost 48 billion yen.');
    expect(yen).toMatchObject({ value: 48e9, currency: 'JPY' });
    expect(yen.usd).toBeCloseTo(48e9 * USD_PER_UNIT.JPY!, 0);
    const eur = one('A fine of €3m was imposed.');
    expect(eur).toMatchObject({ value: 3e6, currency: 'EUR' });
    expect(eur.usd).toBeCloseTo(3e6 * USD_PER_UNIT.EUR!, 0);
    expect(FX_TABLE_DATE).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('prices stablecoins at par', () => {
    expect(one('Transfer of 868,587 DAI to a new wallet.')).toMatchObject({ currency: 'DAI', usd: 868_587 });
  });

  it('ignores years, counts and percentages', () => {
    expect(findAmounts('In 2019, 2,000 people lost access; prices fell 5%.')).toEqual([]);
  });

  it('labels the role of an amount from its sentence', () => {
    expect(one('Police seized $3 million in crypto.').role).toBe('seized');
    expect(one('The gang laundered $40 million through mixers.').role).toBe('laundered');
    expect(one('The victims paid a $4.4 million ransom.').role).toBe('ransom');
  });
});

describe('money roles, read in linear time', () => {
  /** The role rule as it was written before it was made linear (one regex with unbounded [^.]* runs), on the sentence around the amount. */
  function oracle(text: string, start: number, end: number): string {
    const a = Math.max(text.lastIndexOf('.', start - 1), text.lastIndexOf('\n', start - 1)) + 1;
    let b = text.slice(end).search(/[.!?]\s|\n/);
    b = b < 0 ? text.length : end + b;
    const s = text.slice(a, b).toLowerCase();
    if (/\bransom(?!ware)|\bextort|\b(?:demand|paid|pay)\w*\b[^.]*\bransomware|\bransomware\b[^.]*\b(?:demand|paid|pay)/.test(s)) return 'ransom';
    if (/\blaunder/.test(s)) return 'laundered';
    if (/\b(?:recover|returned|refund|clawed back)/.test(s)) return 'recovered';
    if (/\b(?:seiz|froze|frozen|forfeit|confiscat)/.test(s)) return 'seized';
    if (/\b(?:pulled in|raked|netted|took|taken|stole|stolen|steal|drain|hack|exploit|heist|theft|lost|loss|siphon|looted|swindl|defraud|scam|br(?:eak|eaking|oke) into|robb)/.test(s)) return 'stolen';
    return 'other';
  }
  const WORDS = ['paid', 'pay', 'Payment', 'demanded', 'prepaid', 'ransomware', 'Ransomware.', 'ransomwares', 'ransom', 'the', 'gang', '.', '. ', 'stole', 'laundered', 'seized', '\n', '$5 million', '1,000 BTC', 'payransomware', 'ransomware_pay'];

  it('gives every amount of a short text the role the old rule gave it', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 30 }), fc.constantFrom(' ', '  ', ', '), (words, sep) => {
        const text = [...words, '$5 million'].join(sep);
        for (const a of findAmounts(text)) expect(a.role).toBe(oracle(text, a.start!, a.end!));
      }),
      { numRuns: 500 },
    );
  });

  it('reads a page-long "sentence" around each amount in a bounded window', () => {
    const text = `The gang paid the ransomware operators ${'and then some more '.repeat(200)}$5 million in total`;
    expect(findAmounts(text)[0]!.role).toBe('other');
    expect(findAmounts(`The gang paid the ransomware operators $5 million in total`)[0]!.role).toBe('ransom');
  });
});
