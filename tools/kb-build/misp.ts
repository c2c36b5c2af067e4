/**
 * Threat groups, agencies, ransomware and malware entries from the MISP galaxy clusters.
 * We take names, synonyms, countries, ATT&CK ids, first-seen dates and reference URLs; descriptions
 * are written here from those facts (never the galaxies' prose).
 */
import type { KbEntity } from '../../lib/kb/types';
import { collect, resolveClaims, type Draft } from './misp-drafts';
import { addRelatedLinks, toEntity } from './misp-entity';
import { readGalaxies } from './misp-galaxies';
import { attackSoftwareSpecs, cryptoTopicSpecs, leftoverDprkSpecs, ordinaryWordTest } from './misp-specs';
import { AGENCIES, DPRK_GROUPS, MALWARE, OTHER_GROUPS, RANSOMWARE } from './selection';

// The parts kept in files of their own, still importable from here.
export { type Galaxies } from './misp-galaxies';
export { attackSoftwareSpecs, ordinaryWordTest } from './misp-specs';

export interface MispDerived {
  groups: KbEntity[];
  ransomware: KbEntity[];
  malware: KbEntity[];
  warnings: string[];
}

export function deriveFromMisp(dir: string, ordinaryWords: ReadonlySet<string> = new Set()): MispDerived {
  const g = readGalaxies(dir);
  const warnings: string[] = [];
  const warn = (m: string): void => {
    warnings.push(m);
  };
  const dprk = [...DPRK_GROUPS, ...leftoverDprkSpecs(g)];
  const picked = [...dprk, ...OTHER_GROUPS];
  const groupDrafts = [...picked, ...cryptoTopicSpecs(g, picked)].map((s) => collect(s, 'threat-actor', g, warn));
  const agencyDrafts = AGENCIES.map((s) => collect(s, 'agency', g, warn));
  const ransomSpecs = RANSOMWARE.map((s) => ({ ...s, tags: ['ransomware', ...(s.tags ?? [])] }));
  const ransomDrafts = ransomSpecs.map((s) => collect(s, 'malware', g, warn));
  const attackSpecs = attackSoftwareSpecs(g, picked, new Set(dprk.map((s) => s.id)), [...RANSOMWARE, ...MALWARE], ordinaryWordTest(ordinaryWords));
  const malwareDrafts = [...MALWARE, ...attackSpecs].map((s) => collect(s, 'malware', g, warn));
  for (const d of [...groupDrafts, ...agencyDrafts, ...ransomDrafts, ...malwareDrafts]) if (!d.clusters.length) warn(`${d.spec.id}: no cluster found, left out`);
  const found = (d: Draft): boolean => d.clusters.length > 0;
  const all = [...groupDrafts, ...agencyDrafts, ...ransomDrafts, ...malwareDrafts].filter(found);
  const owners = resolveClaims(all);
  const groups = [...groupDrafts, ...agencyDrafts].filter(found).map((d) => toEntity(d, owners, 'derived:misp-groups'));
  const ransomware = ransomDrafts.filter(found).map((d) => toEntity(d, owners, 'derived:misp-ransomware'));
  const malware = malwareDrafts.filter(found).map((d) => toEntity(d, owners, 'derived:misp-malware'));
  addRelatedLinks(all, [...groups, ...ransomware, ...malware]);
  return { groups, ransomware, malware, warnings };
}
