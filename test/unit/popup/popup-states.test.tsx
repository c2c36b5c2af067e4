/**
 * The popup (components/popup) with a fake background, its states: analysing, not an article, "Analyse this page
 * anyway", disabled, unavailable; the theme, settings notices, storage that refuses a change, and click mode. What
 * it shows for results: popup-results.test.tsx; shared setup: popup-render.tsx.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SETTINGS_VERSION, getSettings, saveSettings, setSiteDisabled } from '../../../lib/settings';
import { SYNC_KEY, resetSettingsStorageForTests } from '../../../lib/settings/storage';
import { Popup } from '../../../components/popup/Popup';
import { parsePopupParams } from '../../../components/popup/params';
import type { TabAnalysisState } from '../../../lib/shared/messages';
import { ANALYSIS, fakeBackend } from './fixtures';
import { PAGE, renderPopup, usePopupPage } from './popup-render';

usePopupPage();

describe('popup: states', () => {
  const one = (state: TabAnalysisState) => ({ states: [state] });

  it('analysing, then results', async () => {
    const { backend } = renderPopup('?tab=7', {
      states: [{ state: 'analysing' }, { state: 'results', analysis: ANALYSIS, annotationsShown: true }],
    });
    expect(await screen.findByRole('heading', { name: 'Analysing this page…' })).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 2, name: ANALYSIS.title! }, { timeout: 3000 })).toBeTruthy();
    expect(backend.getTabAnalysis).toHaveBeenCalledTimes(2);
  });

  it('not an article: says why in plain words and focuses the look-up', async () => {
    const analysis = {
      ...ANALYSIS,
      isArticle: false,
      articleWhy: { code: 'mostlyLinks' as const },
      cryptoSecurity: { ...ANALYSIS.cryptoSecurity, detected: false, reasons: ['crypto vocabulary (9 mentions) together with theft/attack/crime vocabulary (7 mentions)'], notReported: true },
    };
    renderPopup('?tab=7', one({ state: 'not-article', reasons: [{ code: 'mostlyLinks' }], analysis }));
    expect(await screen.findByRole('heading', { name: 'This page doesn’t look like an article' })).toBeTruthy();
    expect(screen.getByText('Most of its text is links, as on a home page or a list of stories.')).toBeTruthy();
    // the checks' own words are not in the first screen (they are under "What the extension did")
    expect(screen.queryByText(/not reported/)).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('searchbox')));
  });

  it('an article not about crypto security: gives the reasons in plain words', async () => {
    const analysis = { ...ANALYSIS, cryptoSecurity: { ...ANALYSIS.cryptoSecurity, detected: false, reasons: ['no crypto-security topic found'], names: ['Binance', 'FBI'] } };
    renderPopup('?tab=7', one({ state: 'not-crypto-security', reasons: [{ code: 'notCryptoSecurity' }, { code: 'knownNames', params: ['Binance', 'FBI'] }], analysis }));
    expect(await screen.findByRole('heading', { name: 'This article isn’t about crypto security' })).toBeTruthy();
    expect(screen.getByText(/It says too little about crypto theft, hacking, ransomware, sanctions or laundering/)).toBeTruthy();
    expect(screen.getByText('It does name Binance, FBI.')).toBeTruthy();
    expect(screen.queryByText('no crypto-security topic found')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('searchbox')));
  });

  it('a page whose quick check failed: the background’s own sentence, and no button (nothing was read)', async () => {
    const sentence = 'A quick check of the title and first paragraphs found no crypto-security words, so the page was not analysed.';
    renderPopup('?tab=7', one({ state: 'not-crypto-security', reasons: [{ code: 'gateFailed' }] }));
    expect(await screen.findByText(sentence)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Analyse this page anyway' })).toBeNull();
  });

  it('"Analyse this page anyway": asks the background, shows the analysis, then the results, saying the reader asked', async () => {
    const { backend } = renderPopup('?tab=7', {
      states: [
        { state: 'not-article', reasons: [{ code: 'mostlyLinks' }], analysis: { ...ANALYSIS, isArticle: false } },
        { state: 'analysing' },
        { state: 'results', analysis: ANALYSIS, annotationsShown: true, asked: true },
      ],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Analyse this page anyway' }));
    await waitFor(() => expect(backend.analyseAnyway).toHaveBeenCalledWith(7));
    expect(await screen.findByRole('heading', { name: 'Analysing this page…' })).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 2, name: ANALYSIS.title! }, { timeout: 3000 })).toBeTruthy();
    expect(screen.getByText(/Analysed because you asked/)).toBeTruthy();
  });

  it('"Analyse this page anyway" refused: says so and keeps the page’s state and the button', async () => {
    const { backend } = renderPopup('?tab=7', {
      states: [{ state: 'not-crypto-security', reasons: [{ code: 'notCryptoSecurity' }], analysis: ANALYSIS }],
      anyway: { ok: false },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Analyse this page anyway' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toMatch(/could not be analysed again/);
    expect(screen.getByRole('heading', { name: 'This article isn’t about crypto security' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Analyse this page anyway' })).toBeTruthy();
    expect(backend.analyseAnyway).toHaveBeenCalledTimes(1);
  });

  it('disabled on this site: turns it back on', async () => {
    const { backend } = renderPopup('?tab=7', one({ state: 'disabled', reason: 'site-off' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Turn on for ledgerstreet.example' }));
    await waitFor(() => expect(backend.enable).toHaveBeenCalledWith('ledgerstreet.example'));
    expect(backend.getTabAnalysis.mock.calls.length).toBeGreaterThanOrEqual(2);
  });

  it('disabled on this site without a known address: points to the settings', async () => {
    const { backend } = renderPopup('?tab=7', { ...one({ state: 'disabled', reason: 'site-off' }), tabUrl: null });
    fireEvent.click(await screen.findByRole('button', { name: 'Manage sites in Settings' }));
    await waitFor(() => expect(backend.openOptions).toHaveBeenCalled());
  });

  it('switched off everywhere', async () => {
    const { backend } = renderPopup('?tab=7', one({ state: 'disabled', reason: 'off' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Switch on' }));
    await waitFor(() => expect(backend.enable).toHaveBeenCalledWith(null));
  });

  it('a page it cannot read', async () => {
    renderPopup('?tab=7', one({ state: 'unavailable' }));
    expect(await screen.findByRole('heading', { name: 'Nothing to analyse on this page' })).toBeTruthy();
  });

  it('a background that does not answer counts as unavailable', async () => {
    const { backend } = fakeBackend();
    backend.getTabAnalysis.mockRejectedValue(new Error('Could not establish connection'));
    render(<Popup backend={backend} params={parsePopupParams('?tab=1')} pageUrl={PAGE} />);
    expect(await screen.findByRole('heading', { name: 'Nothing to analyse on this page' })).toBeTruthy();
  });
});

describe('popup: theme', () => {
  it('follows settings.theme and its changes', async () => {
    const { emitSettings } = renderPopup('?tab=7', { settings: { theme: 'dark' } });
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
    emitSettings({ theme: 'light' });
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('light'));
    emitSettings({ theme: 'system' });
    await waitFor(() => expect(document.documentElement.dataset.theme).toBeUndefined());
  });
});

describe('popup: settings reset notice', () => {
  it('shows the notice and dismisses it', async () => {
    await fakeBrowser.storage.local.set({ 'settings.notice': { at: '2026-01-01T00:00:00Z', fields: ['cardDelayMs'] } });
    renderPopup('?tab=7');
    expect(await screen.findByText('Some settings could not be read and were reset: Card delay.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByText(/Some settings could not be read/)).toBeNull());
  });
});

describe('popup: storage refuses a change', () => {
  beforeEach(() => resetSettingsStorageForTests());

  /** the popup with the real settings functions behind "turn off" and "turn on" (as createBrowserBackend wires them) */
  function renderWithRealSettings(opts: Parameters<typeof fakeBackend>[0] = {}) {
    const r = renderPopup('?tab=7', opts);
    r.backend.disableSite.mockImplementation(async (host: string) => {
      await setSiteDisabled(host, true);
    });
    r.backend.enable.mockImplementation(async (host: string | null) => {
      if (!(await getSettings()).enabled) await saveSettings({ enabled: true });
      if (host) await setSiteDisabled(host, false);
    });
    return r;
  }

  it('"Turn off on this site" with storage.local full: the message in words, the site stays on as stored', async () => {
    renderWithRealSettings();
    const button = await screen.findByRole('button', { name: 'Turn off on ledgerstreet.example' });
    const set = vi.spyOn(browser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    fireEvent.click(button);
    const alert = await screen.findByRole('alert');
    expect(set).toHaveBeenCalled();
    expect(alert.textContent).toMatch(/^Your browser’s storage for this extension is full, so this change was not saved\./);
    expect(alert.textContent).not.toMatch(/QUOTA/);
    vi.restoreAllMocks();
    expect((await getSettings()).disabledSites).toEqual([]);
    // still the results and the button: nothing pretends the site was turned off
    expect(screen.getByRole('button', { name: 'Turn off on ledgerstreet.example' })).toBeTruthy();
    // it works once storage has room, and the message goes
    fireEvent.click(screen.getByRole('button', { name: 'Turn off on ledgerstreet.example' }));
    await waitFor(async () => expect((await getSettings()).disabledSites).toEqual(['ledgerstreet.example']));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('"Turn on for this site" refused by sync limits: says so and keeps the site off', async () => {
    await setSiteDisabled('ledgerstreet.example', true);
    renderWithRealSettings({ states: [{ state: 'disabled', reason: 'site-off' }] });
    const button = await screen.findByRole('button', { name: 'Turn on for ledgerstreet.example' });
    vi.spyOn(browser.storage.local, 'set').mockRejectedValue(new Error('MAX_WRITE_OPERATIONS_PER_HOUR quota exceeded'));
    fireEvent.click(button);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Wait a minute, then try again/);
    vi.restoreAllMocks();
    expect((await getSettings()).disabledSites).toEqual(['ledgerstreet.example']);
  });

  it('"Switch on" with sync full: says so, stays off', async () => {
    await saveSettings({ enabled: false });
    renderWithRealSettings({ states: [{ state: 'disabled', reason: 'off' }] });
    const button = await screen.findByRole('button', { name: 'Switch on' });
    vi.spyOn(browser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    fireEvent.click(button);
    expect((await screen.findByRole('alert')).textContent).toMatch(/storage for this extension is full/);
    vi.restoreAllMocks();
    expect((await getSettings()).enabled).toBe(false);
  });
});

describe('popup: settings of a newer version', () => {
  it('says so once, through the settings notice', async () => {
    resetSettingsStorageForTests();
    await browser.storage.sync.set({ [SYNC_KEY]: { version: SETTINGS_VERSION + 1, mode: 'scheduled' } });
    await getSettings(); // the background reads them first
    renderPopup('?tab=7');
    expect(await screen.findByText(/saved by a newer version of Crypto News Context/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByText(/newer version/)).toBeNull());
    await getSettings();
    cleanup();
    renderPopup('?tab=7');
    await screen.findByRole('heading', { level: 2, name: ANALYSIS.title! });
    expect(screen.queryByText(/newer version/)).toBeNull();
  });
});

describe('popup: click mode', () => {
  const click: TabAnalysisState = { state: 'click-to-annotate' };
  const results: TabAnalysisState = { state: 'results', analysis: ANALYSIS, annotationsShown: true };

  it('asks to annotate the tab by itself on opening, shows the analysis, then the results', async () => {
    const { backend } = renderPopup('?tab=7', { states: [click, { state: 'analysing' }, results] });
    expect(await screen.findByRole('heading', { name: 'Analysing this page…' })).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 2, name: ANALYSIS.title! }, { timeout: 3000 })).toBeTruthy();
    expect(backend.annotateTab).toHaveBeenCalledTimes(1);
    expect(backend.annotateTab).toHaveBeenCalledWith(7);
    // asked after the first answer, and the state asked again after it
    expect(backend.getTabAnalysis.mock.invocationCallOrder[0]!).toBeLessThan(backend.annotateTab.mock.invocationCallOrder[0]!);
    expect(backend.annotateTab.mock.invocationCallOrder[0]!).toBeLessThan(backend.getTabAnalysis.mock.invocationCallOrder[1]!);
  });

  it('says clearly when the page cannot be annotated, keeps the look-up, and offers the button again', async () => {
    const { backend } = renderPopup('?tab=7', { states: [click, results], annotate: [{ ok: false }, { ok: true }] });
    expect(await screen.findByRole('heading', { name: 'This page can’t be annotated' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toMatch(/^This page can’t be annotated: /);
    expect(backend.annotateTab).toHaveBeenCalledTimes(1);
    // the look-up still works
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'hidden cobra' } });
    fireEvent.submit(screen.getByRole('searchbox').closest('form')!);
    await waitFor(() => expect(backend.lookup).toHaveBeenCalledWith('hidden cobra', expect.any(Number)));
    // the button asks again
    fireEvent.click(screen.getByRole('button', { name: 'Annotate this page' }));
    await waitFor(() => expect(backend.annotateTab).toHaveBeenCalledTimes(2));
    expect(await screen.findByRole('heading', { level: 2, name: ANALYSIS.title! }, { timeout: 3000 })).toBeTruthy();
  });

  it('an error from annotateTab counts as a refusal', async () => {
    renderPopup('?tab=7', { states: [click], annotate: [new Error('Could not establish connection')] });
    expect(await screen.findByRole('heading', { name: 'This page can’t be annotated' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Annotate this page' })).toBeTruthy();
  });

  it('asks by itself only once per opening: a later click-to-annotate state shows the button', async () => {
    const { backend, emitSettings } = renderPopup('?tab=7', { states: [click, { state: 'disabled', reason: 'off' }, click] });
    expect(await screen.findByRole('heading', { name: 'Crypto News Context is switched off' })).toBeTruthy();
    emitSettings({ enabled: true });
    expect(await screen.findByRole('heading', { name: 'Annotate this page?' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Annotate this page' })).toBeTruthy();
    expect(backend.annotateTab).toHaveBeenCalledTimes(1);
  });
});

