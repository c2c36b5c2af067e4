/**
 * Card data from the knowledge base: the entity with the names of the entries its relations point to
 * and the incidents attributed to it, so the card never needs a second look-up.
 */
import type { KbEntity, KbLookup } from '../kb';
import type { KbAddress } from '../kb/types';
import { addressIndex, checkAddress } from '../engine/addresses';
import { addressScreener } from '../engine/indicators/screening';
import { addressOfId } from '../shared/address-id';
import { t } from '../shared/i18n';
import type { CardEntity } from '../shared/messages';

/** Incidents listed on an actor's card. */
const MAX_CARD_INCIDENTS = 8;

export function toCardEntity(kb: KbLookup, e: KbEntity): CardEntity {
  const incidents = kb.kb.entities
    .filter((x) => x.type === 'incident' && x.incident && x.relations.some((r) => r.target === e.id && (r.type === 'attributed-to' || r.type === 'operated-by' || r.type === 'part-of')))
    .map((x) => ({ id: x.id, name: x.name, date: x.incident!.date, amountUsd: x.incident!.amountUsd }))
    .sort((a, b) => b.date.localeCompare(a.date))
    .slice(0, MAX_CARD_INCIDENTS);
  return {
    id: e.id,
    name: e.name,
    type: e.type,
    aliases: e.aliases.map((a) => ({ name: a.name, ...(a.usedBy ? { usedBy: a.usedBy } : {}) })),
    description: e.description,
    ...(e.country ? { country: e.country } : {}),
    relations: e.relations.map((r) => {
      const targetName = kb.byId(r.target)?.name;
      return { ...r, ...(targetName ? { targetName } : {}) };
    }),
    sanctions: e.sanctions,
    sources: e.sources,
    ...(e.incident
      ? {
          incident: {
            date: e.incident.date,
            victimName: e.incident.victimName,
            amountUsd: e.incident.amountUsd,
            ...(e.incident.technique ? { technique: e.incident.technique } : {}),
          },
        }
      : {}),
    ...(incidents.length ? { incidents } : {}),
    ...(e.tags ? { tags: e.tags } : {}),
    ...(e.firstSeen ? { firstSeen: e.firstSeen } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------
// Addresses (issue 18): the card of an `address` entity (id "address-<chain>-<address>", lib/engine/entities.ts)

/** EXPLORER_PLACEHOLDERS.explorerAddress of lib/kb/schema.ts (not imported: the schema brings zod into the background). */
const ADDRESS_PLACEHOLDER = '{address}';

const sanctionedIndex = new WeakMap<object, Map<string, KbAddress>>();

/** The knowledge base's chain (cryptocurrency) entry for a ticker such as "ETH" or "ETH (ARB list)". */
function chainEntry(kb: KbLookup, chain: string): KbEntity | undefined {
  const ticker = chain.split(/[\s(]/)[0]!.toUpperCase();
  return kb.kb.entities.find((e) => e.type === 'cryptocurrency' && e.links?.explorerAddress && e.aliases.some((a) => a.name === ticker));
}

/** What the card shows of a crypto address: chain, validity, the OFAC screening, a block explorer link. */
export function addressCardEntity(kb: KbLookup, id: string): CardEntity | null {
  const address = addressOfId(id);
  if (!address) return null;
  const check = checkAddress(address);
  if (!check) return null;
  let index = sanctionedIndex.get(kb.kb);
  if (!index) sanctionedIndex.set(kb.kb, (index = addressIndex(kb.kb.addresses ?? [])));
  const s = addressScreener(kb.kb, index, (x) => kb.byId(x))({ text: address, chain: check.chain, valid: check.valid, sanctioned: false });
  const template = chainEntry(kb, check.chain)?.links?.explorerAddress;
  const explorerUrl = template ? template.replace(ADDRESS_PLACEHOLDER, encodeURIComponent(address)) : undefined;
  return {
    id,
    name: address,
    type: 'address',
    aliases: [],
    description: t(check.valid ? 'cardAddressIs' : 'cardAddressIsMistyped', check.chain),
    relations: [],
    sanctions: s.listed ? [{ authority: 'OFAC', programme: s.programme ?? t('cardAddressSdnList'), date: s.date ?? s.asOf ?? '', ...(s.source ? { source: s.source } : { source: { title: t('cardAddressOfacSdnList'), url: 'https://sanctionssearch.ofac.treas.gov/' } }) }] : [],
    sources: s.source ? [s.source] : [],
    address: {
      address,
      chain: check.chain,
      valid: check.valid,
      listed: s.listed,
      asOf: s.asOf,
      ...(s.designated ? { designated: s.designated } : {}),
      ...(s.programme ? { programme: s.programme } : {}),
      ...(s.date ? { date: s.date } : {}),
      ...(s.source ? { source: s.source } : {}),
      ...(explorerUrl ? { explorerUrl } : {}),
    },
  };
}
