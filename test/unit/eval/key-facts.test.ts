import { describe, expect, it } from 'vitest';
import { readKeyFacts, readOlderStolen, roleErrors, scoreKeyFacts, withinTolerance, type EngineKeyFacts } from '../../../tools/cli/eval/key-facts';
import type { GoldKeyFacts, LabelEntity } from '../../../tools/cli/eval/labels';

const entities: LabelEntity[] = [
  { name: 'Drift', type: 'protocol', aliases: ['Drift Protocol'] },
  { name: 'Lazarus Group', type: 'threat-actor', aliases: ['Lazarus', 'APT38'] },
];

const gold: GoldKeyFacts = {
  event: 'theft',
  victims: ['Drift'],
  amounts: [
    { text: '$136 million', usd: 136e6, role: 'stolen' },
    { text: '$2 billion', usd: 2e9, role: 'aggregate' },
  ],
  date: '2026-04',
  actors: [{ name: 'Lazarus Group', by: 'FBI', level: 'official' }],
};

const engine = (over: Partial<EngineKeyFacts> = {}): EngineKeyFacts => ({
  event: 'theft',
  victims: ['Drift Protocol'],
  amounts: [{ text: '$136M', usd: 136e6, role: 'stolen' }],
  date: '2026-04-01',
  actors: ['APT38'],
  newShapeFields: 3,
  ...over,
});

describe('readKeyFacts', () => {
  it('reads the contract shape', () => {
    const k = readKeyFacts({ event: 'theft', victims: [{ id: 'drift', name: 'Drift' }], amounts: [{ text: '$1M', value: 1e6, currency: 'USD', usd: 1e6, role: 'stolen' }], date: '2026', actors: [{ id: 'x', name: 'X', by: 'FBI', level: 'official', inferred: false }] });
    expect(k).toMatchObject({ event: 'theft', victims: ['Drift'], date: '2026', actors: ['X'], newShapeFields: 3 });
    expect(k.amounts).toEqual([{ text: '$1M', usd: 1e6, role: 'stolen' }]);
  });
  it('reads the older shape (stolen, dates) as empty event, amounts and date, without throwing', () => {
    const k = readKeyFacts({ stolen: [{ text: '$1M', usd: 1e6 }], actors: [{ name: 'Lazarus Group', by: ['FBI'] }], victims: [{ name: 'Bybit' }], dates: ['2025-02-21'] });
    expect(k).toMatchObject({ event: null, amounts: [], date: null, victims: ['Bybit'], actors: ['Lazarus Group'], newShapeFields: 0 });
    expect(readKeyFacts(undefined)).toMatchObject({ event: null, victims: [], amounts: [], date: null, actors: [] });
    expect(readKeyFacts({ amounts: 'x', victims: [null, 3] })).toMatchObject({ amounts: [], victims: [] });
  });
});

describe('readOlderStolen', () => {
  it('reads the older shape\'s stolen[] as stolen amounts, for the side figure only', () => {
    expect(readOlderStolen({ stolen: [{ text: '$2 billion', usd: 2e9 }], dates: [] })).toEqual([{ text: '$2 billion', usd: 2e9, role: 'stolen' }]);
  });
  it('is null once the new amounts field exists, or when there is no stolen array', () => {
    expect(readOlderStolen({ stolen: [{ text: '$1', usd: 1 }], amounts: [] })).toBeNull();
    expect(readOlderStolen({})).toBeNull();
    expect(readOlderStolen(undefined)).toBeNull();
  });
});

describe('scoreKeyFacts', () => {
  it('scores every field right when the engine agrees (aliases from the article list, date at the gold precision)', () => {
    const s = scoreKeyFacts(gold, engine(), entities);
    expect(s).toMatchObject({ event: true, victim: true, stolen: true, date: true, actor: true, roleErrors: [] });
  });
  it('event is exact', () => {
    expect(scoreKeyFacts(gold, engine({ event: 'scam' }), entities).event).toBe(false);
    expect(scoreKeyFacts({ ...gold, event: null }, engine({ event: null }), entities).event).toBe(true);
  });
  it('stolen amount: within 5%, only with role stolen; a gold without one wants none', () => {
    expect(scoreKeyFacts(gold, engine({ amounts: [{ text: '$140M', usd: 140e6, role: 'stolen' }] }), entities).stolen).toBe(true);
    expect(scoreKeyFacts(gold, engine({ amounts: [{ text: '$150M', usd: 150e6, role: 'stolen' }] }), entities).stolen).toBe(false);
    expect(scoreKeyFacts(gold, engine({ amounts: [{ text: '$136M', usd: 136e6, role: 'other' }] }), entities).stolen).toBe(false);
    const noStolen: GoldKeyFacts = { ...gold, amounts: [{ text: '$2 billion', usd: 2e9, role: 'aggregate' }] };
    expect(scoreKeyFacts(noStolen, engine({ amounts: [] }), entities).stolen).toBe(true);
    expect(scoreKeyFacts(noStolen, engine({ amounts: [{ text: '$2 billion', usd: 2e9, role: 'stolen' }] }), entities).stolen).toBe(false);
  });
  it('date: compared at the gold precision; a less precise engine date fails; null gold wants null', () => {
    expect(scoreKeyFacts({ ...gold, date: '2026-04-01' }, engine({ date: '2026-04' }), entities).date).toBe(false);
    expect(scoreKeyFacts({ ...gold, date: '2026-04-01' }, engine({ date: '2026-04-02' }), entities).date).toBe(false);
    expect(scoreKeyFacts({ ...gold, date: null }, engine({ date: null }), entities).date).toBe(true);
    expect(scoreKeyFacts({ ...gold, date: null }, engine({ date: '2026' }), entities).date).toBe(false);
    expect(scoreKeyFacts(gold, engine({ date: null }), entities).date).toBe(false);
  });
  it('victim and actor: any gold name matched; a gold without one wants none', () => {
    expect(scoreKeyFacts(gold, engine({ victims: ['Vault'], actors: ['North Korea'] }), entities)).toMatchObject({ victim: false, actor: false });
    const noActor: GoldKeyFacts = { ...gold, actors: [] };
    expect(scoreKeyFacts(noActor, engine({ actors: [] }), entities).actor).toBe(true);
    expect(scoreKeyFacts(noActor, engine({ actors: ['Lazarus Group'] }), entities).actor).toBe(false);
  });
});

describe('roleErrors', () => {
  it('counts an amount shown with another role than the gold gives it', () => {
    expect(roleErrors(gold, [{ text: '$2 billion', usd: 2e9, role: 'stolen' }])).toHaveLength(1);
    expect(roleErrors(gold, [{ text: '$2 billion', usd: 2e9, role: 'aggregate' }])).toEqual([]);
  });
  it('counts a stolen amount that is no gold amount, but not other unknown amounts', () => {
    expect(roleErrors(gold, [{ text: '$5M', usd: 5e6, role: 'stolen' }])).toHaveLength(1);
    expect(roleErrors(gold, [{ text: '$5M', usd: 5e6, role: 'other' }])).toEqual([]);
  });
  it('matches amounts by text when usd is missing', () => {
    expect(roleErrors(gold, [{ text: '$136  Million', usd: null, role: 'ransom' }])).toHaveLength(1);
  });
});

describe('withinTolerance', () => {
  it('is relative, 5% by default', () => {
    expect(withinTolerance(100, 105)).toBe(true);
    expect(withinTolerance(100, 106)).toBe(false);
    expect(withinTolerance(0, 0)).toBe(true);
  });
});
