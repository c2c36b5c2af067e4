/**
 * The background's knowledge updater (lib/background/kb-updates.ts) with a fake fetch, fake permissions,
 * WXT's fake browser (storage, alarms) and a controlled clock: off by default, the schedule, the request it
 * makes (one fixed URL, no credentials, referrer or query, conditional), 304, failures and back-off, packs
 * applied or rejected (wrong key, tampered, older, oversize), and a worker restart keeping (or dropping) the
 * kept pack. Packs are real: signed with test keys by lib/kb/pack.ts.
 */
import { base64 } from '@scure/base';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { builtInVersion, createKbUpdater, UPDATE_ALARM, type KbUpdater } from '../../../lib/background/kb-updates';
import { createPack, PACK_MAX_BYTES } from '../../../lib/kb/pack';
import type { CompiledKb } from '../../../lib/kb/types';
import { SCHEDULE } from '../../../lib/kb/update-schedule';
import {
  KB_UPDATES_PACK_KEY,
  KB_UPDATES_STATE_KEY,
  parseUpdatesState,
} from '../../../lib/shared/kb-updates';
import { KB_IN_USE_KEY, parseKnowledgeInUse } from '../../../lib/shared/knowledge-in-use';

const URL_ = 'https://packs.example.org/kb/v1/kb-pack.json';
const PATTERN = 'https://packs.example.org/*';
const HOUR = 3_600_000;

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

const source = { title: 'Test source', publisher: 'Test', url: 'https://example.org/a', date: '2026-08-01' };
function kbOf(asOf: string, extra: { id: string; name: string; description: string }[] = []): CompiledKb {
  const entity = (id: string, name: string, description: string) => ({ id, name, type: 'threat-actor' as const, aliases: [], description, relations: [], sanctions: [], sources: [source] });
  return {
    version: `${asOf}+test`,
    asOf,
    addressesAsOf: '2024-09-27',
    entities: [entity('lazarus-group', 'Lazarus Group', 'A North Korean state-sponsored group.'), ...extra.map((e) => entity(e.id, e.name, e.description))],
    addresses: [],
  };
}
const BUILT_IN = kbOf('2026-08-06');
const NEWER = kbOf('2026-12-01', [{ id: 'new-group', name: 'New Group', description: 'Known only to the update.' }]);
const V_NEWER = 20261201120000;

