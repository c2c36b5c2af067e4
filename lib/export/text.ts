/**
 * Indicators as plain text: grouped by kind, one value a line, usable ("refanged") or defanged so that
 * pasting them into a chat or a ticket makes no live link.
 */
import type { Indicator, IndicatorKind } from '../shared/contract';
import { INDICATOR_KINDS } from '../shared/contract';

/** Names of the kinds, for people. */
export const KIND_LABELS: Record<IndicatorKind, string> = {
  address: 'Crypto addresses',
  tx: 'Transaction hashes',
  ens: 'ENS names',
  domain: 'Domains',
  url: 'URLs',
  ipv4: 'IPv4 addresses',
  ipv6: 'IPv6 addresses',
  md5: 'MD5 hashes',
  sha1: 'SHA-1 hashes',
  sha256: 'SHA-256 hashes',
  cve: 'CVE ids',
};

/** The defanged form of a usable indicator: `https://evil.com` -> `hxxps[://]evil[.]com`. Only network indicators change. */
export function defang(kind: IndicatorKind, value: string): string {
  switch (kind) {
    case 'url': {
      const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/i.exec(value);
      if (!m) return value.replace(/\./g, '[.]');
      const scheme = m[1]!.replace(/^http/i, 'hxxp').replace(/^ftp/i, 'fxp');
      return `${scheme}[://]${m[2]!.replace(/\./g, '[.]')}${m[3]}`;
    }
    case 'domain':
    case 'ipv4':
      return value.replace(/\./g, '[.]');
    case 'ipv6':
      return value.replace(/:/g, '[:]');
    default:
      return value;
  }
}

/** Distinct indicators (by kind and usable value), in the order the article first names them. */
export function distinctIndicators(list: readonly Indicator[]): Indicator[] {
  const seen = new Set<string>();
  const out: Indicator[] = [];
  for (const i of list) {
    const k = `${i.kind}\u0000${i.refanged}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(i);
  }
  return out;
}

/** Distinct indicators grouped by kind, kinds in contract order, empty kinds left out. */
export function groupByKind(list: readonly Indicator[]): { kind: IndicatorKind; items: Indicator[] }[] {
  const d = distinctIndicators(list);
  return INDICATOR_KINDS.map((kind) => ({ kind, items: d.filter((i) => i.kind === kind) })).filter((g) => g.items.length > 0);
}

/** One value a line, under a "# Kind" heading per kind. */
export function indicatorsText(list: readonly Indicator[], opts: { defanged: boolean }): string {
  return groupByKind(list)
    .map((g) => [`# ${KIND_LABELS[g.kind]}`, ...g.items.map((i) => (opts.defanged ? defang(i.kind, i.refanged) : i.refanged))].join('\n'))
    .join('\n\n');
}
