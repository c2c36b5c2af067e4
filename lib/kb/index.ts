/**
 * The knowledge base, ready to query. DOM-free: usable from Node (CLI, tests) and the extension
 * background. Importing this module parses the compiled JSON; indexes are built on first use.
 *
 *   import { loadKb, byAlias, search, kbInfo } from '@/lib/kb';
 *   byAlias('APT 38')?.id  // 'apt38'
 */
import compiled from './compiled/kb.json';
import { createLookup, type KbLookup, type SearchResult } from './lookup';
import type { CompiledKb, KbAddress, KbEntity } from './types';
import type { EntityType } from '../shared/contract';

export type {  KbLookup, SearchResult } from './lookup';
export {  createLookup } from './lookup';
export { normalizeName,  } from './normalize';
export type * from './types';

let instance: KbLookup | undefined;

/** The compiled KB with its look-ups (a singleton; cheap after the first call). */
export function loadKb(): KbLookup {
  if (!instance) instance = createLookup(compiled as unknown as CompiledKb);
  return instance;
}

export function byId(id: string): KbEntity | undefined {
  return loadKb().byId(id);
}

export function byAlias(name: string): KbEntity | undefined {
  return loadKb().byAlias(name);
}

export function allByAlias(name: string): KbEntity[] {
  return loadKb().allByAlias(name);
}

export function search(query: string, limit = 10): SearchResult[] {
  return loadKb().search(query, limit);
}

export function byAddress(address: string): KbAddress | undefined {
  return loadKb().byAddress(address);
}

export interface KbInfo {
  version: string;
  /** the date the UI shows: "knowledge as of ..." */
  asOf: string;
  /** the OFAC address list is a snapshot of its own, usually older than asOf */
  addressesAsOf: string;
  counts: { entities: number; addresses: number; aliases: number; byType: Partial<Record<EntityType, number>> };
}

let info: KbInfo | undefined;

export function kbInfo(): KbInfo {
  if (info) return info;
  const kb = loadKb().kb;
  const byType: Partial<Record<EntityType, number>> = {};
  let aliases = 0;
  for (const e of kb.entities) {
    byType[e.type] = (byType[e.type] ?? 0) + 1;
    aliases += e.aliases.length;
  }
  info = {
    version: kb.version,
    asOf: kb.asOf,
    addressesAsOf: kb.addressesAsOf ?? kb.asOf,
    counts: { entities: kb.entities.length, addresses: kb.addresses.length, aliases, byType },
  };
  return info;
}
