import { describe, expect, it } from 'vitest';
import { badgeCount, buildPlan } from '../../../lib/background/plan';
import type { Analysis, AnalysisEntity } from '../../../lib/shared/contract';
import { defaultSettings } from '../../../lib/settings';

const ent = (id: string, type: AnalysisEntity['type'], starts: number[], inferred = false): AnalysisEntity => ({
  id,
  name: id,
  type,
  aliases: [],
  inferred,
  mentions: inferred ? [] : starts.map((s) => ({ start: s, end: s + 3, text: 'abc' })),
});

const analysis = (entities: AnalysisEntity[]): Analysis => ({
  title: 't',
  isArticle: true,
  cryptoSecurity: { detected: true, score: 1, reasons: [] },
  entities,
  amounts: [],
  addresses: [],
  summary: [],
  disclaimers: [],
  related: [],
  timingsMs: { total: 1 },
});

describe('buildPlan', () => {
  const a = analysis([ent('lazarus-group', 'threat-actor', [50, 10]), ent('fbi', 'agency', [5]), ent('rgb', 'agency', [], true)]);

  it('sends mentioned entities with sorted mentions; inferred ones are not marked', () => {
    const plan = buildPlan(a, defaultSettings(), 'news.example', true, 3);
    expect(plan.readingId).toBe(3);
    expect(plan.entities.map((e) => e.id)).toEqual(['lazarus-group', 'fbi']);
    expect(plan.entities[0]!.mentions.map((m) => m.start)).toEqual([10, 50]);
    expect(badgeCount(a)).toBe(2);
  });

  it('respects types and per-site muted entities (subdomains included)', () => {
    const s = defaultSettings();
    s.types.agency = false;
    s.mutedEntities = { 'example.com': ['lazarus-group'] };
    expect(buildPlan(a, s, 'news.example.com', true, 1).entities).toEqual([]);
    expect(buildPlan(a, s, 'other.org', true, 1).entities.map((e) => e.id)).toEqual(['lazarus-group']);
  });

  it('leaves out names found by NER alone (no knowledge-base card to show)', () => {
    const withNer = analysis([ent('fbi', 'agency', [5]), { ...ent('org-reuters', 'organization', [20]), known: false }]);
    expect(buildPlan(withNer, defaultSettings(), 'x.org', true, 1).entities.map((e) => e.id)).toEqual(['fbi']);
    expect(badgeCount(withNer)).toBe(1);
  });

  it('passes density, theme and card delay through', () => {
    const s = { ...defaultSettings(), density: 'all' as const, theme: 'dark' as const, cardDelayMs: 700 };
    const plan = buildPlan(a, s, 'x.org', false, 1);
    expect(plan).toMatchObject({ density: 'all', theme: 'dark', cardDelayMs: 700, show: false });
  });
});
