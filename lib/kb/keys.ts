/**
 * The public keys a knowledge pack may be signed with: raw Ed25519 keys (32 bytes), base64. Only public
 * keys ever live here; the private key is a repository secret of the pack pipeline (docs/data-packs.md).
 *
 * A list, for rotation without a gap: (1) add the new key here and ship a release; (2) once that
 * release has reached readers, switch the pipeline's signing secret to the new private key; (3) remove
 * the old key here in a later release. A pack is accepted if any key listed here verifies it; a key's
 * id (the first 8 bytes of the SHA-256 of its raw bytes, hex) tells which one signed.
 */
export const PACK_PUBLIC_KEYS: readonly string[] = [
  // 8f9ef11b890bc7ce: development key, made with `npm run -s kb:keygen` on 2026-12-07
  'AF8rn5GzAiQFDqxBA2lfHTvha61EWERUw3QVNM8xHoQ=',
];
