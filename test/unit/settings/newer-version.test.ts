/**
 * Settings written by a newer install (issue 16, point 3): never written over by this build, read
 * the safest way where they cannot be read, changes merged field by field, the user told once; and
 * a backup kept before any repair or migration writes.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  MAX_SETTINGS_BACKUPS,
  SETTINGS_VERSION,
  dismissSettingsNotice,
  getSettings,
  getSettingsBackups,
  getSettingsNotice,
  loadSettings,
  muteEntityOnSite,
  resetSettings,
  saveSettings,
  setSiteDisabled,
} from '../../../lib/settings';
import { MAX_SETTINGS_BACKUP_CHARS } from '../../../lib/settings/backups';
import { formatSettingsNotice } from '../../../lib/settings/labels';
import { NOTICE_KEY, SITES_KEY, SYNC_KEY, resetSettingsStorageForTests } from '../../../lib/settings/storage';
import { SETTINGS_BACKUPS_KEY } from '../../../lib/shared/storage-keys';

const NEWER = SETTINGS_VERSION + 1;

beforeEach(() => {
  fakeBrowser.reset();
  resetSettingsStorageForTests();
});

async function stored(): Promise<{ prefs: unknown; sites: unknown }> {
  return {
    prefs: (await browser.storage.sync.get(SYNC_KEY))[SYNC_KEY],
    sites: (await browser.storage.local.get(SITES_KEY))[SITES_KEY],
  };
}

/** What a next version might store: a mode this build does not know, a new field, a site pattern. */
const newerPrefs = () => ({
  version: NEWER,
  enabled: true,
  mode: 'scheduled',
  density: 'all',
  cardDelayMs: 700,
  theme: 'dark',
  history: { keepDays: 30 },
  types: { 'threat-actor': false, 'new-kind': true },
  pausedUntil: '2027-01-01T00:00:00Z',
});
const newerSites = () => ({
  version: NEWER,
  disabledSites: ['bank.example', '*.casino.example'],
  mutedEntities: { 'news.example': ['tornado-cash'], '*.wiki.example': ['lazarus-group'] },
  siteRules: [{ pattern: '*.example', mode: 'click' }],
});

