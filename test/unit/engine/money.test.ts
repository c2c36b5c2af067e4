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
