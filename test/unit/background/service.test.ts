/**
 * The background's message router: who may send what, and what comes back. Runs against the real KB
 * and engine with WXT's fake browser.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackgroundService } from '../../../lib/background/service';
import { lookupPageUrl } from '../../../lib/background/menus';
import { createTabStore, memoryArea } from '../../../lib/background/tab-store';
import type { CardEntity, LookupResult, PageReadAnswer } from '../../../lib/shared/messages';
import { ARTICLE_PARAGRAPHS, content, ORIGIN, popup } from './senders';

const ARTICLE = [
  ...ARTICLE_PARAGRAPHS,
  'Part of the funds was frozen at three exchanges after analysts flagged the deposits, but most of the money had already been converted and moved on by the time the platforms acted.',
].join('\n\n');

describe('background service', () => {
  beforeEach(() => fakeBrowser.reset());

  it('answers content scripts in the top frame only, and ignores malformed messages', async () => {
    const svc = createBackgroundService(createTabStore(memoryArea()));
    const card = (await svc.onMessage({ type: 'content/get-entity', id: 'lazarus-group' }, content())) as CardEntity | null;
    expect(card?.name).toBe('Lazarus Group');
    expect(svc.onMessage({ type: 'content/get-entity', id: 'lazarus-group' }, content(5, { frameId: 3 }))).toBeUndefined();
    expect(svc.onMessage({ type: 'content/get-entity', id: 'lazarus-group' }, { ...content(), id: 'another-extension' })).toBeUndefined();
    expect(svc.onMessage({ type: 'content/get-entity' }, content())).toBeUndefined();
    expect(svc.onMessage({ type: 'content/fetch', url: 'https://evil.example' }, content())).toBeUndefined();
    expect(svc.onMessage('hello', content())).toBeUndefined();
  });

  it('refuses popup messages from a content script (no reading other tabs from a page)', () => {
    const svc = createBackgroundService(createTabStore(memoryArea()));
    expect(svc.onMessage({ type: 'popup/get-tab-analysis', tabId: 1 }, content())).toBeUndefined();
    expect(svc.onMessage({ type: 'popup/toggle-annotations', tabId: 1 }, content())).toBeUndefined();
    expect(svc.onMessage({ type: 'popup/lookup', query: 'lazarus' }, content())).toBeUndefined();
  });

  it('looks up the KB for extension pages', async () => {
    const svc = createBackgroundService(createTabStore(memoryArea()));
    const results = (await svc.onMessage({ type: 'popup/lookup', query: 'Hidden Cobra' }, popup)) as LookupResult[];
    expect(results[0]?.entity.id).toBe('lazarus-group');
    expect(await svc.onMessage({ type: 'popup/lookup', query: '  ' }, popup)).toEqual([]);
  });

  it('analyses a page reading, caches it for the tab and answers with a plan', async () => {
    const store = createTabStore(memoryArea());
    const svc = createBackgroundService(store);
    const answer = (await svc.onMessage(
      { type: 'content/page-read', readingId: 1, input: { text: ARTICLE, title: 'FBI: North Korea behind $100 million bridge hack', pageType: 'NewsArticle', structure: { paragraphs: 7, readabilityOk: true } } },
      content(7),
    )) as PageReadAnswer;
    expect(answer).toMatchObject({ ok: true });
    if (!answer.ok) return;
    const ids = answer.plan.entities.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining(['lazarus-group', 'tornado-cash', 'fbi']));
    for (const e of answer.plan.entities) for (const m of e.mentions) expect(ARTICLE.slice(m.start, m.end)).toBe(m.text);
    const rec = await store.get(7);
    expect(rec).toMatchObject({ phase: 'results', url: 'https://news.example/story', host: 'news.example', show: true, readingId: 1 });
  });

  it('answers the page without waiting for storage: the record is read back at once and written meanwhile', async () => {
    const area = memoryArea();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    // a storage area whose writes do not finish until released (a busy browser)
    const slow = { ...area, set: async (items: Record<string, unknown>) => held.then(() => area.set(items)) };
    const store = createTabStore(slow);
    const svc = createBackgroundService(store);
    const answer = (await svc.onMessage({ type: 'content/page-read', readingId: 1, input: { text: ARTICLE, title: 'FBI: North Korea behind $100 million bridge hack' } }, content(7))) as PageReadAnswer;
    expect(answer).toMatchObject({ ok: true, plan: { readingId: 1 } });
    expect(await store.get(7)).toMatchObject({ phase: 'results', readingId: 1 });
    expect(await area.get('tab:7')).toEqual({}); // not written yet
    // a new document in the tab while the write hangs: gone at once, and gone once the writes are done
    const forgotten = svc.forgetTab(7);
    expect(await store.get(7)).toBeUndefined();
    release();
    await forgotten;
    await vi.waitFor(async () => expect(await area.get(['tab:7', 'popup:7'])).toEqual({}));
    expect(await store.get(7)).toBeUndefined();
  });

  it('the popup gets finished results from the record without waiting for the page, and only while they apply', async () => {
    const { setSiteDisabled } = await import('../../../lib/settings');
    const area = memoryArea();
    const mark = async () => (await area.get('popup:7'))['popup:7'];
    const store = createTabStore(area);
    const svc = createBackgroundService(store);
    await svc.onMessage({ type: 'content/page-read', readingId: 1, input: { text: ARTICLE, title: 'FBI: North Korea behind $100 million bridge hack' } }, content(7));
    // the tab's content script never answers (busy page): results still come from the record
    const asked = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(() => new Promise(() => undefined));
    const state = (await svc.onMessage({ type: 'popup/get-tab-analysis', tabId: 7 }, popup)) as { state: string; annotationsShown?: boolean };
    expect(state).toMatchObject({ state: 'results', annotationsShown: true });
    // the popup's first script may read this very record without asking (a stopped worker need not start)
    const rec = await store.get(7);
    expect(await mark()).toEqual({ readingId: 1, url: rec!.url });
    // off on the site: the record no longer applies, the slow path decides (and here the page does not answer)
    await setSiteDisabled('news.example', true);
    await vi.waitFor(async () => expect(await mark()).toBeUndefined()); // the settings watcher takes the mark back
    asked.mockImplementation(async () => undefined);
    const off = (await svc.onMessage({ type: 'popup/get-tab-analysis', tabId: 7 }, popup)) as { state: string };
    expect(off.state).not.toBe('results');
    await setSiteDisabled('news.example', false);
    await vi.waitFor(async () => expect(await mark()).toEqual({ readingId: 1, url: rec!.url }));
    await svc.forgetTab(7); // a new document in the tab, or the tab closed
    expect(await mark()).toBeUndefined();
  });

  it('gate passed: injects the annotator into the sender’s own tab and frame, only from the top-frame content script', async () => {
    const inject = vi.fn(async () => undefined);
    const svc = createBackgroundService(createTabStore(memoryArea()), inject);
    expect(await svc.onMessage({ type: 'content/gate-passed' }, content(9))).toEqual({ ok: true });
    expect(inject).toHaveBeenCalledWith(9, 0);
    // a tab id or frame in the message is not used: only the sender counts
    expect(await svc.onMessage({ type: 'content/gate-passed', tabId: 3, frameId: 2 }, content(9))).toEqual({ ok: true });
    expect(inject).toHaveBeenLastCalledWith(9, 0);
    expect(svc.onMessage({ type: 'content/gate-passed' }, content(9, { frameId: 4 }))).toBeUndefined();
    expect(svc.onMessage({ type: 'content/gate-passed' }, { ...content(9), id: 'another-extension' })).toBeUndefined();
    expect(svc.onMessage({ type: 'content/gate-passed' }, { ...content(9), url: 'file:///etc/passwd' })).toBeUndefined();
    expect(svc.onMessage({ type: 'content/gate-passed' }, popup)).toBeUndefined();
    expect(inject).toHaveBeenCalledTimes(2);
  });

  it('gate passed while annotations are off (or off on the site): nothing injected, the tab is recorded as disabled', async () => {
    const { saveSettings, setSiteDisabled } = await import('../../../lib/settings');
    const inject = vi.fn(async () => undefined);
    const store = createTabStore(memoryArea());
    const svc = createBackgroundService(store, inject);
    await setSiteDisabled('news.example', true);
    expect(await svc.onMessage({ type: 'content/gate-passed' }, content(4))).toEqual({ ok: false, reason: 'disabled' });
    expect(await store.get(4)).toMatchObject({ phase: 'disabled', disabledReason: 'site-off', url: 'https://news.example/story' });
    await setSiteDisabled('news.example', false);
    await saveSettings({ enabled: false });
    expect(await svc.onMessage({ type: 'content/gate-passed' }, content(4))).toEqual({ ok: false, reason: 'disabled' });
    expect(await store.get(4)).toMatchObject({ phase: 'disabled', disabledReason: 'off' });
    expect(inject).not.toHaveBeenCalled();
  });

  it('gate passed but the injection fails: an error answer, no throw', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const svc = createBackgroundService(createTabStore(memoryArea()), async () => {
      throw new Error('Cannot access contents of the page');
    });
    expect(await svc.onMessage({ type: 'content/gate-passed' }, content(2))).toEqual({ ok: false, reason: 'error' });
  });

  it('muting applies to the sender’s own site', async () => {
    const svc = createBackgroundService(createTabStore(memoryArea()));
    expect(await svc.onMessage({ type: 'content/mute-entity', id: 'fbi' }, content())).toEqual({ ok: true });
    const { getSettings } = await import('../../../lib/settings');
    expect((await getSettings()).mutedEntities).toEqual({ 'news.example': ['fbi'] });
  });
});

describe('context menu', () => {
  it('opens the popup page with the selection as query, trimmed and capped', () => {
    const url = lookupPageUrl(`  Lazarus\n Group ${'x'.repeat(300)}`);
    expect(url.startsWith(`${ORIGIN}popup.html?q=Lazarus%20Group%20x`)).toBe(true);
    expect(decodeURIComponent(url.split('?q=')[1]!).length).toBe(200);
  });
});
