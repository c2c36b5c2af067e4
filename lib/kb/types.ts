/**
 * The knowledge base as the extension loads it. `lib/kb/schema.ts` validates the source files
 * against a zod schema whose inferred types must stay assignable to these.
 */
import type { EntityType } from '../shared/contract';

export interface KbSource {
  title: string;
  publisher: string;
  url: string;
  date?: string; // ISO date, YYYY or YYYY-MM or YYYY-MM-DD
}

/** Who uses a name: "MITRE", "Microsoft", "Mandiant", "CrowdStrike", "US government", "press"... */
export interface KbAlias {
  name: string;
  usedBy?: string[];
  /** the name also means something ordinary or something else: match only in context. */
  ambiguous?: boolean;
}

type AttributionLevel = 'official' | 'vendor' | 'press';

export interface KbRelation {
  type: 'alias-of' | 'part-of' | 'attributed-to' | 'operated-by' | 'successor-of' | 'affiliated-with' | 'uses' | 'victim-of';
  target: string; // id of another entry
  by?: string; // who asserts it
  level?: AttributionLevel;
  source: KbSource;
}

export interface KbSanction {
  authority: string; // "OFAC", "UN Security Council", "EU", "UK OFSI"...
  programme: string; // "DPRK3", "CYBER2", "1718 regime"...
  date: string;
  delisted?: string;
  note?: string;
  source: KbSource;
}

export interface KbIncident {
  date: string;
  victim: string; // entry id when the victim has an entry, else a name
  victimName: string;
  amountUsd: number | null; // at the time
  amountOriginal?: { value: number; unit: string }[];
  chains?: string[];
  technique?: string;
  fundsRecovered?: number | null; // USD
}

/**
 * Where to read more: the project's own site and a block explorer. For chains, `explorerAddress` and
 * `explorerTx` are URL templates with exactly one placeholder, `{address}` or `{tx}`, to be replaced
 * by the (URL-encoded) address or transaction hash:
 * `https://etherscan.io/address/{address}`.
 */
export interface KbLinks {
  website?: string;
  explorer?: string;
  explorerAddress?: string;
  explorerTx?: string;
}

export interface KbEntity {
  id: string; // kebab-case, stable
  name: string;
  type: EntityType;
  aliases: KbAlias[];
  description: string; // own words, <= 400 characters
  country?: string; // ISO 3166 alpha-2 where meaningful
  relations: KbRelation[];
  sanctions: KbSanction[];
  sources: KbSource[];
  /**
   * Names that need context. `context` lists words or phrases of which at least one must occur near
   * the mention (or in the article) for it to count.
   */
  ambiguous?: { context: string[]; note?: string };
  incident?: KbIncident;
  /** where the entry came from: 'curated' or a derived file name. */
  origin?: string;
  /** extra (additive): finer kind, e.g. 'ransomware', 'stealer', 'drainer', 'rat', 'loader', 'clipper', 'state-sponsored', 'criminal'. */
  tags?: string[];
  /** extra (additive): year or date first reported / active since, when the data says so. */
  firstSeen?: string;
  /** extra (additive): the project's website and block explorer (cryptocurrencies, chains, exchanges). */
  links?: KbLinks;
}

export interface KbAddress {
  address: string;
  chain: string; // 'BTC', 'ETH', 'TRX', ...
  asOf: string;
  entity?: string; // designated entity name or KB id, when known
  /** extra (additive): OFAC currency codes the address is listed under ('XBT', 'ETH', 'USDT'...). */
  assets?: string[];
  source: KbSource;
  /** extra (additive): where the address-to-entity link comes from, when `entity` is set. */
  entitySource?: KbSource;
}

export interface CompiledKb {
  version: string;
  asOf: string;
  /** extra (additive): as-of date of the OFAC address list (can be older than `asOf`). */
  addressesAsOf?: string;
  entities: KbEntity[];
  addresses: KbAddress[];
}
