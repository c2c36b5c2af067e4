/**
 * Fuzzing the message validators (lib/shared/messages.ts): random and near-valid objects are accepted or
 * rejected, never thrown on; whatever is accepted respects the limits; sender checks never throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardEntitySchema, contentStatusSchema, contentToBackgroundSchema, highlightPlanSchema, isExtensionPage, isTopFrameContentScript, pageReadAnswerSchema, parseMessage, popupToBackgroundSchema, toContentSchema } from '../../../lib/shared/messages';
import { MAX_QUERY_CHARS, MAX_TEXT_CHARS } from '../../../lib/shared/limits';

/** Every schema, seen through the parser's own parameter type. */
type AnyParser = Parameters<typeof parseMessage<unknown>>[0];
const SCHEMAS: Record<string, AnyParser> = {
  contentToBackgroundSchema,
  popupToBackgroundSchema,
  toContentSchema,
  highlightPlanSchema,
  cardEntitySchema,
  contentStatusSchema,
  pageReadAnswerSchema,
};

const TYPES = [
  'content/gate-passed',
  'content/page-read',
  'content/get-entity',
  'content/mute-entity',
  'popup/get-tab-analysis',
  'popup/lookup',
  'popup/get-entity',
  'popup/toggle-annotations',
  'background/analysis-ready',
  'background/toggle',
  'background/get-status',
  'popup/scroll-to-entity',
  '__proto__',
  'constructor',
  '',
];

/** Values that look like what a field might hold, plus hostile ones. */
const fieldValue = fc.oneof(
  fc.anything(),
  fc.integer(),
  fc.constantFrom(-1, 0, 1, 2 ** 31, Number.MAX_SAFE_INTEGER, NaN, Infinity, -0, 1.5),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constantFrom('x'.repeat(MAX_TEXT_CHARS + 1), 'y'.repeat(3_000), '', 'lazarus-group'),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.anything(), { maxLength: 5 }),
);

const nearValid = fc.record(
  {
    type: fc.constantFrom(...TYPES),
    readingId: fieldValue,
    id: fieldValue,
    tabId: fieldValue,
    query: fieldValue,
    limit: fieldValue,
    on: fieldValue,
    show: fieldValue,
    input: fc.oneof(fieldValue, fc.record({ text: fieldValue, title: fieldValue, url: fieldValue, structure: fieldValue }, { requiredKeys: [] })),
    plan: fc.oneof(
      fieldValue,
      fc.record(
        {
          readingId: fieldValue,
          show: fieldValue,
          entities: fc.oneof(fieldValue, fc.array(fc.record({ id: fieldValue, name: fieldValue, type: fieldValue, mentions: fieldValue }, { requiredKeys: [] }), { maxLength: 3 })),
          density: fc.constantFrom('first', 'all', 'none', 1),
          theme: fc.constantFrom('system', 'dark', 'x'),
          cardDelayMs: fieldValue,
        },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: ['type'] },
);

describe('messaging fuzz', () => {
  it('every validator accepts or rejects random values without throwing', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything({ withNullPrototype: true, withObjectString: true, maxDepth: 4 }), nearValid), (raw) => {
        for (const schema of Object.values(SCHEMAS)) {
          expect(() => parseMessage(schema, raw)).not.toThrow();
        }
      }),
      { numRuns: 200 },
    );
  });

  it('what is accepted respects the limits and validates again unchanged', () => {
    fc.assert(
      fc.property(nearValid, (raw) => {
        const c = parseMessage(contentToBackgroundSchema, raw);
        if (c?.type === 'content/page-read') {
          expect(c.input.text.length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
          expect(Number.isInteger(c.readingId)).toBe(true);
        }
        if (c?.type === 'content/gate-passed') expect(Object.keys(c)).toEqual(['type']); // nothing else is carried
        if (c && c.type !== 'content/page-read' && c.type !== 'content/gate-passed') expect(c.id.length).toBeGreaterThan(0);
        const p = parseMessage(popupToBackgroundSchema, raw);
        if (p?.type === 'popup/lookup') expect(p.query.length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
        if (p && 'tabId' in p) expect(Number.isInteger(p.tabId) && p.tabId >= 0).toBe(true);
        const t = parseMessage(toContentSchema, raw);
        if (t?.type === 'background/analysis-ready') {
          for (const e of t.plan.entities) for (const m of e.mentions) expect(Number.isInteger(m.start) && m.start >= 0 && m.end <= MAX_TEXT_CHARS).toBe(true);
          expect(t.plan.cardDelayMs).toBeGreaterThanOrEqual(0);
        }
        // accepted messages survive the JSON-like transport of runtime messaging and validate again
        if (c) expect(parseMessage(contentToBackgroundSchema, JSON.parse(JSON.stringify(c)))).toBeDefined();
        if (p) expect(parseMessage(popupToBackgroundSchema, JSON.parse(JSON.stringify(p)))).toBeDefined();
        if (t) expect(parseMessage(toContentSchema, JSON.parse(JSON.stringify(t)))).toBeDefined();
      }),
      { numRuns: 200 },
    );
  });

  it('a hand-made valid message of each direction is accepted (the fuzz above is not vacuous)', () => {
    expect(parseMessage(contentToBackgroundSchema, { type: 'content/page-read', readingId: 1, input: { text: 'x' } })).toBeDefined();
    expect(parseMessage(popupToBackgroundSchema, { type: 'popup/lookup', query: 'Lazarus' })).toBeDefined();
    expect(parseMessage(toContentSchema, { type: 'background/toggle', show: true })).toBeDefined();
    expect(parseMessage(contentToBackgroundSchema, { type: 'content/page-read', readingId: 1, input: { text: 'x'.repeat(MAX_TEXT_CHARS + 1) } })).toBeUndefined();
  });

  it('sender checks never throw and only accept our own extension', () => {
    const sender = fc.record(
      {
        id: fc.oneof(fc.constant('ext-id'), fc.string(), fc.anything()),
        url: fc.oneof(fc.constantFrom('chrome-extension://ext-id/popup.html', 'https://news.example/a', 'http://127.0.0.1/x', 'file:///etc/passwd', 'javascript:alert(1)'), fc.anything()),
        tab: fc.oneof(fc.record({ id: fc.oneof(fc.integer({ min: -5, max: 5 }), fc.anything()) }, { requiredKeys: [] }), fc.anything()),
        frameId: fc.oneof(fc.integer({ min: -1, max: 3 }), fc.anything()),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(sender, (s) => {
        const asSender = s as Parameters<typeof isExtensionPage>[0];
        const page = isExtensionPage(asSender, 'ext-id', 'chrome-extension://ext-id/');
        const content = isTopFrameContentScript(asSender, 'ext-id', 'chrome-extension://ext-id/');
        if (page || content) expect(s.id).toBe('ext-id');
        if (page) expect(String(s.url).startsWith('chrome-extension://ext-id/')).toBe(true);
        if (content) expect(String(s.url)).toMatch(/^https?:/);
        expect(page && content).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
