/**
 * The popup's first screen (components/popup/first-paint.ts): the hand check of the background's answer,
 * the first questions asked with the browser's own API, the markup drawn before Preact (the same as the
 * components'), and the Preact app taking that DOM over without a second copy.
 */
import { cleanup, render as renderTl } from '@testing-library/preact';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  applyCachedTheme,
  cachedTheme,
  checkTabAnswer,
  drawWhenAnswered,
  paintFirstScreen,
  rawApi,
  readKeptAnswer,
  startFirstLoad,
  type FirstLoad,
  type RawApi,
  type ResultsAnswer,
} from '../../../components/popup/first-paint';
import { parsePopupParams } from '../../../components/popup/params';
import { Popup } from '../../../components/popup/Popup';
import { applyTheme } from '../../../components/shared/theme';
import type { Analysis } from '../../../lib/shared/contract';
import type { TabAnalysisState } from '../../../lib/shared/messages';
import { ANALYSIS, fakeBackend } from './fixtures';

const PAGE = 'chrome-extension://abc/popup.html';
const TAB = { id: 7, url: 'https://ledgerstreet.example/news/un-monitors', title: 'Tab' };
const RESULTS = { state: 'results', analysis: ANALYSIS, annotationsShown: true } as const;

beforeEach(() => {
  localStorage.clear();
  delete document.documentElement.dataset.theme;
});
afterEach(() => {
  cleanup();
  document.body.replaceChildren();
});

const clone = <T,>(v: T): T => structuredClone(v);

describe('checkTabAnswer', () => {
  it('accepts the background’s answers', () => {
    expect(checkTabAnswer(clone(RESULTS))).toEqual(RESULTS);
    expect(checkTabAnswer({ state: 'analysing' })).toEqual({ state: 'analysing' });
    expect(checkTabAnswer({ state: 'disabled', reason: 'site-off' })).toEqual({ state: 'disabled', reason: 'site-off' });
    expect(checkTabAnswer({ state: 'not-article', reasons: ['No article text.'] })).toEqual({ state: 'not-article', reasons: ['No article text.'] });
    // an analysis without keyFacts: the block is built from amounts and entities, which are checked then
    const { keyFacts: _dropped, ...older } = clone(ANALYSIS);
    expect(checkTabAnswer({ ...RESULTS, analysis: older })).not.toBeNull();
  });

  it('refuses anything else', () => {
    const bad = (mutate: (a: Record<string, unknown>) => void) => {
      const a = clone(ANALYSIS) as unknown as Record<string, unknown>;
      mutate(a);
      return checkTabAnswer({ ...RESULTS, analysis: a });
    };
    expect(checkTabAnswer(undefined)).toBeNull();
    expect(checkTabAnswer('results')).toBeNull();
    expect(checkTabAnswer({ state: 'pwned' })).toBeNull();
    expect(checkTabAnswer({ state: 'disabled', reason: 'because' })).toBeNull();
    expect(checkTabAnswer({ state: 'not-article', reasons: 'none' })).toBeNull();
    expect(checkTabAnswer({ state: 'results', analysis: ANALYSIS })).toBeNull(); // annotationsShown missing
    expect(bad((a) => (a.title = 42))).toBeNull();
    expect(bad((a) => (a.title = 'x'.repeat(2_001)))).toBeNull();
    expect(bad((a) => (a.summary = 'one sentence'))).toBeNull();
    expect(bad((a) => (a.summary = [{ text: 'x' }]))).toBeNull();
    expect(bad((a) => (a.related = undefined))).toBeNull();
    expect(bad((a) => ((a.keyFacts as Analysis['keyFacts'])!.actors[0]!.level = 'rumour' as never))).toBeNull();
    expect(bad((a) => ((a.keyFacts as Analysis['keyFacts'])!.stolen[0]!.value = Number.NaN))).toBeNull();
    expect(bad((a) => ((a.keyFacts as { dates: unknown }).dates = [1]))).toBeNull();
    expect(
      bad((a) => {
        delete a.keyFacts;
        (a.amounts as unknown[]).push({ text: '$1', value: '1', currency: 'USD', usd: 1 });
      }),
    ).toBeNull();
  });
});

