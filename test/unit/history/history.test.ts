import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import {
  HISTORY_KEY,
  HISTORY_MAX_ENTRIES,
  HISTORY_MAX_ENTITIES_PER_ENTRY,
  canonicalArticleUrl,
  clearHistory,
  countOtherArticlesAbout,
  countOtherArticlesByEntity,
  getHistory,
  migrateHistory,
  otherArticlesAbout,
  recordArticle,
} from '../../../lib/history';
import { saveSettings } from '../../../lib/settings';
import { resetSettingsStorageForTests } from '../../../lib/settings/storage';

beforeEach(() => {
  fakeBrowser.reset();
  resetSettingsStorageForTests();
});

const at = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, i));

describe('reading history', () => {
  it('records an article with only what the popup needs, in storage.local', async () => {
    expect(await recordArticle({ url: 'https://news.example/a?utm_source=x#top', title: ' Hack ', siteName: 'News', entityIds: ['lazarus-group', 'lazarus-group', 'bybit'], readAt: at(0) })).toBe(true);
    expect(await getHistory()).toEqual([
      { url: 'https://news.example/a', title: 'Hack', siteName: 'News', entityIds: ['lazarus-group', 'bybit'], readAt: at(0).toISOString() },
    ]);
    expect(await browser.storage.sync.get(null)).toEqual({});
  });

  it('keeps one entry per article, moved to the top when read again', async () => {
    await recordArticle({ url: 'https://a.example/1', title: 'One', entityIds: ['x'], readAt: at(0) });
    await recordArticle({ url: 'https://a.example/2', title: 'Two', entityIds: ['x'], readAt: at(1) });
    await recordArticle({ url: 'https://a.example/1#again', title: 'One', entityIds: ['x', 'y'], readAt: at(2) });
    const h = await getHistory();
    expect(h.map((e) => e.url)).toEqual(['https://a.example/1', 'https://a.example/2']);
    expect(h[0]?.entityIds).toEqual(['x', 'y']);
  });

  it(`is bounded to ${HISTORY_MAX_ENTRIES} entries, dropping the oldest`, async () => {
    const seed = Array.from({ length: HISTORY_MAX_ENTRIES }, (_, i) => ({
      url: `https://a.example/${HISTORY_MAX_ENTRIES - 1 - i}`,
      title: 't',
      entityIds: ['x'],
      readAt: at(HISTORY_MAX_ENTRIES - 1 - i).toISOString(),
    }));
    await browser.storage.local.set({ [HISTORY_KEY]: seed });
    await recordArticle({ url: 'https://a.example/new', title: 'new', entityIds: ['x'] });
    const h = await getHistory();
    expect(h).toHaveLength(HISTORY_MAX_ENTRIES);
    expect(h[0]?.url).toBe('https://a.example/new');
    expect(h.some((e) => e.url === 'https://a.example/0')).toBe(false); // the oldest went
    expect(h.some((e) => e.url === 'https://a.example/1')).toBe(true);
  });

  it('records nothing when reading history is off', async () => {
    await saveSettings({ history: false });
    expect(await recordArticle({ url: 'https://a.example/1', title: 'One', entityIds: ['x'] })).toBe(false);
    expect(await getHistory()).toEqual([]);
  });

  it('ignores non-web URLs and unreadable entries', async () => {
    expect(await recordArticle({ url: 'file:///etc/passwd', title: 'x', entityIds: [] })).toBe(false);
    await browser.storage.local.set({ [HISTORY_KEY]: [{ url: 1 }, 'junk', { url: 'https://ok.example/', title: 'ok', entityIds: [], readAt: 'x' }] });
    expect((await getHistory()).map((e) => e.url)).toEqual(['https://ok.example/']);
    await browser.storage.local.set({ [HISTORY_KEY]: 'not a list' });
    expect(await getHistory()).toEqual([]);
  });

  it('serialises concurrent records', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => recordArticle({ url: `https://a.example/${i}`, title: 't', entityIds: ['x'] })));
    expect(await getHistory()).toHaveLength(20);
  });

  it('clears in one call', async () => {
    await recordArticle({ url: 'https://a.example/1', title: 'One', entityIds: ['x'] });
    await clearHistory();
    expect(await getHistory()).toEqual([]);
  });
});

