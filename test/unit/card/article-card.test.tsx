/**
 * The card of a name the knowledge base lacks (issue 17): name, type and the article's own description,
 * labelled "From this article"; no knowledge-base look-up, no facts, no "Loading".
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCardController } from '../../../components/card/controller';
import type { CardController } from '../../../lib/annotate/card';
import { Highlighter } from '../../../lib/annotate/highlight';
import type { CardEntity, HighlightEntity } from '../../../lib/shared/messages';
import { mapOf, mention } from '../annotate/helpers';

function real<E extends Event>(e: E): E {
  Object.defineProperty(e, 'isTrusted', { value: true });
  return e;
}

let roots: ShadowRoot[];
let controller: CardController;
let abort: AbortController;

function open(planned: HighlightEntity) {
  document.body.innerHTML = '<p>ZachXBT, an on-chain investigator, traced the funds.</p>';
  const { text, map } = mapOf(document.body);
  const h = new Highlighter(document);
  h.sync(map, [mention(text, 'ZachXBT', planned.id)]);
  const getEntity = vi.fn(async (): Promise<CardEntity | undefined> => undefined);
  abort = new AbortController();
  controller = createCardController({
    doc: document,
    signal: abort.signal,
    getEntity,
    planEntity: (id) => (id === planned.id ? planned : undefined),
    onMute: async () => ({ ok: true }),
    theme: () => 'light',
    homepage: 'https://example.org/repo',
    markRecord: (el) => h.recordOf(el),
    piecesOf: (key) => h.piecesOf(key),
  });
  const mark = document.querySelector<HTMLElement>('cncmark')!;
  mark.dispatchEvent(real(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true })));
  return { getEntity };
}
const card = (): HTMLElement | null => roots.at(-1)?.querySelector<HTMLElement>('.cnc-card') ?? null;

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
});

const ZACH: HighlightEntity = { id: 'person-zachxbt', name: 'ZachXBT', type: 'person', articleDescription: 'an on-chain investigator', mentions: [] };

describe('the card of a name the article describes', () => {
  it('shows the name, the type and the article’s words, labelled as such, without asking the knowledge base', async () => {
    const { getEntity } = open(ZACH);
    await vi.waitFor(() => expect(card()).not.toBeNull());
    expect(getEntity).not.toHaveBeenCalled();
    expect(card()!.querySelector('.cnc-card-title')?.textContent).toBe('ZachXBT');
    expect(card()!.querySelector('.cnc-card-type')?.textContent).toBe('Person');
    expect(card()!.querySelector('.cnc-from-article')?.textContent).toBe('From this article: “an on-chain investigator”');
    // nothing claimed beyond it: no facts, no "why marked", no report link, no loading or empty-entry words
    expect(card()!.querySelectorAll('section, .cnc-why, a')).toHaveLength(0);
    expect(card()!.textContent).not.toMatch(/knowledge base|Loading/);
    expect([...card()!.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? b.textContent)).toEqual(['Close', "Don't mark on this site", 'Never mark this']);
  });

  it('a name without a description still asks the knowledge base (the engine leaves such names unmarked)', async () => {
    const { getEntity } = open({ ...ZACH, articleDescription: undefined });
    await vi.waitFor(() => expect(getEntity).toHaveBeenCalledWith('person-zachxbt'));
    await vi.waitFor(() => expect(card()?.textContent).toContain('No details in the knowledge base.'));
    expect(card()!.querySelector('.cnc-from-article')).toBeNull();
  });
});
