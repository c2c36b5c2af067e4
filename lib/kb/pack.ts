/**
 * Signed data packs: a newer compiled knowledge base, delivered as one static file and accepted only if
 * it is signed with a shipped key (./keys), intact, valid, newer than the one in use and small enough.
 * Pure: WebCrypto (`crypto.subtle`, Ed25519) and zod only, so it runs in the background and in Node.
 * The format, the checks and their order: docs/data-packs.md.
 *
 * One file, valid JSON, its payload kept byte for byte (nothing is re-serialised before hashing):
 *
 *   {"cncKbPack":1,"manifest":"<the manifest as a JSON string>","signatures":[{"keyId":"…","sig":"…"}],"payload":
 *   <the compiled KB JSON, exactly manifest.size bytes>
 *   }
 *
 * The signature is Ed25519 over SIGNING_PREFIX + the manifest string's UTF-8 bytes; the manifest holds
 * the payload's SHA-256, so the signature covers the payload too.
 */
import { base64 } from '@scure/base';
import * as z from 'zod/mini';
import { compiledKbSchema } from './schema';
import type { CompiledKb } from './types';
import { whyParam, type UpdateWhy, type UpdateWhyCode } from '../shared/update-words';

const PACK_FORMAT = 1;
/** What a reader's browser accepts at most (the KB is ~1.2 MB today; the entity ceiling keeps it under ~3 MB). */
export const PACK_MAX_BYTES = 6 * 1024 * 1024;
/** Domain separation: a pack signature can never be replayed as a signature of anything else. */
const SIGNING_PREFIX = 'cnc-kb-pack/1\n';
/** The first line (envelope and manifest) is small; a longer one is not a pack. */
const MAX_HEADER_BYTES = 64 * 1024;
const MAX_SIGNATURES = 4;
const TRAILER = '\n}\n';

const isoDay = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const hex64 = z.string().check(z.regex(/^[0-9a-f]{64}$/));

const packSourceSchema = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  asOf: isoDay,
  url: z.optional(z.string().check(z.startsWith('https://'), z.maxLength(500))),
});
export type PackSource = z.infer<typeof packSourceSchema>;

export const packManifestSchema = z.object({
  format: z.int(),
  /** Monotonic: YYYYMMDDhhmmss (UTC) of creation, or the previous pack's version + 1 if that is larger. */
  version: z.int().check(z.positive(), z.lte(Number.MAX_SAFE_INTEGER)),
  /** ISO timestamp of creation. */
  created: z.string().check(z.minLength(1), z.maxLength(40)),
  /** The payload's own `version` and `asOf` (checked against the payload). */
  kbVersion: z.string().check(z.minLength(1), z.maxLength(200)),
  asOf: isoDay,
  /** SHA-256 (hex) of the previous pack's payload; null for the first pack. */
  previousHash: z.nullable(hex64),
  /** Payload bytes. */
  size: z.int().check(z.nonnegative()),
  payloadSha256: hex64,
  sources: z.array(packSourceSchema).check(z.maxLength(50)),
});
type PackManifest = z.infer<typeof packManifestSchema>;

const envelopeSchema = z.object({
  cncKbPack: z.int(),
  manifest: z.string().check(z.maxLength(MAX_HEADER_BYTES)),
  signatures: z
    .array(z.object({ keyId: z.string().check(z.regex(/^[0-9a-f]{16}$/)), sig: z.string().check(z.maxLength(200)) }))
    .check(z.minLength(1), z.maxLength(MAX_SIGNATURES)),
  payload: z.null(),
});

export type PackFailure =
  | 'too-large'
  | 'truncated'
  | 'bad-format'
  | 'unsupported-format'
  | 'unknown-key'
  | 'bad-signature'
  | 'not-newer'
  | 'hash-mismatch'
  | 'bad-schema';

export type VerifyResult =
  | { ok: true; kb: CompiledKb; manifest: PackManifest; keyId: string }
  | { ok: false; reason: PackFailure; why: PackWhy };

export interface VerifyOptions {
  /** Raw Ed25519 public keys, base64 (32 bytes each): the shipped list (./keys). */
  publicKeys: readonly string[];
  /** The version in use; a pack must be strictly newer. null: accept any version. */
  currentVersion: number | null;
  maxBytes?: number;
}

const enc = new TextEncoder();
const ED25519 = { name: 'Ed25519' } as const;

/** A copy backed by a plain ArrayBuffer, as WebCrypto's types want. */
const buf = (b: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(b);

const hex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', buf(bytes))));
}

