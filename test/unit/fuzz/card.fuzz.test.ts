/**
 * Property tests for the hover card controller (components/card/controller.tsx): random sequences of real
 * (trusted) and synthetic pointer, click and key events on our marks, a page-made look-alike and the page,
 * clicks on the card's buttons, slow, failing and out-of-order answers from the background, plan changes
 * and a page that rewrites our marks. happy-dom has no `isTrusted`; `real()` marks an event as one the
 * browser made from real input, as test/unit/annotate/card-controller.test.ts does.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCardController } from '../../../components/card/controller';
import { Highlighter } from '../../../lib/annotate/highlight';
import type { CardEntity, HighlightEntity } from '../../../lib/shared/messages';
import { mapOf, mention } from '../annotate/helpers';

const IDS = ['lazarus-group', 'tornado-cash', 'fbi', 'ronin-bridge', 'ofac'] as const;
const PAGE =
  '<p>Analysts blamed the Lazarus Group and the <em>Tornado</em> Cash mixer; the FBI said so.</p>' +
  '<p>See the <a href="https://example.org/r">Ronin bridge</a> report. OFAC acted. Lazarus Group again.</p>' +
  '<p>Official: <cncmark id="spoof" data-cnc-entity="no-such" data-cnc-mention="no-such~0" tabindex="0" role="button">SEND YOUR COINS</cncmark></p>';
const INJECTED = 'PAGE-INJECTED';

/** The background's words for an entity: every string carries the entity's id, so a card can be traced to its entity. */
const bgEntity = (id: string): CardEntity => ({
  id,
  name: `BG name ${id}`,
  type: 'threat-actor',
  aliases: [],
  description: `BG description ${id}.`,
  relations: [],
  sanctions: [],
  sources: [{ title: `BG source ${id}`, url: 'https://example.org/s' }],
});

type Target = number; // index into the targets at the time of the step
type Step =
  | { t: 'over' | 'out' | 'down' | 'click'; target: Target; to: Target; trusted: boolean; pointer: 'mouse' | 'touch' | 'pen' }
  | { t: 'key'; target: Target; key: 'Enter' | ' ' | 'Escape' | 'Tab' | 'a'; trusted: boolean; shift: boolean }
  | { t: 'button'; which: number; trusted: boolean }
  | { t: 'cardkey'; key: 'Escape' | 'Tab'; trusted: boolean; shift: boolean }
  | { t: 'tick'; ms: number }
  | { t: 'plan'; keep: boolean[]; version: number }
  | { t: 'rewrite'; target: Target }
  | { t: 'openFor'; target: Target };

const target = fc.nat({ max: 20 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ t: fc.constantFrom('over', 'out', 'down', 'click') as fc.Arbitrary<'over'>, target, to: target, trusted: fc.boolean(), pointer: fc.constantFrom('mouse', 'mouse', 'touch', 'pen') as fc.Arbitrary<'mouse'> }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('key' as const), target, key: fc.constantFrom('Enter', ' ', 'Escape', 'Tab', 'a') as fc.Arbitrary<'Enter'>, trusted: fc.boolean(), shift: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('button' as const), which: fc.nat(), trusted: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('cardkey' as const), key: fc.constantFrom('Escape', 'Tab') as fc.Arbitrary<'Escape'>, trusted: fc.boolean(), shift: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 1_500 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('plan' as const), keep: fc.array(fc.boolean(), { minLength: IDS.length, maxLength: IDS.length }), version: fc.nat({ max: 9 }) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('rewrite' as const), target }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('openFor' as const), target }) },
);
/** How the background answers each entity: after a delay, with its data, nothing, or an error; and the mute's answer. */
const background = fc.record({
  delay: fc.array(fc.integer({ min: 0, max: 800 }), { minLength: IDS.length, maxLength: IDS.length }),
  answer: fc.array(fc.constantFrom('data', 'data', 'none', 'reject'), { minLength: IDS.length, maxLength: IDS.length }),
  mute: fc.constantFrom<unknown>({ ok: true }, { ok: false }, { ok: false, message: 'Storage is full.' }, 'reject'),
});

