/**
 * Build the knowledge base.
 *
 *   npm run kb:build -- --from ../shared/data   regenerate lib/kb/data/derived/* from the shared data, then compile
 *   npm run kb:build                            compile from the committed source files only
 *   npm run kb:build -- --check                 compile in memory and fail if lib/kb/compiled/kb.json is stale
 *   npm run kb:build -- --strict                fail (exit 1) when curated files have problems
 *
 * Output: lib/kb/compiled/kb.json, and the engine's hints: org-hints.json (organisation names) and amount-units.json
 * (crypto tickers). Committed; the extension imports them.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { kbAddressFileSchema, kbEntityFileSchema } from '../../lib/kb/schema';
import type { KbAddress, KbEntity } from '../../lib/kb/types';
import { DEFI_DATE, MISP_DATE, OFAC_AS_OF } from '../kb-build/common';
import { normalizeName } from '../../lib/kb/normalize';
import nlp from 'compromise';
import { joinIncidents, readDefiRows, readTayvanoRows, toIncidentEntities } from '../kb-build/incidents';
import { compileKb, latestDate, mergeEntities, readCurated, type SourceFile } from '../kb-build/merge';
import { deriveFromMisp } from '../kb-build/misp';
import { deriveOfacAddresses, type AddressEntityMapping } from '../kb-build/ofac';
import { compileOrgHints, hintConflicts } from '../kb-build/org-hints';
import { compileUnitHints } from '../kb-build/unit-hints';
import { ordinaryWordsOf, toVictimEntities } from '../kb-build/victims';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const KB_DIR = join(ROOT, 'lib/kb');
const CURATED_DIR = join(KB_DIR, 'data/curated');
const DERIVED_DIR = join(KB_DIR, 'data/derived');
const ADDRESS_ENTITIES = join(KB_DIR, 'data/address-entities.json');
export const COMPILED_FILE = join(KB_DIR, 'compiled/kb.json');
const ORG_HINTS_SOURCE = join(KB_DIR, 'data/hints/organizations.json');
export const ORG_HINTS_FILE = join(KB_DIR, 'compiled/org-hints.json');
const UNIT_HINTS_SOURCE = join(KB_DIR, 'data/hints/amount-units.json');
export const UNIT_HINTS_FILE = join(KB_DIR, 'compiled/amount-units.json');

const DERIVED_ENTITY_FILES = ['misp-groups.json', 'misp-ransomware.json', 'misp-malware.json', 'incidents.json', 'victims.json'] as const;
const DERIVED_ADDRESS_FILE = 'ofac-addresses.json';

/** Ordinary words in compromise's lexicon (its proper names left out). */
function lexiconWords(): string[] {
  const lex = (nlp.model() as unknown as { one?: { lexicon?: Record<string, string | string[]> } }).one?.lexicon ?? {};
  return Object.entries(lex)
    .filter(([w, t]) => /^[a-z]{3,}$/.test(w) && !/Person|Name|Place|Country|City|Organization/.test(String(t)))
    .map(([w]) => w);
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function writeJson(file: string, data: unknown, pretty: boolean): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, pretty ? `${JSON.stringify(data, null, 2)}\n` : JSON.stringify(data));
}

