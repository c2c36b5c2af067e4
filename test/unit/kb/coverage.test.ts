// @vitest-environment node
/**
 * Coverage floors: the KB must keep what the extension promises to recognise.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { daysApart, readCompiled, SHARED_DATA, victimStem } from './helpers';
import { namesOf } from './helpers';

const kb = readCompiled();
const malware = kb.entities.filter((e) => e.type === 'malware');
const ransomware = malware.filter((e) => e.tags?.includes('ransomware'));
const otherMalware = malware.filter((e) => !e.tags?.includes('ransomware'));
const incidents = kb.entities.filter((e) => e.type === 'incident' && e.incident);

/** Every theft of $100M or more in the shared incident tables (date, victim as the table names it). */
const BIG_THEFTS: [string, string][] = [
  ['2017-11-09', 'Parity Multisig'],
  ['2018-01-26', 'Coincheck'],
  ['2018-04-21', 'Gate.io'],
  ['2019-03-25', 'Coinbene'],
  ['2020-09-26', 'Kucoin'],
  ['2020-12-28', 'LuBian'],
  ['2021-03-05', 'Paid Network'],
  ['2021-08-10', 'Poly Network'],
  ['2021-09-29', 'Compound V2'],
  ['2021-10-27', 'CREAM Lending'],
  ['2021-12-02', 'Badger DAO'],
  ['2021-12-04', 'Bitmart'],
  ['2021-12-13', 'Vulcan Forged'],
  ['2022-02-02', 'Portal'],
  ['2022-03-23', 'Ronin Bridge'],
  ['2022-04-17', 'Beanstalk'],
  ['2022-06-23', 'Harmony Bridge'],
  ['2022-08-01', 'Nomad'],
  ['2022-09-20', 'Wintermute'],
  ['2022-10-06', 'Binance Bridge'],
  ['2022-10-11', 'Mango Markets V3'],
  ['2022-11-12', 'FTX'],
  ['2023-03-13', 'Euler V1'],
  ['2023-06-03', 'Atomic Wallet'],
  ['2023-07-07', 'Multichain'],
  ['2023-09-23', 'Mixin Network'],
  ['2023-11-10', 'Poloniex'],
  ['2023-11-22', 'HTX / Heco'],
  ['2024-05-31', 'DMM Bitcoin'],
  ['2024-07-18', 'WazirX'],
  ['2025-02-21', 'Bybit'],
  ['2025-04-20', 'Bitget'],
  ['2025-05-22', 'Cetus CLMM'],
  ['2025-11-03', 'Balancer V2'],
];
/** The tables and curated entries disagree by up to a few weeks on some dates (discovery vs. theft). */
const SAME_INCIDENT_DAYS = 31;

function findIncident(date: string, victim: string) {
  const stem = victimStem(victim);
  return incidents.find(
    (e) =>
      daysApart(e.incident!.date, date) <= SAME_INCIDENT_DAYS &&
      [e.incident!.victimName, ...namesOf(e).map((n) => n.name)].some((n) => {
        const s = victimStem(n);
        return s && stem && (s === stem || s.startsWith(stem) || stem.startsWith(s));
      }),
  );
}

describe('coverage floors', () => {
  it('holds at least 50 ransomware families', () => {
    expect(ransomware.length).toBeGreaterThanOrEqual(50);
  });

  it('holds at least 30 other malware families', () => {
    expect(otherMalware.length).toBeGreaterThanOrEqual(30);
  });

  it('holds at least 150 incidents, from 2011 on', () => {
    expect(incidents.length).toBeGreaterThanOrEqual(150);
    const years = incidents.map((e) => Number(e.incident!.date.slice(0, 4)));
    expect(Math.max(...years)).toBeGreaterThanOrEqual(2025);
  });

  it('holds every $100M+ theft of the shared incident tables', () => {
    const missing = BIG_THEFTS.filter(([d, v]) => !findIncident(d, v)).map(([d, v]) => `${d} ${v}`);
    expect(missing).toEqual([]);
  });

  it('holds North Korean threat groups with their vendor names', () => {
    const kp = kb.entities.filter((e) => e.type === 'threat-actor' && e.country === 'KP');
    expect(kp.length).toBeGreaterThanOrEqual(15);
  });
});

describe.skipIf(!existsSync(`${SHARED_DATA}/ofac-addresses`))('against the shared data', () => {
  it('holds every OFAC-listed address', () => {
    const dir = `${SHARED_DATA}/ofac-addresses`;
    const have = new Set(kb.addresses.map((a) => a.address));
    const missing: string[] = [];
    for (const f of readdirSync(dir).filter((x) => /^sanctioned_addresses_.*\.json$/.test(x))) {
      for (const a of JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as string[]) if (!have.has(a.trim())) missing.push(`${f}: ${a}`);
    }
    expect(missing).toEqual([]);
  });

  it('holds every $100M+ row of the incident tables', () => {
    const file = `${SHARED_DATA}/incidents/defi_exploits.csv`;
    const rows = readFileSync(file, 'utf8').split('\n').slice(1);
    const big = rows
      .map((line) => line.split(','))
      .filter((c) => Number(c[4]) >= 1e8)
      .map((c) => [c[0] ?? '', c[1] ?? ''] as [string, string]);
    expect(big.length).toBeGreaterThan(20);
    const missing = big.filter(([d, v]) => !findIncident(d, v)).map(([d, v]) => `${d} ${v}`);
    expect(missing).toEqual([]);
  });
});

describe('OFAC addresses in the committed KB', () => {
  it('are all there (654 list rows = 644 distinct chain/address pairs: some are listed under several assets)', () => {
    expect(kb.addresses.length).toBeGreaterThanOrEqual(644);
  });
});
