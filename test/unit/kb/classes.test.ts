// @vitest-environment node
/**
 * Whole classes of names the KB holds (issue 14, knowledge gaps): financial regulators, financial
 * intelligence units and cyber/police agencies that stories cite, the countries under a US country-wide
 * sanctions programme, instant-swap services and large exchanges, cross-chain bridges, the parties of OFAC's
 * DPRK IT-worker actions, people stories quote. Each entry cites
 * its own site (or OFAC's programme page); an acronym or generic name that is also something else needs
 * context words; the matcher finds them where a story names them and not in ordinary text.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../lib/engine/matcher';
import { resolveMentions } from '../../../lib/engine/resolve';
import { tokenize } from '../../../lib/engine/text';
import type { KbEntity } from '../../../lib/kb/types';
import { ROOT, readCompiled } from './helpers';

const FILES = ['regulators-jurisdictions.json', 'exchanges-bridges.json', 'dprk-designations-2025.json', 'people-quoted.json'];
const entries = FILES.flatMap((f) => JSON.parse(readFileSync(`${ROOT}lib/kb/data/curated/${f}`, 'utf8')) as KbEntity[]);
const kb = readCompiled();
const byId = new Map(kb.entities.map((e) => [e.id, e]));
const matcher = compileMatcher(kb);
const found = (text: string): string[] => {
  const tokens = tokenize(text);
  return resolveMentions(text, tokens, matcher.match(text, tokens), (id) => byId.get(id)).map((m) => m.entityId);
};

/** Acronyms that also name other things (a sports conference, a car maker, a city's mass transit). */
const SHARED_ACRONYMS = ['SEC', 'FCA'];

describe('KB classes: regulators, sanctioned countries, swap services, bridges', () => {
  it('every entry is in the compiled KB, with a short description and an https source', () => {
    for (const e of entries) {
      expect(byId.get(e.id)?.name, e.id).toBe(e.name);
      expect(e.description.length, e.id).toBeLessThanOrEqual(200);
      expect(e.sources.length, e.id).toBeGreaterThan(0);
      for (const s of e.sources) expect(s.url, e.id).toMatch(/^https:\/\/[^\s]+$/);
    }
  });

  it('a sanctioned country cites the OFAC programme page for each listing', () => {
    for (const e of entries.filter((x) => x.type === 'sanctioned-jurisdiction')) {
      expect(e.sanctions.length, e.id).toBeGreaterThan(0);
      for (const s of e.sanctions) expect(s.source.url, e.id).toMatch(/^https:\/\/ofac\.treasury\.gov\/sanctions-programs-and-country-information\//);
    }
  });

  it('an acronym shared with other bodies is flagged ambiguous and its entry has context words', () => {
    for (const a of SHARED_ACRONYMS) {
      const e = entries.find((x) => x.aliases.some((al) => al.name === a))!;
      expect(e.aliases.find((al) => al.name === a)?.ambiguous, a).toBe(true);
      expect(e.ambiguous?.context.length, a).toBeGreaterThan(3);
    }
  });

  it('finds the names where a story uses them', () => {
    expect(found('The SEC charged the crypto exchange with fraud.')).toContain('us-sec');
    expect(found('The White House said sanctions on Burma would stay.')).toEqual(expect.arrayContaining(['white-house', 'burma']));
    expect(found('The Korea Financial Intelligence Unit (KoFIU) fined the exchange.')).toContain('kofiu');
    expect(found('Stolen funds were swapped through ChangeNOW and bridged with deBridge.')).toEqual(expect.arrayContaining(['changenow', 'debridge']));
    expect(found('Hackers drained the hot wallet of the exchange Luno.')).toContain('luno');
    expect(found('Researcher samczsun and Coinbase chief Brian Armstrong commented.')).toEqual(expect.arrayContaining(['samczsun', 'brian-armstrong']));
  });

  it('does not find them in ordinary text', () => {
    expect(found('The SEC football season opens in September with Alabama at home.')).not.toContain('us-sec');
    expect(found('Luno is a moon in the novel, far from any planet.')).not.toContain('luno');
    expect(found('He walked past the white house on the corner.')).not.toContain('white-house');
    expect(found('Satoshi said hello; Armstrong landed on the moon.')).toEqual([]);
  });
});
