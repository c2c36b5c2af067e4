/**
 * The popup's first screen, before Preact and the rest of its code have loaded (docs/performance.md, 6).
 *
 * The page's first script (entrypoints/popup/first.ts) uses this module only: no Preact, no zod, no
 * webextension-polyfill, so that it is small and starts at once. It asks the background for the tab's
 * state with the browser's own `browser.*`/`chrome.*`, checks the answer by hand, and when it holds results
 * draws the first screen of the popup (the same markup the components render: title, site and date, summary,
 * key facts) with `textContent` only. The controls above and around them (the header's buttons, the
 * look-up, the marks switch) are drawn as inert copies, so that nothing moves when the Preact app takes the
 * same DOM over a moment later (`render` adopts the nodes; see entrypoints/popup/main.tsx): the copies
 * cannot be focused or clicked and are hidden from assistive technology until then.
 */
import type { Analysis, KeyFacts } from '../../lib/shared/contract';
import { popupAnswerKey, tabRecordKey } from '../../lib/shared/storage-keys';
import type { TabAnalysisState } from '../../lib/shared/messages';
import type { TabInfo } from './backend';
import { LEVEL_LABELS, articleMeta, formatAmount, formatDate, hostOf } from '../shared/format-first';
import { INFERRED_NOTE, actorSources, amountNote, hasKeyFacts, keyFactsOf } from './key-facts';
import type { PopupParams } from './params';
import type { PopupInitial } from './Popup';

// ---------------------------------------------------------------------------------------------------
// The browser's own API (promise-based: `browser` in Firefox, `chrome` in Chrome MV3)

interface RawTab {
  id?: number;
  url?: string;
  title?: string;
}

export interface RawApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  /** the extension's memory-only storage (Chrome 102+, Firefox 115+); the popup only reads it */
  storage?: { session?: { get(keys: string[]): Promise<Record<string, unknown>> } };
  tabs: {
    get(tabId: number): Promise<RawTab>;
    getCurrent(): Promise<RawTab | undefined>;
    query(query: { active: boolean; currentWindow: boolean }): Promise<RawTab[]>;
  };
}

/** `browser` where it exists (Firefox: promises), else `chrome` (Chrome MV3: promises too); null outside an extension. */
export function rawApi(scope: unknown = globalThis): RawApi | null {
  const g = scope as { browser?: Partial<RawApi>; chrome?: Partial<RawApi> };
  for (const api of [g.browser, g.chrome]) if (api?.runtime?.sendMessage && api.tabs?.get) return api as RawApi;
  return null;
}

