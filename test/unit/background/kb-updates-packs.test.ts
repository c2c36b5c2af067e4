/**
 * The background's knowledge updater (lib/background/kb-updates.ts): packs applied or rejected (wrong key,
 * tampered, older, oversize), and a worker restart keeping (or dropping) the kept pack. Packs are real: signed
 * with test keys by lib/kb/pack.ts. The schedule and the request: kb-updates-schedule.test.ts; shared setup:
 * kb-updates-world.ts.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describe, expect, it } from 'vitest';
import { PACK_MAX_BYTES } from '../../../lib/kb/pack';
import { KB_UPDATES_PACK_KEY } from '../../../lib/shared/kb-updates';
import { alarm, createKbUpdaterWith, inUse, kbOf, NEWER, ok, onAndFirstCheck, otherKey, pack, state, useKbUpdatesWorld, V_NEWER, world } from './kb-updates-world';
import { updateWords } from '../../../lib/shared/update-words';
import { t } from '../../../lib/shared/i18n';

useKbUpdatesWorld();

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
    expect(s.last!.why).toBeDefined();
    expect(updateWords(s.last!.why!, t).length).toBeGreaterThan(20);
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
    expect(s.last!.why).toEqual({ code: 'keptNotNewer' });
    expect(updateWords(s.last!.why!, t)).toMatch(/built into this version/);
    expect((await inUse())).toMatchObject({ origin: 'built-in', asOf: '2027-01-15' });
  });
});
