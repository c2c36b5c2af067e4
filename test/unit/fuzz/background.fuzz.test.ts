/**
 * Fuzzing the background service (lib/background/service.ts with its analysis queue): random sequences of
 * messages from several tabs and from the popup, well-formed and malformed, wrong senders, navigations and
 * closed tabs. The service never throws or rejects, never answers a tab (or the popup about a tab) with
 * another tab's data, and its queue holds at most one pending analysis per tab and drains to empty.
 *
 * The engine is replaced by a stand-in that tags its result with the tab named in the text, so that
 * whose data an answer carries can be read off it; the real engine is fuzzed in engine.fuzz.test.ts.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createAnalysisQueue } from '../../../lib/background/analysis-queue';
import { createBackgroundService } from '../../../lib/background/service';
import { createTabStore, memoryArea } from '../../../lib/background/tab-store';
import type { Analysis, AnalysisInput } from '../../../lib/shared/contract';
import type { PageReadAnswer, TabAnalysisState } from '../../../lib/shared/messages';
import { saveSettings, setSiteDisabled } from '../../../lib/settings';

const ID = fakeBrowser.runtime.id;
const ORIGIN = `chrome-extension://${ID}/`;
const TABS = [1, 2, 3, 4];
const urlOf = (tab: number) => `https://tab${tab}.example/story`;

/** The stand-in engine: an analysis whose one entity names the tab written in the text ("TAB<n>"). */
function tagged(input: AnalysisInput): Analysis {
  const tag = /TAB(\d+)/.exec(input.text)?.[1] ?? 'none';
  return {
    title: `tab ${tag}`,
    isArticle: true,
    cryptoSecurity: { detected: !input.text.includes('PLAIN'), score: 1, reasons: [] },
    entities: [{ id: `tab-${tag}`, name: `Tab ${tag}`, type: 'threat-actor', aliases: [], mentions: [{ start: 0, end: 3, text: 'TAB' }], inferred: false, known: true }],
    amounts: [],
    addresses: [],
    summary: [],
    disclaimers: [],
    related: [],
    timingsMs: { total: 1 },
  };
}

type Cmd =
  /** `claims`: a tab id written into the message (it must be ignored: the sender's tab counts) */
  | { kind: 'read'; tab: number; readingId: number; plain: boolean; extra: string; claims?: number }
  | { kind: 'gate'; tab: number }
  | { kind: 'entity'; tab: number; id: string }
  | { kind: 'popup-state'; tab: number }
  | { kind: 'popup-toggle'; tab: number; on?: boolean }
  | { kind: 'navigate'; tab: number; closed: boolean }
  | { kind: 'junk'; tab: number; raw: unknown; sender: 'content' | 'subframe' | 'foreign' | 'file' | 'popup' }
  | { kind: 'wait'; ms: number }
  /** the reader changes settings: mode, on/off, a site off (the settings watcher pushes plans to every tab) */
  | { kind: 'settings'; mode?: 'auto' | 'click'; enabled?: boolean; siteOff?: { tab: number; off: boolean } }
  | { kind: 'annotate'; tab: number }
  | { kind: 'command'; tab: number }
  | { kind: 'mute'; tab: number; id: string }
  | { kind: 'lookup'; query: string };

const tab = fc.constantFrom(...TABS);
const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('read' as const), tab, readingId: fc.integer({ min: -3, max: 20 }), plain: fc.boolean(), extra: fc.string({ maxLength: 40 }), claims: fc.option(tab, { nil: undefined }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('gate' as const), tab }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('entity' as const), tab, id: fc.oneof(fc.constantFrom('lazarus-group', 'tab-2', '__proto__'), fc.string({ maxLength: 30 })) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('popup-state' as const), tab }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('popup-toggle' as const), tab, on: fc.option(fc.boolean(), { nil: undefined }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('navigate' as const), tab, closed: fc.boolean() }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('junk' as const),
      tab,
      raw: fc.oneof(
        fc.anything(),
        fc.record({ type: fc.constantFrom('content/page-read', 'popup/get-tab-analysis', 'content/gate-passed', 'popup/toggle-annotations'), readingId: fc.anything(), input: fc.anything(), tabId: fc.anything() }),
        // fields naming another tab or frame: only the sender counts
        fc.record({ type: fc.constant('content/gate-passed'), tabId: tab, frameId: fc.integer() }),
      ),
      sender: fc.constantFrom('content' as const, 'subframe' as const, 'foreign' as const, 'file' as const, 'popup' as const),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 5_000 }) }) },
  {
    weight: 1,
    arbitrary: fc.record(
      {
        kind: fc.constant('settings' as const),
        mode: fc.constantFrom('auto' as const, 'click' as const),
        enabled: fc.boolean(),
        siteOff: fc.record({ tab, off: fc.boolean() }),
      },
      { requiredKeys: ['kind'] },
    ),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('annotate' as const), tab }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('command' as const), tab }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('mute' as const), tab, id: fc.constantFrom('tab-1', 'lazarus-group', '') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('lookup' as const), query: fc.oneof(fc.constantFrom('Lazarus', 'tornado', '  '), fc.string({ maxLength: 20 })) }) },
);

