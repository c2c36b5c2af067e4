import { describe, expect, it } from 'vitest';
import { cardEntitySchema, contentToBackgroundSchema, highlightPlanSchema, isExtensionPage, isTopFrameContentScript, parseMessage, popupToBackgroundSchema, toContentSchema } from '../../../lib/shared/messages';
import { MAX_TEXT_CHARS } from '../../../lib/shared/limits';

const EXT_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT_ID}/`;

describe('message schemas', () => {
  it('accepts a well-formed page reading and refuses an oversized one', () => {
    const ok = { type: 'content/page-read', readingId: 1, input: { text: 'Lazarus Group stole funds.', title: 'T', url: 'https://x.example/a' } };
    expect(parseMessage(contentToBackgroundSchema, ok)).toBeTruthy();
    const big = { ...ok, input: { text: 'a'.repeat(MAX_TEXT_CHARS + 1) } };
    expect(parseMessage(contentToBackgroundSchema, big)).toBeUndefined();
  });

  it('refuses unknown types, wrong field types and missing fields', () => {
    expect(parseMessage(contentToBackgroundSchema, { type: 'content/fetch-url', url: 'https://evil.example' })).toBeUndefined();
    expect(parseMessage(contentToBackgroundSchema, { type: 'content/get-entity', id: 42 })).toBeUndefined();
    expect(parseMessage(contentToBackgroundSchema, { type: 'content/get-entity', id: '' })).toBeUndefined();
    expect(parseMessage(contentToBackgroundSchema, { type: 'content/page-read', readingId: 1 })).toBeUndefined();
    expect(parseMessage(contentToBackgroundSchema, null)).toBeUndefined();
    expect(parseMessage(contentToBackgroundSchema, 'content/page-read')).toBeUndefined();
  });

  it('content messages carry no tab id: a content script cannot address another tab', () => {
    const parsed = parseMessage(contentToBackgroundSchema, { type: 'content/get-entity', id: 'lazarus-group', tabId: 7 });
    expect(parsed).toEqual({ type: 'content/get-entity', id: 'lazarus-group' });
  });

  it('popup messages are validated too', () => {
    expect(parseMessage(popupToBackgroundSchema, { type: 'popup/get-tab-analysis', tabId: 3 })).toBeTruthy();
    expect(parseMessage(popupToBackgroundSchema, { type: 'popup/get-tab-analysis', tabId: -1 })).toBeUndefined();
    expect(parseMessage(popupToBackgroundSchema, { type: 'popup/lookup', query: 'x'.repeat(201) })).toBeUndefined();
    expect(parseMessage(popupToBackgroundSchema, { type: 'popup/toggle-annotations', tabId: 3, on: 'yes' })).toBeUndefined();
  });

  it('highlight plans: offsets are non-negative integers, types are known', () => {
    const plan = {
      readingId: 1,
      show: true,
      density: 'first',
      theme: 'system',
      cardDelayMs: 400,
      entities: [{ id: 'lazarus-group', name: 'Lazarus Group', type: 'threat-actor', mentions: [{ start: 0, end: 7, text: 'Lazarus' }] }],
    };
    expect(parseMessage(highlightPlanSchema, plan)).toBeTruthy();
    expect(parseMessage(toContentSchema, { type: 'background/analysis-ready', plan })).toBeTruthy();
    const bad = structuredClone(plan);
    bad.entities[0]!.mentions[0]!.start = -3;
    expect(parseMessage(highlightPlanSchema, bad)).toBeUndefined();
    const badType = structuredClone(plan);
    badType.entities[0]!.type = 'wizard';
    expect(parseMessage(highlightPlanSchema, badType)).toBeUndefined();
  });

  it('card entities', () => {
    const e = {
      id: 'lazarus-group',
      name: 'Lazarus Group',
      type: 'threat-actor',
      aliases: [{ name: 'APT38', usedBy: ['Mandiant'] }],
      description: 'A group.',
      relations: [],
      sanctions: [],
      sources: [{ title: 'S', publisher: 'P', url: 'https://example.org' }],
    };
    expect(parseMessage(cardEntitySchema, e)).toBeTruthy();
    expect(parseMessage(cardEntitySchema, { ...e, description: 'x'.repeat(10_000) })).toBeUndefined();
  });
});

describe('sender checks', () => {
  it('a content script in the top frame of a web page', () => {
    const s = { id: EXT_ID, url: 'https://news.example/a', tab: { id: 4 }, frameId: 0 };
    expect(isTopFrameContentScript(s, EXT_ID, ORIGIN)).toBe(true);
    expect(isTopFrameContentScript({ ...s, frameId: 2 }, EXT_ID, ORIGIN)).toBe(false);
    expect(isTopFrameContentScript({ ...s, id: 'other' }, EXT_ID, ORIGIN)).toBe(false);
    expect(isTopFrameContentScript({ ...s, tab: undefined }, EXT_ID, ORIGIN)).toBe(false);
    expect(isExtensionPage(s, EXT_ID, ORIGIN)).toBe(false);
  });
  it('an extension page (popup, or popup.html open in a tab)', () => {
    expect(isExtensionPage({ id: EXT_ID, url: `${ORIGIN}popup.html` }, EXT_ID, ORIGIN)).toBe(true);
    expect(isExtensionPage({ id: EXT_ID, url: `${ORIGIN}popup.html?q=x`, tab: { id: 9 } }, EXT_ID, ORIGIN)).toBe(true);
    expect(isTopFrameContentScript({ id: EXT_ID, url: `${ORIGIN}popup.html`, tab: { id: 9 }, frameId: 0 }, EXT_ID, ORIGIN)).toBe(false);
    expect(isExtensionPage({ id: EXT_ID, url: 'https://evil.example/popup.html' }, EXT_ID, ORIGIN)).toBe(false);
  });
});
