/**
 * A small knowledge base written for the engine's unit tests: enough names to exercise the matcher,
 * the context rules and the inference, independent of the real compiled KB.
 */
import type { CompiledKb, KbEntity, KbSource } from '../../../lib/kb/types';

const src = (title: string, publisher: string, url: string, date?: string): KbSource => ({ title, publisher, url, date });
const doj = src('North Korean programmer charged', 'US Department of Justice', 'https://www.justice.gov/example-charges', '2018-09-06');

function entity(e: Partial<KbEntity> & Pick<KbEntity, 'id' | 'name' | 'type'>): KbEntity {
  return { aliases: [], description: `${e.name} (test entry)`, relations: [], sanctions: [], sources: [src(`${e.name} profile`, 'Test', `https://example.org/${e.id}`)], ...e };
}

export const TEST_ENTITIES: KbEntity[] = [
  entity({
    id: 'lazarus-group',
    name: 'Lazarus Group',
    type: 'threat-actor',
    aliases: [{ name: 'Lazarus', ambiguous: true }, { name: 'Hidden Cobra', usedBy: ['US government'] }],
    ambiguous: { context: ['North Korea', 'DPRK', 'hackers', 'hacking', 'crypto', 'APT'] },
    relations: [{ type: 'part-of', target: 'reconnaissance-general-bureau', by: 'US Treasury', level: 'official', source: src('Treasury sanctions cyber groups', 'US Treasury', 'https://home.treasury.gov/example') }],
  }),
  entity({
    id: 'reconnaissance-general-bureau',
    name: 'Reconnaissance General Bureau',
    type: 'agency',
    aliases: [{ name: 'RGB', ambiguous: true }],
    ambiguous: { context: ['North Korea', 'DPRK', 'Pyongyang', 'intelligence', 'hacking', 'sanctions'] },
  }),
  entity({ id: 'north-korea', name: 'North Korea', type: 'sanctioned-jurisdiction', aliases: [{ name: 'DPRK' }, { name: 'Pyongyang' }] }),
  entity({ id: 'iran', name: 'Iran', type: 'sanctioned-jurisdiction' }),
  entity({ id: 'venezuela', name: 'Venezuela', type: 'sanctioned-jurisdiction' }),
  entity({ id: 'fbi', name: 'Federal Bureau of Investigation', type: 'agency', aliases: [{ name: 'FBI' }, { name: 'Federal Bureau' }] }),
  entity({
    id: 'wannacry-attack-2017',
    name: 'WannaCry ransomware attack',
    type: 'incident',
    aliases: [{ name: 'WannaCry' }, { name: 'WannaCry ransomware outbreak' }],
    relations: [{ type: 'attributed-to', target: 'lazarus-group', by: 'US Department of Justice', level: 'official', source: doj }],
    incident: { date: '2017-05-12', victim: 'worldwide', victimName: 'Computers worldwide', amountUsd: null },
  }),
  entity({
    id: 'bangladesh-bank-heist-2016',
    name: 'Bangladesh Bank heist',
    type: 'incident',
    relations: [{ type: 'attributed-to', target: 'lazarus-group', by: 'US Department of Justice', level: 'official', source: doj }],
    incident: { date: '2016-02-04', victim: 'bangladesh-bank', victimName: 'Bangladesh Bank', amountUsd: 81_000_000 },
  }),
  entity({
    id: 'ronin-bridge-hack-2022',
    name: 'Ronin Bridge hack',
    type: 'incident',
    relations: [{ type: 'attributed-to', target: 'lazarus-group', by: 'FBI', level: 'official', source: src('FBI statement on Ronin', 'FBI', 'https://www.fbi.gov/example-ronin', '2022-04-14') }],
    incident: { date: '2022-03-23', victim: 'ronin', victimName: 'Ronin Network', amountUsd: 625_000_000 },
  }),
  entity({ id: 'ronin', name: 'Ronin', type: 'protocol', aliases: [{ name: 'Ronin Network' }] }),
  entity({ id: 'harmony', name: 'Harmony', type: 'protocol', aliases: [{ name: 'Harmony ONE' }] }),
  entity({
    id: 'petro',
    name: 'Petro',
    type: 'cryptocurrency',
    aliases: [{ name: 'El Petro' }],
    ambiguous: { context: ['Venezuela', 'cryptocurrency', 'coin', 'token', 'Maduro'] },
  }),
  entity({ id: 'ibm', name: 'IBM', type: 'organization' }),
  entity({ id: 'tornado-cash', name: 'Tornado Cash', type: 'mixer' }),
];

export const TEST_KB: CompiledKb = {
  version: 'test',
  asOf: '2025-01-01',
  entities: TEST_ENTITIES,
  addresses: [
    {
      address: '0x8589427373D6D84E98730D7795D8f6f8731FDA16',
      chain: 'ETH',
      asOf: '2022-08-08',
      entity: 'tornado-cash',
      source: src('OFAC SDN list', 'OFAC', 'https://sanctionssearch.ofac.treas.gov/'),
    },
  ],
};

/** A KB with `factor` times as many entities: the test entries plus generated ones with plausible names. */
export function scaledKb(factor: number): CompiledKb {
  const extra: KbEntity[] = [];
  const syllables = ['dra', 'ko', 'nix', 'vel', 'tor', 'mun', 'zar', 'qui', 'lem', 'sha', 'bex', 'ord'];
  for (let i = 0; extra.length < TEST_ENTITIES.length * (factor - 1) * 40; i++) {
    const a = syllables[i % 12]!;
    const b = syllables[Math.floor(i / 12) % 12]!;
    const c = syllables[Math.floor(i / 144) % 12]!;
    const name = `${a[0]!.toUpperCase()}${a.slice(1)}${b}${c} ${i % 3 === 0 ? 'Group' : i % 3 === 1 ? 'Finance' : 'Spider'}`;
    extra.push(entity({ id: `gen-${i}`, name, type: 'threat-actor', aliases: [{ name: `APT-${i}` }, { name: `${name} Team` }] }));
  }
  return { ...TEST_KB, entities: [...TEST_ENTITIES, ...extra] };
}