const senderOf = (t: number, kind: 'content' | 'subframe' | 'foreign' | 'file' | 'popup') => {
  switch (kind) {
    case 'content':
      return { id: ID, url: urlOf(t), tab: { id: t }, frameId: 0 };
    case 'subframe':
      return { id: ID, url: urlOf(t), tab: { id: t }, frameId: 2 };
    case 'foreign':
      return { id: 'another-extension', url: urlOf(t), tab: { id: t }, frameId: 0 };
    case 'file':
      return { id: ID, url: 'file:///etc/passwd', tab: { id: t }, frameId: 0 };
    case 'popup':
      return { id: ID, url: `${ORIGIN}popup.html` };
  }
};

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('background service under random message sequences', () => {
  it('never throws, never mixes tabs, keeps its queue bounded and drains it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(cmd, { minLength: 1, maxLength: 30 }), async (cmds) => {
        fakeBrowser.reset();
        const queue = createAnalysisQueue(tagged);
        const svc = createBackgroundService(createTabStore(memoryArea()), async () => undefined, async (t) => urlOf(t), queue);
        const checks: Promise<void>[] = [];
        const popup = senderOf(0, 'popup');
        for (const c of cmds) {
          let answer: Promise<unknown> | undefined;
          switch (c.kind) {
            case 'read': {
              const text = `TAB${c.tab} ${c.plain ? 'PLAIN ' : ''}${c.extra}`;
              const claim = c.claims === undefined ? {} : { tabId: c.claims };
              answer = svc.onMessage({ type: 'content/page-read', readingId: c.readingId, input: { text, title: 'x' }, ...claim }, senderOf(c.tab, 'content'));
              if (answer)
                checks.push(
                  answer.then((a) => {
                    const r = a as PageReadAnswer;
                    if (r.ok) for (const e of r.plan.entities) expect(e.id).toBe(`tab-${c.tab}`);
                  }),
                );
              break;
            }
            case 'gate':
              answer = svc.onMessage({ type: 'content/gate-passed' }, senderOf(c.tab, 'content'));
              break;
            case 'entity':
              answer = svc.onMessage({ type: 'content/get-entity', id: c.id }, senderOf(c.tab, 'content'));
              break;
            case 'popup-state':
              answer = svc.onMessage({ type: 'popup/get-tab-analysis', tabId: c.tab }, popup);
              if (answer)
                checks.push(
                  answer.then((a) => {
                    const s = a as TabAnalysisState;
                    if ('analysis' in s && s.analysis) expect(s.analysis.title).toBe(`tab ${c.tab}`);
                  }),
                );
              break;
            case 'popup-toggle':
              answer = svc.onMessage({ type: 'popup/toggle-annotations', tabId: c.tab, ...(c.on === undefined ? {} : { on: c.on }) }, popup);
              break;
            case 'navigate':
              answer = svc.forgetTab(c.tab, c.closed);
              break;
            case 'junk':
              answer = svc.onMessage(c.raw, senderOf(c.tab, c.sender));
              if (c.sender !== 'content' && c.sender !== 'popup') expect(answer).toBeUndefined();
              break;
            case 'wait':
              await vi.advanceTimersByTimeAsync(c.ms);
              break;
            case 'settings':
              answer = (async () => {
                if (c.mode !== undefined || c.enabled !== undefined) await saveSettings({ ...(c.mode ? { mode: c.mode } : {}), ...(c.enabled !== undefined ? { enabled: c.enabled } : {}) });
                if (c.siteOff) await setSiteDisabled(`tab${c.siteOff.tab}.example`, c.siteOff.off);
              })();
              break;
            case 'annotate':
              answer = svc.onMessage({ type: 'popup/annotate-tab', tabId: c.tab }, popup);
              break;
            case 'command':
              answer = svc.command(c.tab);
              break;
            case 'mute':
              answer = svc.onMessage({ type: 'content/mute-entity', id: c.id }, senderOf(c.tab, 'content'));
              break;
            case 'lookup':
              answer = svc.onMessage({ type: 'popup/lookup', query: c.query }, popup);
              if (c.query.length <= 200) expect(answer).toBeDefined();
              break;
          }
          if (answer) checks.push(answer.then(() => undefined));
          // at most one pending analysis per tab, however many readings
          expect(queue.state().pending).toBeLessThanOrEqual(TABS.length);
        }
        // everything is answered once the throttle intervals have passed (the longest is 30 s)
        let settled = false;
        const all = Promise.all(checks).then(() => (settled = true));
        for (let k = 0; k < 100 && !settled; k++) await vi.advanceTimersByTimeAsync(1_000);
        await all; // rethrows a failed check or a rejection
        expect(queue.state()).toMatchObject({ pending: 0, running: null });
        expect(queue.state().tabs).toBeLessThanOrEqual(TABS.length);
        // every record the popup can read is the tab's own
        for (const t of TABS) {
          const rec = await svc.store.get(t);
          if (rec?.analysis) expect(rec.analysis.title).toBe(`tab ${t}`);
        }
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
