// @vitest-environment node
/**
 * Derived descriptions are our own words: no run of eight words may come from the prose of the MISP
 * galaxies we derive from. Runs only next to the shared data folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCompiled, SHARED_DATA } from './helpers';

/** Shortest run of words that counts as copied prose. */
const SHINGLE_WORDS = 8;
/** Reading ~10 MB of galaxy JSON takes seconds on a busy machine. */
const TIMEOUT_MS = 60_000;
const GALAXIES = ['threat-actor', 'mitre-intrusion-set', 'microsoft-activity-group', 'tidal-groups', 'ransomware', 'malpedia', 'mitre-malware', 'intelligence-agencies'];

function shingles(text: string): string[] {
  const words = text.toLowerCase().replace(/[^a-z0-9 ]+/g, ' ').split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) out.push(words.slice(i, i + SHINGLE_WORDS).join(' '));
  return out;
}

describe.skipIf(!existsSync(`${SHARED_DATA}/misp-galaxy`))('derived descriptions', () => {
  it('copy no galaxy prose', () => {
    const prose = new Set<string>();
    for (const g of GALAXIES) {
      const json = JSON.parse(readFileSync(`${SHARED_DATA}/misp-galaxy/${g}.json`, 'utf8')) as { values: { description?: string }[] };
      for (const v of json.values) for (const s of shingles(v.description ?? '')) prose.add(s);
    }
    const copied = readCompiled()
      .entities.filter((e) => e.origin?.startsWith('derived:'))
      .filter((e) => shingles(e.description).some((s) => prose.has(s)))
      .map((e) => e.id);
    expect(copied).toEqual([]);
  }, TIMEOUT_MS);
});