function derive(from: string): void {
  const abs = resolve(process.cwd(), from);
  console.log(`deriving from ${abs}`);
  // ATT&CK software whose name is an ordinary word is left out (see selection.ts)
  const misp = deriveFromMisp(join(abs, 'misp-galaxy'), new Set(lexiconWords()));
  for (const w of misp.warnings) console.warn(`  misp: ${w}`);
  // the incident tables, read once: incidents, and their victims below
  const incidentRows = joinIncidents(readDefiRows(join(abs, 'incidents/defi_exploits.csv')), readTayvanoRows(join(abs, 'incidents/dprk_attributed_incidents_tayvano.csv')));
  const incidents = toIncidentEntities(incidentRows, 'lazarus-group');
  // victims (exchanges, protocols) of the same tables; one-word names that are ordinary words in the
  // general web pages of the shared data (the Readability test pages' article text) need context
  // (and the negative articles: general news), or in compromise's lexicon, need context
  const pagesDir = join(abs, 'readability-test-pages');
  const negDir = join(abs, 'articles/negatives');
  const pageTexts = [
    ...(existsSync(pagesDir) ? readdirSync(pagesDir).map((d) => join(pagesDir, d, 'expected.html')) : []),
    ...(existsSync(negDir) ? readdirSync(negDir).map((f) => join(negDir, f)) : []),
  ]
    .filter((f) => existsSync(f))
    .map((f) => readFileSync(f, 'utf8'));
  // a victim the curated files or the galaxies already know keeps that entry (curated facts win; no second entry)
  const known = new Set<string>();
  for (const e of [...readSources().curatedFiles.flatMap((f) => (Array.isArray(f.entries) ? (f.entries as KbEntity[]) : [])), ...misp.groups, ...misp.ransomware, ...misp.malware]) {
    for (const n of [e.name, ...(e.aliases ?? []).map((a) => a.name)]) known.add(normalizeName(n));
  }
  const victims = toVictimEntities(
    incidentRows,
    new Set([...ordinaryWordsOf(pageTexts, 1), ...lexiconWords()]),
  ).filter((v) => !known.has(normalizeName(v.name)));
  const mapping = existsSync(ADDRESS_ENTITIES) ? (readJson(ADDRESS_ENTITIES) as AddressEntityMapping[]) : [];
  const { addresses } = deriveOfacAddresses(join(abs, 'ofac-addresses'), mapping);
  const out: Record<(typeof DERIVED_ENTITY_FILES)[number], KbEntity[]> = {
    'misp-groups.json': misp.groups,
    'misp-ransomware.json': misp.ransomware,
    'misp-malware.json': misp.malware,
    'incidents.json': incidents,
    'victims.json': victims,
  };
  for (const [file, entries] of Object.entries(out)) {
    kbEntityFileSchema.parse(entries);
    writeJson(join(DERIVED_DIR, file), entries, true);
    console.log(`  wrote derived/${file}: ${entries.length} entries`);
  }
  kbAddressFileSchema.parse(addresses);
  writeJson(join(DERIVED_DIR, DERIVED_ADDRESS_FILE), addresses, true);
  console.log(`  wrote derived/${DERIVED_ADDRESS_FILE}: ${addresses.length} addresses, as of ${OFAC_AS_OF}`);
}

export function readSources(): { curatedFiles: SourceFile[]; derived: KbEntity[]; addresses: KbAddress[] } {
  const curatedFiles: SourceFile[] = existsSync(CURATED_DIR)
    ? readdirSync(CURATED_DIR)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => {
          let entries: unknown;
          try {
            entries = readJson(join(CURATED_DIR, f));
          } catch (e) {
            entries = { error: String(e) };
          }
          return { file: `curated/${f}`, origin: 'curated', entries };
        })
    : [];
  const derived: KbEntity[] = [];
  for (const f of DERIVED_ENTITY_FILES) {
    const file = join(DERIVED_DIR, f);
    if (existsSync(file)) derived.push(...(kbEntityFileSchema.parse(readJson(file)) as KbEntity[]));
  }
  const addrFile = join(DERIVED_DIR, DERIVED_ADDRESS_FILE);
  let addresses = existsSync(addrFile) ? (kbAddressFileSchema.parse(readJson(addrFile)) as KbAddress[]) : [];
  // entity links for addresses can change without re-deriving
  if (existsSync(ADDRESS_ENTITIES)) {
    const map = new Map((readJson(ADDRESS_ENTITIES) as AddressEntityMapping[]).map((m) => [m.address.toLowerCase(), m]));
    addresses = addresses.map((a) => {
      const link = map.get(a.address.toLowerCase());
      return link ? { ...a, entity: link.entity, entitySource: link.source } : a;
    });
  }
  return { curatedFiles, derived, addresses };
}

