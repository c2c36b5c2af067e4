/**
 * The popup's one renderer: the first script's questions (first-load.ts) read the answer the background keeps
 * in storage.session; the app checks it with the schema of its messages and renders it with the components at
 * its first render. Also the sections' stored state and the related-coverage homepage rule.
 */
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '../../../components/popup/Popup';
import { isHomepageLink, splitRelated } from '../../../components/popup/Related';
import { readKeptAnswer, startFirstLoad, type RawApi } from '../../../components/popup/first-load';
import { parsePopupParams } from '../../../components/popup/params';
import { parseSectionsOpen } from '../../../components/popup/sections';
import { firstView, fromFirstLoad } from '../../../components/popup/tab-load';
import { parseTabAnalysisState } from '../../../lib/shared/messages';
import { ANALYSIS, fakeBackend } from './fixtures';

afterEach(() => cleanup());

const URL_ = 'https://ledgerstreet.example/news/un-monitors';
const record = (over: Record<string, unknown> = {}) => ({ url: URL_, host: 'ledgerstreet.example', phase: 'results', readingId: 3, show: true, analysis: ANALYSIS, updatedAt: 1, ...over });

/** The browser's own API as the first script sees it: storage and a background that answers `answer` (or never). */
function rawApi(session: Record<string, unknown>, answer: unknown | 'never' = 'never', local: Record<string, unknown> = {}): RawApi & { sendMessage: ReturnType<typeof vi.fn> } {
  const sendMessage = vi.fn(() => (answer === 'never' ? new Promise(() => undefined) : Promise.resolve(answer)));
  return {
    sendMessage,
    runtime: { sendMessage },
    storage: {
      session: { get: async (keys: string[]) => Object.fromEntries(keys.filter((k) => k in session).map((k) => [k, session[k]])) },
      local: { get: async (keys: string[]) => Object.fromEntries(keys.filter((k) => k in local).map((k) => [k, local[k]])) },
    },
    tabs: { get: async (id: number) => ({ id, url: URL_, title: 'Tab' }), getCurrent: async () => undefined, query: async () => [] },
  };
}

