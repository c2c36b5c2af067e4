/**
 * Reads our hover card in real Chromium although its shadow root is closed: a function injected by the
 * service worker into the extension's isolated world (the content script's world, out of the page's
 * reach) opens the root with `chrome.dom.openOrClosedShadowRoot`. Page scripts and Playwright locators
 * cannot see inside; this is how the browser tests look at the card. Clicks on what it reports go through
 * `page.mouse` (real, trusted input). Firefox: `firefoxCardView` below (WebDriver BiDi). Also axe-core on the
 * card in both browsers (`axeOnCard`, `firefoxAxeOnCard`).
 */
import type { Page, Worker } from 'playwright-core';
import type { Page as FirefoxPage } from 'puppeteer-core';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CardView {
  /** the card is shown and placed (not hidden while loading its position) */
  visible: boolean;
  /** the details have arrived (no "Loading…" line) */
  loaded: boolean;
  title: string;
  /** the lead: what the card says the thing is (`.cnc-card-desc`) */
  lead: string;
  text: string;
  /** entity id on the card (inside the closed root) */
  entity: string | null;
  theme: string | null;
  box: Box;
  /** the card scrolls inside (its content is taller than its box) */
  scrolls: boolean;
  /** the visual viewport, as the card's placement reads it */
  viewport: Box;
  /** centres of the card's buttons, by accessible name */
  buttons: Record<string, { x: number; y: number }>;
  /** the text of the card's alert line (a save that failed) */
  problem: string;
  /** the card's computed background colour and top padding (styled by our sheet, whatever the page's CSP) */
  style: { background: string; paddingTop: string };
  /** every href in our shadow root */
  hrefs: string[];
  /** the card's links: text, href, rel and target */
  links: { text: string; href: string; rel: string; target: string }[];
  /** the card is labelled by an element inside it (aria-labelledby) */
  labelled: boolean;
  /** what has focus inside our shadow root: its tag, class and text (null: nothing of ours) */
  focus: { tag: string; cls: string; text: string } | null;
  /** how many elements in our shadow root match each selector passed to cardView */
  counts: number[];
}

/** The tab showing `page` (matched by its address). */
export async function tabOf(worker: Worker, page: Page): Promise<number> {
  const url = page.url();
  const id = await worker.evaluate(async (u: string) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? -1, url);
  if (id < 0) throw new Error(`no tab shows ${url}`);
  return id;
}

/** What the card shows now, or null when there is no card. */
export async function cardView(worker: Worker, tabId: number, selectors: string[] = []): Promise<CardView | null> {
  return worker.evaluate(async ({ t, sel }) => {
    const [frame] = await chrome.scripting.executeScript({
      target: { tabId: t, frameIds: [0] },
      world: 'ISOLATED',
      args: [sel],
      func: (selectors: string[]) => {
        const host = document.querySelector('div[data-cnc-ui]');
        const dom = (chrome as unknown as { dom: { openOrClosedShadowRoot(el: Element): ShadowRoot | null } }).dom;
        const root = host && dom.openOrClosedShadowRoot(host);
        const card = root?.querySelector<HTMLElement>('.cnc-card');
        if (!root || !card) return null;
        const box = (r: DOMRect) => ({ x: r.x, y: r.y, width: r.width, height: r.height });
        const wrapper = card.parentElement!;
        const buttons: Record<string, { x: number; y: number }> = {};
        for (const b of root.querySelectorAll('button')) {
          const r = b.getBoundingClientRect();
          buttons[b.getAttribute('aria-label') ?? b.textContent?.trim() ?? ''] = { x: r.x + r.width / 2, y: r.y + r.height / 2 };
        }
        const v = window.visualViewport!;
        return {
          visible: getComputedStyle(wrapper).display !== 'none' && getComputedStyle(wrapper).visibility === 'visible',
          loaded: !root.querySelector('.cnc-card-loading'),
          title: root.querySelector('.cnc-card-title')?.textContent ?? '',
          lead: root.querySelector('.cnc-card-desc')?.textContent ?? '',
          text: card.textContent ?? '',
          entity: card.getAttribute('data-cnc-card-entity'),
          theme: card.getAttribute('data-theme'),
          box: box(card.getBoundingClientRect()),
          scrolls: card.scrollHeight > card.clientHeight + 1,
          viewport: { x: v.offsetLeft, y: v.offsetTop, width: v.width, height: v.height },
          buttons,
          problem: root.querySelector('[role="alert"]')?.textContent ?? '',
          style: { background: getComputedStyle(card).backgroundColor, paddingTop: getComputedStyle(card).paddingTop },
          hrefs: [...root.querySelectorAll('[href]')].map((a) => a.getAttribute('href') ?? ''),
          links: [...root.querySelectorAll('a')].map((a) => ({ text: a.textContent ?? '', href: a.getAttribute('href') ?? '', rel: a.getAttribute('rel') ?? '', target: a.getAttribute('target') ?? '' })),
          labelled: !!card.getAttribute('aria-labelledby') && !!root.getElementById(card.getAttribute('aria-labelledby')!),
          focus: root.activeElement ? { tag: root.activeElement.tagName.toLowerCase(), cls: root.activeElement.className, text: root.activeElement.textContent ?? '' } : null,
          counts: selectors.map((q) => root.querySelectorAll(q).length),
        };
      },
    });
    return (frame?.result ?? null) as CardView | null;
  }, { t: tabId, sel: selectors });
}

