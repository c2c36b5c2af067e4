/**
 * Property tests for the annotator (lib/annotate/annotator.ts) over random sequences of background messages, slow
 * or out-of-order answers and page mutations. The highlighter's: highlight.fuzz.test.ts.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAnnotator } from '../../../lib/annotate/annotator';
import { createCardController } from '../../../components/card/controller';
import type { HighlightPlan, PageReadAnswer } from '../../../lib/shared/messages';
import { mapOf, structure } from '../annotate/helpers';
import { buildDom, domSpec } from './arbitraries';

type Mutation = 'append-text' | 'append-el' | 'set-text' | 'remove' | 'add-p' | 'attr';
type Step =
  | { t: 'push'; current: boolean; show: boolean; pick: number }
  | { t: 'resolve'; kind: 'ok' | 'hidden' | 'wrong-id' | 'fail' | 'undefined'; pick: number }
  | { t: 'toggle'; show: boolean }
  | { t: 'scroll'; known: boolean; pick: number }
  | { t: 'reread' }
  | { t: 'status' }
  | { t: 'gate'; pass: boolean }
  | { t: 'tick'; ms: number }
  | { t: 'mutate'; op: Mutation; at: number; data: string };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ t: fc.constant('push' as const), current: fc.boolean(), show: fc.boolean(), pick: fc.nat() }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('resolve' as const), kind: fc.constantFrom('ok', 'ok', 'ok', 'hidden', 'wrong-id', 'fail', 'undefined') as fc.Arbitrary<'ok'>, pick: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('toggle' as const), show: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('scroll' as const), known: fc.boolean(), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.constant({ t: 'reread' as const }) },
  { weight: 1, arbitrary: fc.constant({ t: 'status' as const }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('gate' as const), pass: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 5_000 }) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('mutate' as const),
      op: fc.constantFrom<Mutation>('append-text', 'append-el', 'set-text', 'remove', 'add-p', 'attr'),
      at: fc.nat(),
      data: fc.constantFrom('Lazarus Group', ' and the FBI', '', 'x', '😀 e\u0301', 'Tornado Cash'),
    }),
  },
);

/** A plan for `text`: some words of it as mentions of entities whose ids carry the plan's serial number. */
function planFor(text: string, readingId: number, serial: number, pick: number, show: boolean): HighlightPlan {
  const words = [...text.matchAll(/[A-Za-z]+/g)];
  const entities: HighlightPlan['entities'] = [];
  for (let k = 0; k < 3 && words.length; k++) {
    const chosen = words.filter((_, i) => (i + pick + k) % 3 === 0).slice(0, 4);
    if (!chosen.length) continue;
    entities.push({
      id: `s${serial}-e${k}`,
      name: `Entity ${serial}.${k}`,
      type: 'threat-actor',
      mentions: chosen.map((w) => ({ start: w.index!, end: w.index! + w[0].length, text: w[0] })),
    });
  }
  return { readingId, show, density: pick % 2 ? 'first' : 'all', theme: 'system', cardDelayMs: 400, entities };
}

const serialOf = (entityId: string): number => Number(/^s(\d+)-/.exec(entityId)![1]);
const bodyShape = (root: Node): string => Array.from(root.childNodes).map(structure).join(',');