/** A fake of the browser's own API: answers in turn, counts the calls. */
function fakeApi(answer: unknown, opts: { current?: object; active?: object[]; failTabs?: boolean; failMessage?: boolean } = {}) {
  const calls: string[] = [];
  const api: RawApi = {
    runtime: {
      sendMessage: vi.fn(async (m: unknown) => {
        calls.push(`message ${JSON.stringify(m)}`);
        if (opts.failMessage) throw new Error('no receiver');
        return answer;
      }),
    },
    tabs: {
      get: vi.fn(async (id: number) => {
        calls.push(`get ${id}`);
        if (opts.failTabs) throw new Error('no tab');
        return { ...TAB, id };
      }),
      getCurrent: vi.fn(async () => (calls.push('getCurrent'), opts.current)),
      query: vi.fn(async () => (calls.push('query'), opts.active ?? [TAB])),
    },
  };
  return { api, calls };
}

describe('startFirstLoad', () => {
  it('with ?tab asks for the state at once, alongside tabs.get', async () => {
    const { api, calls } = fakeApi(clone(RESULTS));
    const load = startFirstLoad(api, 7);
    // both asked before either answered
    expect(calls).toEqual(['get 7', 'message {"type":"popup/get-tab-analysis","tabId":7}']);
    expect(await load.tab).toEqual(TAB);
    const answer = await load.state;
    expect(answer?.tabId).toBe(7);
    expect(answer?.checked).toEqual(RESULTS);
    expect(answer?.state).toEqual(RESULTS);
  });

  it('without ?tab asks about the active tab; none in a tab of its own', async () => {
    const active = fakeApi({ state: 'analysing' }, { active: [{ id: 12, url: 'https://a.example/x' }] });
    const load = startFirstLoad(active.api, null);
    expect(await load.tab).toEqual({ id: 12, url: 'https://a.example/x', title: null });
    expect((await load.state)?.tabId).toBe(12);
    expect(active.calls).toContain('message {"type":"popup/get-tab-analysis","tabId":12}');

    const own = fakeApi({ state: 'analysing' }, { current: { id: 3 } });
    const none = startFirstLoad(own.api, null);
    expect(await none.tab).toBeNull();
    expect(await none.state).toBeNull();
    expect(own.calls.some((c) => c.startsWith('message'))).toBe(false);
  });

  it('an error or no answer is unavailable; an unchecked answer is passed on as before, but not drawn', async () => {
    const failing = startFirstLoad(fakeApi(null, { failMessage: true, failTabs: true }).api, 7);
    expect(await failing.tab).toEqual({ id: 7, url: null, title: null });
    expect(await failing.state).toEqual({ tabId: 7, state: { state: 'unavailable' }, checked: { state: 'unavailable' } });
    expect(await startFirstLoad(fakeApi(undefined).api, 7).state).toEqual({ tabId: 7, state: { state: 'unavailable' }, checked: null });
    const odd = { state: 'results', analysis: { title: 1 }, annotationsShown: true };
    expect(await startFirstLoad(fakeApi(odd).api, 7).state).toEqual({ tabId: 7, state: odd, checked: null });
  });

  it('finds the browser’s own API: browser first, then chrome', () => {
    const b = fakeApi(null).api;
    const c = fakeApi(null).api;
    expect(rawApi({ browser: b, chrome: c })).toBe(b);
    expect(rawApi({ chrome: c })).toBe(c);
    expect(rawApi({})).toBeNull();
  });
});

