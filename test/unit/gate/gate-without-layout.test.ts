/**
 * The gate script's layout-free verdict (lib/gate/read-gate-input.ts `gateWithoutLayout`): whenever it
 * answers, it is the exact reading's answer (`gate(readGateInput(doc))`, which reads only what is shown),
 * and so are the groups of words found when asked (`unseenGate`); where parts side by side could say more
 * than each, it leaves the page to the exact reading.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { endsWithPhraseStart, gate } from '../../../lib/gate/gate';
import { gateShown, gateWithoutLayout, readGateInput, unseenGate } from '../../../lib/gate/read-gate-input';
import { createGateScript } from '../../../lib/gate/gate-script';

afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
  document.title = '';
});

const FILL = 'and the people of the town walked along the river for a long afternoon in the sun';
const WORDS = ['hack', 'bitcoin', 'north', 'korea', 'exchange', 'attack', 'recipe', 'garden', 'crypto', 'wallet', 'drainer', 'stolen', 'weather', 'apt', '38', 'tornado', 'cash', 'news'];

function page(title: string, h1: { text: string; hidden: boolean } | null, paragraphs: { text: string; hidden: boolean }[]): void {
  document.title = title;
  const hide = (hidden: boolean): string => (hidden ? ' style="display:none"' : '');
  document.body.innerHTML = `${h1 ? `<h1${hide(h1.hidden)}>${h1.text}</h1>` : ''}${paragraphs.map((p) => `<p${hide(p.hidden)}>${p.text}</p>`).join('')}`;
}

describe('gateWithoutLayout', () => {
  it('answers for a page that fails on all it holds, with the same groups as the exact reading', () => {
    page('Weather in the garden', { text: 'Spring planting', hidden: false }, [
      { text: `${FILL}, and the bitcoin exchange was closed.`, hidden: true },
      { text: `${FILL}, then they went home.`, hidden: false },
    ]);
    // the hidden paragraph adds 'crypto' to what the page holds, but not to the head: the verdict is known,
    // the groups only once what is shown is asked
    // (what is shown is asked of each paragraph's and its ancestors' `hidden` attribute, among others)
    const asked = vi.spyOn(Element.prototype, 'hasAttribute');
    const some = gateWithoutLayout(document)!;
    expect(gate({ title: document.title, lead: some.texts.join('\n') }).hits).toEqual(['crypto']);
    expect(asked).not.toHaveBeenCalled();
    expect(unseenGate(document, some)).toEqual({ pass: false, hits: [] });
    expect(asked).toHaveBeenCalled();
    expect(gateShown(document, some)).toEqual({ result: gate(readGateInput(document)), shown: 1 });
    // the head already has every group the page holds: those, without asking what is shown
    page('Bitcoin in the garden', null, [{ text: `${FILL}, and the bitcoin exchange was closed.`, hidden: true }]);
    const quick = gateWithoutLayout(document)!;
    asked.mockClear();
    expect(unseenGate(document, quick)).toEqual({ pass: false, hits: ['crypto'] });
    expect(asked).not.toHaveBeenCalled();
    asked.mockRestore();
    expect(unseenGate(document, quick)).toEqual(gate(readGateInput(document)));
    expect(quick.elements).toHaveLength(1);
  });

  it('leaves pages that may pass, phrases across parts and long leads to the exact reading', () => {
    page('Hackers drain a crypto bridge', null, []);
    expect(gateWithoutLayout(document)).toBeNull();
    page('A walk', null, [
      { text: `${FILL} in North`, hidden: false },
      { text: `Korea ${FILL}`, hidden: false },
    ]);
    expect(gateWithoutLayout(document)).toBeNull();
    page('A walk', null, [
      { text: `${FILL} `.repeat(30), hidden: false },
      { text: `${FILL} `.repeat(30), hidden: false },
    ]);
    expect(gateWithoutLayout(document)).toBeNull();
    expect(endsWithPhraseStart('a trip to North')).toBe(true);
    expect(endsWithPhraseStart('a trip to the north.')).toBe(false);
    expect(endsWithPhraseStart('tornado')).toBe(true);
    expect(endsWithPhraseStart('a bitcoin')).toBe(false);
  });

  it('property: whenever it answers, the verdict is the exact reading\'s, and so are the groups found when asked', () => {
    const para = fc.record({ text: fc.array(fc.constantFrom(...WORDS, 'the', 'a', 'of'), { minLength: 0, maxLength: 8 }).map((w) => `${FILL} ${w.join(' ')}`.trim()), hidden: fc.boolean() });
    const short = fc.record({ text: fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 3 }).map((w) => w.join(' ')), hidden: fc.boolean() });
    let answered = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 3 }), fc.option(short, { nil: null }), fc.array(fc.oneof(para, short), { maxLength: 6 }), (title, h1, paragraphs) => {
        page(title.join(' '), h1, paragraphs);
        const quick = gateWithoutLayout(document);
        if (!quick) return;
        answered++;
        const exact = gate(readGateInput(document));
        expect(exact.pass).toBe(false);
        expect(unseenGate(document, quick)).toEqual(exact);
        expect(gateShown(document, quick).result).toEqual(exact);
      }),
      { numRuns: 400 },
    );
    expect(answered).toBeGreaterThan(50); // the property is not vacuous
  });
});

describe('the gate script on a page judged without layout', () => {
  const open = async (hidden: boolean) => {
    page('Sourdough at home', null, [
      { text: `${FILL}, with flour and water.`, hidden },
      { text: `${FILL}, with salt and patience.`, hidden },
    ]);
    const controller = new AbortController();
    const script = createGateScript({ doc: document, signal: controller.signal, sendGatePassed: async () => ({ ok: true }), annotatorPresent: () => false, publish: () => undefined });
    await script.check();
    expect(script.lastGate).toEqual({ pass: false, hits: [] });
    expect(script.watchingContent).toBe(false); // not asked yet: after the first frame
    await new Promise((r) => setTimeout(r, 100));
    const watching = script.watchingContent;
    controller.abort();
    return watching;
  };
  it('watches a page whose paragraphs are not shown (as the exact reading does), and not one that shows them', async () => {
    expect(await open(true)).toBe(true);
    expect(await open(false)).toBe(false);
  });

  it('the status says the groups of what is shown (read when asked, after a check judged without layout)', async () => {
    page('A garden', null, [
      { text: `${FILL}, and the bitcoin exchange was closed.`, hidden: true },
      { text: `${FILL}, with flour and water.`, hidden: false },
    ]);
    const controller = new AbortController();
    const script = createGateScript({ doc: document, signal: controller.signal, sendGatePassed: async () => ({ ok: true }), annotatorPresent: () => false, publish: () => undefined });
    await script.check();
    expect(gate({ title: document.title, lead: gateWithoutLayout(document)!.texts.join('\n') }).hits).toEqual(['crypto']); // all the page holds
    expect(script.lastGate).toEqual({ pass: false, hits: [] }); // what it shows
    expect(script.status().gate).toEqual({ pass: false, hits: [] });
    await new Promise((r) => setTimeout(r, 100));
    expect(script.lastGate).toEqual(gate(readGateInput(document)));
    expect(script.watchingContent).toBe(true); // one paragraph shown
    controller.abort();
  });
});