describe('annotator fuzz', () => {
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  it('random messages, answers and page mutations: never throws, never paints a stale plan, toggle off restores the page', async () => {
    const scroll = Element.prototype.scrollIntoView;
    Element.prototype.scrollIntoView = () => {};
    const errors: unknown[] = [];
    const onError = (e: unknown): void => void errors.push(e);
    process.on('unhandledRejection', onError);
    window.addEventListener('error', onError);
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(domSpec, { minLength: 1, maxLength: 4 }), fc.array(step, { minLength: 6, maxLength: 30 }), async (paragraphs, steps) => {
          vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
          document.body.innerHTML = '';
          for (const spec of paragraphs) {
            const p = document.createElement('p');
            buildDom(p, spec);
            document.body.appendChild(p);
          }
          // the page as it would be without us: the same mutations are applied to this copy
          const model = document.createElement('div');
          for (const p of document.body.childNodes) model.appendChild(p.cloneNode(true));
          const head = structure(document.head);
          const sheets = document.adoptedStyleSheets.length;
          let gatePass = true;
          let serial = 0;
          let latestId = 0;
          let latestText = '';
          const accepted = new Set<number>();
          const pending: Array<{ id: number; text: string; answer: (a: PageReadAnswer | undefined) => void }> = [];
          const abort = new AbortController();
          const annotator = createAnnotator({
            doc: document,
            signal: abort.signal,
            readGate: () => ({ pass: gatePass, hits: gatePass ? ['strong'] : [] }),
            readPage: (doc) => {
              const { text, map } = mapOf(doc.body);
              return { input: { text }, map };
            },
            pageRead: (id, input) => {
              latestId = id;
              latestText = input.text;
              return new Promise((answer) => pending.push({ id, text: input.text, answer }));
            },
            getEntity: async () => undefined,
            muteEntity: async () => ({ ok: true }),
            homepage: null,
            createCard: createCardController,
          });
          const settle = async (): Promise<void> => {
            for (let i = 0; i < 3; i++) await vi.advanceTimersByTimeAsync(0);
          };
          const page = (): string => structure(document.documentElement);
          void annotator.run();
          await settle();
          try {
            for (const s of steps) {
              switch (s.t) {
                case 'push': {
                  const { readingId } = (await annotator.handle({ type: 'background/get-status' })) as { readingId: number };
                  const id = s.current ? readingId : readingId + 1 + (s.pick % 3);
                  const plan = planFor(latestText, id, ++serial, s.pick, s.show);
                  const before = page();
                  const answer = await annotator.handle({ type: 'background/analysis-ready', plan });
                  if (id === readingId) {
                    expect(answer).toEqual({ ok: true });
                    accepted.add(serial);
                  } else {
                    // a plan for another reading: refused, and the page is exactly as it was
                    expect(answer).toEqual({ ok: false });
                    expect(page()).toBe(before);
                  }
                  break;
                }
                case 'resolve': {
                  const r = pending.splice(s.pick % Math.max(1, pending.length), 1)[0];
                  if (!r) break;
                  const id = s.kind === 'wrong-id' ? r.id + 5 : r.id;
                  if (s.kind === 'fail') r.answer({ ok: false, reason: 'error' });
                  else if (s.kind === 'undefined') r.answer(undefined);
                  else {
                    const plan = planFor(r.text, id, ++serial, s.pick, s.kind !== 'hidden');
                    if (r.id === latestId) accepted.add(serial); // hidden too: a toggle on paints it
                    r.answer({ ok: true, plan });
                  }
                  break;
                }
                case 'toggle': {
                  const answer = await annotator.handle({ type: 'background/toggle', show: s.show });
                  if (!s.show && (answer as { ok: boolean }).ok) {
                    // off: the page is the page without us, node for node, in the head too
                    expect(bodyShape(document.body)).toBe(bodyShape(model));
                    expect(structure(document.head)).toBe(head);
                    expect(document.querySelector('cncmark,div[data-cnc-ui]')).toBeNull();
                    expect(document.adoptedStyleSheets).toHaveLength(sheets);
                  }
                  break;
                }
                case 'scroll': {
                  const marks = annotator.highlighter.all();
                  const known = s.known && marks.length ? annotator.highlighter.recordOf(marks[s.pick % marks.length]!)!.entityId : `nobody-${s.pick}`;
                  const answer = await annotator.handle({ type: 'popup/scroll-to-entity', id: known });
                  expect(answer).toEqual({ ok: s.known && marks.length > 0 });
                  break;
                }
                case 'reread':
                  expect(await annotator.handle({ type: 'background/reread' })).toEqual({ ok: true });
                  break;
                case 'status': {
                  const st = (await annotator.handle({ type: 'background/get-status' })) as { marks: number; readingId: number };
                  expect(st.marks).toBe(annotator.highlighter.all().length);
                  expect(st.readingId).toBe(latestId);
                  break;
                }
                case 'gate':
                  gatePass = s.pass;
                  break;
                case 'tick':
                  await vi.advanceTimersByTimeAsync(s.ms);
                  break;
                case 'mutate': {
                  const real = [...document.body.children];
                  const copy = [...model.children];
                  const i = real.length ? s.at % real.length : -1;
                  const both = (fn: (root: Element, p: Element | undefined) => void): void => {
                    fn(document.body, real[i]);
                    fn(model, copy[i]);
                  };
                  if (s.op === 'add-p' || i < 0) {
                    both((root) => root.appendChild(document.createElement('p')).append(s.data));
                  } else if (s.op === 'append-text') both((_, p) => p!.appendChild(document.createTextNode(s.data)));
                  else if (s.op === 'append-el') both((_, p) => p!.appendChild(document.createElement('b')).append(s.data));
                  else if (s.op === 'set-text') both((_, p) => (p!.textContent = s.data));
                  else if (s.op === 'remove') both((_, p) => p!.remove());
                  else both((_, p) => p!.setAttribute('data-x', s.data));
                  break;
                }
              }
              await settle();
              expect(errors).toEqual([]);
              // every mark comes from one plan, and that plan was for the reading that was current when it came
              const marks = annotator.highlighter.all();
              const serials = new Set(marks.map((m) => serialOf(annotator.highlighter.recordOf(m)!.entityId)));
              expect(serials.size).toBeLessThanOrEqual(1);
              for (const n of serials) expect(accepted.has(n)).toBe(true);
              for (const m of marks) expect(annotator.highlighter.recordOf(m)!.text).toContain(m.textContent!.trim());
              expect(mapOf(document.body).text).toBe(mapOf(model).text);
            }
          } finally {
            abort.abort();
          }
          for (const r of pending) r.answer(undefined);
          await settle();
          // the content script stopped: nothing of ours is left
          expect(bodyShape(document.body)).toBe(bodyShape(model));
          expect(document.querySelector('cncmark,div[data-cnc-ui]')).toBeNull();
          expect(errors).toEqual([]);
          vi.useRealTimers();
        }),
        { numRuns: 80 },
      );
    } finally {
      Element.prototype.scrollIntoView = scroll;
      process.off('unhandledRejection', onError);
      window.removeEventListener('error', onError);
    }
  }, 60_000);
});
