/**
 * Mode 'click' in the background: nothing is injected, analysed, kept or counted before the reader asks;
 * `popup/annotate-tab` (and the keyboard command) let the annotator in and show its result. Runs against the
 * real KB and engine with WXT's fake browser; the page side is played by fakes: the annotator answering
 * `background/get-status` through `tabs.sendMessage`, the gate script (which has no message listener) through
 * its slot, called with `scripting.executeScript`.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { createBackgroundService, type InjectAnnotator, type TabUrl } from '../../../lib/background/service';
import { createTabStore, memoryArea, type TabStore } from '../../../lib/background/tab-store';
import { getHistory } from '../../../lib/history';
import type { ContentStatus, PageReadAnswer, TabAnalysisState } from '../../../lib/shared/messages';
import { saveSettings, setSiteDisabled } from '../../../lib/settings';
import { resetSettingsStorageForTests } from '../../../lib/settings/storage';
import { ARTICLE_PARAGRAPHS, content, PAGE, popup } from './senders';

const ARTICLE = ARTICLE_PARAGRAPHS.join('\n\n');
const reading = (readingId: number) => ({
  type: 'content/page-read',
  readingId,
  input: { text: ARTICLE, title: 'FBI: North Korea behind $100 million bridge hack', pageType: 'NewsArticle', structure: { paragraphs: 6, readabilityOk: true } },
});

/** What the scripts of ours in a tab answer: the gate script's status, the annotator's, or nothing (no script). */
interface FakeTab {
  status?: ContentStatus;
  /** the annotator runs in the tab (it answers messages; the gate script has stood down) */
  annotator?: boolean;
  /** messages the annotator received, and the gate script's slot calls as `gate/<call>` */
  received: string[];
}

let tabs: Map<number, FakeTab>;
let store: TabStore;
let inject: ReturnType<typeof vi.fn<InjectAnnotator>>;
let urls: Map<number, string>;

function gateStatus(pass: boolean, url = PAGE): ContentStatus {
  return { url, readingId: 0, gate: { pass, hits: pass ? ['hack'] : [] }, marks: 0 };
}

function service() {
  const urlOfTab: TabUrl = async (tabId) => urls.get(tabId);
  return createBackgroundService(store, inject, urlOfTab);
}

const state = (svc: ReturnType<typeof service>, tabId: number) => svc.onMessage({ type: 'popup/get-tab-analysis', tabId }, popup) as Promise<TabAnalysisState>;
const annotate = (svc: ReturnType<typeof service>, tabId: number) => svc.onMessage({ type: 'popup/annotate-tab', tabId }, popup) as Promise<{ ok: boolean }>;
const badge = (tabId: number) => browser.action.getBadgeText({ tabId });

beforeEach(async () => {
  fakeBrowser.reset();
  resetSettingsStorageForTests();
  tabs = new Map();
  urls = new Map();
  store = createTabStore(memoryArea());
  inject = vi.fn<InjectAnnotator>(async (tabId) => {
    // the injected annotator gates the page (synchronously in its main) and answers from then on
    const tab = tabs.get(tabId);
    if (tab?.status) tab.status = { ...tab.status, readingId: tab.status.readingId + 1 };
    if (tab) tab.annotator = true;
  });
  vi.spyOn(browser.tabs, 'sendMessage').mockImplementation((async (tabId: number, msg: { type: string }) => {
    const tab = tabs.get(tabId);
    if (!tab?.annotator) throw new Error('Could not establish connection. Receiving end does not exist.');
    tab.received.push(msg.type);
    if (msg.type === 'background/get-status') return tab.status;
    return { ok: true };
  }) as never);
  browser.scripting ??= {} as typeof browser.scripting;
  browser.scripting.executeScript = (async ({ target, args }: { target: { tabId: number }; args: [string, 'status' | 'recheck'] }) => {
    const tab = tabs.get(target.tabId);
    if (!tab) throw new Error('Cannot access contents of the page.');
    if (tab.annotator || !tab.status) return [{ frameId: 0, result: null }]; // no gate script slot
    tab.received.push(`gate/${args[1]}`);
    return [{ frameId: 0, result: args[1] === 'status' ? tab.status : true }];
  }) as never;
  await saveSettings({ mode: 'click' });
});

