/**
 * Knowledge-base statistics: `npm run kb:stats` (add `--json` for machine-readable output).
 * Counts by type and origin, incidents by year, addresses by chain, the as-of date, size and load cost.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createLookup } from '../../lib/kb/lookup';
import type { CompiledKb } from '../../lib/kb/types';

const COMPILED_FILE = join(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), 'lib/kb/compiled/kb.json');
/** Load runs to take the median of (the first one warms the JIT). */
const LOAD_RUNS = 7;

function countBy<T>(items: T[], key: (t: T) => string | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) {
    const k = key(i) ?? '(none)';
    out[k] = (out[k] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(out).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

export function kbStats(text: string) {
  const kb = JSON.parse(text) as CompiledKb;
  const incidents = kb.entities.filter((e) => e.incident);
  const malware = kb.entities.filter((e) => e.type === 'malware');
  const loads: number[] = [];
  const firstIndex: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < LOAD_RUNS; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const lookup = createLookup(JSON.parse(text) as CompiledKb);
    const t1 = performance.now();
    lookup.byAlias('Lazarus Group');
    const t2 = performance.now();
    const c = process.cpuUsage(c0);
    loads.push(t1 - t0);
    firstIndex.push(t2 - t1);
    cpu.push((c.user + c.system) / 1000);
  }
  const byYear = countBy(incidents, (e) => e.incident?.date.slice(0, 4));
  return {
    version: kb.version,
    asOf: kb.asOf,
    addressesAsOf: kb.addressesAsOf ?? kb.asOf,
    entities: kb.entities.length,
    byType: countBy(kb.entities, (e) => e.type),
    byOrigin: countBy(kb.entities, (e) => e.origin?.split('+').map((o) => o.replace(/^derived:/, '')).join('+')),
    malware: { ransomware: malware.filter((e) => e.tags?.includes('ransomware')).length, other: malware.filter((e) => !e.tags?.includes('ransomware')).length },
    aliases: kb.entities.reduce((n, e) => n + e.aliases.length, 0),
    ambiguousAliases: kb.entities.reduce((n, e) => n + e.aliases.filter((a) => a.ambiguous).length, 0) + kb.entities.filter((e) => e.ambiguous).length,
    relations: kb.entities.reduce((n, e) => n + e.relations.length, 0),
    incidents: {
      total: incidents.length,
      byYear: Object.fromEntries(Object.entries(byYear).sort((a, b) => a[0].localeCompare(b[0]))),
      over100M: incidents.filter((e) => (e.incident?.amountUsd ?? 0) >= 1e8).length,
      attributed: incidents.filter((e) => e.relations.some((r) => r.type === 'attributed-to')).length,
      totalUsd: incidents.reduce((n, e) => n + (e.incident?.amountUsd ?? 0), 0),
    },
    addresses: { total: kb.addresses.length, byChain: countBy(kb.addresses, (a) => a.chain), withEntity: kb.addresses.filter((a) => a.entity).length },
    size: { rawBytes: Buffer.byteLength(text), gzipBytes: gzipSync(text).length },
    loadMs: {
      parseAndCreateMedian: median(loads.slice(1)),
      firstAliasIndexMedian: median(firstIndex.slice(1)),
      cpuBest: Math.min(...cpu.slice(1)),
    },
  };
}

function main(argv: string[]): void {
  const stats = kbStats(readFileSync(COMPILED_FILE, 'utf8'));
  if (argv.includes('--json')) {
    console.log(JSON.stringify(stats, null, 2));
    return;
  }
  const kib = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;
  const table = (o: Record<string, number>): string =>
    Object.entries(o)
      .map(([k, v]) => `    ${k.padEnd(26)} ${String(v).padStart(5)}`)
      .join('\n');
  console.log(`Knowledge base ${stats.version}`);
  console.log(`  as of ${stats.asOf} (OFAC addresses as of ${stats.addressesAsOf})`);
  console.log(`  ${stats.entities} entities, ${stats.aliases} aliases (${stats.ambiguousAliases} needing context), ${stats.relations} relations`);
  console.log(`  by type:\n${table(stats.byType)}`);
  console.log(`  malware: ${stats.malware.ransomware} ransomware, ${stats.malware.other} other`);
  console.log(`  by origin:\n${table(stats.byOrigin)}`);
  console.log(
    `  incidents: ${stats.incidents.total} (${stats.incidents.over100M} of $100M or more, ${stats.incidents.attributed} with an attribution), $${(stats.incidents.totalUsd / 1e9).toFixed(2)} billion in total`,
  );
  console.log(`  incidents by year:\n${table(stats.incidents.byYear)}`);
  console.log(`  OFAC addresses: ${stats.addresses.total} (${stats.addresses.withEntity} with a designated entity)`);
  console.log(`  addresses by chain:\n${table(stats.addresses.byChain)}`);
  console.log(`  compiled size: ${kib(stats.size.rawBytes)} raw, ${kib(stats.size.gzipBytes)} gzip`);
  console.log(
    `  load: ${stats.loadMs.parseAndCreateMedian.toFixed(1)} ms parse + create (median), ${stats.loadMs.firstAliasIndexMedian.toFixed(1)} ms to build the alias index on first look-up; best ${stats.loadMs.cpuBest.toFixed(1)} ms CPU for both`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
