// @vitest-environment node
/**
 * The merge rule on small synthetic entries: curated wins, collisions merge instead of duplicating,
 * an alias never ends up on two entries unflagged.
 */
import { describe, expect, it } from 'vitest';
import { mergeEntities, victimStem } from '../../../tools/kb-build/merge';
import { parseCsv } from '../../../tools/kb-build/incidents';
import { isJunkAlias, isOrdinaryWord, needsContext, parseLooseDate, toHttps, vendorOfName } from '../../../tools/kb-build/common';
import { slugify } from '../../../lib/kb/normalize';
import type { KbEntity } from '../../../lib/kb/types';

const SRC = { title: 't', publisher: 'p', url: 'https://example.org/a' };

function entity(id: string, name: string, aliases: string[], extra: Partial<KbEntity> = {}): KbEntity {
  return {
    id,
    name,
    type: 'threat-actor',
    aliases: aliases.map((a) => ({ name: a })),
    description: 'd',
    relations: [],
    sanctions: [],
    sources: [SRC],
    ...extra,
  };
}

describe('mergeEntities', () => {
  it('merges a derived entry into the curated entry it collides with, keeping curated prose', () => {
    const curated = [entity('apt38', 'APT38', ['BlueNoroff'], { description: 'curated words' })];
    const derived = [entity('stardust', 'Stardust Chollima', ['APT 38', 'Sapphire Sleet'], { sources: [{ ...SRC, url: 'https://example.org/b' }] })];
    const { entities } = mergeEntities(curated, derived, []);
    expect(entities).toHaveLength(1);
    const e = entities[0]!;
    expect(e.description).toBe('curated words');
    expect(e.aliases.map((a) => a.name)).toEqual(expect.arrayContaining(['BlueNoroff', 'Stardust Chollima', 'Sapphire Sleet']));
    expect(e.sources.map((s) => s.url)).toEqual(['https://example.org/a', 'https://example.org/b']);
    expect(e.origin).toContain('curated');
  });

  it('does not move an alias that another curated entry holds', () => {
    const curated = [entity('lazarus-group', 'Lazarus Group', ['Hidden Cobra']), entity('bureau-121', 'Bureau 121', ['Unit 121'])];
    const derived = [entity('lazarus-group', 'Lazarus Group', ['Unit 121', 'Guardians of Peace'])];
    const { entities } = mergeEntities(curated, derived, []);
    const laz = entities.find((e) => e.id === 'lazarus-group')!;
    expect(laz.aliases.map((a) => a.name)).toContain('Guardians of Peace');
    expect(laz.aliases.map((a) => a.name)).not.toContain('Unit 121');
  });

  it('drops aliases of a new derived entry that other entries claim', () => {
    const curated = [entity('hydra-market', 'Hydra Market', ['Hydra'], { type: 'organization' })];
    const derived = [entity('bianlian', 'BianLian', ['Hydra', 'BianLian ransomware'], { type: 'malware' })];
    const { entities } = mergeEntities(curated, derived, []);
    const b = entities.find((e) => e.id === 'bianlian')!;
    expect(b.aliases.map((a) => a.name)).toEqual(['BianLian ransomware']);
  });

  it('keeps a shared name on two kinds of thing, flagging the newcomer', () => {
    const curated = [entity('cuba', 'Cuba', [], { type: 'sanctioned-jurisdiction' })];
    const derived = [entity('cuba-ransomware', 'Cuba', ['COLDDRAW'], { type: 'malware' })];
    const { entities } = mergeEntities(curated, derived, []);
    expect(entities).toHaveLength(2);
    expect(entities.find((e) => e.id === 'cuba-ransomware')?.ambiguous?.context.length).toBeGreaterThan(0);
  });

  it('renames a derived entry whose id a different kind of curated entry already uses', () => {
    const curated = [entity('conti', 'Conti', [], { type: 'malware' })];
    const derived = [entity('conti', 'Conti Team', [], { type: 'threat-actor' })];
    const { entities, warnings } = mergeEntities(curated, derived, []);
    expect(entities.map((e) => e.id).sort()).toEqual(['conti', 'conti-threat-actor']);
    expect(warnings.join(' ')).toContain('renamed');
  });

  it('merges a derived incident into the curated one with the same victim within a month', () => {
    const inc = (date: string, victim: string) => ({ date, victim, victimName: victim, amountUsd: 1e8 });
    const curated = [entity('euler-finance-hack-2023', 'Euler Finance hack', [], { type: 'incident', incident: inc('2023-03-13', 'Euler Finance') })];
    const derived = [entity('euler-v1-hack-2023', 'Euler V1 hack', [], { type: 'incident', incident: { ...inc('2023-03-14', 'Euler V1'), chains: ['Ethereum'] } })];
    const { entities } = mergeEntities(curated, derived, []);
    expect(entities).toHaveLength(1);
    expect(entities[0]!.incident?.chains).toEqual(['Ethereum']);
  });

  it('reports curated alias clashes and dangling relations', () => {
    const problems: string[] = [];
    const curated = [
      entity('a', 'Alpha', ['Shared']),
      entity('b', 'Beta', ['Shared'], { relations: [{ type: 'part-of', target: 'nowhere', source: SRC }] }),
    ];
    mergeEntities(curated, [], problems);
    expect(problems.some((p) => p.includes('shared'))).toBe(true);
    expect(problems.some((p) => p.includes('nowhere'))).toBe(true);
  });
});