/** A key's id: the first 8 bytes of the SHA-256 of its raw 32 bytes, in hex. */
export async function keyIdOf(rawPublicKey: Uint8Array): Promise<string> {
  return (await sha256Hex(rawPublicKey)).slice(0, 16);
}

/** YYYYMMDDhhmmss in UTC: versions sort like times and stay readable. */
export function versionOfDate(d: Date): number {
  const iso = d.toISOString();
  return Number(iso.slice(0, 19).replace(/\D/g, ''));
}

function signedBytes(manifestText: string): Uint8Array<ArrayBuffer> {
  return buf(enc.encode(SIGNING_PREFIX + manifestText));
}

/** Why a pack was refused, as a code and its parameters (lib/shared/update-words.ts words it where it is shown). */
type PackWhy = UpdateWhy<Extract<UpdateWhyCode, 'packTooLarge' | 'headerCut' | 'noHeader' | 'headerUnreadable' | 'format' | 'unknownKey' | 'badSignature' | 'manifestUnreadable' | 'notNewer' | 'incomplete' | 'wrongSize' | 'hashMismatch' | 'schema' | 'notJson' | 'descriptionMismatch'>>;

const fail = (reason: PackFailure, why: PackWhy): VerifyResult => ({ ok: false, reason, why });

export interface PackParts {
  manifestText: string;
  signatures: { keyId: string; sig: string }[];
  /** Bytes after the first line, trailer included (payload = the first manifest.size of them). */
  rest: Uint8Array;
}

/** Splits a pack into its envelope and the rest, without trusting anything. */
export function splitPack(bytes: Uint8Array): PackParts | { reason: PackFailure; why: PackWhy } {
  const nl = bytes.subarray(0, MAX_HEADER_BYTES + 1).indexOf(0x0a);
  if (nl < 0) {
    return bytes.length <= MAX_HEADER_BYTES
      ? { reason: 'truncated', why: { code: 'headerCut' } }
      : { reason: 'bad-format', why: { code: 'noHeader' } };
  }
  let envelope: z.infer<typeof envelopeSchema>;
  try {
    const parsed = envelopeSchema.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, nl)) + 'null}'));
    if (!parsed.success) throw new Error('shape');
    envelope = parsed.data;
  } catch {
    return { reason: 'bad-format', why: { code: 'headerUnreadable' } };
  }
  if (envelope.cncKbPack !== PACK_FORMAT) {
    return { reason: 'unsupported-format', why: { code: 'format', params: [envelope.cncKbPack, PACK_FORMAT] } };
  }
  return { manifestText: envelope.manifest, signatures: envelope.signatures, rest: bytes.subarray(nl + 1) };
}

async function verifySignature(parts: PackParts, publicKeys: readonly string[]): Promise<{ keyId: string } | { reason: PackFailure; why: PackWhy }> {
  const known = new Map<string, Uint8Array>();
  for (const k of publicKeys) {
    const raw = base64.decode(k);
    known.set(await keyIdOf(raw), raw);
  }
  const candidates = parts.signatures.filter((s) => known.has(s.keyId));
  if (candidates.length === 0) {
    return { reason: 'unknown-key', why: { code: 'unknownKey', params: [parts.signatures.map((s) => s.keyId).join(', ')] } };
  }
  const data = signedBytes(parts.manifestText);
  for (const s of candidates) {
    try {
      const key = await crypto.subtle.importKey('raw', buf(known.get(s.keyId)!), ED25519, false, ['verify']);
      if (await crypto.subtle.verify(ED25519, key, buf(base64.decode(s.sig)), data)) return { keyId: s.keyId };
    } catch {
      // a malformed signature is a bad signature
    }
  }
  return { reason: 'bad-signature', why: { code: 'badSignature' } };
}

/**
 * Checks a downloaded pack, cheapest and most fundamental first: size (before any parsing), header,
 * signature, manifest, version (no rollback), completeness, payload hash, then the KB schema.
 */
