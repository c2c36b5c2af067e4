import { describe, expect, it } from 'vitest';
import {
  evidenceKind,
  judgeEntity,
  labelKey,
  mustRecall,
  tallyPrecision,
  type ReportedEntity,
} from '../../../tools/cli/eval/entity-precision';
import type { LabelEntity } from '../../../tools/cli/eval/labels';

const listed: LabelEntity[] = [
  { name: 'Drift', type: 'protocol', aliases: ['Drift Protocol'], must: true },
  { name: 'North Korea', type: 'sanctioned-jurisdiction', aliases: ['DPRK'], must: true },
  { name: 'CertiK', type: 'organization', aliases: [], must: false },
  { name: 'National Tax Service', type: 'agency', aliases: ['South Korea’s National Tax Service'], must: false },
];
const traps = ['DeFi', 'Bitcoin'];

const ent = (name: string, type: string, extra: Partial<ReportedEntity> = {}): ReportedEntity => ({ id: name.toLowerCase().replace(/\s+/g, '-'), name, type, mentions: [], ...extra });

describe('labelKey', () => {
  it('ignores case and whitespace, folds curly apostrophes, drops a trailing possessive', () => {
    expect(labelKey('  Drift   Protocol ')).toBe('drift protocol');
    expect(labelKey('South Korea’s  National Tax Service')).toBe(labelKey("south korea's national tax service"));
    expect(labelKey('Drift’s')).toBe('drift');
  });
  it('does not drop punctuation or generic words (the lists are exhaustive, matching is strict)', () => {
    expect(labelKey('Lazarus Group')).not.toBe(labelKey('Lazarus'));
    expect(labelKey('Tornado.Cash')).not.toBe(labelKey('Tornado Cash'));
  });
});

describe('judgeEntity', () => {
  it('is correct when the name or an alias matches and the type agrees', () => {
    expect(judgeEntity(ent('drift protocol', 'protocol'), listed, traps).verdict).toBe('correct');
    expect(judgeEntity(ent('Democratic People’s Republic of Korea', 'sanctioned-jurisdiction', { mentions: [{ text: 'DPRK' }] }), listed, traps).verdict).toBe('correct');
  });
  it('is wrong-type, not correct, when the name matches but the type does not', () => {
    const j = judgeEntity(ent('Drift', 'exchange'), listed, traps);
    expect(j.verdict).toBe('wrong-type');
    expect(j.listed?.type).toBe('protocol');
  });
  it('is a trap when it matches notExpected, and wrong when it is on no list', () => {
    expect(judgeEntity(ent('DeFi', 'organization'), listed, traps).verdict).toBe('trap');
    expect(judgeEntity(ent('OpSec', 'organization'), listed, traps).verdict).toBe('wrong');
  });
  it('does not use the reported entity\'s KB aliases (a neighbour does not count)', () => {
    const e = { ...ent('Lazarus Group', 'threat-actor'), aliases: ['CertiK'] } as ReportedEntity;
    expect(judgeEntity(e, listed, traps).verdict).toBe('wrong');
  });
});

describe('evidenceKind', () => {
  const isKb = (id: string): boolean => id === 'drift';
  it('puts inferred first, then addresses, then knowledge-base ids, else the name finder', () => {
    expect(evidenceKind(ent('Drift', 'protocol', { inferred: true }), isKb)).toBe('inferred');
    expect(evidenceKind(ent('0xabc', 'address'), isKb)).toBe('address');
    expect(evidenceKind(ent('Drift', 'protocol'), isKb)).toBe('kb');
    expect(evidenceKind(ent('Samuil Levich', 'person'), isKb)).toBe('name-finder');
  });
});

describe('tallyPrecision', () => {
  it('counts wrong type, traps and wrong as errors, overall, named-only and per kind', () => {
    const t = tallyPrecision([
      { verdict: 'correct', kind: 'kb' },
      { verdict: 'wrong-type', kind: 'kb' },
      { verdict: 'correct', kind: 'name-finder' },
      { verdict: 'trap', kind: 'name-finder' },
      { verdict: 'wrong', kind: 'name-finder' },
      { verdict: 'wrong', kind: 'inferred' },
    ]);
    expect(t.overall).toMatchObject({ reported: 6, correct: 2, wrongType: 1, trap: 1, wrong: 2 });
    expect(t.overall.precision).toBeCloseTo(2 / 6);
    expect(t.named.reported).toBe(5);
    expect(t.named.precision).toBeCloseTo(2 / 5);
    expect(t.byKind.kb.precision).toBeCloseTo(0.5);
    expect(t.byKind['name-finder'].precision).toBeCloseTo(1 / 3);
    expect(t.byKind.inferred.precision).toBe(0);
    expect(t.byKind.address).toMatchObject({ reported: 0, precision: null });
  });
});

describe('mustRecall', () => {
  it('finds a must entity by name or alias, whatever the type, and counts the same-type reading apart', () => {
    const r = mustRecall(listed, [ent('DPRK', 'organization'), ent('Drift Protocol', 'protocol')]);
    expect(r).toMatchObject({ must: 2, found: 2, foundSameType: 1 });
    expect(r.missed).toEqual([]);
  });
  it('never counts an inferred entity as finding a must', () => {
    const r = mustRecall(listed, [ent('North Korea', 'sanctioned-jurisdiction', { inferred: true }), ent('Drift', 'protocol')]);
    expect(r.found).toBe(1);
    expect(r.missed.map((m) => m.name)).toEqual(['North Korea']);
  });
  it('ignores entities that are not must-find', () => {
    expect(mustRecall(listed, [ent('CertiK', 'organization')])).toMatchObject({ must: 2, found: 0 });
  });
});
