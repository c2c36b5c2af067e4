import { describe, expect, it } from 'vitest';
import { confidenceOf, MARK_MIN_PRECISION, markable } from '../../../lib/engine/evidence';
import { RULE_INFO, rulePrecision } from '../../../lib/engine/ner/rules';

const base = { inferred: false, type: 'person' as const };

describe('what the page may mark (issue 14)', () => {
  it('marks knowledge-base names and validated addresses, never inferred entities', () => {
    expect(markable({ ...base, evidence: 'kb', type: 'agency' })).toBe(true);
    expect(markable({ ...base, evidence: 'address', type: 'address' })).toBe(true);
    expect(markable({ ...base, evidence: 'inferred', inferred: true, type: 'threat-actor' })).toBe(false);
  });

  it('marks a name-finder name only when its rule was measured at >= 0.95 over enough names', () => {
    for (const id of Object.keys(RULE_INFO)) {
      const { precision, cases } = rulePrecision(id);
      const expected = precision !== null && precision >= MARK_MIN_PRECISION && cases >= 8;
      expect(markable({ ...base, evidence: 'name-finder', rule: id, articleDescription: 'a security researcher' }), id).toBe(expected);
    }
    // a rule the table does not know, or a name without a rule: not marked
    expect(markable({ ...base, evidence: 'name-finder', rule: 'no-such-rule' })).toBe(false);
    expect(markable({ ...base, known: false })).toBe(false);
  });

  it('marks a name-finder name only when the article says what it is (issue 17)', () => {
    const trusted = Object.keys(RULE_INFO).filter((id) => {
      const { precision, cases } = rulePrecision(id);
      return precision !== null && precision >= MARK_MIN_PRECISION && cases >= 8;
    });
    expect(trusted.length).toBeGreaterThan(0);
    for (const rule of trusted) {
      expect(markable({ ...base, evidence: 'name-finder', rule, articleDescription: 'an on-chain investigator' }), rule).toBe(true);
      expect(markable({ ...base, evidence: 'name-finder', rule }), rule).toBe(false);
      expect(markable({ ...base, evidence: 'name-finder', rule, articleDescription: '  ' }), rule).toBe(false);
    }
    // a description does not lift a rule measured below the bar
    expect(markable({ ...base, evidence: 'name-finder', rule: 'unknown-pair', articleDescription: 'a researcher' })).toBe(false);
    // knowledge-base names need none
    expect(markable({ ...base, evidence: 'kb', type: 'agency' })).toBe(true);
  });

  it('reads older analyses without evidence fields by their known/inferred flags', () => {
    expect(confidenceOf({ ...base, known: true, type: 'agency' })).not.toBeNull();
    expect(confidenceOf({ ...base, known: false })).toBeNull();
  });

  it('keeps every rule that is off out of the marks, and gives it a reason for being off', () => {
    for (const [id, r] of Object.entries(RULE_INFO)) if (r.off) expect(r.offWhy, id).toBeTruthy();
  });
});
