/** The MISP galaxy clusters as read from their JSON files, and the small facts read off a cluster. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GALAXY_FILES, type GalaxyKey } from './selection';

export interface Cluster {
  value: string;
  description?: string;
  uuid?: string;
  related?: { 'dest-uuid': string; type: string }[];
  meta?: {
    synonyms?: string[];
    country?: string | string[];
    refs?: string[];
    external_id?: string;
    date?: string;
    since?: string;
    observed_motivations?: string[];
    'payment-method'?: string | string[];
    group_attack_id?: string;
  };
}

export type Galaxies = Record<GalaxyKey, Map<string, Cluster>>;

export function readGalaxies(dir: string): Galaxies {
  const out = {} as Galaxies;
  for (const [key, file] of Object.entries(GALAXY_FILES) as [GalaxyKey, string][]) {
    const json = JSON.parse(readFileSync(join(dir, `${file}.json`), 'utf8')) as { values: Cluster[] };
    out[key] = new Map(json.values.map((c) => [c.value, c]));
  }
  return out;
}

export function countryOf(c: Cluster): string | undefined {
  const v = c.meta?.country;
  const code = Array.isArray(v) ? v[0] : v;
  return code && /^[A-Z]{2}$/.test(code) ? code : undefined;
}

/** "Lazarus Group - G0032" -> "Lazarus Group"; "LockBit (Windows)" -> "LockBit". */
export function baseName(value: string): string {
  return value
    .replace(/\s+-\s+[GS]\d{4}$/, '')
    .replace(/\s*\((ELF|Windows|OS X|Android|Javascript|iOS|Python|Powershell|Go|PHP)\)\s*$/i, '')
    .trim();
}