describe('the kept answer (storage.session)', () => {
  it('is read only when the background marked this very record as the popup’s answer', async () => {
    expect(await readKeptAnswer(rawApi({ 'tab:7': record(), 'popup:7': { readingId: 3, url: URL_ } }), 7)).toEqual({ state: 'results', analysis: ANALYSIS, annotationsShown: true });
    // a record rewritten for a newer reading, or another address, no longer matches its mark
    expect(await readKeptAnswer(rawApi({ 'tab:7': record({ readingId: 4 }), 'popup:7': { readingId: 3, url: URL_ } }), 7)).toBeNull();
    expect(await readKeptAnswer(rawApi({ 'tab:7': record({ url: `${URL_}?b` }), 'popup:7': { readingId: 3, url: URL_ } }), 7)).toBeNull();
    expect(await readKeptAnswer(rawApi({ 'tab:7': record() }), 7)).toBeNull();
    expect(await readKeptAnswer(rawApi({ 'tab:7': record({ phase: 'not-article' }), 'popup:7': { readingId: 3, url: URL_ } }), 7)).toBeNull();
    // analysed because the reader asked
    expect(await readKeptAnswer(rawApi({ 'tab:7': record({ forced: true }), 'popup:7': { readingId: 3, url: URL_ } }), 7)).toMatchObject({ asked: true });
  });

  it('is rendered by the app’s components at the first render, without waiting for the background', async () => {
    const api = rawApi({ 'tab:7': record(), 'popup:7': { readingId: 3, url: URL_ } }, 'never', { 'popup.sections': { disclaimers: true } });
    const load = fromFirstLoad(startFirstLoad(api, 7), Promise.resolve(null));
    const initial = await firstView(load, 50);
    expect(initial.state?.state).toBe('results');
    expect(initial.sections).toEqual({ disclaimers: true });
    const { backend } = fakeBackend();
    render(<Popup backend={backend} params={parsePopupParams('?tab=7')} pageUrl="p.html" load={load} initial={initial} />);
    // synchronously: the first render holds the results (title, summary, key facts), not a loading state
    expect(screen.getByRole('heading', { level: 2, name: ANALYSIS.title! })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Key facts' })).toBeTruthy();
    expect(screen.queryByText('Loading…')).toBeNull();
    expect(screen.getByRole('button', { name: 'Disclaimers' }).getAttribute('aria-expanded')).toBe('true');
    expect(api.sendMessage).toHaveBeenCalledWith({ type: 'popup/get-tab-analysis', tabId: 7 });
    expect(backend.getTabAnalysis).not.toHaveBeenCalled(); // the first script's question is the one used
  });

  it('is checked with the messages’ schema: a kept answer that fails it is not shown, the background’s answer is', async () => {
    const bad = record({ analysis: { ...ANALYSIS, entities: [{ id: 'x', name: 'X', type: 'not-a-type', mentions: [], inferred: false }] } });
    const answer = { state: 'not-crypto-security', reasons: [{ code: 'notCryptoSecurity' }] };
    const load = fromFirstLoad(startFirstLoad(rawApi({ 'tab:7': bad, 'popup:7': { readingId: 3, url: URL_ } }, answer), 7), Promise.resolve(null));
    expect(await load.kept).toBeNull();
    expect((await firstView(load, 50)).state).toBeNull();
    expect(await load.state).toEqual({ tabId: 7, state: answer });
  });

  it('a background answer that is not a state counts as unavailable; a stopped background does not hold up the first render', async () => {
    const load = fromFirstLoad(startFirstLoad(rawApi({}, { state: 'results', analysis: { title: 5 } }), 7), Promise.resolve(null));
    expect(await load.state).toEqual({ tabId: 7, state: { state: 'unavailable' } });
    const silent = fromFirstLoad(startFirstLoad(rawApi({}), 7), Promise.resolve(null));
    const t0 = Date.now();
    expect((await firstView(silent, 30)).state).toBeNull();
    expect(Date.now() - t0).toBeLessThan(1_000);
  });

  it('the schema keeps what the popup reads and bounds it', () => {
    const ok = parseTabAnalysisState({ state: 'results', analysis: ANALYSIS, annotationsShown: true });
    expect(ok).toEqual({ state: 'results', analysis: ANALYSIS, annotationsShown: true });
    expect(parseTabAnalysisState({ state: 'results', analysis: { ...ANALYSIS, title: 'x'.repeat(5_000) }, annotationsShown: true })).toBeUndefined();
    expect(parseTabAnalysisState({ state: 'disabled', reason: 'because' })).toBeUndefined();
    expect(parseTabAnalysisState({ state: 'whatever' })).toBeUndefined();
    expect(parseTabAnalysisState(null)).toBeUndefined();
  });
});

describe('the sections’ stored state', () => {
  it('keeps known sections with a boolean, nothing else', () => {
    expect(parseSectionsOpen({ names: true, related: false, timeline: 'yes', other: true })).toEqual({ names: true, related: false });
    expect(parseSectionsOpen(null)).toEqual({});
    expect(parseSectionsOpen([true])).toEqual({});
  });
});

describe('related coverage without homepages', () => {
  it('drops links to a site’s root or to its own pages, keeps coverage and searches', () => {
    const item = (title: string, url: string, kind: 'incident' | 'source' | 'search' = 'source') => ({ title, url, why: 'test', kind });
    expect(isHomepageLink(item('Ronin bridge hack', 'https://example.org/ronin'))).toBe(false);
    expect(isHomepageLink(item('Chainalysis', 'https://www.chainalysis.com/'))).toBe(true);
    expect(isHomepageLink(item('Chainalysis', 'https://www.chainalysis.com'))).toBe(true);
    expect(isHomepageLink(item('About Us', 'https://news.example/company/about'))).toBe(true);
    expect(isHomepageLink(item('  HOME  ', 'https://news.example/index.html'))).toBe(true);
    expect(isHomepageLink(item('About us — Ledger Street', 'https://news.example/x'))).toBe(false); // a title that only starts so
    expect(isHomepageLink(item('Home Depot breach report', 'https://news.example/x'))).toBe(false);
    expect(isHomepageLink(item('Search', 'https://duckduckgo.com/?q=lazarus'))).toBe(false); // a query is not a homepage
    const { coverage, searches } = splitRelated([
      item('Ronin bridge hack', 'https://example.org/ronin', 'incident'),
      item('About Us', 'https://example.org/about'),
      item('Example', 'https://example.org/'),
      item('Search the web', 'https://duckduckgo.com/?q=x', 'search'),
    ]);
    expect(coverage.map((c) => c.title)).toEqual(['Ronin bridge hack']);
    expect(searches.map((c) => c.title)).toEqual(['Search the web']);
  });
});

describe('the state schema and a key-facts block of another shape', () => {
  it('drops the block, keeps the answer (the popup builds the block from the amounts and names)', () => {
    const other = parseTabAnalysisState({ state: 'results', analysis: { ...ANALYSIS, keyFacts: { events: [] } }, annotationsShown: true });
    expect(other?.state).toBe('results');
    if (other?.state !== 'results') return;
    expect(other.analysis.keyFacts).toBeUndefined();
    expect(other.analysis.title).toBe(ANALYSIS.title);
  });
});