export async function verifyPack(input: Uint8Array | ArrayBuffer, opts: VerifyOptions): Promise<VerifyResult> {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const maxBytes = opts.maxBytes ?? PACK_MAX_BYTES;
  if (bytes.length > maxBytes) return fail('too-large', { code: 'packTooLarge', params: [bytes.length, maxBytes] });
  const parts = splitPack(bytes);
  if ('reason' in parts) return fail(parts.reason, parts.why);
  const signed = await verifySignature(parts, opts.publicKeys);
  if ('reason' in signed) return fail(signed.reason, signed.why);

  let manifest: PackManifest;
  try {
    const parsed = packManifestSchema.safeParse(JSON.parse(parts.manifestText));
    if (!parsed.success) throw new Error('shape');
    manifest = parsed.data;
  } catch {
    return fail('bad-format', { code: 'manifestUnreadable' });
  }
  if (manifest.format !== PACK_FORMAT) {
    return fail('unsupported-format', { code: 'format', params: [manifest.format, PACK_FORMAT] });
  }
  if (opts.currentVersion !== null && manifest.version <= opts.currentVersion) {
    return fail('not-newer', { code: 'notNewer', params: [manifest.version, opts.currentVersion] });
  }
  const { rest } = parts;
  if (rest.length < manifest.size + TRAILER.length - 1) {
    return fail('truncated', { code: 'incomplete', params: [rest.length, manifest.size + TRAILER.length] });
  }
  const trailer = new TextDecoder().decode(rest.subarray(manifest.size));
  if (trailer !== TRAILER && trailer !== TRAILER.slice(0, -1)) {
    return fail('bad-format', { code: 'wrongSize' });
  }
  const payload = rest.subarray(0, manifest.size);
  if ((await sha256Hex(payload)) !== manifest.payloadSha256) {
    return fail('hash-mismatch', { code: 'hashMismatch' });
  }
  let kb: CompiledKb;
  try {
    const parsed = compiledKbSchema.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload)));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      // the schema check's own words (a path and zod's text), technical, as a parameter
      return fail('bad-schema', { code: 'schema', params: [whyParam(issue ? `${issue.path.join('.') || 'top level'}: ${issue.message}` : 'invalid')] });
    }
    kb = parsed.data as CompiledKb;
  } catch {
    return fail('bad-schema', { code: 'notJson' });
  }
  if (kb.version !== manifest.kbVersion || kb.asOf !== manifest.asOf) {
    return fail('bad-schema', { code: 'descriptionMismatch' });
  }
  return { ok: true, kb, manifest, keyId: signed.keyId };
}

export interface CreatePackInput {
  /** The compiled KB JSON, exactly as it will be served. */
  payload: Uint8Array;
  version: number;
  created: Date;
  previousHash: string | null;
  sources: PackSource[];
  /** The payload's own version and as-of date; read from the payload when not given. */
  kbVersion?: string;
  asOf?: string;
  /** Ed25519 private key (usage 'sign'), and its raw public key for the key id. */
  privateKey: CryptoKey;
  publicKey: Uint8Array;
}

/**
 * Builds and signs a pack. Does not validate the payload: the packing tool does, and tests need to sign
 * bad payloads.
 */
export async function createPack(input: CreatePackInput): Promise<Uint8Array> {
  const kbHead = (input.kbVersion && input.asOf ? {} : JSON.parse(new TextDecoder().decode(input.payload))) as { version?: unknown; asOf?: unknown };
  const manifest: PackManifest = {
    format: PACK_FORMAT,
    version: input.version,
    created: input.created.toISOString(),
    kbVersion: input.kbVersion ?? String(kbHead.version ?? ''),
    asOf: input.asOf ?? String(kbHead.asOf ?? ''),
    previousHash: input.previousHash,
    size: input.payload.length,
    payloadSha256: await sha256Hex(input.payload),
    sources: input.sources,
  };
  const manifestText = JSON.stringify(manifest);
  const sig = new Uint8Array(await crypto.subtle.sign(ED25519, input.privateKey, signedBytes(manifestText)));
  const head = JSON.stringify({ cncKbPack: PACK_FORMAT, manifest: manifestText, signatures: [{ keyId: await keyIdOf(input.publicKey), sig: base64.encode(sig) }] });
  // '{…,"signatures":[…]}' -> '{…,"signatures":[…],"payload":\n'
  const header = enc.encode(`${head.slice(0, -1)},"payload":\n`);
  const trailer = enc.encode(TRAILER);
  const out = new Uint8Array(header.length + input.payload.length + trailer.length);
  out.set(header, 0);
  out.set(input.payload, header.length);
  out.set(trailer, header.length + input.payload.length);
  return out;
}

/** Imports a PKCS#8 Ed25519 private key and derives its raw public key (via its JWK). */
export async function importSigningKey(pkcs8: Uint8Array): Promise<{ privateKey: CryptoKey; publicKey: Uint8Array }> {
  const extractable = await crypto.subtle.importKey('pkcs8', buf(pkcs8), ED25519, true, ['sign']);
  const jwk = await crypto.subtle.exportKey('jwk', extractable);
  if (!jwk.x) throw new Error('not an Ed25519 private key');
  const publicKey = base64.decode(jwk.x.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(jwk.x.length / 4) * 4, '='));
  const privateKey = await crypto.subtle.importKey('pkcs8', buf(pkcs8), ED25519, false, ['sign']);
  return { privateKey, publicKey };
}
