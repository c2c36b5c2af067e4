/**
 * Entity ids of crypto addresses, built and read in one place: the engine names an address entity
 * "address-<chain>-<address>", the popup's look-up asks for a typed address as "address-query-<address>",
 * and the background reads the address back out of either to draw its card.
 */

const PREFIX = 'address-';

/** The id of a valid address found on a page: the chain as a lower-case slug, then the address. */
export function addressEntityId(chain: string, address: string): string {
  return `${PREFIX}${chain.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${address}`;
}

/** The id the look-up sends for an address the reader typed (exactly as typed: an EVM address's letter case carries its checksum). */
export function addressQueryId(typed: string): string {
  return `${PREFIX}query-${typed.trim()}`;
}

/**
 * The address inside an address id, or null when the id is not one. Addresses never contain a hyphen
 * (every chain the engine reads writes them in letters and digits, with at most a "scheme:" before),
 * so the address is what follows the last hyphen, whatever the chain slug holds.
 */
export function addressOfId(id: string): string | null {
  if (!id.startsWith(PREFIX)) return null;
  const address = id.slice(id.lastIndexOf('-') + 1);
  return address.length > 0 ? address : null;
}