let key: TestKey;
let otherKey: TestKey;
async function pack(kb: CompiledKb, version: number, signer: TestKey = key): Promise<Uint8Array> {
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

interface Call {
  url: string;
  init: RequestInit;
}
type Reply = Response | Error | (() => Response);

/** The world one worker sees: clock, fetch replies, permission, the knowledge it was given. */
function world() {
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

const ok = (bytes: Uint8Array, headers: Record<string, string> = {}) => new Response(new Uint8Array(bytes), { status: 200, headers });
const state = async () => parseUpdatesState((await fakeBrowser.storage.local.get(KB_UPDATES_STATE_KEY))[KB_UPDATES_STATE_KEY]);
const inUse = async () => parseKnowledgeInUse((await fakeBrowser.storage.local.get(KB_IN_USE_KEY))[KB_IN_USE_KEY]);
const alarm = () => fakeBrowser.alarms.get(UPDATE_ALARM);
const headersOf = (c: Call) => new Headers(c.init.headers);

/** Turns updates on and runs the first scheduled check (the alarm's time). */
async function onAndFirstCheck(w: ReturnType<typeof world>, u: KbUpdater): Promise<void> {
  expect((await u.setEnabled(true)).ok).toBe(true);
  w.now = (await state()).schedule!.nextCheckAt;
  await u.onAlarm(UPDATE_ALARM);
}

beforeAll(async () => {
  key = await newKey();
  otherKey = await newKey();
});
beforeEach(() => {
  fakeBrowser.reset();
});

describe('knowledge updates: off until the reader turns them on', () => {
  it('starts off: nothing is fetched, no alarm, "Check now" is refused, the built-in knowledge is in use', async () => {
    const w = world();
    const u = w.make();
    await u.onStartup();
    await u.onAlarm(UPDATE_ALARM);
    const now = await u.checkNow();
    expect(now.ok).toBe(false);
    expect(now.ok ? '' : now.message).toMatch(/Updates are off/);
    expect(w.calls).toEqual([]);
    expect(await alarm()).toBeUndefined();
    expect(await inUse()).toMatchObject({ origin: 'built-in', asOf: '2026-08-06', version: builtInVersion(BUILT_IN) });
    expect((await state()).enabled).toBe(false);
  });

  it('stays off when the browser did not grant the host', async () => {
    const w = world();
    w.granted = false;
    const u = w.make();
    const a = await u.setEnabled(true);
    expect(a.ok).toBe(false);
    expect(a.ok ? '' : a.message).toMatch(/browser has not allowed/);
    expect((await state()).enabled).toBe(false);
    expect(await alarm()).toBeUndefined();
  });

  it('turning on schedules a first check within a minute; an early alarm fetches nothing; turning off clears the alarm and gives the host back', async () => {
    const w = world();
    const u = w.make();
    const start = w.now;
    await u.setEnabled(true);
    const s = await state();
    expect(s.enabled).toBe(true);
    expect(s.schedule!.nextCheckAt).toBeGreaterThanOrEqual(start);
    expect(s.schedule!.nextCheckAt).toBeLessThanOrEqual(start + SCHEDULE.firstCheckMaxMs);
    expect((await alarm())?.scheduledTime).toBe(Math.max(s.schedule!.nextCheckAt, start + 1000));
    await u.onAlarm(UPDATE_ALARM); // not due yet
    expect(w.calls).toEqual([]);
    await u.setEnabled(false);
    expect(await alarm()).toBeUndefined();
    expect(w.removed).toEqual([[PATTERN]]);
    w.now += HOUR;
    await u.onAlarm(UPDATE_ALARM);
    expect(w.calls).toEqual([]);
  });
});

describe('knowledge updates: the request and the schedule', () => {
  it('GETs exactly the fixed URL, without credentials, referrer or query, then revalidates with the kept ETag and Last-Modified; a 304 is a success', async () => {
    const w = world();
    const u = w.make();
    w.replies.push(ok(await pack(NEWER, V_NEWER), { etag: '"v1"', 'last-modified': 'Tue, 01 Dec 2026 12:00:00 GMT' }));
    await onAndFirstCheck(w, u);
    expect(w.calls).toHaveLength(1);
    const first = w.calls[0]!;
    expect(first.url).toBe(URL_);
    expect(new URL(first.url).search).toBe('');
    expect(first.init).toMatchObject({ method: 'GET', credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-cache', redirect: 'error' });
    expect([...headersOf(first).keys()]).toEqual([]);
    const after = await state();
    expect(after.etag).toBe('"v1"');
    // about daily at random: 20-28 h after the success
    expect(after.schedule!.nextCheckAt - w.now).toBeGreaterThanOrEqual(SCHEDULE.successMinMs);
    expect(after.schedule!.nextCheckAt - w.now).toBeLessThanOrEqual(SCHEDULE.successMaxMs);
    expect((await alarm())?.scheduledTime).toBe(after.schedule!.nextCheckAt);

    w.replies.push(new Response(null, { status: 304 }));
    w.now = after.schedule!.nextCheckAt;
    await u.onAlarm(UPDATE_ALARM);
    expect(w.calls).toHaveLength(2);
    const second = headersOf(w.calls[1]!);
    expect(second.get('if-none-match')).toBe('"v1"');
    expect(second.get('if-modified-since')).toBe('Tue, 01 Dec 2026 12:00:00 GMT');
    const s = await state();
    expect(s.last).toMatchObject({ outcome: 'not-modified' });
    expect(s.schedule!.failures).toBe(0);
    expect(s.schedule!.nextCheckAt - w.now).toBeGreaterThanOrEqual(SCHEDULE.successMinMs);
    expect(w.used).toHaveLength(1); // the 304 changed nothing
  });

  it('backs off after failures (1 h, 2 h, ... less up to a fifth), keeps the knowledge, and is daily again after a success', async () => {
    const w = world();
    const u = w.make();
    w.random = 0; // no jitter
    w.replies.push(new TypeError('Failed to fetch'), new Response('nope', { status: 503, statusText: 'Service Unavailable' }));
    await onAndFirstCheck(w, u);
    let s = await state();
    expect(s.last).toMatchObject({ outcome: 'failed', reason: 'network' });
    expect(s.last!.message).toMatch(/Could not reach packs\.example\.org/);
    expect(s.schedule!.nextCheckAt - w.now).toBe(HOUR);
    w.now = s.schedule!.nextCheckAt;
    await u.onAlarm(UPDATE_ALARM);
    s = await state();
    expect(s.last).toMatchObject({ outcome: 'failed', reason: 'http' });
    expect(s.last!.message).toContain('503 Service Unavailable');
    expect(s.schedule!.failures).toBe(2);
    expect(s.schedule!.nextCheckAt - w.now).toBe(2 * HOUR);
    expect(w.used).toEqual([]);
    expect((await inUse())?.origin).toBe('built-in');

    w.replies.push(ok(await pack(NEWER, V_NEWER)));
    w.now = s.schedule!.nextCheckAt;
    await u.onAlarm(UPDATE_ALARM);
    s = await state();
    expect(s.schedule!.failures).toBe(0);
    expect(s.schedule!.nextCheckAt - w.now).toBe(SCHEDULE.successMinMs);
  });

  it('"Check now" runs at once, but not again within a minute of the last check', async () => {
    const w = world();
    const u = w.make();
    await u.setEnabled(true);
    w.replies.push(new Response(null, { status: 304 }), new Response(null, { status: 304 }));
    expect((await u.checkNow()).ok).toBe(true);
    expect(w.calls).toHaveLength(1);
    w.now += 30_000;
    const refused = await u.checkNow();
    expect(refused.ok).toBe(false);
    expect(refused.ok ? 0 : refused.retryAt).toBe(w.now + 30_000);
    expect(w.calls).toHaveLength(1);
    w.now += 30_000;
    expect((await u.checkNow()).ok).toBe(true);
    expect(w.calls).toHaveLength(2);
  });

  it('fetches nothing when the reader withdrew the host permission in the browser, and says so', async () => {
    const w = world();
    const u = w.make();
    await u.setEnabled(true);
    w.granted = false;
    await u.checkNow();
    expect(w.calls).toEqual([]);
    expect((await state()).last).toMatchObject({ outcome: 'failed', reason: 'permission' });
  });
});

describe('knowledge updates: what is applied', () => {
  it('applies a good pack: the engine gets its knowledge, the pack is kept, the as-of dates shown change', async () => {
    const w = world();
    const u = w.make();
    const bytes = await pack(NEWER, V_NEWER);
    w.replies.push(ok(bytes, { etag: '"v1"' }));
    await onAndFirstCheck(w, u);
    expect(w.used).toHaveLength(1);
    expect(w.used[0]!.entities.map((e) => e.id)).toContain('new-group');
    expect((await fakeBrowser.storage.local.get(KB_UPDATES_PACK_KEY))[KB_UPDATES_PACK_KEY]).toBe(new TextDecoder().decode(bytes));
    expect(await inUse()).toEqual({
      origin: 'update',
      version: V_NEWER,
      kbVersion: NEWER.version,
      asOf: '2026-12-01',
      sources: [{ name: 'MISP galaxy', asOf: '2026-12-01' }, { name: 'OFAC', asOf: '2026-11-30' }],
      appliedAt: w.now,
    });
    expect((await state()).last).toEqual({ at: w.now, outcome: 'applied', version: V_NEWER });
  });

  it.each([
    ['a wrong key', async () => pack(NEWER, V_NEWER, otherKey), 'unknown-key'],
    [
      'a tampered payload byte',
      async () => {
        const b = await pack(NEWER, V_NEWER);
        const at = new TextDecoder().decode(b).indexOf('Known only');
        b[at] = 'k'.charCodeAt(0);
        return b;
      },
      'hash-mismatch',
    ],
    ['a truncated file', async () => (await pack(NEWER, V_NEWER)).slice(0, 400), 'truncated'],
    ['not a pack at all', async () => new TextEncoder().encode('<html>Page not found</html>\n'), 'bad-format'],
  ])('rejects %s: nothing changes, the reason is kept in words, back-off', async (_name, make, reason) => {
    const w = world();
    const u = w.make();
    w.replies.push(ok(await make(), { etag: '"bad"' }));
    await onAndFirstCheck(w, u);
    const s = await state();
    expect(s.last).toMatchObject({ outcome: 'failed', reason });
    expect(s.last!.message!.length).toBeGreaterThan(20);
    expect(s.etag).toBeNull(); // a rejected file is fetched in full next time
    expect(s.pack).toBeNull();
    expect(s.schedule!.failures).toBe(1);
    expect(w.used).toEqual([]);
    expect((await inUse())?.origin).toBe('built-in');
    expect((await fakeBrowser.storage.local.get(KB_UPDATES_PACK_KEY))[KB_UPDATES_PACK_KEY]).toBeUndefined();
  });

  it('refuses a rollback: a pack not newer than the one in use (or than the built-in knowledge) is not applied', async () => {
    const w = world();
    const u = w.make();
    w.replies.push(ok(await pack(NEWER, V_NEWER)));
    await onAndFirstCheck(w, u);
    w.replies.push(ok(await pack(kbOf('2026-11-01'), V_NEWER - 1)), ok(await pack(NEWER, V_NEWER)));
    w.now += 2 * 60_000;
    await u.checkNow();
    w.now += 2 * 60_000;
    await u.checkNow();
    expect(w.used).toHaveLength(1);
    expect((await state()).last).toMatchObject({ outcome: 'up-to-date' });
    expect((await inUse())?.version).toBe(V_NEWER);

    // older than the built-in knowledge (2026-08-06): never applied
    fakeBrowser.reset();
    const w2 = world();
    const u2 = w2.make();
    w2.replies.push(ok(await pack(kbOf('2026-07-01'), 20260701000000)));
    await onAndFirstCheck(w2, u2);
    expect(w2.used).toEqual([]);
    expect((await inUse())?.origin).toBe('built-in');
  });

  it('refuses an oversize file without reading it (declared length) or past the cap (streamed)', async () => {
    const w = world();
    const u = w.make();
    let pulled = 0;
    const endless = () =>
      new Response(
        new ReadableStream<Uint8Array>({
          pull(c) {
            pulled += 1;
            c.enqueue(new Uint8Array(1024 * 1024));
          },
        }),
        { status: 200 },
      );
    w.replies.push(new Response('x', { status: 200, headers: { 'content-length': String(PACK_MAX_BYTES + 1) } }), endless);
    await onAndFirstCheck(w, u);
    expect((await state()).last).toMatchObject({ outcome: 'failed', reason: 'too-large' });
    w.now += 2 * 60_000;
    await u.checkNow();
    expect((await state()).last).toMatchObject({ outcome: 'failed', reason: 'too-large' });
    expect(pulled).toBeLessThanOrEqual(PACK_MAX_BYTES / (1024 * 1024) + 3);
    expect(w.used).toEqual([]);
  });
});

describe('knowledge updates: restarts', () => {
  it('a new worker verifies the kept pack again and uses it; nothing is fetched for that', async () => {
    const w = world();
    w.replies.push(ok(await pack(NEWER, V_NEWER)));
    await onAndFirstCheck(w, w.make());
    const again = world();
    const u = again.make();
    await u.ensureLoaded();
    expect(again.used).toHaveLength(1);
    expect(again.used[0]!.asOf).toBe('2026-12-01');
    expect(again.calls).toEqual([]);
    expect((await inUse())?.origin).toBe('update');
    // and it still refuses a rollback after the restart
    again.replies.push(ok(await pack(kbOf('2026-11-01'), V_NEWER - 5)));
    await u.checkNow();
    expect(again.used).toHaveLength(1);
  });

  it('a browser start re-creates a lost alarm', async () => {
    const w = world();
    await w.make().setEnabled(true);
    await fakeBrowser.alarms.clearAll();
    await world().make().onStartup();
    expect((await alarm())?.scheduledTime).toBe((await state()).schedule!.nextCheckAt);
  });

  it('drops a kept pack that no longer verifies, with the reason, and goes back to the built-in knowledge', async () => {
    const w = world();
    w.replies.push(ok(await pack(NEWER, V_NEWER), { etag: '"v1"' }));
    await onAndFirstCheck(w, w.make());
    const kept = (await fakeBrowser.storage.local.get(KB_UPDATES_PACK_KEY))[KB_UPDATES_PACK_KEY] as string;
    await fakeBrowser.storage.local.set({ [KB_UPDATES_PACK_KEY]: kept.replace('Known only', 'known only') });
    const again = world();
    await again.make().ensureLoaded();
    expect(again.used).toEqual([null]);
    const s = await state();
    expect(s.pack).toBeNull();
    expect(s.etag).toBeNull(); // so the next check downloads the pack again
    expect(s.last).toMatchObject({ outcome: 'dropped', reason: 'hash-mismatch', version: V_NEWER });
    expect(s.enabled).toBe(true);
    expect((await fakeBrowser.storage.local.get(KB_UPDATES_PACK_KEY))[KB_UPDATES_PACK_KEY]).toBeUndefined();
    expect((await inUse())?.origin).toBe('built-in');
  });

  it('drops a kept pack once the extension itself ships newer knowledge', async () => {
    const w = world();
    w.replies.push(ok(await pack(NEWER, V_NEWER)));
    await onAndFirstCheck(w, w.make());
    const later = kbOf('2027-01-15');
    const again = world();
    const u = createKbUpdaterWith(again, later);
    await u.ensureLoaded();
    const s = await state();
    expect(s.last).toMatchObject({ outcome: 'dropped', reason: 'not-newer' });
    expect(s.last!.message).toMatch(/built into this version/);
    expect((await inUse())).toMatchObject({ origin: 'built-in', asOf: '2027-01-15' });
  });
});

describe('knowledge updates: messages', () => {
  it('answers only the extension’s own pages', async () => {
    const w = world();
    const u = w.make();
    const page = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') };
    const web = { id: fakeBrowser.runtime.id, url: 'https://evil.example/', tab: { id: 3 }, frameId: 0 };
    expect(u.onMessage({ type: 'updates/check-now' }, web)).toBeUndefined();
    expect(u.onMessage({ type: 'updates/set-enabled', enabled: 'yes' }, page)).toBeUndefined();
    expect(u.onMessage({ type: 'popup/lookup', query: 'x' }, page)).toBeUndefined();
    const a = await u.onMessage({ type: 'updates/get-status' }, page);
    expect(a).toMatchObject({ ok: true, state: { enabled: false }, inUse: { origin: 'built-in' } });
  });
});

/** An updater whose built-in knowledge is `builtIn` (an extension update shipping newer knowledge). */
function createKbUpdaterWith(w: ReturnType<typeof world>, builtIn: CompiledKb): KbUpdater {
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
