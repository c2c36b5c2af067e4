import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../../lib/shared/contract';
import type { MoreLabel } from '../../../tools/cli/eval/labels';
import { detectionFigures, devDetails, entityAggregate, keyFactAggregate, scoreArticle, summaryAggregate, type MoreRow } from '../../../tools/cli/eval/more-figures';

function analysis(over: Partial<Analysis>): Analysis {
  return {
    title: null,
    isArticle: true,
    cryptoSecurity: { detected: true, score: 1, reasons: [] },
    entities: [],
    amounts: [],
    addresses: [],
    summary: [],
    disclaimers: [],
    related: [],
    timingsMs: { total: 1 },
    ...over,
  };
}

const row = (file: string, a: Analysis | null, half: 'dev' | 'test' = 'dev', positive = true): MoreRow => ({
  file,
  source: half === 'dev' ? 'dev.example' : 'test.example',
  positive,
  half,
  outcome: a ? { ok: true, analysis: a, ms: 1 } : { ok: false, error: 'boom', ms: 1 },
});

const label = (file: string, half: 'dev' | 'test'): MoreLabel => ({
  file,
  half,
  source: half === 'dev' ? 'dev.example' : 'test.example',
  checkedBy: 'hand',
  entities: [
    { name: 'Drift', type: 'protocol', aliases: [], must: true },
    { name: 'North Korea', type: 'sanctioned-jurisdiction', aliases: ['DPRK'], must: true },
  ],
  notExpected: ['DeFi'],
  keyFacts: { event: 'theft', victims: ['Drift'], amounts: [{ text: '$5M', usd: 5e6, role: 'stolen' }], date: null, actors: [] },
  keySentences: ['Drift was drained of $5M on', 'Nobody has claimed the attack'],
});

const isKbId = (id: string): boolean => id === 'drift' || id === 'north-korea';

const engineOut = analysis({
  entities: [
    { id: 'drift', name: 'Drift', type: 'exchange', aliases: [], mentions: [{ text: 'Drift', start: 0, end: 5 }], inferred: false },
    { id: 'north-korea', name: 'North Korea', type: 'sanctioned-jurisdiction', aliases: [], mentions: [], inferred: true },
    { id: 'ner-defi', name: 'DeFi', type: 'organization', aliases: [], mentions: [{ text: 'DeFi', start: 9, end: 13 }], inferred: false, evidence: 'name-finder', rule: 'brand-word' },
  ],
  summary: ['Drift was drained of $5M on Monday by unknown attackers.', 'The protocol paused deposits.'],
  keyFacts: { stolen: [], actors: [], victims: [{ name: 'Drift' }], dates: [] },
});

describe('scoreArticle', () => {
  const sentences = ['Drift hack', 'Drift was drained of $5M on Monday by unknown attackers.', 'Nobody has claimed the attack so far, the team said.', 'The protocol paused deposits for now.'];
  const r = scoreArticle(label('positives/a.md', 'dev'), row('positives/a.md', engineOut), sentences, isKbId);

  it('judges each reported entity with its evidence kind (wrong type, inferred, trap)', () => {
    expect(r.judged.map((j) => [j.name, j.kind, j.verdict])).toEqual([
      ['Drift', 'kb', 'wrong-type'],
      ['North Korea', 'inferred', 'correct'],
      ['DeFi', 'name-finder', 'trap'],
    ]);
  });
  it('does not count the inferred North Korea as finding the must', () => {
    expect(r.must).toMatchObject({ must: 2, found: 1, foundSameType: 0 });
  });
  it('reads the old keyFacts shape without crashing: the stolen amount is missing, the victim found', () => {
    expect(r.keyFacts).toMatchObject({ event: false, victim: true, stolen: false, date: true, actor: true });
  });
  it('scores the summary and the lead-3 baseline from the same article', () => {
    expect(r.summary).toMatchObject({ keys: 2, engineHits: 1, leadHits: 2, engineCentral: true, leadCentral: true });
  });
  it('aggregates: precision, traps, key facts, summaries', () => {
    const e = entityAggregate([r]);
    expect(e.precision.overall).toMatchObject({ reported: 3, correct: 1, wrongType: 1, trap: 1 });
    expect(e.precision.named).toMatchObject({ reported: 2, correct: 0 });
    // marked: the KB's Drift (wrong type) only; the inferred North Korea and the name finder's DeFi (no measured rule) are not marked
    expect(e.marked).toMatchObject({ reported: 1, correct: 0, wrongType: 1 });
    expect(e).toMatchObject({ trapHits: 1, articlesWithTrap: 1, must: { must: 2, found: 1 } });
    const k = keyFactAggregate([r]);
    expect(k).toMatchObject({ articles: 1, newShape: 0, victim: { correct: 1, n: 1 }, stolen: { correct: 0, n: 1 } });
    expect(k.olderShape).toMatchObject({ articles: 1, stolen: { correct: 0, n: 1 }, roleErrorArticles: 0 });
    const s = summaryAggregate([r]);
    expect(s.engine.recall).toBeCloseTo(0.5);
    expect(s.lead3.recall).toBeCloseTo(1);
    expect(s.recallGain).toBeCloseTo(-0.5);
  });
});

describe('failures and halves', () => {
  it('a failed analysis scores as nothing found, not as a crash', () => {
    const r = scoreArticle(label('positives/b.md', 'test'), row('positives/b.md', null, 'test'), null, isKbId);
    expect(r.error).toBe('boom');
    expect(r.must.found).toBe(0);
    expect(r.keyFacts?.victim).toBe(false);
    expect(r.summary).toMatchObject({ engineHits: 0, leadHits: 0 });
  });
  it('article details are given for the dev half only', () => {
    const dev = scoreArticle(label('positives/a.md', 'dev'), row('positives/a.md', engineOut), [], isKbId);
    const test = scoreArticle(label('positives/b.md', 'test'), row('positives/b.md', engineOut, 'test'), [], isKbId);
    expect(devDetails([dev, test]).map((d) => d.file)).toEqual(['positives/a.md']);
  });
  it('detection splits by half and lists dev misses only', () => {
    const d = detectionFigures([
      row('positives/a.md', analysis({ cryptoSecurity: { detected: false, score: 0.1, reasons: [] } })),
      row('negatives/b.md', analysis({}), 'dev', false),
      row('positives/c.md', analysis({ cryptoSecurity: { detected: false, score: 0.2, reasons: [] } }), 'test'),
    ]);
    expect(d.overall).toMatchObject({ tp: 0, fp: 1, fn: 2 });
    expect(d.byHalf.dev).toMatchObject({ fp: 1, fn: 1 });
    expect(d.byHalf.test).toMatchObject({ fn: 1 });
    expect(d.dev.falseNegatives.map((m) => m.file)).toEqual(['positives/a.md']);
    expect(d.dev.falsePositives.map((m) => m.file)).toEqual(['negatives/b.md']);
    expect(d.publishers).toEqual([]);
  });
});
