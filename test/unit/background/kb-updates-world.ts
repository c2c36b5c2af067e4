/**
 * Shared setup of the knowledge-updater tests (kb-updates-*.test.ts): test signing keys, real packs signed by
 * lib/kb/pack.ts, and the world one worker sees (clock, fetch replies, permission, the knowledge it was given).
 */
import { base64 } from '@scure/base';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeAll, beforeEach, expect } from 'vitest';
import { createKbUpdater, UPDATE_ALARM, type KbUpdater } from '../../../lib/background/kb-updates';
import { createPack } from '../../../lib/kb/pack';
import type { CompiledKb } from '../../../lib/kb/types';
import { KB_UPDATES_STATE_KEY, parseUpdatesState } from '../../../lib/shared/kb-updates';
import { KB_IN_USE_KEY, parseKnowledgeInUse } from '../../../lib/shared/knowledge-in-use';

export const URL_ = 'https://packs.example.org/kb/v1/kb-pack.json';
export const PATTERN = 'https://packs.example.org/*';
export const HOUR = 3_600_000;

export interface TestKey {
  privateKey: CryptoKey;
  publicKey: Uint8Array;
  b64: string;
}
export async function newKey(): Promise<TestKey> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  return { privateKey: pair.privateKey, publicKey, b64: base64.encode(publicKey) };
}

export const source = { title: 'Test source', publisher: 'Test', url: 'https://example.org/a', date: '2026-08-01' };
export function kbOf(asOf: string, extra: { id: string; name: string; description: string }[] = []): CompiledKb {
  const entity = (id: string, name: string, description: string) => ({ id, name, type: 'threat-actor' as const, aliases: [], description, relations: [], sanctions: [], sources: [source] });
  return {
    version: `${asOf}+test`,
    asOf,
    addressesAsOf: '2024-09-27',
    entities: [entity('lazarus-group', 'Lazarus Group', 'A North Korean state-sponsored group.'), ...extra.map((e) => entity(e.id, e.name, e.description))],
    addresses: [],
  };
}
export const BUILT_IN = kbOf('2026-08-06');
export const NEWER = kbOf('2026-12-01', [{ id: 'new-group', name: 'New Group', description: 'Known only to the update.' }]);
export const V_NEWER = 20261201120000;

export let key: TestKey;
export let otherKey: TestKey;
export async function pack(kb: CompiledKb, version: number, signer: TestKey = key): Promise<Uint8Array> {
  return createPack({
    payload: new TextEncoder().encode(JSON.stringify(kb)),
    version,
    created: new Date('2026-12-01T12:00:00Z'),
    previousHash: null,
    sources: [{ name: 'MISP galaxy', asOf: kb.asOf }, { name: 'OFAC', asOf: '2026-11-30' }],
    privateKey: signer.privateKey,
    publicKey: signer.publicKey,
  });
}

export interface Call {
  url: string;
  init: RequestInit;
}
export type Reply = Response | Error | (() => Response);

/** The world one worker sees: clock, fetch replies, permission, the knowledge it was given. */
export function world() {
  const w = {
    now: Date.UTC(2026, 11, 7, 9, 0, 0),
    calls: [] as Call[],
    replies: [] as Reply[],
    granted: true,
    removed: [] as string[][],
    used: [] as (CompiledKb | null)[],
    random: 0.5,
    make(): KbUpdater {
      return createKbUpdater({
        url: URL_,
        hostPattern: PATTERN,
        publicKeys: [key.b64],
        builtIn: () => BUILT_IN,
        use: (kb) => void w.used.push(kb),
        fetch: async (url, init) => {
          w.calls.push({ url, init });
          const r = w.replies.shift();
          if (!r) throw new Error('no reply queued');
          if (r instanceof Error) throw r;
          return typeof r === 'function' ? r() : r;
        },
        permissions: {
          contains: async (p) => w.granted && p.origins.length === 1 && p.origins[0] === PATTERN,
          remove: async (p) => {
            w.removed.push(p.origins);
            return true;
          },
        },
        now: () => w.now,
        random: () => w.random,
        timeoutMs: 60_000,
      });
    },
  };
  return w;
}

export const ok = (bytes: Uint8Array, headers: Record<string, string> = {}) => new Response(new Uint8Array(bytes), { status: 200, headers });
export const state = async () => parseUpdatesState((await fakeBrowser.storage.local.get(KB_UPDATES_STATE_KEY))[KB_UPDATES_STATE_KEY]);
export const inUse = async () => parseKnowledgeInUse((await fakeBrowser.storage.local.get(KB_IN_USE_KEY))[KB_IN_USE_KEY]);
export const alarm = () => fakeBrowser.alarms.get(UPDATE_ALARM);
export const headersOf = (c: Call) => new Headers(c.init.headers);

/** Turns updates on and runs the first scheduled check (the alarm's time). */
export async function onAndFirstCheck(w: ReturnType<typeof world>, u: KbUpdater): Promise<void> {
  expect((await u.setEnabled(true)).ok).toBe(true);
  w.now = (await state()).schedule!.nextCheckAt;
  await u.onAlarm(UPDATE_ALARM);
}

/** New test keys before the file's tests, a fresh fake browser before each test. */
export function useKbUpdatesWorld(): void {
  beforeAll(async () => {
    key = await newKey();
    otherKey = await newKey();
  });
  beforeEach(() => {
    fakeBrowser.reset();
  });
}

/** An updater whose built-in knowledge is `builtIn` (an extension update shipping newer knowledge). */
export function createKbUpdaterWith(w: ReturnType<typeof world>, builtIn: CompiledKb): KbUpdater {
  return createKbUpdater({
    url: URL_,
    hostPattern: PATTERN,
    publicKeys: [key.b64],
    builtIn: () => builtIn,
    use: (kb) => void w.used.push(kb),
    fetch: () => Promise.reject(new Error('no fetch expected')),
    permissions: { contains: async () => true, remove: async () => true },
    now: () => w.now,
    random: () => 0.5,
    timeoutMs: 60_000,
  });
}
