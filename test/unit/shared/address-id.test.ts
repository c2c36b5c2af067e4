import { describe, expect, it } from 'vitest';
import { addressEntityId, addressOfId, addressQueryId } from '../../../lib/shared/address-id';

const ETH = '0x098B716B8Aaf21512996dC57EB0615e2383E2f96';
const BCH = 'bitcoincash:qq3vuzzqtkggnh9c4cfp4kgm3rx6ws6shy5jpm7vhv';

describe('address ids', () => {
  it('reads back the address of an engine id, whatever the chain label looks like', () => {
    expect(addressOfId(addressEntityId('ETH', ETH))).toBe(ETH);
    expect(addressEntityId('ETH (ARB list)', ETH)).toBe(`address-eth-arb-list--${ETH}`);
    expect(addressOfId(addressEntityId('ETH (ARB list)', ETH))).toBe(ETH);
    expect(addressOfId(addressEntityId('BCH', BCH))).toBe(BCH);
  });

  it('reads back a typed address exactly as typed, trimmed', () => {
    expect(addressQueryId(`  ${ETH} `)).toBe(`address-query-${ETH}`);
    expect(addressOfId(addressQueryId(`  ${ETH} `))).toBe(ETH);
  });

  it('does not take an entity id or a bare prefix for an address', () => {
    expect(addressOfId('lazarus-group')).toBeNull();
    expect(addressOfId('org-address-book')).toBeNull();
    expect(addressOfId('address-')).toBeNull();
    expect(addressOfId('address-query-')).toBeNull();
  });
});