// ---------------------------------------------------------------------------------------------------
// The hand check of the background's answer (no zod in the first script)

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Titles, names, sentences: short strings (the same bound as lib/shared/messages's). */
const MAX_SHORT = 2_000;
/** Summary sentences, facts, reasons: a few dozen at most in a real answer. */
const MAX_ITEMS = 500;
const isStr = (v: unknown, max = MAX_SHORT): v is string => typeof v === 'string' && v.length <= max;
const isOptStr = (v: unknown): boolean => v === undefined || v === null || isStr(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isArr = (v: unknown, item: (x: unknown) => boolean): v is unknown[] => Array.isArray(v) && v.length <= MAX_ITEMS && v.every(item);
const LEVELS = new Set(['official', 'vendor', 'press', 'article']);

function isAmount(v: unknown): boolean {
  return isObj(v) && isStr(v.text) && isNum(v.value) && isStr(v.currency, 20) && (v.usd === null || v.usd === undefined || isNum(v.usd));
}

function isKeyFacts(v: unknown): v is KeyFacts {
  return (
    isObj(v) &&
    isArr(v.stolen, isAmount) &&
    isArr(
      v.actors,
      (a) => isObj(a) && isStr(a.id) && isStr(a.name) && isArr(a.by, (b) => isStr(b)) && LEVELS.has(a.level as string) && typeof a.inferred === 'boolean',
    ) &&
    isArr(v.victims, (x) => isObj(x) && isStr(x.name)) &&
    isArr(v.dates, (d) => isStr(d, 100))
  );
}

/**
 * The fields of an analysis the popup's components read at the top level (the first screen's in full;
 * the lists below it by type). Without `keyFacts`, the block is built from `amounts` and `entities`
 * (key-facts.ts), which are checked item by item then.
 */
function isAnalysis(v: unknown): v is Analysis {
  if (!isObj(v)) return false;
  if (!(v.title === null || isStr(v.title)) || !isOptStr(v.url) || !isOptStr(v.siteName) || !isOptStr(v.publishedAt)) return false;
  if (!isArr(v.summary, (s) => isStr(s)) || !isArr(v.amounts, isObj) || !isArr(v.entities, isObj)) return false;
  if (!Array.isArray(v.disclaimers) || !Array.isArray(v.related) || !Array.isArray(v.addresses)) return false;
  if (typeof v.isArticle !== 'boolean' || !isObj(v.cryptoSecurity) || !isObj(v.timingsMs)) return false;
  if (v.keyFacts !== undefined) return isKeyFacts(v.keyFacts);
  return (
    isArr(v.amounts, isAmount) &&
    isArr(v.entities, (e) => isObj(e) && isStr(e.id) && isStr(e.name) && isStr(e.type, 50) && typeof e.inferred === 'boolean' && (e.via === undefined || isArr(e.via, (s) => isObj(s) && isStr(s.by) && LEVELS.has(s.level as string))))
  );
}

const STATES = new Set(['unavailable', 'disabled', 'analysing', 'click-to-annotate', 'not-article', 'not-crypto-security', 'results']);

/**
 * The background's answer to `popup/get-tab-analysis`, checked by hand: a state the popup knows, and for
 * results an analysis whose first screen can be drawn. Null: not such an answer (then nothing is drawn
 * early, and the popup shows what it makes of the answer as it did before this first screen existed).
 */
export function checkTabAnswer(raw: unknown): TabAnalysisState | null {
  return isObj(raw) && STATES.has(raw.state as string) && holdsFor(raw) ? (raw as unknown as TabAnalysisState) : null;
}

/** What each state carries besides its name. */
function holdsFor(raw: Record<string, unknown>): boolean {
  switch (raw.state) {
    case 'results':
      return typeof raw.annotationsShown === 'boolean' && isAnalysis(raw.analysis);
    case 'disabled':
      return raw.reason === 'off' || raw.reason === 'site-off';
    case 'not-article':
    case 'not-crypto-security':
      return isArr(raw.reasons, (r) => isStr(r)) && (raw.analysis === undefined || isAnalysis(raw.analysis));
    default:
      return true;
  }
}

/** An answer with results: what the first screen draws. */
export type ResultsAnswer = Extract<TabAnalysisState, { state: 'results' }>;

// ---------------------------------------------------------------------------------------------------
// The first questions (the same as tab-load.ts asks through the backend)

export interface FirstAnswer {
  tabId: number;
  /** the background's answer as it came (what the popup showed before the first screen existed) */
  state: TabAnalysisState;
  /** the same answer when it passed the hand check; null otherwise */
  checked: TabAnalysisState | null;
}

export interface FirstLoad {
  tab: Promise<TabInfo | null>;
  /** Never rejects: an error or no answer (no background listening) is 'unavailable', as in tab-load.ts. */
  state: Promise<FirstAnswer | null>;
  /** The background's answer as it keeps it in `storage.session` (`readKeptAnswer`); null when it keeps none. Never rejects. */
  kept: Promise<ResultsAnswer | null>;
}

const UNAVAILABLE: TabAnalysisState = { state: 'unavailable' };

async function askState(api: RawApi, tabId: number): Promise<FirstAnswer> {
  try {
    const raw = await api.runtime.sendMessage({ type: 'popup/get-tab-analysis', tabId });
    const checked = checkTabAnswer(raw);
    return { tabId, state: checked ?? ((raw ?? UNAVAILABLE) as TabAnalysisState), checked };
  } catch {
    return { tabId, state: UNAVAILABLE, checked: UNAVAILABLE };
  }
}


/**
 * The tab's results as the background keeps them in `storage.session`, read without a message, so that a
 * stopped service worker need not start before the first screen is drawn. Only when the background's mark
 * names this very record (same reading, same address), and only results that pass the hand check.
 */
export async function readKeptAnswer(api: RawApi, tabId: number): Promise<ResultsAnswer | null> {
  try {
    const session = api.storage?.session;
    if (!session) return null;
    const got = await session.get([tabRecordKey(tabId), popupAnswerKey(tabId)]);
    const mark = got[popupAnswerKey(tabId)];
    const rec = got[tabRecordKey(tabId)];
    if (!isObj(mark) || !isObj(rec) || rec.phase !== 'results' || typeof rec.url !== 'string') return null;
    if (mark.readingId !== rec.readingId || mark.url !== rec.url) return null;
    const state = checkTabAnswer({ state: 'results', analysis: rec.analysis, annotationsShown: rec.show });
    return state?.state === 'results' ? state : null;
  } catch {
    return null;
  }
}

const tabInfo = (id: number, t: RawTab | undefined): TabInfo => ({ id, url: typeof t?.url === 'string' ? t.url : null, title: typeof t?.title === 'string' ? t.title : null });

/** With `?tab=<id>` the state is asked for at once, alongside `tabs.get`; without it, after finding the active tab. */
export function startFirstLoad(api: RawApi, requested: number | null): FirstLoad {
  const tab: Promise<TabInfo | null> =
    requested !== null
      ? api.tabs.get(requested).then(
          (t) => tabInfo(requested, t),
          () => tabInfo(requested, undefined),
        )
      : Promise.all([api.tabs.getCurrent(), api.tabs.query({ active: true, currentWindow: true })]).then(
          ([current, [t]]) => (current || typeof t?.id !== 'number' ? null : tabInfo(t.id, t)), // a tab of our own: no page to analyse
          () => null,
        );
  /** `ask` about the tab: at once with ?tab, else once the active tab is known (null: none) */
  const about = <T>(ask: (tabId: number) => Promise<T>): Promise<T | null> => (requested !== null ? ask(requested) : tab.then((t) => (t ? ask(t.id) : null)));
  return { tab, state: about((id) => askState(api, id)), kept: about((id) => readKeptAnswer(api, id)) };
}

// ---------------------------------------------------------------------------------------------------
// The theme

/**
 * The theme the extension's pages last applied (components/shared/theme.ts keeps it under this key), so that
 * the first screen is drawn in the reader's theme before the settings are read. Not imported from there:
 * that module is shared with the options page, and the first script must stay one file.
 */
export function cachedTheme(): 'light' | 'dark' | 'system' {
  try {
    const t = localStorage.getItem('cnc.theme');
    return t === 'light' || t === 'dark' ? t : 'system';
  } catch {
    return 'system';
  }
}

/** components/shared/theme.ts's `applyTheme`, for the first script. */
export function applyCachedTheme(root: HTMLElement = document.documentElement): void {
  const theme = cachedTheme();
  if (theme !== 'system') root.dataset.theme = theme;
}

// ---------------------------------------------------------------------------------------------------
// The first screen

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string | null)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) if (c !== null) node.append(c);
  return node;
}

