/**
 * Look-ups over a compiled knowledge base. DOM-free; indexes are built on first use so that loading
 * the KB costs only the JSON parse.
 */
import Fuse from 'fuse.js';
import { foldForSearch, normalizeName } from './normalize';
import type { CompiledKb, KbAddress, KbEntity } from './types';

/** Fuse threshold: 0 = exact, 1 = anything. 0.34 keeps "tornado" -> Tornado Cash, drops noise. */
const FUZZY_THRESHOLD = 0.34;
/** Queries shorter than this (after folding) are only matched exactly or by prefix. */
const MIN_FUZZY_QUERY = 3;
/** Substring matches ("cobra" in "hiddencobra") need this many characters, or "ra" would hit everything. */
const MIN_SUBSTRING_QUERY = 4;
/** Shortest string treated as a possible blockchain address. */
const MIN_ADDRESS_CHARS = 25;
/** With an exact hit, fuzzy suggestions are only added when fewer results than this were found. */
const FUZZY_WHEN_FEWER_THAN = 3;

interface AliasEntry {
  /** the alias (or name) as written in the KB */
  alias: string;
  /** normalizeName(alias) */
  key: string;
  entityId: string;
  /** the alias needs context (alias flagged ambiguous, or the entity has an `ambiguous` block) */
  ambiguous: boolean;
  usedBy?: string[];
  /** true for the entry's own `name` */
  isName: boolean;
}

export interface SearchResult {
  entity: KbEntity;
  /** 0 = best; exact alias hits are 0 */
  score: number;
  /** the name or alias that matched */
  matched: string;
  exact: boolean;
}

export interface KbLookup {
  readonly kb: CompiledKb;
  byId(id: string): KbEntity | undefined;
  /** Best entry for a name (case, diacritics, punctuation, spacing insensitive). Unambiguous claims win. */
  byAlias(name: string): KbEntity | undefined;
  /** Every entry that claims the name (several only when the name is flagged ambiguous). */
  allByAlias(name: string): KbEntity[];
  /** Ranked search for the popup: exact alias hits first, then prefix, then fuzzy. */
  search(query: string, limit?: number): SearchResult[];
  /** OFAC-listed address record, or undefined. EVM addresses compare case-insensitively. */
  byAddress(address: string): KbAddress | undefined;
  /** Every (alias, entity) pair, names included: what a matcher compiles its dictionary from. */
  aliasEntries(): readonly AliasEntry[];
}

export function addressKey(address: string): string {
  const trimmed = address.trim();
  return /^0x[0-9a-fA-F]{40}$/.test(trimmed) ? trimmed.toLowerCase() : trimmed;
}

interface FuseRecord {
  id: string;
  name: string;
  aliases: string[];
}