describe('build helpers', () => {
  it('matches victims on their first distinctive word', () => {
    expect(victimStem('Harmony Horizon Bridge')).toBe(victimStem('Harmony'));
    expect(victimStem('Euler V1')).toBe(victimStem('Euler Finance'));
    expect(victimStem('The DAO')).not.toBe('');
  });

  it('parses quoted CSV fields', () => {
    const rows = parseCsv('a,b,c\n1,"x, ""y""",3\n');
    expect(rows).toEqual([{ a: '1', b: 'x, "y"', c: '3' }]);
  });

  it('reads vendor naming schemes', () => {
    expect(vendorOfName('Jade Sleet')).toBe('Microsoft');
    expect(vendorOfName('Storm-0954')).toBe('Microsoft');
    expect(vendorOfName('Labyrinth Chollima')).toBe('CrowdStrike');
    expect(vendorOfName('UNC4899')).toBe('Mandiant');
    expect(vendorOfName('APT38')).toBe('Mandiant');
    expect(vendorOfName('TA444')).toBe('Proofpoint');
    expect(vendorOfName('Slow Pisces')).toBe('Palo Alto Networks Unit 42');
    expect(vendorOfName('NICKEL GLADSTONE')).toBe('Secureworks');
    expect(vendorOfName('Lazarus Group')).toBeUndefined();
  });

  it('keeps noise out of aliases', () => {
    expect(isJunkAlias('GO')).toBe(true);
    expect(isJunkAlias('wp_encrypt')).toBe(true);
    expect(isJunkAlias('Win32/Diskcoder.D')).toBe(true);
    expect(isJunkAlias('Locky-Osiris 2016')).toBe(true);
    expect(isJunkAlias('Sapphire Sleet')).toBe(false);
    expect(isOrdinaryWord('Reaper')).toBe(true);
    expect(isOrdinaryWord('Hydra')).toBe(true);
    expect(needsContext('PLUTONIUM')).toBe(true);
  });

  it('normalises dates, links and ids', () => {
    expect(parseLooseDate('June 2021')).toBe('2021-06');
    expect(parseLooseDate('November/December 2016')).toBe('2016');
    expect(parseLooseDate('soon')).toBeUndefined();
    expect(toHttps('http://example.org/x')).toBe('https://example.org/x');
    expect(toHttps('https://twitter.com/a/status/1?s=20&t=abc')).toBe('https://twitter.com/a/status/1');
    expect(toHttps('ftp://example.org')).toBeUndefined();
    expect(slugify('Gate.io hack 2018')).toBe('gate-io-hack-2018');
  });
});