/** An inert copy of a control the Preact app draws in the same place a moment later. */
function inert<T extends HTMLElement>(node: T): T {
  node.inert = true;
  return node;
}

/** components/popup/KeyFacts.tsx, element for element. */
function keyFactsList(facts: KeyFacts): HTMLElement {
  const dl = el('dl', { class: 'facts' });
  const fact = (term: string, dd: HTMLElement) => dl.append(el('div', { class: 'fact' }, el('dt', {}, term), dd));
  if (facts.stolen.length) {
    const ul = el('ul');
    for (const m of facts.stolen) {
      const shown = formatAmount(m);
      const note = amountNote(m, shown);
      ul.append(el('li', {}, el('span', { class: 'wrap-anywhere' }, shown), note ? el('span', { class: 'muted' }, note) : null));
    }
    fact('Amount stolen', el('dd', {}, ul));
  }
  if (facts.actors.length) {
    const ul = el('ul');
    for (const a of facts.actors) {
      const sources = actorSources(a);
      ul.append(
        el(
          'li',
          {},
          el('strong', { class: 'wrap-anywhere' }, a.name),
          ' ',
          el('span', { class: 'badge', 'data-level': a.level }, LEVEL_LABELS[a.level]),
          sources ? el('span', {}, sources) : null,
          a.inferred ? el('span', { class: 'muted' }, INFERRED_NOTE) : null,
        ),
      );
    }
    fact('Attributed to', el('dd', {}, ul));
  }
  if (facts.victims.length) fact('Victims', el('dd', { class: 'wrap-anywhere' }, facts.victims.map((v) => v.name).join(', ')));
  if (facts.dates.length) fact('Dates', el('dd', {}, facts.dates.map(formatDate).join(', ')));
  return dl;
}