export function buildFromSources() {
  const { curatedFiles, derived, addresses } = readSources();
  const curatedProblems: string[] = [];
  const curated = readCurated(curatedFiles, curatedProblems);
  const merged = mergeEntities(curated, derived, curatedProblems);
  const dates = merged.entities.flatMap((e) => [e.incident?.date, ...e.sources.map((s) => s.date), ...e.sanctions.map((s) => s.date)]);
  // knowledge is as of the newest dated fact, but never later than the newest snapshot we built from
  const newestSnapshot = latestDate([MISP_DATE, DEFI_DATE, OFAC_AS_OF]);
  const newestFact = latestDate(dates);
  const asOf = newestFact > newestSnapshot ? newestFact.slice(0, 10) : newestSnapshot;
  const kb = compileKb(merged.entities, addresses, asOf.length === 10 ? asOf : newestSnapshot, OFAC_AS_OF);
  const hints = compileOrgHints(readJson(ORG_HINTS_SOURCE));
  const units = compileUnitHints(readJson(UNIT_HINTS_SOURCE), kb.entities);
  const problems = [...merged.curatedProblems, ...hints.problems, ...hintConflicts(hints.list.words, kb.entities), ...units.problems];
  return { kb, orgHints: hints.list, amountUnits: units.list, warnings: merged.warnings, curatedProblems: problems, curatedCount: curated.length };
}

function main(argv: string[]): number {
  const fromIdx = argv.indexOf('--from');
  const from = fromIdx >= 0 ? argv[fromIdx + 1] : undefined;
  if ((fromIdx >= 0 && !from) || argv.includes('--help')) {
    console.error('usage: kb-build [--from <shared data dir>] [--check] [--strict]');
    return argv.includes('--help') ? 0 : 2;
  }
  if (from && !existsSync(join(resolve(process.cwd(), from), 'misp-galaxy'))) {
    console.error(`kb-build: ${from} has no misp-galaxy/ folder (expected the shared data folder)`);
    return 2;
  }
  if (from) derive(from);
  const { kb, orgHints, amountUnits, warnings, curatedProblems, curatedCount } = buildFromSources();
  for (const w of warnings) console.warn(`  merge: ${w}`);
  for (const p of curatedProblems) console.warn(`  curated: ${p}`);
  const json = JSON.stringify(kb);
  if (argv.includes('--check')) {
    const current = existsSync(COMPILED_FILE) ? readFileSync(COMPILED_FILE, 'utf8') : '';
    const stale = (file: string, data: unknown): boolean => (existsSync(file) ? readFileSync(file, 'utf8') : '') !== `${JSON.stringify(data, null, 2)}\n`;
    if (current !== json || stale(ORG_HINTS_FILE, orgHints) || stale(UNIT_HINTS_FILE, amountUnits)) {
      console.error('lib/kb/compiled/ is stale: run npm run kb:build');
      return 1;
    }
    console.log('compiled KB is up to date');
    return 0;
  }
  writeJson(COMPILED_FILE, kb, false);
  writeJson(ORG_HINTS_FILE, orgHints, true);
  writeJson(UNIT_HINTS_FILE, amountUnits, true);
  const counts: Record<string, number> = {};
  for (const e of kb.entities) counts[e.type] = (counts[e.type] ?? 0) + 1;
  console.log(
    `compiled ${kb.entities.length} entities (${curatedCount} curated in), ${kb.addresses.length} addresses, as of ${kb.asOf}, version ${kb.version}`,
  );
  console.log(`  hints: ${orgHints.words.length} organisation forms, ${amountUnits.words.length} crypto units`);
  console.log(`  by type: ${Object.entries(counts).map(([t, n]) => `${t} ${n}`).join(', ')}`);
  console.log(`  size: ${(json.length / 1024).toFixed(1)} KiB raw, ${(gzipSync(json).length / 1024).toFixed(1)} KiB gzip`);
  if (curatedProblems.length) {
    console.warn(`  ${curatedProblems.length} problem(s) in curated files (left out or reported above)`);
    if (argv.includes('--strict')) return 1;
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
