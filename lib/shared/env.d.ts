/** Build-time constants (wxt.config.ts, `vite.define`): the knowledge pack's address and a test build's extra key. */
interface ImportMetaEnv {
  /** The pack URL: the published one, or in a test build http://127.0.0.1:<port>/kb/v1/kb-pack.json. */
  readonly CNC_PACK_URL?: string;
  /** Test builds only (empty otherwise): one more public key packs may be signed with (raw Ed25519, base64). */
  readonly CNC_PACK_TEST_PUBKEY?: string;
}
