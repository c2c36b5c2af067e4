/**
 * OFAC SDN digital-currency addresses, from the 0xB10C extract (one JSON array per OFAC currency code).
 * Every address is kept. The list carries no SDN entity names: `entity` is set only from our own
 * mapping (address-entities.json), never guessed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KbAddress, KbSource } from '../../lib/kb/types';
import { OFAC_AS_OF, OFAC_LIST_COMMIT } from './common';

/** OFAC currency code -> the chain the address lives on (tokens: judged from the address format). */
const CHAIN_OF_CODE: Record<string, string> = { XBT: 'BTC' };

function chainOf(code: string, address: string): string {
  if (code === 'USDT' || code === 'USDC') {
    if (/^0x[0-9a-fA-F]{40}$/.test(address)) return 'ETH';
    if (/^T[1-9A-HJ-NP-Za-km-z]{33}$/.test(address)) return 'TRX';
    // Omni-layer Tether lives on Bitcoin addresses
    if (/^[13][1-9A-HJ-NP-Za-km-z]{25,34}$/.test(address)) return 'BTC';
  }
  return CHAIN_OF_CODE[code] ?? code;
}

function ofacSource(code: string): KbSource {
  return {
    title: `OFAC SDN list: sanctioned ${code} addresses (sanctioned_addresses_${code}.json)`,
    publisher: 'US Treasury OFAC, extracted by 0xB10C/ofac-sanctioned-digital-currency-addresses',
    url: `https://github.com/0xB10C/ofac-sanctioned-digital-currency-addresses/blob/${OFAC_LIST_COMMIT}/sanctioned_addresses_${code}.json`,
    date: OFAC_AS_OF,
  };
}

/** Our own address -> entity links (lib/kb/data/address-entities.json), each with its source. */
export interface AddressEntityMapping {
  address: string;
  entity: string;
  note?: string;
  source: KbSource;
}

export function deriveOfacAddresses(dir: string, mapping: AddressEntityMapping[]): { addresses: KbAddress[]; raw: { code: string; address: string }[] } {
  const byAddr = new Map(mapping.map((m) => [m.address.toLowerCase(), m]));
  const files = readdirSync(dir)
    .filter((f) => /^sanctioned_addresses_[A-Z0-9]+\.json$/.test(f))
    .sort();
  const raw: { code: string; address: string }[] = [];
  const out: KbAddress[] = [];
  const seen = new Map<string, KbAddress>();
  for (const f of files) {
    const code = /^sanctioned_addresses_([A-Z0-9]+)\.json$/.exec(f)?.[1];
    if (!code) continue;
    const list: unknown = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    if (!Array.isArray(list)) throw new Error(`${f}: not an array`);
    for (const item of list) {
      if (typeof item !== 'string' || !item.trim()) continue;
      const address = item.trim();
      raw.push({ code, address });
      const chain = chainOf(code, address);
      const key = `${chain}:${address}`;
      const prev = seen.get(key);
      if (prev) {
        if (!prev.assets?.includes(code)) (prev.assets ??= []).push(code);
        continue;
      }
      const link = byAddr.get(address.toLowerCase());
      const rec: KbAddress = {
        address,
        chain,
        asOf: OFAC_AS_OF,
        assets: [code],
        ...(link ? { entity: link.entity } : {}),
        source: ofacSource(code),
        ...(link ? { entitySource: link.source } : {}),
      };
      seen.set(key, rec);
      out.push(rec);
    }
  }
  return { addresses: out, raw };
}