export function createLookup(kb: CompiledKb): KbLookup {
  let idIndex: Map<string, KbEntity> | undefined;
  let entries: AliasEntry[] | undefined;
  let aliasIndex: Map<string, AliasEntry[]> | undefined;
  let addressIndex: Map<string, KbAddress> | undefined;
  let fuse: Fuse<FuseRecord> | undefined;

  const ids = (): Map<string, KbEntity> => {
    if (!idIndex) idIndex = new Map(kb.entities.map((e) => [e.id, e]));
    return idIndex;
  };

  const aliasList = (): AliasEntry[] => {
    if (entries) return entries;
    const out: AliasEntry[] = [];
    for (const e of kb.entities) {
      const needsContext = e.ambiguous !== undefined;
      const seen = new Set<string>();
      const push = (alias: string, isName: boolean, ambiguous: boolean, usedBy?: string[]): void => {
        const key = normalizeName(alias);
        if (!key || seen.has(key)) return;
        seen.add(key);
        out.push({ alias, key, entityId: e.id, ambiguous: ambiguous || needsContext, isName, ...(usedBy ? { usedBy } : {}) });
      };
      push(e.name, true, false);
      for (const a of e.aliases) push(a.name, false, a.ambiguous === true, a.usedBy);
    }
    entries = out;
    return out;
  };

  const aliases = (): Map<string, AliasEntry[]> => {
    if (aliasIndex) return aliasIndex;
    const m = new Map<string, AliasEntry[]>();
    for (const a of aliasList()) {
      const list = m.get(a.key);
      if (list) list.push(a);
      else m.set(a.key, [a]);
    }
    // unambiguous claims first, then names before aliases
    for (const list of m.values()) list.sort((x, y) => Number(x.ambiguous) - Number(y.ambiguous) || Number(y.isName) - Number(x.isName));
    aliasIndex = m;
    return m;
  };

  const allByAlias = (name: string): KbEntity[] => {
    const list = aliases().get(normalizeName(name)) ?? [];
    const out: KbEntity[] = [];
    for (const a of list) {
      const e = ids().get(a.entityId);
      if (e && !out.includes(e)) out.push(e);
    }
    return out;
  };

  const fuseIndex = (): Fuse<FuseRecord> => {
    if (fuse) return fuse;
    const records: FuseRecord[] = kb.entities.map((e) => ({
      id: e.id,
      name: foldForSearch(e.name),
      aliases: e.aliases.map((a) => foldForSearch(a.name)),
    }));
    fuse = new Fuse(records, {
      keys: [
        { name: 'name', weight: 2 },
        { name: 'aliases', weight: 1 },
      ],
      includeScore: true,
      includeMatches: true,
      ignoreLocation: true,
      threshold: FUZZY_THRESHOLD,
    });
    return fuse;
  };

  const search = (query: string, limit = 10): SearchResult[] => {
    const key = normalizeName(query);
    if (!key) return [];
    const results: SearchResult[] = [];
    const taken = new Set<string>();
    const add = (entity: KbEntity | undefined, score: number, matched: string, exact: boolean): void => {
      if (!entity || taken.has(entity.id)) return;
      taken.add(entity.id);
      results.push({ entity, score, matched, exact });
    };
    // 0. a pasted OFAC-listed address: its designated entity, when the KB links one
    const listed = query.trim().length >= MIN_ADDRESS_CHARS ? byAddress(query) : undefined;
    if (listed?.entity) add(ids().get(listed.entity), 0, listed.address, true);
    // 1. exact alias hits
    for (const a of aliases().get(key) ?? []) add(ids().get(a.entityId), 0, a.alias, true);
    // 2. prefix hits on the normalised key ("garantex" -> "Garantex Europe"): names that start with the
    //    query as whole words first ("bitcoin" -> "Bitcoin Fog" before "Bitcoinica"), then shorter keys;
    // 3. then keys that contain the query ("cobra" -> "Hidden Cobra")
    const folded = foldForSearch(query);
    if (results.length < limit) {
      const partial = aliasList()
        .filter((a) => a.key !== key && (a.key.startsWith(key) || (key.length >= MIN_SUBSTRING_QUERY && a.key.includes(key))))
        .map((a) => ({ a, prefix: a.key.startsWith(key), word: a.key.startsWith(key) && foldForSearch(a.alias).startsWith(`${folded} `) }))
        .sort(
          (x, y) =>
            Number(y.prefix) - Number(x.prefix) ||
            Number(y.word) - Number(x.word) ||
            x.a.key.length - y.a.key.length ||
            Number(y.a.isName) - Number(x.a.isName),
        );
      for (const { a, prefix, word } of partial) {
        if (results.length >= limit) break;
        add(ids().get(a.entityId), (word ? 0.03 : prefix ? 0.05 : 0.15) + Math.min(0.1, (a.key.length - key.length) / 200), a.alias, false);
      }
    }
    // 4. fuzzy (typos), only when the cheap steps found little: Fuse is the slow part
    const exactHit = results.some((r) => r.exact);
    if (results.length < limit && folded.length >= MIN_FUZZY_QUERY && (!exactHit || results.length < FUZZY_WHEN_FEWER_THAN)) {
      for (const r of fuseIndex().search(folded, { limit: limit * 2 })) {
        if (results.length >= limit) break;
        if ((r.score ?? 1) > FUZZY_THRESHOLD) continue;
        const entity = ids().get(r.item.id);
        const matched = r.matches?.[0]?.value ?? r.item.name;
        add(entity, 0.25 + (r.score ?? 1), entity?.aliases.find((a) => foldForSearch(a.name) === matched)?.name ?? entity?.name ?? matched, false);
      }
    }
    // 5. nothing yet: a word of the query may be a name ("sinbad mixer")
    if (!results.length) {
      for (const word of folded.split(' ')) {
        if (word.length < MIN_SUBSTRING_QUERY) continue;
        for (const a of aliases().get(normalizeName(word)) ?? []) add(ids().get(a.entityId), 0.3, a.alias, false);
      }
    }
    return results.slice(0, limit);
  };

  const byAddress = (address: string): KbAddress | undefined => {
    if (!addressIndex) addressIndex = new Map(kb.addresses.map((a) => [addressKey(a.address), a]));
    return addressIndex.get(addressKey(address));
  };

  return {
    kb,
    byId: (id) => ids().get(id),
    byAlias: (name) => allByAlias(name)[0],
    allByAlias,
    search,
    byAddress,
    aliasEntries: aliasList,
  };
}
