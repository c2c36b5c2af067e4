/**
 * Words the background shows (issue 17): the context menu's title, the popup's reasons for a page it did not
 * read and an address card's description go through browser.i18n, and in English say exactly what they said before the move to messages.json.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { addressCardEntity } from '../../../lib/background/card-data';
import { createMenus } from '../../../lib/background/menus';
import { tabStateOf } from '../../../lib/background/tab-state';
import type { TabRecord } from '../../../lib/background/tab-store';
import { createLookup, loadKb } from '../../../lib/kb';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import type { Analysis } from '../../../lib/shared/contract';
import type { ContentStatus } from '../../../lib/shared/messages';
import type { Reason } from '../../../lib/shared/reasons';
import { plainReasons } from '../../../components/popup/reasons';

const i18n = (browser as unknown as { i18n: { getMessage: (k: string, s?: string[]) => string } }).i18n;
/** A browser whose messages are their keys: shows which message each word came from. */
const keysOnly = () => vi.spyOn(i18n, 'getMessage').mockImplementation((k) => `[${k}]`);

afterEach(() => vi.restoreAllMocks());

const URL = 'https://news.example/a';
const settings = { ...DEFAULT_SETTINGS, enabled: true, mode: 'auto' as const };
const status = (over: Partial<ContentStatus> = {}): ContentStatus => ({ url: URL, readingId: 0, gate: { pass: true, hits: [] }, marks: 0, ...over });
const record = (over: Partial<TabRecord>): TabRecord => ({ url: URL, host: 'news.example', phase: 'analysing', readingId: 1, show: true, updatedAt: 0, ...over });
const reasons = (s: ReturnType<typeof tabStateOf>) => ('reasons' in s ? s.reasons : undefined);

/** The four reasons the background gives itself: the gate said no, no text, a failed reading, not crypto security. */
function fourReasons(): (Reason[] | undefined)[] {
  const unread = { isArticle: true, cryptoSecurity: { reasons: [] } } as unknown as Analysis;
  return [
    reasons(tabStateOf({ settings, record: undefined, status: status({ gate: { pass: false, hits: [] } }), url: undefined })),
    reasons(tabStateOf({ settings, record: undefined, status: status({ skipped: 'no-text' }), url: undefined })),
    reasons(tabStateOf({ settings, record: record({ phase: 'error' }), status: status({ readingId: 1 }), url: undefined })),
    reasons(tabStateOf({ settings, record: record({ phase: 'not-crypto-security', analysis: unread }), status: status({ readingId: 1 }), url: undefined })),
  ];
}

describe("the popup's reasons", () => {
  it('are codes, not words: the popup words them (components/popup/reasons.ts)', () => {
    expect(fourReasons()).toEqual([[{ code: 'gateFailed' }], [{ code: 'noText' }], [{ code: 'error' }], [{ code: 'notCryptoSecurity' }]]);
  });

  it('a page that is not an article: the engine’s reason, with its parameters; the names a page does mention', () => {
    const short = { isArticle: false, articleWhy: { code: 'fewWords', params: [45] }, cryptoSecurity: { reasons: ['only notes'] } } as unknown as Analysis;
    const named = { isArticle: true, cryptoSecurity: { reasons: [], names: ['Binance', 'FBI'] } } as unknown as Analysis;
    const of = (phase: 'not-article' | 'not-crypto-security', analysis: Analysis | undefined) =>
      reasons(tabStateOf({ settings, record: record({ phase, ...(analysis ? { analysis } : {}) }), status: status({ readingId: 1 }), url: undefined }));
    expect(of('not-article', short)).toEqual([{ code: 'fewWords', params: [45] }]);
    expect(of('not-article', undefined)).toEqual([{ code: 'notArticle' }]);
    expect(of('not-crypto-security', named)).toEqual([{ code: 'notCryptoSecurity' }, { code: 'knownNames', params: ['Binance', 'FBI'] }]);
  });

  it('in English, word for word as before', () => {
    expect(fourReasons().map((r) => plainReasons(r ?? []))).toEqual([
      ['A quick check of the title and first paragraphs found no crypto-security words, so the page was not analysed.'],
      ['The page has no article text to read.'],
      ['The page could not be analysed.'],
      ['It says too little about crypto theft, hacking, ransomware, sanctions or laundering to be taken as crypto-security news.'],
    ]);
  });

  it('from the browser’s messages', () => {
    keysOnly();
    expect(fourReasons().map((r) => plainReasons(r ?? []))).toEqual([['[popReasonGateFailed]'], ['[popReasonNoText]'], ['[popReasonError]'], ['[popWhyTooLittle]']]);
  });
});

describe("the context menu's title", () => {
  const menus = (browser as unknown as { contextMenus: { create: (p: { title?: string }) => void; removeAll: () => Promise<void> } }).contextMenus;
  const titles = async (): Promise<(string | undefined)[]> => {
    vi.spyOn(menus, 'removeAll').mockResolvedValue(undefined);
    const create = vi.spyOn(menus, 'create').mockImplementation(() => undefined);
    await createMenus();
    return create.mock.calls.map(([p]) => p.title);
  };

  it('in English, as before, with the %s the browser fills with the selection', async () => {
    expect(await titles()).toEqual(['Look up “%s” in Crypto News Context']);
  });

  it('from the browser’s messages', async () => {
    keysOnly();
    expect(await titles()).toEqual(['[uiMenuLookUp]']);
  });
});

describe("an address card's words", () => {
  const kb = loadKb().kb;
  const listed = kb.addresses.find((a) => a.chain === 'ETH')!;
  // the same address listed with no designated entity: no programme to show
  const lookup = createLookup({ ...kb, addresses: [{ address: listed.address, chain: 'ETH', asOf: listed.asOf, source: listed.source }] });
  const eth = listed.address.toLowerCase();
  /** the address with the case of its first letter flipped: mixed case that fails the checksum */
  const at = listed.address.search(/[a-fA-F]/);
  const c = listed.address[at]!;
  const mistyped = listed.address.slice(0, at) + (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()) + listed.address.slice(at + 1);
  const words = () => {
    const ok = addressCardEntity(lookup, `address-eth-${eth}`)!;
    const bad = addressCardEntity(lookup, `address-eth-${mistyped}`);
    return [ok.description, ok.sanctions[0]?.programme, bad?.description];
  };

  it('in English, with no article before the ticker', () => {
    // no article: "A ETH address" was wrong, and an article that depends on the ticker's sound cannot be translated
    expect(words()).toEqual(['ETH address.', 'SDN list', 'ETH address whose checksum fails (possibly mistyped).']);
  });

  it('from the browser’s messages, the chain passed as it is', () => {
    vi.spyOn(i18n, 'getMessage').mockImplementation((k, s) => `[${k}${s ? `|${s.join('|')}` : ''}]`);
    expect(words()).toEqual(['[cardAddressIs|ETH]', '[cardAddressSdnList]', '[cardAddressIsMistyped|ETH]']);
  });
});
