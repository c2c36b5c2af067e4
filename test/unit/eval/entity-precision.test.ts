import { describe, expect, it } from 'vitest';
import {
  evidenceKind,
  judgeEntity,
  judgeReported,
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

describe('judgeReported', () => {
  const isKb = (id: string): boolean => ['drift', 'wannacry', 'lazarus-group', 'north-korea'].includes(id);
  const wannacry = ent('WannaCry', 'malware', { id: 'wannacry' });
  const lazarus = ent('Lazarus Group', 'threat-actor', { id: 'lazarus-group', inferred: true, via: [{ from: 'wannacry' }] });
  const withWannaCry: LabelEntity[] = [...listed, { name: 'WannaCry', type: 'malware', aliases: [], must: true }];

  it('counts an inferred entity as correct when the list names the entity its chain starts from', () => {
    const j = judgeReported([wannacry, lazarus], withWannaCry, traps, isKb);
    expect(j.map((x) => [x.kind, x.verdict, x.basis])).toEqual([
      ['kb', 'correct', 'listed'],
      ['inferred', 'correct', 'premise'],
    ]);
  });
  it('counts it as wrong when the premise is not on the list, or not reported', () => {
    expect(judgeReported([wannacry, lazarus], listed, traps, isKb)[1]).toMatchObject({ kind: 'inferred', verdict: 'wrong' });
    expect(judgeReported([lazarus], withWannaCry, traps, isKb)[0]).toMatchObject({ verdict: 'wrong' });
    // a premise that is itself inferred does not count
    const nk = ent('North Korea', 'sanctioned-jurisdiction', { id: 'north-korea', inferred: true, via: [{ from: 'lazarus-group' }] });
    expect(judgeReported([nk, lazarus], listed.filter((l) => l.name !== 'North Korea'), traps, isKb)[0]).toMatchObject({ verdict: 'wrong' });
  });
  it('keeps a trap a trap, and an inferred entity the list names is judged by name', () => {
    const btc = ent('Bitcoin', 'cryptocurrency', { inferred: true, via: [{ from: 'wannacry' }] });
    expect(judgeReported([wannacry, btc], withWannaCry, traps, isKb)[1]).toMatchObject({ verdict: 'trap' });
    const nk = ent('North Korea', 'sanctioned-jurisdiction', { id: 'north-korea', inferred: true, via: [{ from: 'wannacry' }] });
    expect(judgeReported([nk], listed, traps, isKb)[0]).toMatchObject({ verdict: 'correct', basis: 'listed' });
  });
  it('counts an address as correct only when its checksum holds', () => {
    const good = ent('0x14ec0cd2acee4ce37260b925f74648127a889a28', 'address', { valid: true });
    const bad = ent('0x14ec0cd2acee4ce37260b925f74648127a889a29', 'address', { valid: false });
    const unsure = ent('1BoatSLRHtKNngkdXEeobR76b53LETtpyT', 'address');
    expect(judgeReported([good, bad, unsure], listed, traps, isKb).map((x) => [x.kind, x.verdict])).toEqual([
      ['address', 'correct'],
      ['address', 'wrong'],
      ['address', 'wrong'],
    ]);
  });
  it('leaves names to the list: an unlisted name is wrong whatever else is on the page', () => {
    expect(judgeReported([ent('OpSec', 'organization', { valid: true })], listed, traps, isKb)[0]).toMatchObject({ kind: 'name-finder', verdict: 'wrong' });
  });
});

describe('tallyPrecision', () => {
  it('counts wrong type, traps and wrong as errors, overall, for names (KB + name finder) and per kind', () => {
    const t = tallyPrecision([
      { verdict: 'correct', kind: 'kb' },
      { verdict: 'wrong-type', kind: 'kb' },
      { verdict: 'correct', kind: 'name-finder' },
      { verdict: 'trap', kind: 'name-finder' },
      { verdict: 'wrong', kind: 'name-finder' },
      { verdict: 'wrong', kind: 'inferred' },
      { verdict: 'correct', kind: 'address' },
    ]);
    expect(t.overall).toMatchObject({ reported: 7, correct: 3, wrongType: 1, trap: 1, wrong: 2 });
    expect(t.overall.precision).toBeCloseTo(3 / 7);
    expect(t.named.reported).toBe(5);
    expect(t.named.precision).toBeCloseTo(2 / 5);
    expect(t.byKind.kb.precision).toBeCloseTo(0.5);
    expect(t.byKind['name-finder'].precision).toBeCloseTo(1 / 3);
    expect(t.byKind.inferred.precision).toBe(0);
    expect(t.byKind.address).toMatchObject({ reported: 1, precision: 1 });
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
