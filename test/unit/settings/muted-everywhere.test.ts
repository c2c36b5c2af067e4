/**
 * "Never mark this": the global muted list (settings field `mutedEverywhere`), its storage without a version
 * bump (docs/adr/0007), the plan that leaves those names unmarked on every site, and the background's answer
 * to the card's message.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { buildPlan } from '../../../lib/background/plan';
import { createBackgroundService } from '../../../lib/background/service';
import { createTabStore, memoryArea } from '../../../lib/background/tab-store';
import type { Analysis, AnalysisEntity } from '../../../lib/shared/contract';
import { contentToBackgroundSchema, parseMessage } from '../../../lib/shared/messages';
import {
  SETTINGS_VERSION,
  SettingsValidationError,
  defaultSettings,
  getSettings,
  loadSettings,
  muteEntityEverywhere,
  repairSettings,
  saveSettings,
  storageErrorMessage,
  unmuteEntityEverywhere,
} from '../../../lib/settings';
import { SITES_KEY, SYNC_KEY, resetSettingsStorageForTests } from '../../../lib/settings/storage';
import { content } from '../background/senders';

beforeEach(() => {
  fakeBrowser.reset();
  resetSettingsStorageForTests();
});

const ent = (id: string): AnalysisEntity => ({ id, name: id, type: 'agency', aliases: [], inferred: false, mentions: [{ start: 0, end: 3, text: 'abc' }] });
const analysis = (ids: string[]): Analysis => ({
  title: 't',
  isArticle: true,
  cryptoSecurity: { detected: true, score: 1, reasons: [] },
  entities: ids.map(ent),
  amounts: [],
  addresses: [],
  summary: [],
  disclaimers: [],
  related: [],
  timingsMs: { total: 1 },
});

describe('mutedEverywhere in settings', () => {
  it('defaults to an empty list and is stored with the site lists in storage.local, without a version bump', async () => {
    expect(defaultSettings().mutedEverywhere).toEqual([]);
    const s = await muteEntityEverywhere('fbi');
    expect(s.mutedEverywhere).toEqual(['fbi']);
    const local = (await browser.storage.local.get(SITES_KEY))[SITES_KEY] as Record<string, unknown>;
    expect(local).toMatchObject({ mutedEverywhere: ['fbi'], version: SETTINGS_VERSION });
    const sync = (await browser.storage.sync.get(SYNC_KEY))[SYNC_KEY] as Record<string, unknown> | undefined;
    expect(sync?.mutedEverywhere).toBeUndefined();
    expect(SETTINGS_VERSION).toBe(1);
  });

  it('adding twice keeps one entry; un-muting removes it; an empty id is refused', async () => {
    await muteEntityEverywhere('fbi');
    await muteEntityEverywhere('fbi');
    await muteEntityEverywhere('lazarus-group');
    expect((await getSettings()).mutedEverywhere).toEqual(['fbi', 'lazarus-group']);
    expect((await unmuteEntityEverywhere('fbi')).mutedEverywhere).toEqual(['lazarus-group']);
    await expect(muteEntityEverywhere('  ')).rejects.toBeInstanceOf(SettingsValidationError);
    await expect(saveSettings({ mutedEverywhere: [''] })).rejects.toBeInstanceOf(SettingsValidationError);
  });

  it('settings stored before the field existed read as an empty list, and nothing is rewritten', async () => {
    await browser.storage.local.set({ [SITES_KEY]: { version: 1, disabledSites: ['a.com'], mutedEntities: { 'b.com': ['fbi'] } } });
    const loaded = await loadSettings();
    expect(loaded.problems).toEqual([]);
    expect(loaded.settings.mutedEverywhere).toEqual([]);
    expect((await browser.storage.local.get(SITES_KEY))[SITES_KEY]).not.toHaveProperty('mutedEverywhere');
  });

  it('repair keeps the good ids of a damaged list and reports it', () => {
    const r = repairSettings({ mutedEverywhere: ['fbi', 3, '', 'fbi', 'rgb'] });
    expect(r.settings.mutedEverywhere).toEqual(['fbi', 'rgb']);
    expect(r.problems).toEqual(['mutedEverywhere']);
    expect(repairSettings({ mutedEverywhere: 'fbi' }).problems).toEqual(['mutedEverywhere']);
  });

  it('settings of a newer version: the list is merged, unreadable entries and the version kept', async () => {
    await browser.storage.local.set({ [SITES_KEY]: { version: SETTINGS_VERSION + 1, mutedEverywhere: ['fbi', { future: true }], extra: 1 } });
    expect((await getSettings()).mutedEverywhere).toEqual(['fbi']);
    await muteEntityEverywhere('rgb');
    expect((await browser.storage.local.get(SITES_KEY))[SITES_KEY]).toEqual({
      version: SETTINGS_VERSION + 1,
      mutedEverywhere: ['fbi', 'rgb', { future: true }],
      extra: 1,
    });
  });
});

describe('plan', () => {
  it('a name muted everywhere is not marked on any site; a per-site mute only there', () => {
    const s = defaultSettings();
    s.mutedEverywhere = ['fbi'];
    s.mutedEntities = { 'a.example': ['rgb'] };
    const ids = (host: string) => buildPlan(analysis(['fbi', 'rgb', 'lazarus-group']), s, host, true, 1).entities.map((e) => e.id);
    expect(ids('a.example')).toEqual(['lazarus-group']);
    expect(ids('news.b.example')).toEqual(['rgb', 'lazarus-group']);
  });
});

describe('background: the card’s "Never mark this"', () => {
  it('the message takes an optional scope; anything else is refused', () => {
    expect(parseMessage(contentToBackgroundSchema, { type: 'content/mute-entity', id: 'fbi', scope: 'everywhere' })).toBeTruthy();
    expect(parseMessage(contentToBackgroundSchema, { type: 'content/mute-entity', id: 'fbi' })).toBeTruthy();
    expect(parseMessage(contentToBackgroundSchema, { type: 'content/mute-entity', id: 'fbi', scope: 'world' })).toBeFalsy();
  });

  it('scope everywhere adds to the global list, not the site list', async () => {
    const svc = createBackgroundService(createTabStore(memoryArea()));
    expect(await svc.onMessage({ type: 'content/mute-entity', id: 'fbi', scope: 'everywhere' }, content())).toEqual({ ok: true });
    const s = await getSettings();
    expect(s.mutedEverywhere).toEqual(['fbi']);
    expect(s.mutedEntities).toEqual({});
  });

  it('a save the browser refuses comes back in words', async () => {
    const svc = createBackgroundService(createTabStore(memoryArea()));
    const err = new Error('QUOTA_BYTES quota exceeded');
    const set = browser.storage.local.set.bind(browser.storage.local);
    browser.storage.local.set = async () => {
      throw err;
    };
    try {
      expect(await svc.onMessage({ type: 'content/mute-entity', id: 'fbi', scope: 'everywhere' }, content())).toEqual({ ok: false, message: storageErrorMessage(err) });
    } finally {
      browser.storage.local.set = set;
    }
  });
});
