/**
 * The knowledge's data sets and how fresh each one is, read from the KB's own source records: what a
 * pack's manifest lists and what the UI can show as "as of" per source. Pure.
 */
import type { PackSource } from './pack';
import type { CompiledKb, KbSource } from './types';

/** The upstream data sets the build derives from, recognised by their source records' URLs. */
const DATA_SETS: { name: string; repo: string }[] = [
  { name: 'MISP galaxy (threat groups, ransomware, malware)', repo: 'https://github.com/MISP/misp-galaxy/' },
  { name: 'OFAC sanctioned crypto addresses (via 0xB10C)', repo: 'https://github.com/0xB10C/ofac-sanctioned-digital-currency-addresses/' },
  { name: 'DeFi exploits table (vault-risk-framework)', repo: 'https://github.com/eggbertgjk/vault-risk-framework/' },
  { name: 'DPRK-attributed incidents (tayvano)', repo: 'https://github.com/tayvano/lazarus-bluenoroff-research/' },
];
const CURATED = 'Hand-written entries (this project)';

const day = (d: string | undefined): string | undefined => (d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : undefined);
const newer = (a: string | undefined, b: string | undefined): string | undefined => (!a ? b : !b ? a : a > b ? a : b);

/** `https://github.com/owner/repo/blob/<commit>/…` -> `https://github.com/owner/repo/tree/<commit>`. */
function snapshotUrl(url: string, repo: string): string {
  const m = /^blob\/([0-9a-f]{7,40})\//.exec(url.slice(repo.length));
  return m ? `${repo}tree/${m[1]}` : repo.slice(0, -1);
}

/**
 * One entry per data set present in `kb`, plus the hand-written entries. A data set's as-of date is
 * the newest full date among its records (the record's own date; for incident tables, whose records
 * carry none, the newest incident they list); the hand-written entries' is the newest dated source they cite
 * outside those data sets.
 */
export function sourcesOf(kb: CompiledKb): PackSource[] {
  const found = new Map<string, { asOf?: string; url: string }>();
  let curated: string | undefined;
  const note = (s: KbSource, fallbackDate: string | undefined): void => {
    const set = DATA_SETS.find((d) => s.url.startsWith(d.repo));
    if (!set) return;
    const prev = found.get(set.name);
    found.set(set.name, { asOf: newer(prev?.asOf, day(s.date) ?? day(fallbackDate)), url: prev?.url ?? snapshotUrl(s.url, set.repo) });
  };
  for (const e of kb.entities) {
    for (const s of e.sources) note(s, e.incident?.date);
    if (e.origin?.startsWith('curated')) {
      for (const s of e.sources) if (!DATA_SETS.some((d) => s.url.startsWith(d.repo))) curated = newer(curated, day(s.date));
    }
  }
  for (const a of kb.addresses) note(a.source, a.asOf);
  const out: PackSource[] = [];
  for (const d of DATA_SETS) {
    const f = found.get(d.name);
    if (f) out.push({ name: d.name, asOf: f.asOf ?? kb.asOf, url: f.url });
  }
  if (kb.entities.some((e) => e.origin?.startsWith('curated'))) out.push({ name: CURATED, asOf: curated ?? kb.asOf });
  return out;
}