/** An event as the browser makes it from real input (isTrusted: true). */
function real<E extends Event>(e: E): E {
  Object.defineProperty(e, 'isTrusted', { value: true });
  return e;
}

let roots: ShadowRoot[];
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
  vi.useRealTimers();
  document.body.innerHTML = '';
});

const card = (): HTMLElement | null => roots.at(-1)?.querySelector<HTMLElement>('.cnc-card') ?? null;

describe('hover card fuzz', () => {
  it('random real and synthetic input: never throws; synthetic events change nothing; the card shows only its mark’s entity, from the plan and the background', async () => {
    const errors: unknown[] = [];
    const onError = (e: unknown): void => void errors.push(e);
    process.on('unhandledRejection', onError);
    window.addEventListener('error', onError);
    const consoleError = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void errors.push(a));
    try {
      await fc.assert(
        fc.asyncProperty(background, fc.array(step, { minLength: 5, maxLength: 40 }), async (bg, steps) => {
          vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'requestAnimationFrame', 'cancelAnimationFrame'] });
          roots.length = 0;
          document.body.innerHTML = PAGE;
          const { text, map } = mapOf(document.body);
          const h = new Highlighter(document);
          h.sync(map, [
            mention(text, 'Lazarus Group', 'lazarus-group', 0),
            mention(text, 'Tornado Cash', 'tornado-cash'),
            mention(text, 'FBI', 'fbi'),
            mention(text, 'Ronin bridge', 'ronin-bridge'),
            mention(text, 'OFAC', 'ofac'),
            mention(text, 'Lazarus Group', 'lazarus-group', 1),
          ]);
          const spoof = document.getElementById('spoof')!;
          let planned = new Map<string, HighlightEntity>(IDS.map((id) => [id, { id, name: `Plan name ${id} v0`, type: 'threat-actor', mentions: [] }]));
          const getEntity = vi.fn((id: string) => {
            const i = IDS.indexOf(id as (typeof IDS)[number]);
            return new Promise<CardEntity | undefined>((ok, fail) =>
              setTimeout(() => (bg.answer[i] === 'reject' ? fail(new Error('gone')) : ok(bg.answer[i] === 'data' ? bgEntity(id) : undefined)), bg.delay[i]),
            );
          });
          const onMute = vi.fn(async () => (bg.mute === 'reject' ? Promise.reject(new Error('quota')) : bg.mute));
          const abort = new AbortController();
          const controller = createCardController({
            doc: document,
            signal: abort.signal,
            getEntity,
            planEntity: (id) => planned.get(id),
            onMute,
            theme: () => 'system',
            homepage: 'https://github.com/example/repo',
            markRecord: (el) => h.recordOf(el),
            piecesOf: (key) => h.piecesOf(key),
          });
          const marks = h.all();
          const targets = (): Element[] => [...marks, spoof, document.body, document.querySelector('p'), document.querySelector('a')].filter((e): e is HTMLElement => e !== null);
          const pick = (i: number): Element => targets()[i % targets().length]!;
          const snapshot = () => ({
            open: controller.timing.openMark,
            token: controller.timing.token,
            timers: vi.getTimerCount(),
            getEntity: getEntity.mock.calls.length,
            onMute: onMute.mock.calls.length,
            host: document.querySelector('div[data-cnc-ui]') !== null,
            card: card()?.outerHTML ?? null,
            expanded: marks.map((m) => m.getAttribute('aria-expanded')),
            focus: document.activeElement,
          });
          const send = (el: Element, e: Event, trusted: boolean): void => {
            el.dispatchEvent(trusted ? real(e) : e);
          };
          try {
            for (const s of steps) {
              const before = snapshot();
              let synthetic = false;
              switch (s.t) {
                case 'over':
                case 'out':
                case 'down': {
                  const type = s.t === 'over' ? 'pointerover' : s.t === 'out' ? 'pointerout' : 'pointerdown';
                  send(pick(s.target), new PointerEvent(type, { bubbles: true, composed: true, pointerType: s.pointer, relatedTarget: pick(s.to) }), s.trusted);
                  synthetic = !s.trusted;
                  break;
                }
                case 'click':
                  send(pick(s.target), new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }), s.trusted);
                  synthetic = !s.trusted;
                  break;
                case 'key': {
                  const el = pick(s.target) as HTMLElement;
                  send(el, new KeyboardEvent('keydown', { key: s.key, shiftKey: s.shift, bubbles: true, cancelable: true, composed: true }), s.trusted);
                  synthetic = !s.trusted;
                  break;
                }
                case 'button': {
                  const buttons = [...(roots.at(-1)?.querySelectorAll('button') ?? [])];
                  const b = buttons[s.which % Math.max(1, buttons.length)];
                  if (!b) break;
                  send(b, new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }), s.trusted);
                  if (!s.trusted) b.click();
                  synthetic = !s.trusted;
                  break;
                }
                case 'cardkey': {
                  const c = card();
                  if (!c) break;
                  send(c, new KeyboardEvent('keydown', { key: s.key, shiftKey: s.shift, bubbles: true, cancelable: true, composed: true }), s.trusted);
                  synthetic = !s.trusted;
                  break;
                }
                case 'tick':
                  await vi.advanceTimersByTimeAsync(s.ms);
                  break;
                case 'plan':
                  planned = new Map(IDS.filter((_, i) => s.keep[i]).map((id) => [id, { id, name: `Plan name ${id} v${s.version}`, type: 'threat-actor', mentions: [] }]));
                  break;
                case 'rewrite': {
                  // the page edits one of our marks: its attributes and text (our record of it stays)
                  const m = marks[s.target % marks.length]!;
                  const other = IDS[(IDS.indexOf(h.recordOf(m)!.entityId as (typeof IDS)[number]) + 1 + (s.target % 4)) % IDS.length]!;
                  m.setAttribute('data-cnc-entity', other);
                  m.setAttribute('data-cnc-mention', `${other}~0`);
                  m.textContent = `${INJECTED} ${IDS[s.target % IDS.length]}`;
                  break;
                }
                case 'openFor':
                  controller.openFor(pick(s.target) as HTMLElement);
                  break;
              }
              if (synthetic) {
                // a synthetic event opens, closes, schedules, asks and presses nothing
                expect(snapshot()).toEqual(before);
              }
              await vi.advanceTimersByTimeAsync(0);
              expect(errors).toEqual([]);
              const open = controller.timing.openMark;
              if (!open) {
                expect(card()).toBeNull();
                continue;
              }
              // only a mark we made opens a card, and it is the first piece of its mention
              const rec = h.recordOf(open)!;
              expect(rec).toBeDefined();
              expect(h.piecesOf(rec.key)[0] ?? open).toBe(open);
              const c = card();
              if (!c) continue; // the page took our host out of the document
              expect(c.getAttribute('data-cnc-card-entity')).toBe(rec.entityId);
              const title = c.querySelector('.cnc-card-title')?.textContent ?? '';
              expect(title === `BG name ${rec.entityId}` || title.startsWith(`Plan name ${rec.entityId} v`) || title === rec.text).toBe(true);
              const words = c.textContent ?? '';
              expect(words).not.toContain(INJECTED);
              expect(words).not.toContain('SEND YOUR COINS');
              for (const other of IDS) if (other !== rec.entityId) expect(words).not.toContain(` ${other}`);
            }
          } finally {
            abort.abort();
            controller.dispose();
            vi.useRealTimers();
          }
          expect(document.querySelector('div[data-cnc-ui]')).toBeNull();
        }),
        { numRuns: 60 },
      );
    } finally {
      process.off('unhandledRejection', onError);
      window.removeEventListener('error', onError);
      consoleError.mockRestore();
    }
  }, 60_000);
});
