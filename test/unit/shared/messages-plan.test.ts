import { describe, expect, it } from 'vitest';
import { badgeCount, buildPlan } from '../../../lib/background/plan';
import type { Analysis, AnalysisEntity } from '../../../lib/shared/contract';
import { defaultSettings } from '../../../lib/settings';
import { MARK_MIN_PRECISION, MIN_CASES } from '../../../lib/engine/evidence';
import { RULE_INFO, rulePrecision } from '../../../lib/engine/ner/rules';
import { highlightPlanSchema, parseMessage } from '../../../lib/shared/messages';

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

  it('marks a name the knowledge base lacks only with the article\'s description of it, which the plan carries (issue 17)', () => {
    // a name-finder rule measured well enough to be marked
    const trusted = Object.keys(RULE_INFO).find((id) => {
      const { precision, cases } = rulePrecision(id);
      return precision !== null && precision >= MARK_MIN_PRECISION && cases >= MIN_CASES;
    })!;
    expect(trusted).toBeDefined();
    const found = (id: string, rule: string, articleDescription?: string): AnalysisEntity => ({
      ...ent(id, 'person', [30]),
      known: false,
      evidence: 'name-finder',
      rule,
      ...(articleDescription ? { articleDescription } : {}),
    });
    const withNer = analysis([
      found('person-zachxbt', trusted, 'an on-chain investigator'),
      found('person-jane-roe', trusted),
      found('person-john-doe', 'unknown-pair', 'a security researcher'), // a rule not measured well enough
      ent('fbi', 'agency', [5]),
    ]);
    const plan = buildPlan(withNer, defaultSettings(), 'x.org', true, 1);
    expect(plan.entities.map((e) => e.id)).toEqual(['person-zachxbt', 'fbi']);
    expect(plan.entities[0]!.articleDescription).toBe('an on-chain investigator');
    expect(plan.entities[1]!.articleDescription).toBeUndefined();
    expect(badgeCount(withNer)).toBe(2);
    // the content script accepts it, bounded
    expect(parseMessage(highlightPlanSchema, plan)).toEqual(plan);
    const long = { ...plan, entities: [{ ...plan.entities[0]!, articleDescription: 'x'.repeat(1000) }] };
    expect(parseMessage(highlightPlanSchema, long)).toBeUndefined();
  });

  it('passes density, theme and card delay through', () => {
    const s = { ...defaultSettings(), density: 'all' as const, theme: 'dark' as const, cardDelayMs: 700 };
    const plan = buildPlan(a, s, 'x.org', false, 1);
    expect(plan).toMatchObject({ density: 'all', theme: 'dark', cardDelayMs: 700, show: false });
  });
});
