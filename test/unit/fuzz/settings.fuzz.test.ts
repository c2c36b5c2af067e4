/**
 * Fuzzing the settings parser (lib/settings): any value found in storage (sync or local, any shape)
 * becomes valid Settings and reading never throws.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  SETTINGS_VERSION,
  getSettings,
  loadSettings,
  migrate,
  muteEntityOnSite,
  repairSettings,
  resetSettings,
  saveSettings,
  setSiteDisabled,
  type SettingsPatch,
} from '../../../lib/settings';
import { settingsSchema } from '../../../lib/settings/schema';
import { PREFS_LOCAL_KEY, SITES_KEY, SYNC_KEY, resetSettingsStorageForTests } from '../../../lib/settings/storage';

beforeEach(() => {
  fakeBrowser.reset();
  resetSettingsStorageForTests();
});

const hostLike = fc.oneof(
  fc.constantFrom('example.com', 'https://www.Example.com/path', 'news.example.com.', 'localhost', '1.2.3', '10.0.0.1', '-bad-.com', 'exa mple.com', '__proto__', 'constructor', 'toString', 'xn--bcher-kva.example', 'bücher.example', ''),
  fc.string({ maxLength: 30 }),
);

/** Stored objects near the real shape, every field possibly wrong. */
const storedSettings = fc.record(
  {
    version: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.jsonValue()),
    enabled: fc.oneof(fc.boolean(), fc.jsonValue()),
    mode: fc.oneof(fc.constantFrom('auto', 'click', 'AUTO'), fc.jsonValue()),
    density: fc.oneof(fc.constantFrom('first', 'all'), fc.jsonValue()),
    cardDelayMs: fc.oneof(fc.integer({ min: -100, max: 5_000 }), fc.double(), fc.jsonValue()),
    theme: fc.oneof(fc.constantFrom('system', 'light', 'dark'), fc.jsonValue()),
    history: fc.oneof(fc.boolean(), fc.jsonValue()),
    types: fc.oneof(fc.dictionary(fc.constantFrom('threat-actor', 'mixer', 'address', 'unknown-type', '__proto__'), fc.oneof(fc.boolean(), fc.jsonValue())), fc.jsonValue()),
    disabledSites: fc.oneof(fc.array(fc.oneof(hostLike, fc.jsonValue()), { maxLength: 6 }), fc.jsonValue()),
    mutedEntities: fc.oneof(fc.dictionary(hostLike, fc.oneof(fc.array(fc.oneof(fc.string(), fc.jsonValue()), { maxLength: 4 }), fc.jsonValue())), fc.jsonValue()),
    unknownFutureKey: fc.jsonValue(),
  },
  { requiredKeys: [] },
);

const anyStored = fc.oneof(storedSettings, fc.jsonValue(), fc.constantFrom(undefined, null, 'settings', 42, []));

function expectValid(settings: unknown): void {
  const r = settingsSchema.safeParse(settings);
  expect(r.success).toBe(true);
}