describe('other articles about an entity', () => {
  beforeEach(async () => {
    await recordArticle({ url: 'https://a.example/1', title: 'One', entityIds: ['lazarus-group'], readAt: at(0) });
    await recordArticle({ url: 'https://a.example/2', title: 'Two', entityIds: ['lazarus-group', 'tornado-cash'], readAt: at(1) });
    await recordArticle({ url: 'https://a.example/3', title: 'Three', entityIds: ['tornado-cash'], readAt: at(2) });
  });

  it('counts articles other than the current one', async () => {
    expect(await countOtherArticlesAbout('lazarus-group', 'https://a.example/2?utm_medium=x#c')).toBe(1);
    expect(await countOtherArticlesAbout('lazarus-group', 'https://elsewhere.example/')).toBe(2);
    expect(await countOtherArticlesAbout('garantex', null)).toBe(0);
    expect((await otherArticlesAbout('tornado-cash', null)).map((e) => e.title)).toEqual(['Three', 'Two']);
  });

  it('counts many entities in one read', async () => {
    const m = await countOtherArticlesByEntity(['lazarus-group', 'tornado-cash', 'nope'], 'https://a.example/3');
    expect(Object.fromEntries(m)).toEqual({ 'lazarus-group': 2, 'tornado-cash': 1 });
  });

  it('canonicalises URLs', () => {
    expect(canonicalArticleUrl('https://u:p@x.example/a?id=3&utm_campaign=z&fbclid=1#f')).toBe('https://x.example/a');
    expect(canonicalArticleUrl('https://x.example/login?session=abc123&token=s3cret')).toBe('https://x.example/login');
    expect(canonicalArticleUrl('HTTP://X.Example:8080/a/b/')).toBe('http://x.example:8080/a/b/');
    expect(canonicalArticleUrl('not a url')).toBeNull();
  });
});

describe('the current article under several addresses', () => {
  it('is left out by any of its URLs or by its title', async () => {
    await recordArticle({ url: 'http://127.0.0.1:8737/demo-article.html', title: 'UN monitors: hackers took $2 billion', entityIds: ['lazarus-group'] });
    await recordArticle({ url: 'https://b.example/older', title: 'Older story', entityIds: ['lazarus-group'] });
    const current = { urls: [null, 'https://ledgerstreet.example/news/un-monitors'], title: 'UN monitors: hackers took $2 billion' };
    expect(await countOtherArticlesAbout('lazarus-group', current)).toBe(1);
    expect(await countOtherArticlesAbout('lazarus-group', { urls: ['http://127.0.0.1:8737/demo-article.html#x'] })).toBe(1);
    expect(Object.fromEntries(await countOtherArticlesByEntity(['lazarus-group'], current))).toEqual({ 'lazarus-group': 1 });
    expect(await countOtherArticlesAbout('lazarus-group', {})).toBe(2);
  });
});

