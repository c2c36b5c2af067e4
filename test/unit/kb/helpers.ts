/** Shared loaders for the KB data tests: the committed compiled file, read the way the extension reads it. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CompiledKb, KbEntity } from '../../../lib/kb/types';
import { normalizeName } from '../../../lib/kb/normalize';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const COMPILED_PATH = `${ROOT}lib/kb/compiled/kb.json`;
/** The shared data folder, when this checkout sits next to it (optional: tests skip without it). */
export const SHARED_DATA = `${ROOT}../shared/data`;

export function readCompiled(): CompiledKb {
  return JSON.parse(readFileSync(COMPILED_PATH, 'utf8')) as CompiledKb;
}

/** Name plus aliases of an entry, each with its normalised key. */
export function namesOf(e: KbEntity): { name: string; key: string; ambiguous: boolean }[] {
  return [{ name: e.name, ambiguous: false }, ...e.aliases.map((a) => ({ name: a.name, ambiguous: a.ambiguous === true }))].map((n) => ({
    ...n,
    key: normalizeName(n.name),
  }));
}

export function daysApart(a: string, b: string): number {
  const p = (d: string): number => Date.parse(d.length === 4 ? `${d}-07-01` : d.length === 7 ? `${d}-15` : d);
  return Math.abs(p(a) - p(b)) / 86_400_000;
}

/** "Harmony Horizon Bridge" ~ "Harmony Bridge hack": compare on the distinctive words. */
export function victimStem(name: string): string {
  return normalizeName(
    name
      .replace(/:\s*india$/i, '')
      .replace(/\.(io|com|fi)\b/gi, '')
      .replace(/\b(bridge|horizon|finance|protocol|network|exchange|lending|dao|v1|v2|v3|hack|heist|exploit|theft|attempted|\(.*\))\b/gi, ' '),
  );
}
