/**
 * The migration framework, exercised with a hypothetical pre-release shape (v0) and a v2 that a
 * later version might add. Real steps go into MIGRATIONS with a test like these.
 */
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, repairSettings, type Migration } from '../../../lib/settings';

/** v0 (hypothetical): { on, blacklist: "a.com, b.com", showEvery } */
const v0to1: Migration = {
  from: 0,
  description: 'on -> enabled; comma-separated blacklist -> disabledSites; showEvery -> density',
  migrate(old) {
    const { on, blacklist, showEvery, ...rest } = old;
    return {
      ...rest,
      ...(typeof on === 'boolean' ? { enabled: on } : {}),
      ...(typeof blacklist === 'string' ? { disabledSites: blacklist.split(',').map((s) => s.trim()).filter(Boolean) } : {}),
      ...(typeof showEvery === 'boolean' ? { density: showEvery ? 'all' : 'first' } : {}),
    };
  },
};

/** v2 (hypothetical): cardDelayMs becomes cardDelay in seconds. */
const v1to2: Migration = {
  from: 1,
  description: 'cardDelayMs -> cardDelay (seconds)',
  migrate(old) {
    const { cardDelayMs, ...rest } = old;
    return typeof cardDelayMs === 'number' ? { ...rest, cardDelay: cardDelayMs / 1000 } : rest;
  },
};

describe('migrate', () => {
  it('has no steps while v1 is the only released shape', () => {
    expect(MIGRATIONS).toEqual([]);
    const r = migrate({ version: 1, enabled: false });
    expect(r).toMatchObject({ value: { version: 1, enabled: false }, fromVersion: 1, toVersion: 1, applied: [] });
  });

  it('runs a step from an earlier shape and keeps every user choice', () => {
    const r = migrate({ version: 0, on: false, blacklist: 'a.com, b.org', showEvery: true, theme: 'dark' }, [v0to1], 1);
    expect(r.applied).toEqual([0]);
    expect(r.value).toEqual({ version: 1, enabled: false, disabledSites: ['a.com', 'b.org'], density: 'all', theme: 'dark' });
    const { settings, problems } = repairSettings(r.value);
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({ enabled: false, disabledSites: ['a.com', 'b.org'], density: 'all', theme: 'dark' });
  });

  it('chains steps in order', () => {
    const r = migrate({ version: 0, on: true, cardDelayMs: 500 }, [v1to2, v0to1], 2);
    expect(r.applied).toEqual([0, 1]);
    expect(r.value).toEqual({ version: 2, enabled: true, cardDelay: 0.5 });
  });

  it('treats a missing version as the given default', () => {
    expect(migrate({ on: true }, [v0to1], 1, 0).value).toEqual({ version: 1, enabled: true });
  });

  it('leaves a newer stored version alone', () => {
    const r = migrate({ version: 5, enabled: false, newField: 1 }, [v0to1], 1);
    expect(r).toMatchObject({ fromVersion: 5, toVersion: 5, applied: [], value: { version: 5, newField: 1 } });
  });

  it('reports a throwing step and keeps the data for field-by-field repair', () => {
    const boom: Migration = { from: 0, description: 'throws', migrate: () => { throw new Error('boom'); } };
    const r = migrate({ version: 0, theme: 'dark' }, [boom], 1);
    expect(r.failed).toMatchObject({ from: 0 });
    expect(repairSettings(r.value).settings.theme).toBe('dark');
  });

  it('reports a missing step', () => {
    expect(migrate({ version: 0 }, [], 1).failed?.error).toMatch(/no migration step/);
  });
});

describe('loadSettings runs migrations on stored settings', () => {
  it('migrates a stored v0 object, keeps a backup and writes the new shape once', async () => {
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    const { browser } = await import('wxt/browser');
    const { loadSettings, resetSettingsStorageForTests, SYNC_KEY, SITES_KEY } = await import('../../../lib/settings/storage');
    const { getSettingsBackups } = await import('../../../lib/settings/backups');
    fakeBrowser.reset();
    resetSettingsStorageForTests();
    const old = { version: 0, on: false, blacklist: 'a.com, b.org', showEvery: true, theme: 'dark', unknownFutureKey: 1 };
    await browser.storage.sync.set({ [SYNC_KEY]: old });

    const loaded = await loadSettings({ steps: [v0to1], target: 1 });
    expect(loaded.migratedFrom).toBe(0);
    expect(loaded.problems).toEqual([]);
    expect(loaded.settings).toMatchObject({ enabled: false, disabledSites: ['a.com', 'b.org'], density: 'all', theme: 'dark' });

    const got = await browser.storage.local.get(null);
    const backups = await getSettingsBackups();
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatchObject({ reason: 'migration', version: 0, prefs: old });
    expect(backups[0]!.sites).toBeUndefined();
    expect(got[SITES_KEY]).toMatchObject({ version: 1, disabledSites: ['a.com', 'b.org'] });
    const prefs = (await browser.storage.sync.get(SYNC_KEY))[SYNC_KEY] as Record<string, unknown>;
    expect(prefs).toMatchObject({ version: 1, enabled: false, density: 'all', theme: 'dark', unknownFutureKey: 1 });
    expect(prefs).not.toHaveProperty('on');

    // a second read has nothing left to migrate
    expect((await loadSettings({ steps: [v0to1], target: 1 })).migratedFrom).toBeUndefined();
  });
});