afterEach(() => vi.restoreAllMocks());

describe("mode 'click': before the reader asks", () => {
  it('a page passing the gate gets no annotator, no record, no badge', async () => {
    const svc = service();
    tabs.set(3, { status: gateStatus(true), received: [] });
    expect(await svc.onMessage({ type: 'content/gate-passed' }, content(3))).toEqual({ ok: false, reason: 'disabled' });
    expect(inject).not.toHaveBeenCalled();
    expect(await store.get(3)).toBeUndefined();
    expect(await badge(3)).toBe('');
    expect(await state(svc, 3)).toEqual({ state: 'click-to-annotate' });
  });

  it('a reading nobody asked for is not analysed, kept or recorded in the history', async () => {
    const svc = service();
    const answer = (await svc.onMessage(reading(1), content(3))) as PageReadAnswer;
    expect(answer).toEqual({ ok: false, reason: 'disabled' });
    expect(await store.get(3)).toBeUndefined();
    expect(await getHistory()).toEqual([]);
    expect(await badge(3)).toBe('');
  });

  it('offers the click also where the gate failed, or where no script of ours runs (site access "On click")', async () => {
    const svc = service();
    tabs.set(1, { status: gateStatus(false), received: [] });
    expect(await state(svc, 1)).toEqual({ state: 'click-to-annotate' });
    urls.set(2, PAGE); // no content script answers, but the tab is an http(s) page we may see (activeTab)
    expect(await state(svc, 2)).toEqual({ state: 'click-to-annotate' });
    urls.set(4, 'chrome://settings/');
    expect(await state(svc, 4)).toEqual({ state: 'unavailable' });
    expect(await state(svc, 5)).toEqual({ state: 'unavailable' }); // address not visible to us
  });

  it("mode 'auto' too offers the click where no script of ours runs (site access \"On click\", a tab older than the extension)", async () => {
    await saveSettings({ mode: 'auto' });
    const svc = service();
    urls.set(2, PAGE);
    expect(await state(svc, 2)).toEqual({ state: 'click-to-annotate' });
    urls.set(4, 'about:blank');
    expect(await state(svc, 4)).toEqual({ state: 'unavailable' });
    expect(await annotate(svc, 2)).toEqual({ ok: true });
    expect(inject).toHaveBeenCalledWith(2, 0);
    // the keyboard command too; where a script of ours runs, it only shows/hides (nothing to inject)
    urls.set(3, PAGE);
    await svc.command(3);
    expect(inject).toHaveBeenCalledWith(3, 0);
    tabs.set(6, { status: gateStatus(true), received: [] });
    await svc.command(6);
    expect(inject).not.toHaveBeenCalledWith(6, 0);
  });

  it('still says when annotations are off, everywhere or on the site', async () => {
    const svc = service();
    tabs.set(1, { status: gateStatus(true), received: [] });
    urls.set(2, PAGE);
    await setSiteDisabled('news.example', true);
    expect(await state(svc, 1)).toEqual({ state: 'disabled', reason: 'site-off' });
    expect(await state(svc, 2)).toEqual({ state: 'disabled', reason: 'site-off' });
    expect(await annotate(svc, 1)).toEqual({ ok: false });
    await setSiteDisabled('news.example', false);
    await saveSettings({ enabled: false });
    expect(await state(svc, 1)).toEqual({ state: 'disabled', reason: 'off' });
    expect(await annotate(svc, 2)).toEqual({ ok: false });
    expect(inject).not.toHaveBeenCalled();
  });
});

