// @vitest-environment node
/**
 * Signed knowledge packs (lib/kb/pack.ts): a good pack verifies; every way a pack can be wrong is
 * rejected with its own reason, before the knowledge in use could be replaced.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { base64 } from '@scure/base';
import { beforeAll, describe, expect, it } from 'vitest';
import { PACK_PUBLIC_KEYS } from '../../../lib/kb/keys';
import { createPack, importSigningKey, keyIdOf, sha256Hex, splitPack, versionOfDate, verifyPack, type VerifyResult } from '../../../lib/kb/pack';
import { sourcesOf } from '../../../lib/kb/sources';
import type { CompiledKb } from '../../../lib/kb/types';
import { updateWords } from '../../../lib/shared/update-words';
import { english } from '../../../tools/cli/english';

interface TestKey {
  privateKey: CryptoKey;
  publicKey: Uint8Array;
  b64: string;
}

async function newKey(): Promise<TestKey> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  return { privateKey: pair.privateKey, publicKey, b64: base64.encode(publicKey) };
}

const source = { title: 'Test source', publisher: 'Test', url: 'https://example.org/a', date: '2026-11-01' };
const smallKb: CompiledKb = {
  version: '2026-11-01+abc',
  asOf: '2026-11-01',
  addressesAsOf: '2024-09-27',
  entities: [
    {
      id: 'lazarus-group',
      name: 'Lazarus Group',
      type: 'threat-actor',
      aliases: [{ name: 'Hidden Cobra' }],
      description: 'A North Korean state-sponsored group.',
      relations: [],
      sanctions: [],
      sources: [source],
    },
  ],
  addresses: [],
};
const enc = new TextEncoder();
const bytesOf = (kb: unknown): Uint8Array => enc.encode(JSON.stringify(kb));

let keyA: TestKey;
let keyB: TestKey;
const VERSION = 20261201120000;

async function pack(payload: Uint8Array, key: TestKey = keyA, version = VERSION, head: { kbVersion?: string; asOf?: string } = {}): Promise<Uint8Array> {
  return createPack({ payload, version, ...head, created: new Date('2026-12-01T12:00:00Z'), previousHash: null, sources: [{ name: 'Test', asOf: '2026-11-01' }], privateKey: key.privateKey, publicKey: key.publicKey });
}

/** A refusal, with why in English words (the options page's, from messages.json). */
function rejected(r: VerifyResult): { reason: string; message: string } {
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error('accepted');
  const message = updateWords(r.why, english);
  expect(message.length).toBeGreaterThan(10);
  return { reason: r.reason, message };
}

beforeAll(async () => {
  keyA = await newKey();
  keyB = await newKey();
});