/** components/popup/Results.tsx's first screen (before `below`), element for element. */
function firstScreen(a: Analysis, annotationsShown: boolean, host: string | null): HTMLElement {
  const checkbox = el('input', { type: 'checkbox' });
  checkbox.checked = annotationsShown;
  const article = el(
    'article',
    { class: 'results', 'aria-labelledby': 'article-title', 'aria-busy': 'true' },
    el(
      'header',
      { class: 'article-head' },
      el('h2', { id: 'article-title', class: 'article-title wrap-anywhere' }, a.title ?? 'Untitled article'),
      el('p', { class: 'muted article-meta wrap-anywhere' }, articleMeta(a)),
      inert(
        el(
          'div',
          { class: 'article-controls' },
          el('label', { class: 'switch' }, checkbox, 'Show marks on this page'),
          host ? el('button', { type: 'button', class: 'link' }, `Turn off on ${host}`) : null,
        ),
      ),
    ),
    el('p', { class: 'status-line', role: 'status', 'aria-live': 'polite' }),
  );
  if (a.summary.length) {
    article.append(el('section', { 'aria-labelledby': 'sec-summary' }, el('h3', { id: 'sec-summary', class: 'section-title' }, 'Summary'), el('p', { class: 'summary' }, a.summary.join(' '))));
  }
  const facts = keyFactsOf(a);
  if (hasKeyFacts(facts)) {
    article.append(el('section', { 'aria-labelledby': 'sec-facts' }, el('h3', { id: 'sec-facts', class: 'section-title' }, 'Key facts'), keyFactsList(facts)));
  }
  return article;
}

/**
 * Draws the popup's frame (components/popup/Popup.tsx: header, look-up) and the first screen of the tab's
 * results into `root`, replacing what is there. The answer must be checked (`checkTabAnswer`) results.
 */
export function paintFirstScreen(root: HTMLElement, answer: ResultsAnswer, tab: TabInfo | null, params: PopupParams): void {
  const lookup = inert(
    el(
      'section',
      { class: 'lookup' },
      el('h2', { class: 'section-title' }, 'Look up a name'),
      el(
        'form',
        { class: 'lookup-form' },
        el('label', { class: 'visually-hidden' }, 'Name, alias or address to look up'),
        el('input', { type: 'search', placeholder: 'e.g. APT38, Hidden Cobra, Tornado' }),
        el('button', { type: 'submit' }, 'Look up'),
      ),
      el('p', { class: 'lookup-status muted' }),
    ),
  );
  const actions = inert(el('div', { class: 'head-actions' }, params.full ? null : el('button', { type: 'button' }, 'Open in a tab'), el('button', { type: 'button' }, 'Settings')));
  root.replaceChildren(
    el(
      'div',
      { class: `popup${params.full ? ' full' : ''}` },
      el('header', { class: 'popup-head' }, el('h1', { class: 'popup-title' }, 'Crypto News Context'), actions),
      el('main', { class: 'popup-main' }, lookup, firstScreen(answer.analysis, answer.annotationsShown, hostOf(tab?.url))),
    ),
  );
}

// ---------------------------------------------------------------------------------------------------
// The first script's course

/**
 * How long the first script waits for the background's answer before it hands over to the app anyway.
 * A running service worker answers in about 30 ms; a stopped one first has to start (a few hundred ms):
 * then the app's frame, look-up and loading state should not wait for it.
 */
export const FIRST_SCREEN_WAIT_MS = 100;

/**
 * Waits for the first answer (and the tab) up to `waitMs`; draws the first screen when it holds checked
 * results. Returns what was drawn, for the app to take over (null: nothing; the app renders on its own and
 * shows the answer when it comes, as it did before the first screen existed).
 */
export async function drawWhenAnswered(first: FirstLoad, root: HTMLElement | null, params: PopupParams, waitMs = FIRST_SCREEN_WAIT_MS): Promise<PopupInitial | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // results to draw: the kept answer when it is in first; else the background's answer, which decides
  const drawable = new Promise<ResultsAnswer | null>((resolve) => {
    void first.kept.then((k) => k && resolve(k));
    void first.state.then((a) => resolve(a?.checked?.state === 'results' ? a.checked : null));
    timer = setTimeout(() => resolve(null), waitMs);
  });
  const state = await drawable;
  clearTimeout(timer);
  if (!state || !root) return null;
  const tab = await first.tab;
  paintFirstScreen(root, state, tab, params);
  return { tab, state };
}