describe("mode 'click': the reader asks", () => {
  it('annotate-tab injects into the top frame; the reading is analysed, shown, recorded and counted', async () => {
    const svc = service();
    tabs.set(7, { status: gateStatus(true), received: [] });
    expect(await annotate(svc, 7)).toEqual({ ok: true });
    expect(inject).toHaveBeenCalledWith(7, 0);
    expect(await state(svc, 7)).toEqual({ state: 'analysing' });

    const answer = (await svc.onMessage(reading(1), content(7))) as PageReadAnswer;
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.plan.show).toBe(true);
    expect(answer.plan.entities.map((e) => e.id)).toEqual(expect.arrayContaining(['lazarus-group', 'tornado-cash']));
    const st = await state(svc, 7);
    expect(st).toMatchObject({ state: 'results', annotationsShown: true });
    expect(Number(await badge(7))).toBeGreaterThan(0);
    await vi.waitFor(async () => expect((await getHistory()).map((e) => e.url)).toEqual([PAGE]));
    // a re-read of the same page (the page changed) is analysed too, and keeps the reader's choice
    expect(((await svc.onMessage(reading(2), content(7))) as PageReadAnswer).ok).toBe(true);
  });

  it('works with no content script in the tab (site access "On click"): the address comes from the tab', async () => {
    const svc = service();
    urls.set(8, `${PAGE}#comments`);
    expect(await annotate(svc, 8)).toEqual({ ok: true });
    expect(inject).toHaveBeenCalledWith(8, 0);
    expect(((await svc.onMessage(reading(1), content(8))) as PageReadAnswer).ok).toBe(true);
  });

  it('records no history when history is off', async () => {
    await saveSettings({ history: false });
    const svc = service();
    tabs.set(7, { status: gateStatus(true), received: [] });
    await annotate(svc, 7);
    expect(((await svc.onMessage(reading(1), content(7))) as PageReadAnswer).ok).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(await getHistory()).toEqual([]);
  });

  it('the annotator reports a failed gate: the popup says so instead of waiting', async () => {
    const svc = service();
    tabs.set(7, { status: gateStatus(false), received: [] });
    expect(await annotate(svc, 7)).toEqual({ ok: true });
    expect(await state(svc, 7)).toMatchObject({ state: 'not-crypto-security', gateFailed: true });
  });

  it('"Analyse this page anyway" after a failed gate asks the annotator already in the page to read it all the same', async () => {
    const svc = service();
    tabs.set(7, { status: gateStatus(false), received: [] });
    await annotate(svc, 7);
    expect(await svc.onMessage({ type: 'popup/analyse-anyway', tabId: 7 }, popup)).toEqual({ ok: true });
    expect(inject).toHaveBeenCalledTimes(1); // the one from the reader's first request: no second copy
    expect(tabs.get(7)!.received).toContain('background/reread');
    expect(await state(svc, 7)).toEqual({ state: 'analysing' });
    expect(((await svc.onMessage(reading(1), content(7))) as PageReadAnswer).ok).toBe(true);
    expect(await state(svc, 7)).toMatchObject({ state: 'results', asked: true, annotationsShown: true });
  });

  it('is accepted only from extension pages', async () => {
    const svc = service();
    tabs.set(7, { status: gateStatus(true), received: [] });
    expect(svc.onMessage({ type: 'popup/annotate-tab', tabId: 7 }, content(7))).toBeUndefined();
    expect(svc.onMessage({ type: 'popup/annotate-tab', tabId: -1 }, popup)).toBeUndefined();
    expect(svc.onMessage({ type: 'popup/annotate-tab', tabId: 7 }, { ...popup, id: 'another-extension' })).toBeUndefined();
    expect(inject).not.toHaveBeenCalled();
  });

  it('when the annotator cannot be put in the page: ok false, and the tab reads as unavailable (no retry loop)', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    inject.mockRejectedValue(new Error('Cannot access contents of the page'));
    const svc = service();
    urls.set(9, 'https://chromewebstore.google.com/detail/x');
    expect(await annotate(svc, 9)).toEqual({ ok: false });
    expect(await state(svc, 9)).toEqual({ state: 'unavailable' });
    tabs.set(10, { status: gateStatus(true), received: [] });
    expect(await annotate(svc, 10)).toEqual({ ok: false });
    expect(await state(svc, 10)).toEqual({ state: 'unavailable' });
  });

  it('a new address in the tab (single-page site) waits for its own click; the running annotator is asked to read again', async () => {
    const svc = service();
    tabs.set(7, { status: gateStatus(true), received: [] });
    await annotate(svc, 7);
    expect(((await svc.onMessage(reading(1), content(7))) as PageReadAnswer).ok).toBe(true);
    const next = 'https://news.example/next-story';
    expect(await svc.onMessage(reading(2), content(7, { url: next }))).toEqual({ ok: false, reason: 'disabled' });
    expect(await badge(7)).toBe('');
    tabs.get(7)!.status = { ...gateStatus(true, next), readingId: 2 };
    expect(await state(svc, 7)).toEqual({ state: 'click-to-annotate' });
    expect(await annotate(svc, 7)).toEqual({ ok: true });
    expect(tabs.get(7)!.received).toContain('background/reread');
    expect(((await svc.onMessage(reading(3), content(7, { url: next }))) as PageReadAnswer).ok).toBe(true);
  });

  it('a navigation forgets the request: the next page waits for a click', async () => {
    const svc = service();
    tabs.set(7, { status: gateStatus(true), received: [] });
    await annotate(svc, 7);
    await svc.forgetTab(7); // tabs.onUpdated status 'loading'
    expect(await svc.onMessage(reading(1), content(7))).toEqual({ ok: false, reason: 'disabled' });
    expect(await svc.onMessage({ type: 'content/gate-passed' }, content(7))).toEqual({ ok: false, reason: 'disabled' });
    expect(inject).toHaveBeenCalledTimes(1);
  });

  it('the keyboard command annotates a waiting tab, and shows/hides an annotated one', async () => {
    const svc = service();
    tabs.set(7, { status: gateStatus(true), received: [] });
    await svc.command(7);
    expect(inject).toHaveBeenCalledWith(7, 0);
    expect(((await svc.onMessage(reading(1), content(7))) as PageReadAnswer).ok).toBe(true);
    await svc.command(7);
    expect(inject).toHaveBeenCalledTimes(1);
    expect(await store.get(7)).toMatchObject({ show: false });
    expect(tabs.get(7)!.received).toContain('background/toggle');
  });
});