describe('addresses without query (privacy)', () => {
  it('stores no query string or fragment: no tracking ids, no session tokens', async () => {
    await recordArticle({ url: 'https://a.example/story?session=abc123&utm_source=x#p2', title: 'Story', entityIds: ['x'] });
    const stored = JSON.stringify(await browser.storage.local.get(null));
    expect(stored).not.toMatch(/abc123|utm_source|#p2/);
    expect((await getHistory())[0]?.url).toBe('https://a.example/story');
  });

  it('keeps articles that only their query told apart as separate entries (address and title)', async () => {
    await recordArticle({ url: 'https://b.example/news.php?id=1', title: 'First hack', entityIds: ['lazarus-group'], readAt: at(0) });
    await recordArticle({ url: 'https://b.example/news.php?id=2', title: 'Second hack', entityIds: ['lazarus-group'], readAt: at(1) });
    await recordArticle({ url: 'https://b.example/news.php?id=1&ref=x', title: 'First hack', entityIds: ['tornado-cash'], readAt: at(2) });
    const h = await getHistory();
    expect(h.map((e) => e.title)).toEqual(['First hack', 'Second hack']);
    expect(h[0]?.entityIds).toEqual(['tornado-cash']); // read again: refreshed, as before
    // reading the second one: the first is another article, though its address is the same
    const current = { urls: ['https://b.example/news.php?id=2'], title: 'Second hack' };
    expect(await countOtherArticlesAbout('lazarus-group', current)).toBe(0); // the first no longer names it
    expect(await countOtherArticlesAbout('tornado-cash', current)).toBe(1);
    // by address alone (no title known) every entry at that address counts as the current article
    expect(await countOtherArticlesAbout('tornado-cash', 'https://b.example/news.php?id=2')).toBe(0);
  });
});

describe('migration from history.v1 (addresses with query)', () => {
  const LEGACY = 'history.v1';
  const v1 = [
    { url: 'https://c.example/news.php?id=2&session=tok', title: 'Second', siteName: 'C', entityIds: ['tornado-cash'], readAt: at(5).toISOString() },
    { url: 'https://c.example/news.php?id=1', title: 'First', entityIds: ['lazarus-group'], readAt: at(4).toISOString() },
    { url: 'https://c.example/long?page=2', title: 'Long read', entityIds: ['bybit'], readAt: at(3).toISOString() },
    { url: 'https://c.example/long?page=1', title: 'Long read', siteName: 'C', entityIds: ['lazarus-group', 'bybit'], readAt: at(2).toISOString() },
    { url: 'https://c.example/untitled?x=1', title: 'https://c.example/untitled?x=1', entityIds: ['fbi'], readAt: at(1).toISOString() },
    { url: 'not a url?secret=1', title: 'Odd', entityIds: [], readAt: at(0).toISOString() },
  ];

  it('reads v1 at once as migrated, and the background moves it without losing an entry or an entity', async () => {
    await browser.storage.local.set({ [LEGACY]: v1 });
    const expected = [
      { url: 'https://c.example/news.php', title: 'Second', siteName: 'C', entityIds: ['tornado-cash'], readAt: at(5).toISOString() },
      { url: 'https://c.example/news.php', title: 'First', entityIds: ['lazarus-group'], readAt: at(4).toISOString() },
      // two pages of one article: one entry, every entity, the latest date, a site name
      { url: 'https://c.example/long', title: 'Long read', siteName: 'C', entityIds: ['bybit', 'lazarus-group'], readAt: at(3).toISOString() },
      { url: 'https://c.example/untitled', title: 'https://c.example/untitled', entityIds: ['fbi'], readAt: at(1).toISOString() },
      { url: 'not a url', title: 'Odd', entityIds: [], readAt: at(0).toISOString() },
    ];
    expect(await getHistory()).toEqual(expected);
    expect(await migrateHistory()).toBe(true);
    const stored = await browser.storage.local.get(null);
    expect(stored[LEGACY]).toBeUndefined();
    expect(stored[HISTORY_KEY]).toEqual(expected);
    expect(JSON.stringify(stored)).not.toMatch(/session=|\?id=|secret/);
    expect(await migrateHistory()).toBe(false); // once
    expect(await getHistory()).toEqual(expected);
  });

  it('merges with entries already in the new format (newer first), and a record also migrates', async () => {
    await browser.storage.local.set({
      [LEGACY]: v1.slice(0, 2),
      [HISTORY_KEY]: [{ url: 'https://c.example/news.php', title: 'First', entityIds: ['fbi'], readAt: at(9).toISOString() }],
    });
    await recordArticle({ url: 'https://d.example/new?utm_source=x', title: 'New', entityIds: ['x'], readAt: at(10) });
    const stored = await browser.storage.local.get(null);
    expect(stored[LEGACY]).toBeUndefined();
    expect((stored[HISTORY_KEY] as { title: string; entityIds: string[] }[]).map((e) => [e.title, e.entityIds])).toEqual([
      ['New', ['x']],
      ['First', ['fbi', 'lazarus-group']],
      ['Second', ['tornado-cash']],
    ]);
  });

  it('stays bounded, and caps merged entity lists', async () => {
    const many = Array.from({ length: HISTORY_MAX_ENTRIES + 20 }, (_, i) => ({
      url: `https://e.example/a?n=${i}`,
      title: `t${i}`,
      entityIds: Array.from({ length: 80 }, (__, j) => `e${(i % 2) * 80 + j}`),
      readAt: at(0).toISOString(),
    }));
    many.push({ url: 'https://e.example/a?n=0&p=2', title: 't0', entityIds: Array.from({ length: 80 }, (_, j) => `e${80 + j}`), readAt: at(0).toISOString() });
    await browser.storage.local.set({ [LEGACY]: many });
    await migrateHistory();
    const h = await getHistory();
    expect(h).toHaveLength(HISTORY_MAX_ENTRIES);
    expect(h[0]?.entityIds).toHaveLength(HISTORY_MAX_ENTITIES_PER_ENTRY);
  });

  it('clearing removes both formats', async () => {
    await browser.storage.local.set({ [LEGACY]: v1 });
    await clearHistory();
    expect(await browser.storage.local.get(null)).toEqual({});
  });
});
