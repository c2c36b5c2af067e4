/**
 * The hover card against a hostile page (happy-dom): the page cannot open it or press its buttons with
 * synthetic events, cannot choose what it shows by editing our marks, and cannot read it (closed root).
 * happy-dom has no `isTrusted`; `real()` marks an event as one the browser made from real input, as
 * Chromium does (test/browser/hostile-page-code.test.ts checks the same with real input).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCardController, notSavedWords } from '../../../components/card/controller';
import type { CardController } from '../../../lib/annotate/card';
import { Highlighter } from '../../../lib/annotate/highlight';
import type { CardEntity, HighlightEntity } from '../../../lib/shared/messages';
import { mapOf, mention } from './helpers';

const LAZARUS: CardEntity = {
  id: 'lazarus-group',
  name: 'Lazarus Group',
  type: 'threat-actor',
  aliases: [],
  description: 'A North Korean state hacking group.',
  relations: [],
  sanctions: [],
  sources: [{ title: 'S', url: 'https://example.org' }],
};

/** An event as the browser makes it from real input (isTrusted: true). */
function real<E extends Event>(e: E): E {
  Object.defineProperty(e, 'isTrusted', { value: true });
  return e;
}
const click = (el: Element, trusted: boolean): boolean => {
  const e = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
  return el.dispatchEvent(trusted ? real(e) : e);
};

let roots: ShadowRoot[];
let controller: CardController;
let abort: AbortController;

function setup(opts: { onMute?: (id: string, scope?: string) => Promise<unknown>; getEntity?: (id: string) => Promise<CardEntity | undefined>; theme?: 'dark' } = {}) {
  document.body.innerHTML = '<p>Analysts blamed the Lazarus Group for the theft.</p><p>Official notice: <cncmark id="spoof" data-cnc-entity="no-such" data-cnc-mention="no-such~0" tabindex="0">SEND YOUR COINS</cncmark></p>';
  const { text, map } = mapOf(document.body);
  const h = new Highlighter(document);
  h.sync(map, [mention(text, 'Lazarus Group', 'lazarus-group')]);
  const planned: HighlightEntity = { id: 'lazarus-group', name: 'Lazarus Group', type: 'threat-actor', why: 'Named in this article.', mentions: [] };
  const getEntity = vi.fn(opts.getEntity ?? (async (id: string) => (id === 'lazarus-group' ? LAZARUS : undefined)));
  const onMute = vi.fn(opts.onMute ?? (async () => ({ ok: true })));
  abort = new AbortController();
  controller = createCardController({
    doc: document,
    signal: abort.signal,
    getEntity,
    planEntity: (id) => (id === planned.id ? planned : undefined),
    onMute,
    theme: () => opts.theme ?? 'system',
    homepage: null,
    markRecord: (el) => h.recordOf(el),
    piecesOf: (key) => h.piecesOf(key),
  });
  const mark = document.querySelector<HTMLElement>('cncmark:not(#spoof)')!;
  return { mark, getEntity, onMute, h };
}

const host = (): HTMLElement | null => document.querySelector('div[data-cnc-ui]');
/** The card as we see it through the closed root (captured when it was attached). */
const card = (): HTMLElement | null => roots.at(-1)?.querySelector<HTMLElement>('.cnc-card') ?? null;
const button = (name: string): HTMLButtonElement => [...roots.at(-1)!.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name)!;

beforeEach(() => {
  roots = [];
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  });
});
afterEach(() => {
  abort.abort();
  controller.dispose();
  vi.useRealTimers();
});