/** Waits until the card is visible, loaded and has stopped moving (placement after its details arrived). */
export async function settledCard(worker: Worker, tabId: number, timeoutMs = 10_000, selectors: string[] = []): Promise<CardView> {
  const until = Date.now() + timeoutMs;
  let last = '';
  let view: CardView | null = null;
  while (Date.now() < until) {
    view = await cardView(worker, tabId, selectors);
    const now = view && view.visible && view.loaded ? JSON.stringify(view.box) : '';
    if (now && now === last) return view!;
    last = now;
    await new Promise((ok) => setTimeout(ok, 150));
  }
  throw new Error(`the card did not settle: ${JSON.stringify(view)}`);
}

/**
 * The same reading in Firefox (puppeteer-core over WebDriver BiDi): `script.callFunction` serialises our
 * host with `includeShadowTree: 'all'`, which hands the test a reference to the CLOSED shadow root (a
 * WebDriver privilege, nothing a page has), and the reader runs on it in a BiDi sandbox, out of the page's
 * reach. The reader is plain JavaScript in a string: it is sent as source.
 */
const READ_CARD_SOURCE = `(root, selectors) => {
  const card = root.querySelector('.cnc-card');
  if (!card) return null;
  const box = (r) => ({ x: r.x, y: r.y, width: r.width, height: r.height });
  const wrapper = card.parentElement;
  const buttons = {};
  for (const b of root.querySelectorAll('button')) {
    const r = b.getBoundingClientRect();
    buttons[b.getAttribute('aria-label') || (b.textContent || '').trim()] = { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  }
  const v = window.visualViewport;
  const cs = getComputedStyle(card);
  const label = card.getAttribute('aria-labelledby');
  const a = root.activeElement;
  return JSON.stringify({
    visible: getComputedStyle(wrapper).display !== 'none' && getComputedStyle(wrapper).visibility === 'visible',
    loaded: !root.querySelector('.cnc-card-loading'),
    title: (root.querySelector('.cnc-card-title') || {}).textContent || '',
    lead: (root.querySelector('.cnc-card-desc') || {}).textContent || '',
    text: card.textContent || '',
    entity: card.getAttribute('data-cnc-card-entity'),
    theme: card.getAttribute('data-theme'),
    box: box(card.getBoundingClientRect()),
    scrolls: card.scrollHeight > card.clientHeight + 1,
    viewport: { x: v.offsetLeft, y: v.offsetTop, width: v.width, height: v.height },
    buttons,
    problem: (root.querySelector('[role="alert"]') || {}).textContent || '',
    style: { background: cs.backgroundColor, paddingTop: cs.paddingTop },
    hrefs: [...root.querySelectorAll('[href]')].map((x) => x.getAttribute('href') || ''),
    links: [...root.querySelectorAll('a')].map((x) => ({ text: x.textContent || '', href: x.getAttribute('href') || '', rel: x.getAttribute('rel') || '', target: x.getAttribute('target') || '' })),
    labelled: !!label && !!root.getElementById(label),
    focus: a ? { tag: a.tagName.toLowerCase(), cls: String(a.className), text: a.textContent || '' } : null,
    counts: selectors.map((q) => root.querySelectorAll(q).length),
  });
}`;

