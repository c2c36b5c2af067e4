/**
 * Reads our hover card in real Chromium although its shadow root is closed: a function injected by the
 * service worker into the extension's isolated world (the content script's world, out of the page's
 * reach) opens the root with `chrome.dom.openOrClosedShadowRoot`. Page scripts and Playwright locators
 * cannot see inside; this is how the browser tests look at the card. Clicks on what it reports go through
 * `page.mouse` (real, trusted input).
 */
import type { Page, Worker } from 'playwright-core';

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
