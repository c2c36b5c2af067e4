/**
 * Where knowledge packs are published (docs/data-packs.md): one static file on the project's GitHub
 * Pages, the same for every reader. No imports: wxt.config.ts reads it to write the manifest's optional
 * host permission, and the extension's code gets the address fixed at build time (./kb-updates.ts).
 */
export const PUBLISHED_PACK_URL = 'https://crypto-news-context.github.io/crypto-news-context/kb/v1/kb-pack.json';

/**
 * A test build (`CNC_PACK_URL` set when building) fetches from a pack server on this machine instead; no
 * other address is accepted at build time, so a build can never be pointed at another host.
 */
export const TEST_PACK_URL = /^http:\/\/127\.0\.0\.1:\d{2,5}\/kb\/v1\/kb-pack\.json$/;

/** The match pattern of the pack's host (patterns carry no port): the optional host permission. */
export function packHostPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}