describe('settings of a newer version', () => {
  it('are read, never written: the stored objects stay exactly as they were', async () => {
    await browser.storage.sync.set({ [SYNC_KEY]: newerPrefs() });
    await browser.storage.local.set({ [SITES_KEY]: newerSites() });
    const syncSet = vi.spyOn(browser.storage.sync, 'set');
    const loaded = await loadSettings();
    await loadSettings();
    await getSettings();
    expect(syncSet).not.toHaveBeenCalled();
    expect(await stored()).toEqual({ prefs: newerPrefs(), sites: newerSites() });
    expect(loaded.problems).toEqual([]);
    expect(loaded.newer).toEqual({ version: NEWER, unreadable: expect.arrayContaining(['mode', 'history', 'disabledSites', 'mutedEntities']) });
  });

  it('read what this build understands and the safest value for what it cannot', async () => {
    await browser.storage.sync.set({ [SYNC_KEY]: newerPrefs() });
    await browser.storage.local.set({ [SITES_KEY]: newerSites() });
    const s = await getSettings();
    // understood: kept as stored
    expect(s).toMatchObject({ enabled: true, density: 'all', cardDelayMs: 700, theme: 'dark' });
    expect(s.types['threat-actor']).toBe(false);
    expect(s.disabledSites).toEqual(['bank.example']);
    expect(s.mutedEntities).toEqual({ 'news.example': ['tornado-cash'] });
    // not understood: the reading that reads and keeps the least, not the defaults
    expect(s.mode).toBe('click');
    expect(s.history).toBe(false);
    expect(DEFAULT_SETTINGS.mode).toBe('auto');
  });

  it('an unreadable "enabled" reads as off; a readable mode of the newer version is kept', async () => {
    await browser.storage.sync.set({ [SYNC_KEY]: { version: NEWER, enabled: { until: 123 }, mode: 'auto' } });
    const s = await getSettings();
    expect(s.enabled).toBe(false);
    expect(s.mode).toBe('auto');
  });

  it('the same version with the same bad values is repaired to defaults (this build wrote them)', async () => {
    await browser.storage.sync.set({ [SYNC_KEY]: { version: SETTINGS_VERSION, mode: 'scheduled' } });
    expect((await getSettings()).mode).toBe('auto');
  });

  it('a change made here is merged into the stored objects: only that field, unknown fields and the newer version kept', async () => {
    await browser.storage.sync.set({ [SYNC_KEY]: newerPrefs() });
    await browser.storage.local.set({ [SITES_KEY]: newerSites() });
    await saveSettings({ theme: 'light' });
    const after = await stored();
    expect(after.prefs).toEqual({ ...newerPrefs(), theme: 'light' });
    // the mode this build read as 'click' was not written over the newer 'scheduled'
    expect((after.prefs as Record<string, unknown>).mode).toBe('scheduled');
    expect(after.sites).toEqual(newerSites());
  });

  it('turning a site off keeps the list entries this build cannot read, and every other field', async () => {
    await browser.storage.sync.set({ [SYNC_KEY]: newerPrefs() });
    await browser.storage.local.set({ [SITES_KEY]: newerSites() });
    await setSiteDisabled('https://www.coin.example/a', true);
    await muteEntityOnSite('news.example', 'lazarus-group');
    const sites = (await stored()).sites as Record<string, unknown>;
    expect(sites.version).toBe(NEWER);
    expect(sites.siteRules).toEqual(newerSites().siteRules);
    expect(sites.disabledSites).toEqual(['bank.example', 'coin.example', '*.casino.example']);
    expect(sites.mutedEntities).toEqual({ '*.wiki.example': ['lazarus-group'], 'news.example': ['tornado-cash', 'lazarus-group'] });
    expect((await stored()).prefs).toEqual(newerPrefs());
    expect((await getSettings()).disabledSites).toContain('coin.example');
  });

  it('entity types: a change keeps the kinds this build does not know', async () => {
    await browser.storage.sync.set({ [SYNC_KEY]: newerPrefs() });
    await saveSettings({ types: { ...DEFAULT_SETTINGS.types, malware: false } });
    const prefs = (await stored()).prefs as { types: Record<string, boolean> };
    expect(prefs.types['new-kind']).toBe(true);
    expect(prefs.types.malware).toBe(false);
  });

  it('"reset" writes the defaults into the stored objects but keeps the newer version and its unknown fields', async () => {
    await browser.storage.sync.set({ [SYNC_KEY]: newerPrefs() });
    await resetSettings();
    const prefs = (await stored()).prefs as Record<string, unknown>;
    expect(prefs).toMatchObject({ version: NEWER, pausedUntil: newerPrefs().pausedUntil, theme: 'system' });
  });

  it('tells the user once per newer version, with what it reads the safest way', async () => {
    await browser.storage.sync.set({ [SYNC_KEY]: newerPrefs() });
    await getSettings();
    const notice = await getSettingsNotice();
    expect(notice?.newer?.version).toBe(NEWER);
    expect(notice?.fields).toEqual([]);
    const text = formatSettingsNotice(notice!);
    expect(text).toMatch(/saved by a newer version of Crypto News Context/);
    expect(text).toMatch(/When to annotate \(only when you click\)/);
    expect(text).toMatch(/Reading history \(no reading history\)/);
    expect(text).not.toMatch(/were reset/);

    await dismissSettingsNotice();
    await getSettings();
    await loadSettings();
    expect(await getSettingsNotice()).toBeNull();

    // a still newer version is news again
    await browser.storage.sync.set({ [SYNC_KEY]: { ...newerPrefs(), version: NEWER + 1 } });
    await getSettings();
    expect((await getSettingsNotice())?.newer?.version).toBe(NEWER + 1);
  });

  it('a newer version found in the site lists alone also freezes both areas', async () => {
    await browser.storage.sync.set({ [SYNC_KEY]: { version: SETTINGS_VERSION, mode: 'bogus' } });
    await browser.storage.local.set({ [SITES_KEY]: newerSites() });
    await getSettings();
    expect(await stored()).toEqual({ prefs: { version: SETTINGS_VERSION, mode: 'bogus' }, sites: newerSites() });
    expect((await getSettings()).mode).toBe('click');
  });
});