describe('the first screen', () => {
  function painted(params = '?tab=7', tab: typeof TAB | null = TAB, state: TabAnalysisState = clone(RESULTS)) {
    const root = document.createElement('div');
    root.id = 'app';
    document.body.append(root);
    paintFirstScreen(root, state as ResultsAnswer, tab, parsePopupParams(params));
    return root;
  }

  it('shows the title, site and date, summary and key facts as text', () => {
    const root = painted();
    const article = root.querySelector('article.results')!;
    expect(article.querySelector('h2#article-title')!.textContent).toBe(ANALYSIS.title);
    expect(article.querySelector('.article-meta')!.textContent).toBe('Ledger Street · 7 Aug 2019');
    expect(article.querySelector('.summary')!.textContent).toBe(ANALYSIS.summary.join(' '));
    const facts = article.querySelector('dl.facts')!.textContent!;
    for (const text of ['$2 billion', '401,347 ETH (about $1.46 billion)', 'Lazarus Group', 'official attribution', 'according to FBI', 'Bangladesh Bank', '7 Aug 2019']) {
      expect(facts).toContain(text);
    }
  });

  it('never parses page text as HTML', () => {
    const state = clone(RESULTS) as { analysis: Analysis };
    state.analysis.title = '<img src=x onerror=alert(1)>Title';
    state.analysis.summary = ['<b>bold</b> claim.'];
    const root = painted('?tab=7', TAB, state as unknown as TabAnalysisState);
    expect(root.querySelector('img, b')).toBeNull();
    expect(root.querySelector('#article-title')!.textContent).toBe('<img src=x onerror=alert(1)>Title');
  });

  it('draws the controls as inert copies: nothing to focus or click until the app is in', () => {
    const root = painted();
    const controls = [...root.querySelectorAll('button, input')];
    expect(controls.length).toBeGreaterThan(0);
    for (const c of controls) expect(c.closest('[inert]'), c.outerHTML).not.toBeNull();
    // the results themselves are not inert: a screen reader reads them at once
    expect(root.querySelector('article.results')!.closest('[inert]')).toBeNull();
    expect(root.querySelector('.summary')!.closest('[inert]')).toBeNull();
    expect(root.querySelector('.article-controls button')!.textContent).toBe('Turn off on ledgerstreet.example');
    expect(root.querySelectorAll('.head-actions button')).toHaveLength(2);
    expect(painted('?tab=7&full=1').querySelectorAll('.popup.full .head-actions button')).toHaveLength(1);
  });

  it('is the components’ first screen, element for element', async () => {
    const root = painted();
    const { backend } = fakeBackend();
    const { container } = renderTl(<Popup backend={backend} params={parsePopupParams('?tab=7')} pageUrl={PAGE} initial={{ tab: TAB, state: clone(RESULTS) }} />);
    const ours = root.querySelector('article.results')!;
    const theirs = container.querySelector('article.results')!;
    const strip = (el: Element) => {
      const c = el.cloneNode(true) as Element;
      c.querySelectorAll('[inert]').forEach((n) => n.removeAttribute('inert'));
      return c;
    };
    // header (title, meta, controls), summary and key facts
    expect(strip(ours.querySelector('header')!).outerHTML).toBe(theirs.querySelector('header')!.outerHTML);
    for (const sel of ['section[aria-labelledby="sec-summary"]', 'section[aria-labelledby="sec-facts"]']) {
      expect(ours.querySelector(sel)!.outerHTML).toBe(theirs.querySelector(sel)!.outerHTML);
    }
    // and the frame above it: the same elements with the same classes and text
    const shape = (el: Element) => [...el.querySelectorAll('header.popup-head *, section.lookup *')].map((n) => `${n.tagName}.${n.className}:${n.children.length ? '' : n.textContent}`);
    expect(shape(root)).toEqual(shape(container));
  });
});

/**
 * The DOM as a string with each element's attributes sorted (adopted elements keep the order they were
 * created with) and the look-up's generated ids (useId: they differ between two renders) left out.
 */
function canonical(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element)) return '';
  const generated = /^(id|for|aria-labelledby|aria-describedby)$/;
  const attrs = [...node.attributes]
    .filter((a) => !(generated.test(a.name) && node.closest('section.lookup')))
    .map((a) => `${a.name}="${a.value}"`)
    .sort()
    .join(' ');
  return `<${node.tagName.toLowerCase()} ${attrs}>${[...node.childNodes].map(canonical).join('')}</${node.tagName.toLowerCase()}>`;
}