describe('settings fuzz', () => {
  it('repairSettings turns any value into valid Settings and never throws', () => {
    fc.assert(
      fc.property(fc.oneof(anyStored, fc.anything({ withNullPrototype: true, maxDepth: 3 })), (raw) => {
        const { settings, problems } = repairSettings(migrate(typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {}).value);
        expectValid(settings);
        expect(Array.isArray(problems)).toBe(true);
        expectValid(repairSettings(raw).settings);
      }),
      { numRuns: 200 },
    );
  });

  it('reading settings from any stored sync and local values never throws and gives valid Settings', async () => {
    await fc.assert(
      fc.asyncProperty(anyStored, anyStored, async (prefs, sites) => {
        fakeBrowser.reset();
        resetSettingsStorageForTests();
        if (prefs !== undefined) await browser.storage.sync.set({ [SYNC_KEY]: prefs });
        if (sites !== undefined) await browser.storage.local.set({ [SITES_KEY]: sites });
        const loaded = await loadSettings();
        expectValid(loaded.settings);
        // reading again gives the same settings
        const again = await loadSettings();
        expect(again.settings).toEqual(loaded.settings);
        expectValid(await getSettings());
      }),
      { numRuns: 150 },
    );
  }, 20_000);

  it('site lists left in the sync "settings" object do not shadow storage.local "settings.sites": turning a site off works', async () => {
    // e.g. an object synced from another install that kept the lists with the preferences
    await browser.storage.sync.set({ [SYNC_KEY]: { version: 1, enabled: true, disabledSites: [] } });
    await setSiteDisabled('example.com', true);
    expect((await getSettings()).disabledSites).toContain('example.com');
  });

  it('a preference left in the local site-list object is kept across reads (moved, not dropped)', async () => {
    await browser.storage.local.set({ [SITES_KEY]: { theme: 'light', disabledSites: [{}] } });
    expect((await getSettings()).theme).toBe('light');
    expect((await getSettings()).theme).toBe('light');
  });

  it('a bad site field inside the sync object is repaired once: the reset notice is raised once, not on every read', async () => {
    await browser.storage.sync.set({ [SYNC_KEY]: { version: 1, mutedEntities: { '': [] } } });
    expect((await loadSettings()).problems).toEqual(['mutedEntities']);
    expect((await loadSettings()).problems).toEqual([]);
  });

  it('a stored object of a newer version is never written over: reads never write it, changes keep its version and unknown fields', async () => {
    const newerVersion = fc.integer({ min: SETTINGS_VERSION + 1, max: SETTINGS_VERSION + 50 });
    const newerObject = fc
      .tuple(storedSettings, newerVersion, fc.dictionary(fc.constantFrom('futureA', 'futureB', 'siteRules'), fc.jsonValue(), { maxKeys: 2 }))
      .map(([o, v, extra]) => ({ ...(o as Record<string, unknown>), ...extra, version: v }));
    /** a side holding a newer object, a current one, or nothing */
    const side = fc.oneof(newerObject, storedSettings, fc.constant(undefined));
    const change = fc.oneof(
      fc.record({ kind: fc.constant('save' as const), patch: fc.constantFrom<SettingsPatch>({ theme: 'light' }, { density: 'all' }, { enabled: false }, { mode: 'click' }, { cardDelayMs: 900 }, { history: true }) }),
      fc.record({ kind: fc.constant('site' as const), host: fc.constantFrom('example.com', 'news.example.org'), off: fc.boolean() }),
      fc.record({ kind: fc.constant('mute' as const), host: fc.constantFrom('example.com'), id: fc.constantFrom('lazarus-group', 'tornado-cash') }),
      fc.record({ kind: fc.constant('reset' as const) }),
    );
    const USER_FIELDS = new Set(['enabled', 'mode', 'disabledSites', 'mutedEntities', 'types', 'density', 'cardDelayMs', 'theme', 'history']);

    await fc.assert(
      fc.asyncProperty(side, side, fc.boolean(), fc.array(change, { maxLength: 3 }), async (prefs, sites, syncWorks, changes) => {
        const versionOf = (o: unknown) => (typeof o === 'object' && o !== null && typeof (o as Record<string, unknown>).version === 'number' ? ((o as Record<string, unknown>).version as number) : 0);
        fc.pre(Number.isInteger(versionOf(prefs)) && versionOf(prefs) > SETTINGS_VERSION || versionOf(sites) > SETTINGS_VERSION && Number.isInteger(versionOf(sites)));
        fakeBrowser.reset();
        resetSettingsStorageForTests();
        vi.restoreAllMocks();
        if (!syncWorks) vi.spyOn(browser.storage.sync, 'get').mockRejectedValue(new Error('sync disabled'));
        const prefsArea = syncWorks ? browser.storage.sync : browser.storage.local;
        const prefsKey = syncWorks ? SYNC_KEY : PREFS_LOCAL_KEY;
        if (prefs !== undefined) await prefsArea.set({ [prefsKey]: prefs });
        if (sites !== undefined) await browser.storage.local.set({ [SITES_KEY]: sites });
        const read = async () => ({ prefs: (await prefsArea.get(prefsKey))[prefsKey], sites: (await browser.storage.local.get(SITES_KEY))[SITES_KEY] });

        // reading: nothing written, however often (compared with the stored form: storage turns -0 into 0)
        const initial = await read();
        await loadSettings();
        await getSettings();
        expect(await read()).toEqual(initial);

        // changing: each stored object keeps its version and every field this build does not set
        for (const c of changes) {
          const before = await read();
          if (c.kind === 'save') await saveSettings(c.patch);
          else if (c.kind === 'site') await setSiteDisabled(c.host, c.off);
          else if (c.kind === 'mute') await muteEntityOnSite(c.host, c.id);
          else await resetSettings();
          const after = await read();
          for (const k of ['prefs', 'sites'] as const) {
            const was = before[k];
            const now = after[k];
            if (typeof was !== 'object' || was === null || Array.isArray(was)) continue;
            if (now === was) continue;
            const w = was as Record<string, unknown>;
            const n = now as Record<string, unknown>;
            if ('version' in w) expect(n.version).toEqual(w.version);
            for (const [key, value] of Object.entries(w)) if (!USER_FIELDS.has(key) && key !== 'version') expect(n[key]).toEqual(value);
          }
          // and reading again still writes nothing
          const settled = await read();
          await getSettings();
          expect(await read()).toEqual(settled);
        }
      }),
      { numRuns: 120 },
    );
  }, 30_000);
});