describe('verifyPack', () => {
  it('accepts a pack signed with a shipped key and returns its knowledge and manifest', async () => {
    const payload = bytesOf(smallKb);
    const bytes = await pack(payload);
    const r = await verifyPack(bytes, { publicKeys: [keyA.b64], currentVersion: VERSION - 1 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.kb).toEqual(smallKb);
    expect(r.keyId).toBe(await keyIdOf(keyA.publicKey));
    expect(r.manifest).toMatchObject({ format: 1, version: VERSION, kbVersion: smallKb.version, asOf: smallKb.asOf, size: payload.length, previousHash: null });
    expect(r.manifest.payloadSha256).toBe(await sha256Hex(payload));
    // the whole file is JSON, its payload the KB itself
    const whole = JSON.parse(new TextDecoder().decode(bytes)) as { payload: unknown; manifest: string };
    expect(whole.payload).toEqual(smallKb);
    expect(JSON.parse(whole.manifest)).toEqual(r.manifest);
    // an ArrayBuffer (what fetch gives) works as well
    expect((await verifyPack(bytes.slice().buffer, { publicKeys: [keyA.b64], currentVersion: null })).ok).toBe(true);
  });

  it('accepts the real compiled knowledge base', async () => {
    const payload = new Uint8Array(readFileSync(join(import.meta.dirname, '../../../lib/kb/compiled/kb.json')));
    const kb = JSON.parse(new TextDecoder().decode(payload)) as CompiledKb;
    const bytes = await createPack({ payload, version: VERSION, created: new Date(), previousHash: null, sources: sourcesOf(kb), privateKey: keyA.privateKey, publicKey: keyA.publicKey });
    const r = await verifyPack(bytes, { publicKeys: [keyA.b64], currentVersion: null });
    expect(r.ok && r.kb.entities.length).toBe(kb.entities.length);
  });

  it('a changed byte in the payload: hash-mismatch', async () => {
    const bytes = await pack(bytesOf(smallKb));
    const at = new TextDecoder().decode(bytes).lastIndexOf('North Korean');
    const tampered = bytes.slice();
    tampered[at] = 'S'.charCodeAt(0); // "South Korean", same length
    expect(rejected(await verifyPack(tampered, { publicKeys: [keyA.b64], currentVersion: null })).reason).toBe('hash-mismatch');
  });

  it('a changed byte in the manifest: bad-signature', async () => {
    const bytes = await pack(bytesOf(smallKb));
    const text = new TextDecoder().decode(bytes);
    const at = text.indexOf(String(VERSION));
    const tampered = bytes.slice();
    tampered[at] = '9'.charCodeAt(0); // a far newer version, still a valid manifest
    const r = rejected(await verifyPack(tampered, { publicKeys: [keyA.b64], currentVersion: null }));
    expect(r.reason).toBe('bad-signature');
    // and a changed byte in the signature itself
    const parts = splitPack(bytes);
    if ('reason' in parts) throw new Error(parts.reason);
    const sigAt = text.indexOf(parts.signatures[0]!.sig) + 5;
    const badSig = bytes.slice();
    badSig[sigAt] = badSig[sigAt] === 65 ? 66 : 65;
    expect(rejected(await verifyPack(badSig, { publicKeys: [keyA.b64], currentVersion: null })).reason).toBe('bad-signature');
  });

  it('signed with a key the extension does not ship: unknown-key', async () => {
    const bytes = await pack(bytesOf(smallKb), keyB);
    const r = rejected(await verifyPack(bytes, { publicKeys: [keyA.b64], currentVersion: null }));
    expect(r.reason).toBe('unknown-key');
    expect(r.message).toContain(await keyIdOf(keyB.publicKey));
    expect(rejected(await verifyPack(bytes, { publicKeys: [], currentVersion: null })).reason).toBe('unknown-key');
  });

  it('key rotation: a pack signed with the second of two shipped keys verifies', async () => {
    const r = await verifyPack(await pack(bytesOf(smallKb), keyB), { publicKeys: [keyA.b64, keyB.b64], currentVersion: null });
    expect(r.ok && r.keyId).toBe(await keyIdOf(keyB.publicKey));
  });

  it('cut off anywhere: truncated', async () => {
    const bytes = await pack(bytesOf(smallKb));
    const headerEnd = bytes.indexOf(0x0a);
    for (const cut of [10, headerEnd, headerEnd + 1, headerEnd + 40, bytes.length - 3, bytes.length - 2]) {
      const r = rejected(await verifyPack(bytes.subarray(0, cut), { publicKeys: [keyA.b64], currentVersion: null }));
      expect([cut, r.reason]).toEqual([cut, 'truncated']);
    }
    // the last newline is optional
    expect((await verifyPack(bytes.subarray(0, bytes.length - 1), { publicKeys: [keyA.b64], currentVersion: null })).ok).toBe(true);
  });

  it('extra bytes after the payload, or not a pack at all: bad-format', async () => {
    const bytes = await pack(bytesOf(smallKb));
    const longer = new Uint8Array([...bytes.subarray(0, bytes.length - 3), 0x20, ...bytes.subarray(bytes.length - 3)]);
    expect(rejected(await verifyPack(longer, { publicKeys: [keyA.b64], currentVersion: null })).reason).toBe('bad-format');
    expect(rejected(await verifyPack(enc.encode('<html>\n<body>Not found</body></html>\n'), { publicKeys: [keyA.b64], currentVersion: null })).reason).toBe('bad-format');
    expect(rejected(await verifyPack(new Uint8Array(70_000).fill(0x41), { publicKeys: [keyA.b64], currentVersion: null })).reason).toBe('bad-format');
  });

  it('a validly signed pack of knowledge in the wrong form: bad-schema', async () => {
    const bad = { ...smallKb, entities: [{ ...smallKb.entities[0], id: 'Not Kebab', sources: [] }] };
    const r = rejected(await verifyPack(await pack(bytesOf(bad)), { publicKeys: [keyA.b64], currentVersion: null }));
    expect(r.reason).toBe('bad-schema');
    expect(r.message).toMatch(/entities\.0\.id/);
    // not JSON at all, signed
    expect(rejected(await verifyPack(await pack(enc.encode('{"version":"x","asOf":"2026-01-01"'), keyA, VERSION, { kbVersion: 'x', asOf: '2026-01-01' }), { publicKeys: [keyA.b64], currentVersion: null })).reason).toBe('bad-schema');
  });

  it('older or equal version than the one in use: not-newer (no rollback)', async () => {
    const bytes = await pack(bytesOf(smallKb));
    expect(rejected(await verifyPack(bytes, { publicKeys: [keyA.b64], currentVersion: VERSION })).reason).toBe('not-newer');
    expect(rejected(await verifyPack(bytes, { publicKeys: [keyA.b64], currentVersion: VERSION + 1 })).reason).toBe('not-newer');
    expect((await verifyPack(bytes, { publicKeys: [keyA.b64], currentVersion: VERSION - 1 })).ok).toBe(true);
  });

  it('over the size cap: too-large, before anything is parsed', async () => {
    const bytes = await pack(bytesOf(smallKb));
    const r = rejected(await verifyPack(bytes, { publicKeys: [keyA.b64], currentVersion: null, maxBytes: bytes.length - 1 }));
    expect(r.reason).toBe('too-large');
    expect((await verifyPack(bytes, { publicKeys: [keyA.b64], currentVersion: null, maxBytes: bytes.length })).ok).toBe(true);
    // garbage over the default cap is refused for its size, not for its form
    expect(rejected(await verifyPack(new Uint8Array(6 * 1024 * 1024 + 1), { publicKeys: [keyA.b64], currentVersion: null })).reason).toBe('too-large');
  });

  it('a pack of another format number: unsupported-format', async () => {
    const bytes = await pack(bytesOf(smallKb));
    const text = new TextDecoder().decode(bytes).replace('{"cncKbPack":1,', '{"cncKbPack":2,');
    expect(rejected(await verifyPack(enc.encode(text), { publicKeys: [keyA.b64], currentVersion: null })).reason).toBe('unsupported-format');
  });
});

describe('keys and versions', () => {
  it('the shipped public keys are Ed25519 keys with distinct ids', async () => {
    expect(PACK_PUBLIC_KEYS.length).toBeGreaterThan(0);
    const ids = new Set<string>();
    for (const k of PACK_PUBLIC_KEYS) {
      const raw = base64.decode(k);
      expect(raw.length).toBe(32);
      await expect(crypto.subtle.importKey('raw', new Uint8Array(raw), { name: 'Ed25519' }, false, ['verify'])).resolves.toBeDefined();
      ids.add(await keyIdOf(raw));
    }
    expect(ids.size).toBe(PACK_PUBLIC_KEYS.length);
  });

  it('importSigningKey derives the public key of a PKCS#8 private key', async () => {
    const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
    const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
    const imported = await importSigningKey(pkcs8);
    expect(base64.encode(imported.publicKey)).toBe(base64.encode(raw));
  });

  it('versionOfDate: YYYYMMDDhhmmss in UTC, increasing with time', () => {
    expect(versionOfDate(new Date('2026-12-07T16:05:09.999Z'))).toBe(20261207160509);
    expect(versionOfDate(new Date('2026-12-08T00:00:00Z'))).toBeGreaterThan(versionOfDate(new Date('2026-12-07T23:59:59Z')));
  });
});

describe('sourcesOf', () => {
  it('lists each data set of the compiled KB with its as-of date from the KB\'s own records', () => {
    const kb = JSON.parse(readFileSync(join(import.meta.dirname, '../../../lib/kb/compiled/kb.json'), 'utf8')) as CompiledKb;
    const sources = sourcesOf(kb);
    const byName = (re: RegExp) => sources.find((s) => re.test(s.name));
    expect(byName(/OFAC/)?.asOf).toBe(kb.addressesAsOf);
    expect(byName(/MISP/)?.url).toMatch(/^https:\/\/github\.com\/MISP\/misp-galaxy\/tree\/[0-9a-f]{40}$/);
    const newestIncident = kb.entities
      .filter((e) => e.incident && e.sources.some((s) => s.url.includes('vault-risk-framework')))
      .map((e) => e.incident!.date)
      .filter((d) => d.length === 10)
      .sort()
      .at(-1);
    expect(byName(/DeFi exploits/)?.asOf).toBe(newestIncident);
    for (const s of sources) expect(s.asOf <= kb.asOf).toBe(true);
    expect(byName(/Hand-written/)).toBeDefined();
  });
});