describe('backups before a repair writes', () => {
  it('keeps a copy of what was stored before the repair is written', async () => {
    const bad = { version: SETTINGS_VERSION, mode: 'sometimes', theme: 'dark', extra: 1 };
    await browser.storage.sync.set({ [SYNC_KEY]: bad });
    const order: string[] = [];
    const localSet = browser.storage.local.set.bind(browser.storage.local);
    const syncSet = browser.storage.sync.set.bind(browser.storage.sync);
    vi.spyOn(browser.storage.local, 'set').mockImplementation(async (items) => {
      order.push(...Object.keys(items).map((k) => `local:${k}`));
      return localSet(items);
    });
    vi.spyOn(browser.storage.sync, 'set').mockImplementation(async (items) => {
      order.push(...Object.keys(items).map((k) => `sync:${k}`));
      return syncSet(items);
    });
    await loadSettings();
    expect(order.indexOf(`local:${SETTINGS_BACKUPS_KEY}`)).toBeGreaterThanOrEqual(0);
    expect(order.indexOf(`local:${SETTINGS_BACKUPS_KEY}`)).toBeLessThan(order.indexOf(`sync:${SYNC_KEY}`));
    const [backup] = await getSettingsBackups();
    expect(backup).toMatchObject({ reason: 'repair', version: SETTINGS_VERSION, prefs: bad });
    expect(((await stored()).prefs as Record<string, unknown>).mode).toBe('auto');
  });

  it('writes nothing over the settings when the backup cannot be kept', async () => {
    const bad = { version: SETTINGS_VERSION, mode: 'sometimes' };
    await browser.storage.sync.set({ [SYNC_KEY]: bad });
    const localSet = browser.storage.local.set.bind(browser.storage.local);
    vi.spyOn(browser.storage.local, 'set').mockImplementation(async (items) => {
      if (SETTINGS_BACKUPS_KEY in items) throw new Error('QUOTA_BYTES quota exceeded');
      return localSet(items);
    });
    const loaded = await loadSettings();
    expect(loaded.settings.mode).toBe('auto'); // this read still works
    expect((await stored()).prefs).toEqual(bad); // and storage keeps what the user had
  });

  it('keeps the latest few copies, within a size bound', async () => {
    for (let i = 0; i < MAX_SETTINGS_BACKUPS + 3; i++) {
      await browser.storage.sync.set({ [SYNC_KEY]: { version: SETTINGS_VERSION, mode: `bad-${i}` } });
      await loadSettings();
    }
    const backups = await getSettingsBackups();
    expect(backups).toHaveLength(MAX_SETTINGS_BACKUPS);
    expect((backups[0]!.prefs as Record<string, unknown>).mode).toBe(`bad-${MAX_SETTINGS_BACKUPS + 2}`);
    expect(JSON.stringify(backups).length).toBeLessThanOrEqual(MAX_SETTINGS_BACKUP_CHARS);

    // a stored object over the bound is not copied, so it is not written over either
    const huge = { version: SETTINGS_VERSION, disabledSites: ['ok.example', 'x'.repeat(MAX_SETTINGS_BACKUP_CHARS)] };
    await browser.storage.local.set({ [SITES_KEY]: huge });
    expect((await getSettings()).disabledSites).toEqual(['ok.example']);
    expect((await stored()).sites).toEqual(huge);
    expect(await getSettingsBackups()).toHaveLength(MAX_SETTINGS_BACKUPS);
  });

  it('does not pile up copies of the same object when its repair cannot be written', async () => {
    await browser.storage.sync.set({ [SYNC_KEY]: { version: SETTINGS_VERSION, mode: 'sometimes' } });
    vi.spyOn(browser.storage.sync, 'set').mockRejectedValue(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded'));
    await loadSettings();
    await loadSettings();
    await loadSettings();
    expect(await getSettingsBackups()).toHaveLength(1);
  });

  it('the notice keeps a newer-version note and a reset together', async () => {
    await browser.storage.local.set({ [NOTICE_KEY]: { at: 'x', fields: ['theme'], newer: { version: NEWER, fields: ['mode'] } } });
    const text = formatSettingsNotice((await getSettingsNotice())!);
    expect(text).toMatch(/newer version/);
    expect(text).toMatch(/were reset: Theme\./);
  });
});
