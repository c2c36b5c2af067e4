import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import {
  DEFAULT_SETTINGS,
  SettingsValidationError,
  dismissSettingsNotice,
  getSettings,
  getSettingsNotice,
  isActiveOn,
  isSiteDisabled,
  loadSettings,
  muteEntityOnSite,
  mutedEntitiesFor,
  normalizeHostname,
  resetSettings,
  saveSettings,
  setSiteDisabled,
  watchSettings,
} from '../../../lib/settings';
import { formatSettingsNotice } from '../../../lib/settings/labels';
import { NOTICE_KEY, SITES_KEY, SYNC_KEY, resetSettingsStorageForTests } from '../../../lib/settings/storage';

beforeEach(() => {
  fakeBrowser.reset();
  resetSettingsStorageForTests();
});

describe('defaults and round trip', () => {
  it('returns the defaults when nothing is stored, without writing', async () => {
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await browser.storage.sync.get(null)).toEqual({});
    expect(await getSettingsNotice()).toBeNull();
  });

  it('saves preferences to sync and site lists to local', async () => {
    await saveSettings({ density: 'all', disabledSites: ['https://www.Example.com/path'] });
    const sync = (await browser.storage.sync.get(SYNC_KEY))[SYNC_KEY] as Record<string, unknown>;
    const local = (await browser.storage.local.get(SITES_KEY))[SITES_KEY] as Record<string, unknown>;
    expect(sync.density).toBe('all');
    expect(sync).not.toHaveProperty('disabledSites');
    expect(local.disabledSites).toEqual(['example.com']);
    const s = await getSettings();
    expect(s.density).toBe('all');
    expect(s.disabledSites).toEqual(['example.com']);
  });

  it('rejects invalid input and writes nothing', async () => {
    await expect(saveSettings({ disabledSites: ['not a host'] })).rejects.toBeInstanceOf(SettingsValidationError);
    await expect(saveSettings({ cardDelayMs: -5 })).rejects.toMatchObject({ fields: ['cardDelayMs'] });
    await expect(saveSettings({ theme: 'purple' as never })).rejects.toMatchObject({ fields: ['theme'] });
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('merges entity type patches', async () => {
    await saveSettings({ types: { ...DEFAULT_SETTINGS.types, person: false } });
    const s = await getSettings();
    expect(s.types.person).toBe(false);
    expect(s.types['threat-actor']).toBe(true);
  });

  it('resets to defaults', async () => {
    await saveSettings({ enabled: false, disabledSites: ['a.com'] });
    expect(await resetSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });
});

describe('corrupted or foreign storage', () => {
  it('keeps valid fields, resets bad ones and records a notice', async () => {
    await browser.storage.sync.set({
      [SYNC_KEY]: { version: 1, enabled: false, mode: 'sometimes', cardDelayMs: 'slow', theme: 'dark', types: { malware: false, person: 'no' } },
    });
    await browser.storage.local.set({ [SITES_KEY]: { version: 1, disabledSites: ['good.com', 42, 'bad host', 'WWW.Other.org'] } });
    const { settings, problems } = await loadSettings();
    expect(settings.enabled).toBe(false);
    expect(settings.theme).toBe('dark');
    expect(settings.mode).toBe(DEFAULT_SETTINGS.mode);
    expect(settings.cardDelayMs).toBe(DEFAULT_SETTINGS.cardDelayMs);
    expect(settings.types.malware).toBe(false);
    expect(settings.types.person).toBe(true);
    expect(settings.disabledSites).toEqual(['good.com', 'other.org']);
    expect(problems.sort()).toEqual(['cardDelayMs', 'disabledSites', 'mode', 'types']);

    const notice = await getSettingsNotice();
    expect(notice?.fields.sort()).toEqual(['cardDelayMs', 'disabledSites', 'mode', 'types']);
    expect(formatSettingsNotice(notice!)).toMatch(/^Some settings could not be read and were reset: .*Card delay/);

    // repaired once: a second read finds nothing wrong, the notice stays until dismissed
    expect((await loadSettings()).problems).toEqual([]);
    expect(await getSettingsNotice()).not.toBeNull();
    await dismissSettingsNotice();
    expect(await getSettingsNotice()).toBeNull();
  });

  it('falls back to defaults for a foreign value of the wrong kind, keeping the other area', async () => {
    await browser.storage.sync.set({ [SYNC_KEY]: 'hello' });
    await browser.storage.local.set({ [SITES_KEY]: { version: 1, disabledSites: ['keep.me'] } });
    const { settings, problems } = await loadSettings();
    expect(settings.disabledSites).toEqual(['keep.me']);
    expect(settings.enabled).toBe(true);
    expect(problems).toContain('enabled');
    expect(problems).not.toContain('disabledSites');
  });

  it('handles arrays and null in place of objects', async () => {
    await browser.storage.sync.set({ [SYNC_KEY]: [1, 2] });
    await browser.storage.local.set({ [SITES_KEY]: { mutedEntities: { 'ok.com': ['lazarus-group', 7], 'bad site': ['x'] } } });
    const s = await getSettings();
    expect(s.mutedEntities).toEqual({ 'ok.com': ['lazarus-group'] });
    expect((await getSettingsNotice())?.fields).toContain('mutedEntities');
  });

  it('keeps keys written by a newer version', async () => {
    await browser.storage.sync.set({ [SYNC_KEY]: { version: 3, enabled: false, futureThing: { a: 1 } } });
    const s = await getSettings();
    expect(s.enabled).toBe(false);
    await saveSettings({ density: 'all' });
    const stored = (await browser.storage.sync.get(SYNC_KEY))[SYNC_KEY] as Record<string, unknown>;
    expect(stored.futureThing).toEqual({ a: 1 });
    expect(stored.version).toBe(3);
    expect(stored.enabled).toBe(false);
  });
});

describe('falls back to storage.local when sync is unusable', () => {
  it('stores preferences locally', async () => {
    vi.spyOn(browser.storage.sync, 'get').mockRejectedValue(new Error('sync disabled'));
    await saveSettings({ theme: 'light' });
    expect((await getSettings()).theme).toBe('light');
    expect(await browser.storage.local.get('settings.prefs')).toHaveProperty(['settings.prefs', 'theme'], 'light');
  });
});

describe('watchSettings', () => {
  it('reports changes and stops when asked', async () => {
    const seen: string[] = [];
    const stop = watchSettings((s) => seen.push(s.theme));
    await saveSettings({ theme: 'dark' });
    await vi.waitFor(() => expect(seen).toEqual(['dark']));
    stop();
    await saveSettings({ theme: 'light' });
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toEqual(['dark']);
  });
});

describe('site helpers', () => {
  it('normalises hostnames and rejects junk', () => {
    expect(normalizeHostname('https://www.CoinDesk.com/policy/x?y=1')).toBe('coindesk.com');
    expect(normalizeHostname('news.example.co.uk.')).toBe('news.example.co.uk');
    expect(normalizeHostname('localhost')).toBe('localhost');
    expect(normalizeHostname('127.0.0.1')).toBe('127.0.0.1');
    expect(normalizeHostname('bücher.de')).toBe('xn--bcher-kva.de');
    for (const bad of ['', 'exa mple.com', 'nodot', '-bad-.com', 'ftp://x.com', 'javascript:alert(1)', 'a..com', 'user:pw@x.com', '1.2.3'])
      expect(normalizeHostname(bad), bad).toBeNull();
  });

  it('matches subdomains and toggles sites', async () => {
    let s = await setSiteDisabled('https://www.example.com/a', true);
    expect(isSiteDisabled(s, 'news.example.com')).toBe(true);
    expect(isSiteDisabled(s, 'notexample.com')).toBe(false);
    expect(isActiveOn(s, 'example.com')).toBe(false);
    s = await setSiteDisabled('example.com', false);
    expect(isActiveOn(s, 'example.com')).toBe(true);
    s = await muteEntityOnSite('example.com', 'tornado-cash');
    expect([...mutedEntitiesFor(s, 'www.example.com')]).toEqual(['tornado-cash']);
    await expect(setSiteDisabled('bad host', true)).rejects.toBeInstanceOf(SettingsValidationError);
  });

  it('isActiveOn is false everywhere when switched off', async () => {
    const s = await saveSettings({ enabled: false });
    expect(isActiveOn(s, 'anything.com')).toBe(false);
  });
});

it('exposes its storage keys for the notice', () => {
  expect(NOTICE_KEY).toBe('settings.notice');
});