interface BidiSession {
  send(method: string, params: unknown): Promise<{ result: { type: string; result?: { type: string; value?: unknown; sharedId?: string } } & Record<string, unknown> }>;
}

/** The BiDi session and browsing context of a Firefox page driven by puppeteer-core. */
function bidiOf(page: FirefoxPage): { session: BidiSession; context: string } {
  const bc = (page.mainFrame() as unknown as { browsingContext: { id: string; defaultRealm: { session: BidiSession } } }).browsingContext;
  return { session: bc.defaultRealm.session, context: bc.id };
}

/** A reference to our host's CLOSED shadow root (WebDriver BiDi `includeShadowTree: 'all'`), or undefined when there is none. */
async function closedRootId(page: FirefoxPage, sandbox: string): Promise<string | undefined> {
  const { session, context } = bidiOf(page);
  const host = await session.send('script.callFunction', {
    functionDeclaration: `() => document.querySelector('div[data-cnc-ui]')`,
    target: { context, sandbox },
    awaitPromise: false,
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
  });
  const node = host.result.result as { type: string; value?: { shadowRoot?: { sharedId?: string } | null } } | undefined;
  return node?.type === 'node' ? node.value?.shadowRoot?.sharedId : undefined;
}

/** What the card shows now in a Firefox page driven by puppeteer-core (WebDriver BiDi), or null when there is no card. */
export async function firefoxCardView(page: FirefoxPage, selectors: string[] = []): Promise<CardView | null> {
  const { session, context } = bidiOf(page);
  const target = { context, sandbox: 'cnc-card-probe' };
  const rootId = await closedRootId(page, target.sandbox);
  if (!rootId) return null;
  const read = await session.send('script.callFunction', {
    functionDeclaration: READ_CARD_SOURCE,
    arguments: [{ sharedId: rootId }, { type: 'array', value: selectors.map((q) => ({ type: 'string', value: q })) }],
    target,
    awaitPromise: false,
  });
  const value = read.result.result?.type === 'string' ? (read.result.result.value as string) : null;
  return value ? (JSON.parse(value) as CardView) : null;
}

/** Firefox: waits until the card is visible, loaded and has stopped moving. */
export async function firefoxSettledCard(page: FirefoxPage, timeoutMs = 10_000, selectors: string[] = []): Promise<CardView> {
  const until = Date.now() + timeoutMs;
  let last = '';
  let view: CardView | null = null;
  while (Date.now() < until) {
    view = await firefoxCardView(page, selectors);
    const now = view && view.visible && view.loaded ? JSON.stringify(view.box) : '';
    if (now && now === last) return view!;
    last = now;
    await new Promise((ok) => setTimeout(ok, 150));
  }
  throw new Error(`the card did not settle (Firefox): ${JSON.stringify(view)}`);
}

/**
 * Chromium, for axe-core only: lets axe (which runs in the page and follows `element.shadowRoot`) see into our
 * closed root. Through the DevTools protocol (a test's privilege: `DOM.getDocument` with `pierce` reports
 * closed roots) the root is handed to one function in the page that defines `shadowRoot` on this one host
 * object. The card's nodes and computed styles are the real ones; call it after the card is open.
 */
