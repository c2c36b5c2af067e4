/**
 * Addresses in the look-up (issue 17): a query shaped like a crypto address is also asked of the
 * background as an address card, so that an address the knowledge base does not have still shows its
 * chain, checksum, sanctions screening and explorer link. The popup only looks at the shape; the check
 * and the screening are the engine's own (`checkAddress`, `addressScreener`), run by the background
 * for `popup/get-entity` with an address id (lib/background/card-data.ts `addressCardEntity`).
 */

/**
 * One token of 25 to 120 letters and digits with at least one digit, optionally after a scheme such as
 * "bitcoincash:": the shapes of the chains the engine reads. A name ("Lazarus Group") never has it.
 */
const ADDRESS_SHAPE = /^(?:[a-z]{2,12}:)?(?=[0-9a-z]*\d)[0-9a-z]{25,120}$/i;

export function addressShaped(query: string): boolean {
  return ADDRESS_SHAPE.test(query.trim());
}