describe('the app takes the first screen over', () => {
  it('in one render: the same DOM as without it, the title element kept, no second copy, nothing inert left', async () => {
    const state = clone(RESULTS);
    const root = document.createElement('div');
    document.body.append(root);
    paintFirstScreen(root, state, TAB, parsePopupParams('?tab=7'));
    const title = root.querySelector('#article-title');
    const summary = root.querySelector('.summary');

    const { backend } = fakeBackend();
    const load = { tab: Promise.resolve(TAB), state: Promise.resolve({ tabId: 7, state }), settings: backend.getSettings() };
    act(() => {
      render(<Popup backend={backend} params={parsePopupParams('?tab=7')} pageUrl={PAGE} load={load} initial={{ tab: TAB, state }} />, root);
      // the synchronous first render: exactly one copy of the results, in the same elements
      expect(root.querySelectorAll('article.results')).toHaveLength(1);
      expect(root.querySelectorAll('#article-title')).toHaveLength(1);
      expect(root.querySelector('#article-title')).toBe(title);
      expect(root.querySelector('.summary')).toBe(summary);
      expect(root.querySelector('[inert]')).toBeNull();
      expect(root.querySelectorAll('input[type="search"]')).toHaveLength(1);
    });
    await act(async () => {
      await load.state;
    });

    // the same as the app drawn into an empty element
    const fresh = document.createElement('div');
    document.body.append(fresh);
    const other = fakeBackend();
    const freshLoad = { tab: Promise.resolve(TAB), state: Promise.resolve({ tabId: 7, state }), settings: other.backend.getSettings() };
    act(() => render(<Popup backend={other.backend} params={parsePopupParams('?tab=7')} pageUrl={PAGE} load={freshLoad} initial={{ tab: TAB, state }} />, fresh));
    await act(async () => {
      await freshLoad.state;
    });
    expect(canonical(root)).toBe(canonical(fresh));
    expect(root.querySelector('article.results:not([aria-busy])')).not.toBeNull();
    render(null, root);
    render(null, fresh);
  });
});

describe('drawWhenAnswered', () => {
  const later = <T,>(ms: number, v: T) => new Promise<T>((r) => setTimeout(() => r(v), ms));
  const load = (state: TabAnalysisState, ms: number, kept: ResultsAnswer | null = null, keptMs = 0): FirstLoad => ({
    tab: Promise.resolve(TAB),
    state: later(ms, { tabId: 7, state, checked: checkTabAnswer(state) }),
    kept: later(keptMs, kept),
  });

  it('draws results that come in time, and hands them to the app', async () => {
    const root = document.createElement('div');
    const drawn = await drawWhenAnswered(load(clone(RESULTS), 5), root, parsePopupParams('?tab=7'), 200);
    expect(drawn).toEqual({ tab: TAB, state: RESULTS });
    expect(root.querySelector('#article-title')!.textContent).toBe(ANALYSIS.title);
  });

  it('draws nothing for another state, or when the answer is late (the app shows it then)', async () => {
    const root = document.createElement('div');
    expect(await drawWhenAnswered(load({ state: 'analysing' }, 5), root, parsePopupParams('?tab=7'), 200)).toBeNull();
    const slow = load(clone(RESULTS), 80);
    let answered = false;
    void slow.state.then(() => (answered = true));
    expect(await drawWhenAnswered(slow, root, parsePopupParams('?tab=7'), 20)).toBeNull();
    expect(answered).toBe(false); // handed over before the answer came
    await slow.state;
    expect(root.childNodes).toHaveLength(0);
  });

  it('draws the answer the background keeps when it comes first; the background’s own answer decides otherwise', async () => {
    const root = document.createElement('div');
    const slowAsk = load({ state: 'analysing' }, 80, clone(RESULTS), 5);
    let answered = false;
    void slowAsk.state.then(() => (answered = true));
    expect(await drawWhenAnswered(slowAsk, root, parsePopupParams('?tab=7'), 200)).toEqual({ tab: TAB, state: RESULTS });
    expect(answered).toBe(false);
    expect(root.querySelector('#article-title')!.textContent).toBe(ANALYSIS.title);
    // the background said something else before its kept answer was read: nothing is drawn
    const other = document.createElement('div');
    expect(await drawWhenAnswered(load({ state: 'disabled', reason: 'site-off' }, 5, clone(RESULTS), 60), other, parsePopupParams('?tab=7'), 200)).toBeNull();
    expect(other.childNodes).toHaveLength(0);
  });
});