describe('hover card against the page', () => {
  it('a real click opens the card in a closed shadow root the page cannot reach', async () => {
    const { mark } = setup();
    click(mark, true);
    expect(host()).not.toBeNull();
    expect(host()!.shadowRoot).toBeNull();
    expect(roots).toHaveLength(1);
    await vi.waitFor(() => expect(card()?.querySelector('.cnc-card-title')?.textContent).toBe('Lazarus Group'));
    expect(mark.getAttribute('aria-expanded')).toBe('true');
  });

  it('synthetic clicks, keys and hovers on a mark open nothing', () => {
    vi.useFakeTimers();
    const { mark, getEntity } = setup();
    mark.click();
    click(mark, false);
    mark.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    mark.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, pointerType: 'mouse' }));
    vi.advanceTimersByTime(5_000);
    expect(host()).toBeNull();
    expect(getEntity).not.toHaveBeenCalled();
    expect(mark.getAttribute('aria-expanded')).toBe('false');
    // the same key from the keyboard opens it
    mark.dispatchEvent(real(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true })));
    expect(getEntity).toHaveBeenCalledWith('lazarus-group');
  });

  it('a page that rewrites a mark’s data-cnc-entity and text does not change what the card shows', async () => {
    let answer!: (e: CardEntity | undefined) => void;
    const { mark, getEntity } = setup({ getEntity: () => new Promise((ok) => (answer = ok)) });
    mark.setAttribute('data-cnc-entity', 'no-such');
    mark.setAttribute('data-cnc-mention', 'no-such~0');
    mark.textContent = 'SEND YOUR COINS TO 0xdead';
    click(mark, true);
    expect(getEntity).toHaveBeenCalledWith('lazarus-group');
    // while loading: the plan's name, not the mark's text
    expect(card()?.textContent).toContain('Lazarus Group');
    expect(card()?.textContent).not.toContain('SEND YOUR COINS');
    answer(LAZARUS);
    await vi.waitFor(() => expect(card()?.querySelector('.cnc-card-desc')).not.toBeNull());
    expect(card()?.getAttribute('data-cnc-card-entity')).toBe('lazarus-group');
    expect(card()?.textContent).not.toContain('SEND YOUR COINS');
  });

  it('a page-made look-alike mark opens nothing, even with a real click', () => {
    const { getEntity } = setup();
    click(document.getElementById('spoof')!, true);
    expect(host()).toBeNull();
    expect(getEntity).not.toHaveBeenCalled();
  });

  it('synthetic clicks on the card’s buttons do nothing; real ones work', async () => {
    const { mark, onMute } = setup();
    click(mark, true);
    await vi.waitFor(() => expect(button("Don't mark on this site")).toBeTruthy());
    button("Don't mark on this site").click();
    click(button("Don't mark on this site"), false);
    button('Close').click();
    expect(onMute).not.toHaveBeenCalled();
    expect(card()).not.toBeNull();
    click(button("Don't mark on this site"), true);
    expect(onMute).toHaveBeenCalledWith('lazarus-group');
    await vi.waitFor(() => expect(card()).toBeNull()); // saved: the card closes
  });

  it.each([
    ['answers { ok: false }', async () => ({ ok: false }), notSavedWords()],
    ['answers with the background’s words', async () => ({ ok: false, message: 'Your browser’s storage for this extension is full.' }), 'Your browser’s storage for this extension is full.'],
    ['rejects', async () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')), notSavedWords()],
  ])('a mute that was not saved (the background %s) is said in words in the card, which stays open', async (_name, onMute, words) => {
    for (const name of ["Don't mark on this site", 'Never mark this']) {
      const { mark } = setup({ onMute });
      click(mark, true);
      await vi.waitFor(() => expect(button('More')).toBeTruthy());
      if (name === 'Never mark this') click(button('More'), true); // it is behind "More"
      await vi.waitFor(() => expect(button(name)).toBeTruthy());
      click(button(name), true);
      await vi.waitFor(() => expect(card()?.querySelector('[role="alert"]')?.textContent).toBe(words));
      expect(card()?.querySelector('.cnc-card-title')?.textContent).toBe('Lazarus Group');
      abort.abort();
      controller.dispose();
    }
  });

  it('"Never mark this" (behind "More") asks to mute the entity everywhere, on a real click only, and the card closes once saved', async () => {
    const { mark, onMute } = setup();
    click(mark, true);
    await vi.waitFor(() => expect(button('More')).toBeTruthy());
    expect(button('Never mark this')).toBeUndefined(); // the first screen has the per-site button only
    click(button('More'), true);
    await vi.waitFor(() => expect(button('Never mark this')).toBeTruthy());
    expect(button('Never mark this').type).toBe('button'); // a real button: in the tab order, Enter and Space press it
    click(button('Never mark this'), false);
    expect(onMute).not.toHaveBeenCalled();
    click(button('Never mark this'), true);
    expect(onMute).toHaveBeenCalledWith('lazarus-group', 'everywhere');
    expect(onMute).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(card()).toBeNull());
  });

  it('no attribute the page can read carries the theme or the card delay', async () => {
    const { mark } = setup({ theme: 'dark' });
    controller.setDwell(1234);
    click(mark, true);
    await vi.waitFor(() => expect(card()?.querySelector('.cnc-card-desc')).not.toBeNull());
    expect(card()?.getAttribute('data-theme')).toBe('dark'); // inside the closed root only
    const light = document.documentElement.outerHTML; // what the page's DOM shows (shadow content excluded)
    expect(light).not.toMatch(/dark|1234/);
    expect(light).not.toContain('cnc-card');
  });

  it('"scroll to mark" opens the card once the mark has stopped moving', async () => {
    const { mark } = setup();
    // one position per animation frame: a smooth scroll that ends at 400 px
    const path = [900, 800, 700, 600, 500, 400];
    let frames = 0;
    vi.spyOn(mark, 'getBoundingClientRect').mockImplementation(() => {
      const top = path[Math.min(frames++, path.length - 1)]!;
      return { left: 10, top, width: 80, height: 20, right: 90, bottom: top + 20, x: 10, y: top, toJSON: () => ({}) } as DOMRect;
    });
    controller.openFor(mark);
    expect(mark.getAttribute('aria-expanded')).toBe('false'); // not while scrolling
    await vi.waitFor(() => expect(mark.getAttribute('aria-expanded')).toBe('true'), { timeout: 2_000 });
    // opened only after the mark reached its place and stayed there for three more frames
    expect(frames).toBeGreaterThanOrEqual(path.length + 3);
  });
});