describe('switching the mode', () => {
  it("auto -> click: a tab annotated before is left as it is until it loads another page", async () => {
    await saveSettings({ mode: 'auto' });
    const svc = service();
    tabs.set(7, { status: { ...gateStatus(true), readingId: 1 }, received: [] });
    expect(((await svc.onMessage(reading(1), content(7))) as PageReadAnswer).ok).toBe(true);
    await saveSettings({ mode: 'click' });
    expect(await state(svc, 7)).toMatchObject({ state: 'results', annotationsShown: true });
    expect(((await svc.onMessage(reading(2), content(7))) as PageReadAnswer).ok).toBe(true);
  });

  it('click -> auto: tabs waiting for a click are asked to check their page again (through the gate script\'s slot)', async () => {
    const svc = service();
    const [a, b] = await Promise.all([browser.tabs.create({ url: PAGE }), browser.tabs.create({ url: 'https://other.example/' })]);
    tabs.set(a.id!, { status: gateStatus(true), received: [] });
    tabs.set(b.id!, { status: gateStatus(false), received: [] });
    await saveSettings({ mode: 'auto' });
    await vi.waitFor(() => {
      expect(tabs.get(a.id!)!.received).toContain('gate/recheck');
      expect(tabs.get(b.id!)!.received).toContain('gate/recheck');
    });
    // and in mode 'auto' the gate's verdict is acted on again
    expect(await svc.onMessage({ type: 'content/gate-passed' }, content(a.id!))).toEqual({ ok: true });
  });
});
