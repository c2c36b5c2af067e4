/**
 * The matcher's letter-case rules for brands whose first letter is lower case ("dYdX", "eXch", "zkSync"):
 * they match as the brand writes them (or in capitals, as in a headline), never as ordinary lower-case or
 * capitalised words ("dydx" in a formula, "Exch." as an abbreviation).
 */
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../lib/engine/matcher';
import type { KbEntity } from '../../../lib/kb/types';
import { loadKb } from '../../../lib/kb/index';

function entity(id: string, name: string, type: KbEntity['type'], aliases: string[] = []): KbEntity {
  return { id, name, type, aliases: aliases.map((a) => ({ name: a })), description: `${name} (test entry)`, relations: [], sanctions: [], sources: [{ title: name, publisher: 'Test', url: `https://example.org/${id}` }] };
}

const matcher = compileMatcher({
  entities: [entity('dydx', 'dYdX', 'protocol'), entity('exch', 'eXch', 'exchange', ['eXch.cx']), entity('zksync', 'zkSync Era', 'protocol', ['zkSync'])],
});
const ids = (text: string): string[] => matcher.match(text).map((m) => `${m.pattern.entityId}:${m.text}`);

describe('KB matcher: brands with a lower-case first letter', () => {
  it('matches the brand as it writes itself', () => {
    expect(ids('Funds moved from dYdX to eXch within hours.')).toEqual(['dydx:dYdX', 'exch:eXch']);
    expect(ids('Users of eXch.cx were warned.')).toEqual(['exch:eXch', 'exch:eXch.cx']);
    expect(ids('The bridge to zkSync Era was paused.')).toEqual(['zksync:zkSync', 'zksync:zkSync Era']);
  });

  it('matches it in capitals, as a headline writes it', () => {
    expect(ids('DYDX EXCHANGE HALTS TRADING')).toEqual(['dydx:DYDX']);
  });

  it('does not match other spellings: lower case, capitalised, or other capitals inside', () => {
    expect(ids('Integrate dydx over the interval; the exch rate column is empty.')).toEqual([]);
    expect(ids('Dydx and Exch are not the brands, nor is DyDx or eXCh.')).toEqual([]);
    expect(ids('The zksync library and Zksync fork.')).toEqual([]);
  });
});

describe('KB matcher with the real knowledge base: lower-case-first brands', () => {
  const real = compileMatcher(loadKb().kb);
  const found = (text: string): string[] => real.match(text).map((m) => m.text);

  it('finds dYdX and eXch as written', () => {
    expect(found('Hackers moved the funds through eXch after the dYdX exploit.')).toEqual(expect.arrayContaining(['eXch', 'dYdX']));
  });

  it('does not find them in ordinary lower-case text', () => {
    expect(found('we integrate dydx and list the exch rates')).toEqual([]);
  });
});