describe('readKeptAnswer', () => {
  const record = (over: Record<string, unknown> = {}) => ({ url: TAB.url, host: 'ledgerstreet.example', phase: 'results', readingId: 3, analysis: clone(ANALYSIS), show: false, updatedAt: 1, ...over });
  const withSession = (items: Record<string, unknown> | null): RawApi => {
    const { api } = fakeApi(null);
    return items === null ? api : { ...api, storage: { session: { get: vi.fn(async (keys: string[]) => Object.fromEntries(keys.filter((k) => k in items).map((k) => [k, items[k]]))) } } };
  };

  it('reads the tab’s record when the background has marked it as its answer', async () => {
    const kept = await readKeptAnswer(withSession({ 'tab:7': record(), 'popup:7': { readingId: 3, url: TAB.url } }), 7);
    expect(kept).toEqual({ state: 'results', analysis: ANALYSIS, annotationsShown: false });
  });

  it('nothing without the mark, for another reading or address, another phase, a bad analysis or no storage.session', async () => {
    const mark = { readingId: 3, url: TAB.url };
    expect(await readKeptAnswer(withSession({ 'tab:7': record() }), 7)).toBeNull();
    expect(await readKeptAnswer(withSession({ 'tab:7': record({ readingId: 4 }), 'popup:7': mark }), 7)).toBeNull();
    expect(await readKeptAnswer(withSession({ 'tab:7': record({ url: 'https://ledgerstreet.example/other' }), 'popup:7': mark }), 7)).toBeNull();
    expect(await readKeptAnswer(withSession({ 'tab:7': record({ phase: 'analysing' }), 'popup:7': mark }), 7)).toBeNull();
    expect(await readKeptAnswer(withSession({ 'tab:7': record({ analysis: { title: 5 } }), 'popup:7': mark }), 7)).toBeNull();
    expect(await readKeptAnswer(withSession({ 'tab:8': record(), 'popup:8': mark }), 7)).toBeNull();
    expect(await readKeptAnswer(withSession(null), 7)).toBeNull();
  });
});

describe('theme', () => {
  it('the first screen gets the theme the pages last applied', () => {
    expect(cachedTheme()).toBe('system');
    applyTheme('dark');
    delete document.documentElement.dataset.theme;
    expect(cachedTheme()).toBe('dark');
    applyCachedTheme();
    expect(document.documentElement.dataset.theme).toBe('dark');
    applyTheme('system');
    expect(cachedTheme()).toBe('system');
    localStorage.setItem('cnc.theme', 'neon');
    expect(cachedTheme()).toBe('system');
  });
});

describe('the answer the first script drew, then the background’s', () => {
  /** The app over the first screen of the kept answer, then the background's own answer `asked` comes in. */
  async function takeOver(asked: ResultsAnswer) {
    const kept = clone(RESULTS); // read from storage.session by the first script
    const root = document.createElement('div');
    document.body.append(root);
    paintFirstScreen(root, kept, TAB, parsePopupParams('?tab=7'));
    const { backend } = fakeBackend();
    const load = { tab: Promise.resolve(TAB), state: Promise.resolve({ tabId: 7, state: asked }), settings: backend.getSettings() };
    act(() => render(<Popup backend={backend} params={parsePopupParams('?tab=7')} pageUrl={PAGE} load={load} initial={{ tab: TAB, state: kept }} />, root));
    await act(async () => {
      await load.state;
      await new Promise((r) => setTimeout(r, 10));
    });
    return { root, backend };
  }

  it('an equal answer from the background changes nothing: the history is asked once', async () => {
    const { root, backend } = await takeOver(clone(RESULTS)); // equal, another object
    expect(backend.historyCounts).toHaveBeenCalledTimes(1);
    render(null, root);
  });

  it('a different answer from the background is shown, and its history asked for', async () => {
    const asked = clone(RESULTS);
    asked.analysis.title = 'A newer reading';
    const { root, backend } = await takeOver(asked);
    expect(root.querySelector('#article-title')!.textContent).toBe('A newer reading');
    expect(backend.historyCounts).toHaveBeenCalledTimes(2);
    render(null, root);
  });
});
