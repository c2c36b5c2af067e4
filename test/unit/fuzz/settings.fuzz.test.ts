/**
 * Fuzzing the settings parser (lib/settings): any value found in storage (sync or local, any shape)
 * becomes valid Settings and reading never throws.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getSettings, loadSettings, migrate, repairSettings, setSiteDisabled } from '../../../lib/settings';
import { settingsSchema } from '../../../lib/settings/schema';
import { SITES_KEY, SYNC_KEY, resetSettingsStorageForTests } from '../../../lib/settings/storage';

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
});
