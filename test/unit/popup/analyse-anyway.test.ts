/**
 * "Analyse this page anyway" in the background (`popup/analyse-anyway`, lib/background/reader-requests.ts): a
 * page that was read but not taken as an article, or never read because its quick gate failed, is read (again),
 * kept as results whatever the checks say, marked, and answered to the popup as asked for.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackgroundService } from '../../../lib/background/service';
import { createTabStore, memoryArea } from '../../../lib/background/tab-store';
import type { PageReadAnswer, TabAnalysisState } from '../../../lib/shared/messages';
import { parseTabAnalysisState } from '../../../lib/shared/messages';
import { setSiteDisabled } from '../../../lib/settings';
import { ARTICLE_PARAGRAPHS, PAGE, content, popup } from '../background/senders';

const TITLE = 'FBI: North Korea behind $100 million bridge hack';
/** The article in a page whose text is mostly links: the engine does not take it as an article. */
const read = (readingId: number) => ({
  type: 'content/page-read',
  readingId,
  input: { text: ARTICLE_PARAGRAPHS.join('\n\n'), title: TITLE, structure: { paragraphs: 6, linkDensity: 0.62 } },
});

/** The page's side: the annotator's status, and its answer to a request to read again. */
function fakePage(status: { readingId: number; pass: boolean } | null) {
  const sent: string[] = [];
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (_tab: number, msg: { type: string }) => {
    sent.push(msg.type);
    if (msg.type === 'background/get-status') return status ? { url: PAGE, readingId: status.readingId, gate: { pass: status.pass, hits: [] }, marks: 0 } : undefined;
    if (msg.type === 'background/reread') return status ? { ok: true } : undefined;
    return { ok: true };
  }) as never);
  return sent;
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('background: analyse this page anyway', () => {
  it('reads a missed page again, keeps it as results and marks it; the popup is told the reader asked', { timeout: 30_000 }, async () => {
    const area = memoryArea();
    const store = createTabStore(area);
    const svc = createBackgroundService(store);
    expect(await svc.onMessage(read(1), content(5))).toEqual({ ok: false, reason: 'not-detected' });
    expect(await area.get('popup:5')).toEqual({}); // not the popup's answer: nothing for its first script
    const sent = fakePage({ readingId: 1, pass: true });
    const missed = (await svc.onMessage({ type: 'popup/get-tab-analysis', tabId: 5 }, popup)) as TabAnalysisState;
    expect(missed.state).toBe('not-article');

    expect(await svc.onMessage({ type: 'popup/analyse-anyway', tabId: 5 }, popup)).toEqual({ ok: true });
    expect(sent).toContain('background/reread');
    expect(((await svc.onMessage({ type: 'popup/get-tab-analysis', tabId: 5 }, popup)) as TabAnalysisState).state).toBe('analysing');

    // the annotator reads again: this reading is kept as results and gets a plan with marks, shown
    const answer = (await svc.onMessage(read(2), content(5))) as PageReadAnswer;
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.plan.show).toBe(true);
    expect(answer.plan.entities.map((e) => e.id)).toEqual(expect.arrayContaining(['lazarus-group']));

    const state = (await svc.onMessage({ type: 'popup/get-tab-analysis', tabId: 5 }, popup)) as TabAnalysisState;
    expect(state).toMatchObject({ state: 'results', asked: true, annotationsShown: true });
    // the popup's check accepts it, and the kept answer is marked for the popup's first script
    expect(parseTabAnalysisState(state)).toMatchObject({ state: 'results', asked: true });
    expect(await area.get('popup:5')).toEqual({ 'popup:5': { readingId: 2, url: PAGE } });
    expect(await store.get(5)).toMatchObject({ phase: 'results', readingId: 2, forced: true });

    // later readings of the same page stay results (a page that changes is read again)
    expect(await svc.onMessage(read(3), content(5))).toMatchObject({ ok: true });
  });

  it('reads a page whose quick gate failed: the annotator is put in and asked to read it whatever the gate says', { timeout: 30_000 }, async () => {
    const area = memoryArea();
    const store = createTabStore(area);
    // the page: only the gate script (its status through its slot) until the annotator is put in
    let annotator = false;
    const sent: unknown[] = [];
    const status = { url: PAGE, readingId: 0, gate: { pass: false, hits: [] }, marks: 0 };
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (_tab: number, msg: { type: string }) => {
      if (!annotator) return undefined;
      sent.push(msg);
      return msg.type === 'background/get-status' ? status : { ok: true };
    }) as never);
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((async () => [{ frameId: 0, result: annotator ? null : status }]) as never);
    const inject = vi.fn(async () => {
      annotator = true;
    });
    const svc = createBackgroundService(store, inject);
    const tabState = async () => (await svc.onMessage({ type: 'popup/get-tab-analysis', tabId: 5 }, popup)) as TabAnalysisState;

    // the popup is told that the quick check said no, and that the page can still be read
    expect(await tabState()).toMatchObject({ state: 'not-crypto-security', gateFailed: true });
    expect(parseTabAnalysisState(await tabState())).toMatchObject({ gateFailed: true });

    expect(await svc.onMessage({ type: 'popup/analyse-anyway', tabId: 5 }, popup)).toEqual({ ok: true });
    expect(inject).toHaveBeenCalledWith(5, 0);
    expect(sent).toContainEqual({ type: 'background/reread', asked: true });
    expect(await store.get(5)).toMatchObject({ url: PAGE, phase: 'analysing', forced: true, requested: true, show: true });
    // the annotator is in and its gate still says no: the popup waits for the reading the reader asked for
    expect((await tabState()).state).toBe('analysing');

    const answer = (await svc.onMessage(read(1), content(5))) as PageReadAnswer;
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.plan.show).toBe(true);
    expect(answer.plan.entities.map((e) => e.id)).toEqual(expect.arrayContaining(['lazarus-group']));
    expect(await tabState()).toMatchObject({ state: 'results', asked: true, annotationsShown: true });

    // the request covers this page only: the tab loads another page, which the gate judges again
    await svc.forgetTab(5);
    annotator = false;
    expect(await tabState()).toMatchObject({ state: 'not-crypto-security', gateFailed: true });
  });

  it('refuses when the page cannot be read: annotations off for the site, no annotator can be put in, or not asked by an extension page', async () => {
    const store = createTabStore(memoryArea());
    const status = { url: PAGE, readingId: 0, gate: { pass: false, hits: [] }, marks: 0 };
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined as never);
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((async () => [{ frameId: 0, result: status }]) as never);
    const inject = vi.fn(async () => {
      throw new Error('Cannot access contents of the page.');
    });
    const svc = createBackgroundService(store, inject);
    expect(await svc.onMessage({ type: 'popup/analyse-anyway', tabId: 5 }, popup)).toEqual({ ok: false });
    expect(await store.get(5)).toBeUndefined(); // nothing kept of the request

    await setSiteDisabled('news.example', true);
    inject.mockClear();
    expect(await svc.onMessage({ type: 'popup/analyse-anyway', tabId: 5 }, popup)).toEqual({ ok: false });
    expect(inject).not.toHaveBeenCalled();
    // not from a page: only the extension's own pages may ask
    expect(svc.onMessage({ type: 'popup/analyse-anyway', tabId: 5 }, content(5))).toBeUndefined();
  });

  it('keeps the page as it was when the page does not answer the request to read again', async () => {
    const store = createTabStore(memoryArea());
    const svc = createBackgroundService(store);
    await svc.onMessage(read(1), content(5));
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (_tab: number, msg: { type: string }) =>
      msg.type === 'background/get-status' ? { url: PAGE, readingId: 1, gate: { pass: true, hits: [] }, marks: 0 } : undefined) as never);
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([] as never);
    expect(await svc.onMessage({ type: 'popup/analyse-anyway', tabId: 5 }, popup)).toEqual({ ok: false });
    expect(await store.get(5)).toMatchObject({ phase: 'not-article', readingId: 1 });
  });
});
