import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createAnnotator, type AnnotatorDeps } from '../../../lib/annotate/annotator';
import type { HighlightPlan, PageReadAnswer } from '../../../lib/shared/messages';
import { mapOf, structure } from './helpers';
import { createCardController } from '../../../components/card/controller';

const PAGE = '<article><h1>Hack</h1><p>The <em>Lazarus</em> Group moved funds to Tornado Cash, the FBI said.</p><pre>Lazarus Group</pre></article>';

function plan(text: string, readingId: number, show = true): HighlightPlan {
  const at = (s: string, from = 0) => {
    const start = text.indexOf(s, from);
    return { start, end: start + s.length, text: s };
  };
  return {
    readingId,
    show,
    density: 'first',
    theme: 'system',
    cardDelayMs: 400,
    entities: [
      { id: 'lazarus-group', name: 'Lazarus Group', type: 'threat-actor', mentions: [at('Lazarus Group'), at('Lazarus Group', text.indexOf('Cash'))] },
      { id: 'fbi', name: 'Federal Bureau of Investigation', type: 'agency', mentions: [at('FBI')] },
    ],
  };
}

function setup(gatePass = true) {
  document.body.innerHTML = PAGE;
  const before = structure(document.body);
  const controller = new AbortController();
  const pageRead = vi.fn(async (readingId: number, input: { text: string }): Promise<PageReadAnswer> => ({ ok: true, plan: plan(input.text, readingId) }));
  const deps: AnnotatorDeps = {
    doc: document,
    signal: controller.signal,
    readGate: () => ({ pass: gatePass, hits: gatePass ? ['strong'] : [] }),
    readPage: (doc) => {
      const { text, map } = mapOf(doc.body);
      return { input: { text }, map };
    },
    pageRead,
    getEntity: async () => undefined,
    muteEntity: async () => undefined,
    homepage: 'https://github.com/example/repo',
    createCard: createCardController,
  };
  const annotator = createAnnotator(deps);
  return { annotator, pageRead, before, controller };
}

const ids = () => Array.from(document.querySelectorAll('cncmark')).map((m) => `${m.getAttribute('data-cnc-entity')}:${m.textContent}`);

describe('annotator', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('does nothing past the gate on an ordinary page: no reading is sent', async () => {
    const { annotator, pageRead, before, controller } = setup(false);
    await annotator.run();
    expect(pageRead).not.toHaveBeenCalled();
    expect(structure(document.body)).toBe(before);
    expect(await annotator.handle({ type: 'background/get-status' })).toMatchObject({ gate: { pass: false }, marks: 0 });
    controller.abort();
  });

  it('reads a page that fails the gate when the reader asked (reread `asked`), at that address only', async () => {
    const { annotator, pageRead, before, controller } = setup(false);
    const start = location.href;
    await annotator.run();
    // an ordinary request to read again still obeys the gate
    expect(await annotator.handle({ type: 'background/reread' })).toEqual({ ok: true });
    await annotator.run();
    expect(pageRead).not.toHaveBeenCalled();

    expect(await annotator.handle({ type: 'background/reread', asked: true })).toEqual({ ok: true });
    await annotator.run();
    expect(pageRead).toHaveBeenCalledTimes(1);
    expect(ids()).toEqual(['lazarus-group:Lazarus', 'lazarus-group: Group', 'fbi:FBI']);
    // later runs on the same page keep its marks, although its gate still says no
    await annotator.run();
    expect(ids()).toHaveLength(3);
    expect(await annotator.handle({ type: 'background/get-status' })).toMatchObject({ gate: { pass: false }, readingId: 1 });

    // another page of a single-page site is judged by the gate again: the marks go, nothing is sent
    history.pushState(null, '', '/another-page');
    await annotator.run();
    expect(pageRead).toHaveBeenCalledTimes(1);
    expect(structure(document.body)).toBe(before);
    history.pushState(null, '', start);
    controller.abort();
  });

  it('sends the reading, paints the plan (first markable mention, across <em>, not in <pre>)', async () => {
    const { annotator, pageRead, controller } = setup();
    await annotator.run();
    expect(pageRead).toHaveBeenCalledTimes(1);
    expect(ids()).toEqual(['lazarus-group:Lazarus', 'lazarus-group: Group', 'fbi:FBI']);
    expect(document.querySelector('pre cncmark')).toBeNull();
    controller.abort();
  });

  it('toggle off restores the DOM exactly; toggle on paints again without asking the background', async () => {
    const { annotator, pageRead, before, controller } = setup();
    await annotator.run();
    expect(await annotator.handle({ type: 'background/toggle', show: false })).toEqual({ ok: true });
    expect(structure(document.body)).toBe(before);
    await annotator.handle({ type: 'background/toggle', show: true });
    expect(ids()).toHaveLength(3);
    expect(pageRead).toHaveBeenCalledTimes(1);
    controller.abort();
    expect(structure(document.body)).toBe(before); // stopping the content script cleans up too
  });

  it('ignores a pushed plan for an older reading', async () => {
    const { annotator, controller } = setup();
    await annotator.run();
    const text = mapOf(document.body).text;
    expect(await annotator.handle({ type: 'background/analysis-ready', plan: { ...plan(text, 99), entities: [] } })).toEqual({ ok: false });
    expect(ids()).toHaveLength(3);
    controller.abort();
  });

  it('scroll-to-entity opens the card of the entity’s first mark, in a closed shadow root', async () => {
    const roots: ShadowRoot[] = [];
    const attach = Element.prototype.attachShadow;
    vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
      const root = attach.call(this, init);
      roots.push(root);
      return root;
    });
    const { annotator, controller } = setup();
    await annotator.run();
    Element.prototype.scrollIntoView = vi.fn();
    expect(await annotator.handle({ type: 'popup/scroll-to-entity', id: 'fbi' })).toEqual({ ok: true });
    // opened as from the keyboard once the scroll has settled: the mark says so, and focus is in the card
    await vi.waitFor(() => expect(document.querySelector('cncmark[data-cnc-entity="fbi"]')?.getAttribute('aria-expanded')).toBe('true'));
    // focus moves in once the card is placed and visible (after a frame)
    await vi.waitFor(() => expect(document.activeElement?.hasAttribute('data-cnc-ui')).toBe(true));
    expect(document.querySelector('div[data-cnc-ui]')?.shadowRoot).toBeNull();
    expect(roots[0]?.querySelector('[data-cnc-card-entity="fbi"]')).toBeTruthy();
    expect(await annotator.handle({ type: 'popup/scroll-to-entity', id: 'nobody' })).toEqual({ ok: false });
    controller.abort();
    expect(document.querySelector('div[data-cnc-ui]')).toBeNull();
  });
});
