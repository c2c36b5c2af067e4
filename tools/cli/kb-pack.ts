/**
 * Build and sign a knowledge pack from the compiled knowledge base (format: lib/kb/pack.ts,
 * docs/data-packs.md).
 *
 *   npm run -s kb:pack -- --key PRIVATE_KEY_FILE --out DIR [--previous PACK] [--kb COMPILED_KB]
 *
 * Writes DIR/kb-pack.json: one file, the signed manifest and the KB byte for byte. The version is the
 * creation time (YYYYMMDDhhmmss, UTC), or the previous pack's version + 1 if that is larger; with
 * --previous the manifest records the SHA-256 of the previous pack's payload. Per-source as-of dates
 * come from the KB's own source records (lib/kb/sources.ts). The private key is PKCS#8, PEM or DER
 * (`npm run -s kb:keygen`). The new pack is verified with the key's public half before the command ends.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { base64 } from '@scure/base';
import { createPack, importSigningKey, PACK_MAX_BYTES, packManifestSchema, sha256Hex, splitPack, versionOfDate, verifyPack } from '../../lib/kb/pack';
import { compiledKbSchema } from '../../lib/kb/schema';
import { sourcesOf } from '../../lib/kb/sources';
import type { CompiledKb } from '../../lib/kb/types';
import { updateWords } from '../../lib/shared/update-words';
import { english } from './english';
import { FileInputError, readRegularFile } from './read-file';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const COMPILED_FILE = join(ROOT, 'lib/kb/compiled/kb.json');
const PACK_FILE_NAME = 'kb-pack.json';
const USAGE = 'usage: kb-pack --key PRIVATE_KEY_FILE --out DIR [--previous PACK] [--kb COMPILED_KB]';
const MAX_KEY_BYTES = 16 * 1024;

class UsageError extends Error {}

/** PKCS#8 from a PEM ("BEGIN PRIVATE KEY") or DER file. */
function pkcs8Of(file: Uint8Array): Uint8Array {
  const text = new TextDecoder().decode(file);
  const pem = /-----BEGIN PRIVATE KEY-----([\s\S]+?)-----END PRIVATE KEY-----/.exec(text);
  if (pem) return base64.decode(pem[1]!.replace(/\s+/g, ''));
  if (/-----BEGIN/.test(text)) throw new FileInputError('the key file is PEM but not a PKCS#8 private key ("BEGIN PRIVATE KEY")');
  return file;
}

function parseArgs(argv: string[]): Record<'key' | 'out' | 'previous' | 'kb', string | undefined> {
  const opts: Record<string, string | undefined> = {};
  for (let i = 0; i < argv.length; i++) {
    const name = /^--(key|out|previous|kb)$/.exec(argv[i]!)?.[1];
    const value = argv[i + 1];
    if (!name || value === undefined || value.startsWith('--')) throw new UsageError(`unexpected argument: ${argv[i]}`);
    opts[name] = value;
    i++;
  }
  if (!opts.key || !opts.out) throw new UsageError('--key and --out are required');
  return { key: opts.key, out: opts.out, previous: opts.previous, kb: opts.kb };
}

/** The previous pack's version and its payload's hash (the file's own bytes, checked against its manifest). */
async function previousOf(path: string): Promise<{ version: number; hash: string }> {
  const bytes = await readRegularFile(path, PACK_MAX_BYTES);
  const parts = splitPack(bytes);
  if ('reason' in parts) throw new FileInputError(`--previous ${path}: ${updateWords(parts.why, english)}`);
  const manifest = packManifestSchema.safeParse(JSON.parse(parts.manifestText));
  if (!manifest.success) throw new FileInputError(`--previous ${path}: its manifest cannot be read`);
  const hash = await sha256Hex(parts.rest.subarray(0, manifest.data.size));
  if (parts.rest.length < manifest.data.size || hash !== manifest.data.payloadSha256) throw new FileInputError(`--previous ${path}: its payload does not match its manifest`);
  return { version: manifest.data.version, hash };
}

async function main(argv: string[]): Promise<number> {
  if (argv.length === 1 && (argv[0] === '-h' || argv[0] === '--help')) {
    console.log(USAGE);
    return 0;
  }
  const args = parseArgs(argv);
  const { privateKey, publicKey } = await importSigningKey(pkcs8Of(await readRegularFile(args.key!, MAX_KEY_BYTES))).catch((e: unknown) => {
    if (e instanceof FileInputError) throw e;
    throw new FileInputError(`${args.key}: not an Ed25519 private key (PKCS#8)`);
  });
  const kbPath = args.kb ?? COMPILED_FILE;
  const payload = await readRegularFile(kbPath, PACK_MAX_BYTES - 64 * 1024);
  let kb: CompiledKb;
  try {
    const parsed = compiledKbSchema.safeParse(JSON.parse(payload.toString('utf8')));
    if (!parsed.success) throw new FileInputError(`${kbPath} is not a valid compiled knowledge base: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
    kb = parsed.data as CompiledKb;
  } catch (e) {
    if (e instanceof FileInputError) throw e;
    throw new FileInputError(`${kbPath} is not JSON`);
  }
  const previous = args.previous ? await previousOf(args.previous) : undefined;
  const created = new Date();
  const version = Math.max(versionOfDate(created), previous ? previous.version + 1 : 0);
  const sources = sourcesOf(kb);
  const pack = await createPack({ payload, version, created, previousHash: previous?.hash ?? null, sources, privateKey, publicKey });
  const check = await verifyPack(pack, { publicKeys: [base64.encode(publicKey)], currentVersion: previous?.version ?? null });
  if (!check.ok) throw new Error(`the new pack does not verify (${check.reason}): ${updateWords(check.why, english)}`);
  mkdirSync(args.out!, { recursive: true });
  const outFile = join(args.out!, PACK_FILE_NAME);
  writeFileSync(outFile, pack);
  console.log(
    `wrote ${outFile}: version ${version}, ${statSync(outFile).size} bytes, KB ${kb.version} (${kb.entities.length} entities, ${kb.addresses.length} addresses), key ${check.keyId}` +
      `${previous ? `, after version ${previous.version}` : ''}; sources: ${sources.map((s) => `${s.name} ${s.asOf}`).join('; ')}`,
  );
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      console.error(`kb-pack: ${e instanceof Error ? e.message : String(e)}`);
      if (e instanceof UsageError) console.error(USAGE);
      process.exitCode = e instanceof UsageError ? 2 : 1;
    },
  );
}
