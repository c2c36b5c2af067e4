/**
 * The background's knowledge updater (lib/background/kb-updates.ts) with a fake fetch, fake permissions, WXT's
 * fake browser (storage, alarms) and a controlled clock: off by default, the schedule, the request it makes (one
 * fixed URL, no credentials, referrer or query, conditional), 304, failures and back-off, and its messages.
 * Packs applied or rejected and restarts: kb-updates-packs.test.ts; shared setup: kb-updates-world.ts.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describe, expect, it } from 'vitest';
import { builtInVersion, UPDATE_ALARM } from '../../../lib/background/kb-updates';
import { SCHEDULE } from '../../../lib/kb/update-schedule';
import { alarm, BUILT_IN, headersOf, HOUR, inUse, NEWER, ok, onAndFirstCheck, pack, PATTERN, state, URL_, useKbUpdatesWorld, V_NEWER, world } from './kb-updates-world';
import { updateWords, type UpdateWhy } from '../../../lib/shared/update-words';
import { t } from '../../../lib/shared/i18n';

/** A reason in the options page's words. */
const words = (r: { why?: UpdateWhy | undefined }): string => (r.why ? updateWords(r.why, t) : '');

useKbUpdatesWorld();

describe('knowledge updates: off until the reader turns them on', () => {
  it('starts off: nothing is fetched, no alarm, "Check now" is refused, the built-in knowledge is in use', async () => {
    const w = world();
    const u = w.make();
    await u.onStartup();
    await u.onAlarm(UPDATE_ALARM);
    const now = await u.checkNow();
    expect(now.ok).toBe(false);
    expect(now.ok ? '' : words(now)).toMatch(/Updates are off/);
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
    expect(a.ok ? '' : words(a)).toMatch(/browser has not allowed/);
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
    expect(s.last!.why).toEqual({ code: 'unreachable', params: ['packs.example.org'] });
    expect(words(s.last!)).toMatch(/Could not reach packs\.example\.org/);
    expect(s.schedule!.nextCheckAt - w.now).toBe(HOUR);
    w.now = s.schedule!.nextCheckAt;
    await u.onAlarm(UPDATE_ALARM);
    s = await state();
    expect(s.last).toMatchObject({ outcome: 'failed', reason: 'http' });
    expect(s.last!.message).toBeUndefined();
    expect(words(s.last!)).toContain('503 Service Unavailable');
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
