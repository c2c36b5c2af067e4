// @vitest-environment node
/**
 * The build's selection rules, on small made-up inputs: which ATT&CK software and which incidents
 * become KB entries (tools/kb-build/selection.ts, incidents.ts).
 */
import { describe, expect, it } from 'vitest';
import { attackSoftwareSpecs, ordinaryWordTest, type Galaxies } from '../../../tools/kb-build/misp';
import { isSelectedIncident, MIN_DEFI_USD, MIN_PLAIN_WORD_VICTIM_USD } from '../../../tools/kb-build/incidents';
import type { ClusterSpec } from '../../../tools/kb-build/selection';
import { readCompiled } from './helpers';

type Cluster = Galaxies['mm'] extends Map<string, infer C> ? C : never;
const sw = (value: string, uuid: string, synonyms: string[] = []): Cluster => ({ value, uuid, meta: { synonyms } });
const set = (value: string, uses: string[]): Cluster => ({ value, uuid: `g-${value}`, related: uses.map((u) => ({ 'dest-uuid': u, type: 'uses' })) });

describe('ATT&CK software rule', () => {
  const mm = new Map(
    [sw('FALLCHILL - S0181', 'u1'), sw('Prestige - S1058', 'u2'), sw('Cobalt Strike - S0154', 'u3'), sw('VPNFilter - S1010', 'u4'), sw('Volgmer - S0180', 'u5'), sw('Gold Dragon - S0249', 'u6')].map((c) => [c.value, c]),
  );
  const mis = new Map(
    [set('Lazarus Group - G0032', ['u1', 'u5', 'u6']), set('Wizard Spider - G0102', ['u3', 'u2']), set('Sandworm Team - G0034', ['u4'])].map((c) => [c.value, c]),
  );
  const groups: ClusterSpec[] = [
    { id: 'lazarus-group', name: 'Lazarus Group', members: { mis: ['Lazarus Group - G0032'] } },
    { id: 'wizard-spider', name: 'Wizard Spider', members: { mis: ['Wizard Spider - G0102'] }, tags: ['criminal'] },
    { id: 'sandworm', name: 'Sandworm', members: { mis: ['Sandworm Team - G0034'] }, tags: ['state-sponsored'] },
  ];
  const taken: ClusterSpec[] = [{ id: 'volgmer', name: 'Volgmer', members: { mp: ['Volgmer'] } }];
  const specs = attackSoftwareSpecs({ mm, mis }, groups, new Set(['lazarus-group']), taken, ordinaryWordTest(new Set(['prestige'])));
  const byId = new Map(specs.map((s) => [s.id, s]));

  it('takes software that a North Korean or criminal group uses, per the galaxy', () => {
    expect(byId.get('fallchill')?.tags).toEqual(['attack-software', 'dprk']);
    expect(byId.get('cobalt-strike')?.tags).toEqual(['attack-software']);
  });
  it('leaves out the tooling of other state groups, names already covered, and ordinary words', () => {
    expect(byId.has('vpnfilter')).toBe(false);
    expect(byId.has('volgmer')).toBe(false);
    expect(byId.has('prestige')).toBe(false);
  });
  it('gives names that are ordinary phrases context words', () => {
    expect(byId.get('gold-dragon')?.context?.length).toBeGreaterThan(0);
  });
  it('in the built KB, Cobalt Strike and Mimikatz are tools and Lazarus uses software from the galaxy', () => {
    const kb = readCompiled();
    const e = (id: string) => kb.entities.find((x) => x.id === id);
    expect(e('cobalt-strike')?.tags).toContain('tool');
    expect(e('mimikatz')?.type).toBe('malware');
    const sw = kb.entities.filter((x) => x.tags?.includes('attack-software'));
    expect(sw.length).toBeGreaterThan(20);
    const used = new Set(kb.entities.flatMap((x) => x.relations.filter((r) => r.type === 'uses').map((r) => r.target)));
    expect(sw.filter((x) => !used.has(x.id)).map((x) => x.id)).toEqual([]);
  });
});

describe('incident rule', () => {
  const row = (victimName: string, amountUsd: number | null, dprk = false) => ({ date: '2023-05-01', victimName, amountUsd, dprk });
  it(`keeps named incidents of $${MIN_DEFI_USD.toLocaleString('en')} or more`, () => {
    expect(isSelectedIncident(row('Euler Finance', MIN_DEFI_USD))).toBe(true);
    expect(isSelectedIncident(row('Euler Finance', MIN_DEFI_USD - 1))).toBe(false);
    expect(isSelectedIncident(row('', 5e8))).toBe(false);
  });
  it('asks more of a victim named by one plain word', () => {
    expect(isSelectedIncident(row('Gamma', 3e6))).toBe(false);
    expect(isSelectedIncident(row('Gamma', MIN_PLAIN_WORD_VICTIM_USD))).toBe(true);
    expect(isSelectedIncident(row('dYdX', 3e6))).toBe(true);
  });
  it('keeps every DPRK-attributed incident', () => {
    expect(isSelectedIncident(row('Gamma', null, true))).toBe(true);
  });
  it('the built KB holds no incident below the rule', () => {
    const low = readCompiled()
      .entities.filter((e) => e.origin === 'derived:incidents' && e.incident && e.incident.amountUsd !== null)
      .filter((e) => !isSelectedIncident({ date: e.incident!.date, victimName: e.incident!.victimName, amountUsd: e.incident!.amountUsd, dprk: e.relations.some((r) => r.type === 'attributed-to') }))
      .map((e) => e.id);
    expect(low).toEqual([]);
  });
});
