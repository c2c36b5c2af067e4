/**
 * The knowledge updater's words for the options page (lib/background/kb-fetch.ts, kb-updates.ts; issue 17) go
 * through browser.i18n, and in English say exactly what they said before the move to messages.json.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fetchPack, type FetchDeps } from '../../../lib/background/kb-fetch';
import { INITIAL_UPDATES_STATE } from '../../../lib/shared/kb-updates';
import { PATTERN, URL_, useKbUpdatesWorld, world } from './kb-updates-world';
import { updateWords } from '../../../lib/shared/update-words';
import { t } from '../../../lib/shared/i18n';

useKbUpdatesWorld();

const i18n = (browser as unknown as { i18n: { getMessage: (k: string, s?: string[]) => string } }).i18n;
/** A browser whose messages are the key and its substitutions: shows which message each word came from. */
const keysOnly = () => vi.spyOn(i18n, 'getMessage').mockImplementation((k, s) => `[${k}${s ? `|${s.join('|')}` : ''}]`);

afterEach(() => vi.restoreAllMocks());

/** A check's failure message, the server answering with `reply` (or the host not allowed). */
async function failure(reply: (signal: AbortSignal) => Promise<Response>, allowed = true, timeoutMs = 30_000): Promise<string> {
  const deps: FetchDeps = {
    url: URL_,
    hostPattern: PATTERN,
    publicKeys: [],
    fetch: (_url, init) => reply(init.signal!),
    permissions: { contains: async () => allowed, remove: async () => true },
    now: () => 0,
    timeoutMs,
  };
  const r = await fetchPack(deps, INITIAL_UPDATES_STATE, null);
  return r.ok ? 'ok' : updateWords(r.why, t);
}
const aborted = (signal: AbortSignal) => new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));
const slowBody = (signal: AbortSignal) =>
  Promise.resolve(new Response(new ReadableStream({ start: (c) => signal.addEventListener('abort', () => c.error(new Error('aborted'))) })));
const brokenBody = () => Promise.resolve(new Response(new ReadableStream({ pull: (c) => c.error(new Error('reset')) })));

describe('a failed check, in words', () => {
  it('in English, word for word as before', async () => {
    expect(await failure(() => Promise.reject(new Error('x')), false)).toBe(
      'The browser no longer lets the extension reach packs.example.org. Turn updates off and on again to allow it.',
    );
    expect(await failure(aborted, true, 5)).toBe('packs.example.org did not answer within 0 seconds.');
    expect(await failure(() => Promise.reject(new TypeError('Failed to fetch')))).toBe(
      'Could not reach packs.example.org (no connection, or the address redirected elsewhere).',
    );
    expect(await failure(async () => new Response('no', { status: 404, statusText: 'Not Found' }))).toBe('packs.example.org answered “404 Not Found” instead of the update.');
    expect(await failure(async () => new Response('no', { status: 500 }))).toBe('packs.example.org answered “500” instead of the update.');
    expect(await failure(slowBody, true, 5)).toBe('The download from packs.example.org did not finish within 0 seconds.');
    expect(await failure(brokenBody)).toBe('The download from packs.example.org broke off.');
    expect(await failure(async () => new Response('x', { headers: { 'content-length': String(7 * 1024 * 1024) } }))).toBe(
      'The update is larger than the 6291456 bytes allowed; it was not downloaded in full.',
    );
  });

  it('from the browser’s messages, the host, status, seconds and size passed as they are', async () => {
    keysOnly();
    expect(await failure(() => Promise.reject(new Error('x')), false)).toBe('[uiUpdNoLongerAllowed|packs.example.org]');
    expect(await failure(aborted, true, 5)).toBe('[uiUpdNoAnswer|packs.example.org|0]');
    expect(await failure(async () => new Response('no', { status: 404, statusText: 'Not Found' }))).toBe('[uiUpdHttp|packs.example.org|404 Not Found]');
  });
});

describe("the updater's answers to the options page", () => {
  const answers = async (): Promise<string[]> => {
    const w = world();
    const u = w.make();
    const off = await u.checkNow();
    w.granted = false;
    const refused = await u.setEnabled(true);
    w.granted = true;
    await u.setEnabled(true);
    w.replies.push(new Error('offline'));
    await u.checkNow();
    const soon = await u.checkNow();
    return [off, refused, soon].map((a) => (a.ok ? 'ok' : a.why ? updateWords(a.why, t) : 'no reason'));
  };

  it('in English, word for word as before', async () => {
    expect(await answers()).toEqual([
      'Updates are off: turn them on to check.',
      'Updates stay off: the browser has not allowed the extension to reach packs.example.org.',
      'A check started less than a minute ago.',
    ]);
  });

  it('from the browser’s messages', async () => {
    keysOnly();
    expect(await answers()).toEqual(['[uiUpdOffCheck]', '[uiUpdStayOff|packs.example.org]', '[uiUpdTooSoon]']);
  });
});