export async function letAxeSeeTheCard(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    type Node = { nodeName: string; backendNodeId: number; attributes?: string[]; children?: Node[]; shadowRoots?: Node[] };
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
    const find = (n: Node): Node | undefined =>
      n.nodeName === 'DIV' && (n.attributes ?? []).includes('data-cnc-ui') ? n : [...(n.children ?? []), ...(n.shadowRoots ?? [])].map(find).find(Boolean);
    const shadow = find(root)?.shadowRoots?.[0];
    if (!shadow) throw new Error('no card host with a shadow root');
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: 'function () { const root = this; Object.defineProperty(root.host, "shadowRoot", { configurable: true, get: () => root }); }',
    });
  } finally {
    await cdp.detach();
  }
}

/** axe's verdict on the open card: the rules that ran on its nodes and the violations (rule id and targets). */
export interface CardAxeResult {
  passed: string[];
  violations: string[];
}

/**
 * Firefox, for axe-core only: axe runs in a WebDriver BiDi sandbox (out of the page's reach; the page never
 * sees axe) where the host's `shadowRoot` is defined, on the sandbox's own view of the host only, as the
 * closed root BiDi hands the test. Node and style reads are the page's real ones. `source`: axe.min.js.
 */
export async function firefoxAxeOnCard(page: FirefoxPage, source: string, disabled: string[] = []): Promise<CardAxeResult> {
  const { session, context } = bidiOf(page);
  const target = { context, sandbox: 'cnc-axe' };
  const loaded = await session.send('script.evaluate', { expression: 'typeof axe', target, awaitPromise: false });
  if (loaded.result.result?.value !== 'object') await session.send('script.evaluate', { expression: source, target, awaitPromise: false });
  const rootId = await closedRootId(page, target.sandbox);
  if (!rootId) throw new Error('no card host with a shadow root');
  const run = await session.send('script.callFunction', {
    functionDeclaration: `async (root, disabled) => {
      Object.defineProperty(root.host, 'shadowRoot', { configurable: true, get: () => root });
      const card = root.querySelector('.cnc-card');
      if (!card) return 'null';
      const rules = Object.fromEntries(disabled.map((id) => [id, { enabled: false }]));
      const r = await axe.run({ include: [card] }, { rules });
      return JSON.stringify({ passed: r.passes.map((v) => v.id), violations: r.violations.map((v) => v.id + ': ' + JSON.stringify(v.nodes.map((n) => n.target))) });
    }`,
    arguments: [{ sharedId: rootId }, { type: 'array', value: disabled.map((q) => ({ type: 'string', value: q })) }],
    target,
    awaitPromise: true,
  });
  const value = run.result.result?.type === 'string' ? (run.result.result.value as string) : 'null';
  const result = JSON.parse(value) as CardAxeResult | null;
  if (!result) throw new Error(`axe did not run on the card: ${JSON.stringify(run.result)}`);
  return result;
}

/**
 * Chromium: axe-core on the open card (axe.min.js at `axePath` is added to the page once; `letAxeSeeTheCard`
 * is called here). The card is passed to axe as a node: a nested selector array would name an iframe path,
 * match nothing and check nothing.
 */
export async function axeOnCard(page: Page, axePath: string, disabled: string[] = []): Promise<CardAxeResult> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  await letAxeSeeTheCard(page);
  return page.evaluate(async (off) => {
    type Result = { id: string; nodes: { target: unknown }[] };
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ passes: Result[]; violations: Result[] }> } }).axe;
    const card = (document.querySelector('div[data-cnc-ui]') as HTMLElement).shadowRoot?.querySelector('.cnc-card');
    if (!card) throw new Error('axe cannot see the card');
    const r = await axe.run({ include: [card] }, { rules: Object.fromEntries(off.map((id) => [id, { enabled: false }])) });
    return { passed: r.passes.map((v) => v.id), violations: r.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`) };
  }, disabled);
}
