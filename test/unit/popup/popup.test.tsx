import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SETTINGS_VERSION, getSettings, saveSettings, setSiteDisabled } from '../../../lib/settings';
import { SYNC_KEY, resetSettingsStorageForTests } from '../../../lib/settings/storage';
import { Popup } from '../../../components/popup/Popup';
import { parsePopupParams } from '../../../components/popup/params';
import type { TabAnalysisState } from '../../../lib/shared/messages';
import { ANALYSIS, fakeBackend } from './fixtures';
import { startTabLoad } from '../../../components/popup/tab-load';
import { SHORT_SUMMARY_WORDS, shortSummary } from '../../../components/popup/Results';

const PAGE = 'chrome-extension://abc/popup.html';
/** Every section below the summary and key facts left open (they are closed until the reader opens them). */
const ALL_OPEN = { sections: { names: true, disclaimers: true, related: true, timeline: true, transparency: true } };

function renderPopup(search: string, opts: Parameters<typeof fakeBackend>[0] = {}) {
  const fake = fakeBackend(opts);
  const utils = render(<Popup backend={fake.backend} params={parsePopupParams(search)} pageUrl={PAGE} />);
  return { ...utils, ...fake };
}

beforeEach(() => {
  fakeBrowser.reset();
  delete document.documentElement.dataset.theme;
});
afterEach(() => cleanup());

describe('popup: results', () => {
  it('shows title, site, summary and key facts', async () => {
    renderPopup('?tab=7');
    expect(await screen.findByRole('heading', { level: 2, name: ANALYSIS.title! })).toBeTruthy();
    expect(screen.getByText(/Ledger Street · Aug 7, 2019/)).toBeTruthy();
    expect(screen.getByText(/North Korea collected about \$2 billion/)).toBeTruthy();
    const facts = screen.getByRole('region', { name: 'Key facts' });
    expect(within(facts).getByText('$2B')).toBeTruthy();
    expect(within(facts).getByText('401,347 ETH (about $1.46B)')).toBeTruthy();
    expect(within(facts).getByText('Lazarus Group')).toBeTruthy();
    expect(within(facts).getByText(/according to FBI/)).toBeTruthy();
    expect(within(facts).getByText('official attribution')).toBeTruthy();
    expect(within(facts).getByText('Bangladesh Bank')).toBeTruthy();
  });

  it('groups names by type and scrolls the tab to a name', async () => {
    const { backend } = renderPopup('?tab=7', ALL_OPEN);
    const names = await screen.findByRole('region', { name: 'Names in this article' });
    expect(await within(names).findByRole('heading', { name: /Threat actors \(1\)/ })).toBeTruthy();
    expect(within(names).getByRole('heading', { name: /Agencies \(1\)/ })).toBeTruthy();
    // inferred: not a button, says why
    expect(within(names).queryByRole('button', { name: /WannaCry/ })).toBeNull();
    expect(within(names).getByText(/attributed to Lazarus Group by the US government/)).toBeTruthy();
    fireEvent.click(within(names).getByRole('button', { name: /Reconnaissance General Bureau/ }));
    await waitFor(() => expect(backend.scrollToEntity).toHaveBeenCalledWith(7, 'rgb'));
    expect(await screen.findByText(/Scrolled to the first mention of Reconnaissance General Bureau/)).toBeTruthy();
  });

  it('shows the summary and key facts first, the rest as closed sections that open on demand', async () => {
    const { backend } = renderPopup('?tab=7');
    await screen.findByRole('heading', { level: 2, name: ANALYSIS.title! });
    const toggles = ['Names in this article', 'Disclaimers', 'Related coverage', 'Timeline of related incidents', 'What the extension did on this page'];
    for (const name of toggles) {
      const button = screen.getByRole('button', { name });
      // a heading's button that says it is closed and which part it opens
      expect(button.closest('h3')).toBeTruthy();
      expect(button.getAttribute('aria-expanded')).toBe('false');
      expect(document.getElementById(button.getAttribute('aria-controls')!)!.hidden).toBe(true);
    }
    expect(screen.queryByText(/Choose a name to scroll to it/)).toBeNull();
    const names = screen.getByRole('button', { name: 'Names in this article' });
    fireEvent.click(names);
    expect(names.getAttribute('aria-expanded')).toBe('true');
    expect(await screen.findByText(/Choose a name to scroll to it/)).toBeTruthy();
    expect(document.getElementById(names.getAttribute('aria-controls')!)!.hidden).toBe(false);
    // remembered: stored, and a popup opened later shows it open, the others closed
    await waitFor(() => expect(backend.saveSectionsOpen).toHaveBeenLastCalledWith({ names: true }));
    cleanup();
    renderPopup('?tab=7', { sections: { names: true } });
    expect(await screen.findByText(/Choose a name to scroll to it/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Names in this article' }).getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('button', { name: 'Disclaimers' }).getAttribute('aria-expanded')).toBe('false');
    // closing it is remembered too
    fireEvent.click(screen.getByRole('button', { name: 'Names in this article' }));
    expect(screen.queryByText(/Choose a name to scroll to it/)).toBeNull();
  });

  it('draws the first screen first, then the open sections below it', async () => {
    const { container } = renderPopup('?tab=7', ALL_OPEN);
    await screen.findByRole('button', { name: 'Related coverage', expanded: true });
    const article = container.querySelector('article.results')!;
    await waitFor(() => expect(article.hasAttribute('aria-busy')).toBe(false));
    expect(screen.getByRole('region', { name: 'Related coverage' }).querySelector('.related')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Names in this article' }).querySelector('.entity-groups')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Disclaimers' }).querySelector('.disclaimers')).toBeTruthy();
  });

  it('shows a short summary first, and the whole one on request', async () => {
    const long = Array.from({ length: 6 }, (_, i) => `Sentence ${i + 1} has ${'quite a few words in it '.repeat(3).trim()}.`);
    renderPopup('?tab=7', { states: [{ state: 'results', analysis: { ...ANALYSIS, summary: long }, annotationsShown: true }] });
    const text = await screen.findByText(/^Sentence 1 /);
    expect(text.textContent).not.toContain('Sentence 6');
    expect(text.textContent!.split(/\s+/).length).toBeLessThanOrEqual(SHORT_SUMMARY_WORDS);
    const more = screen.getByRole('button', { name: 'Show the full summary' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(more);
    expect(text.textContent).toContain('Sentence 6');
    expect(shortSummary(['One two three.', 'Four five.'], 3)).toEqual({ shown: ['One two three.'], more: 1 });
    // a first sentence longer than the limit is shown all the same
    expect(shortSummary(['One two three four.'], 2)).toEqual({ shown: ['One two three four.'], more: 0 });
  });

  it('lists disclaimers: its own, then what the page signals', async () => {
    renderPopup('?tab=7', ALL_OPEN);
    const sec = await screen.findByRole('region', { name: 'Disclaimers' });
    expect(await within(sec).findByRole('heading', { name: 'From Crypto News Context' })).toBeTruthy();
    expect(within(sec).getByRole('heading', { name: 'What this page signals' })).toBeTruthy();
    expect(within(sec).getByText(/investment risk warning/)).toBeTruthy();
  });

  it('shows related coverage with safe links, searches set apart, history and a timeline', async () => {
    const { backend } = renderPopup('?tab=7', {
      history: {
        'lazarus-group': [
          { url: 'https://a.example/1', title: 'Earlier Lazarus story', entityIds: ['lazarus-group'], readAt: '2026-01-02T00:00:00Z' },
          { url: 'https://a.example/2', title: 'Another', entityIds: ['lazarus-group'], readAt: '2026-01-03T00:00:00Z' },
        ],
      },
      ...ALL_OPEN,
    });
    const sec = await screen.findByRole('region', { name: 'Related coverage' });
    await within(sec).findByRole('link', { name: 'Ronin bridge hack' });
    const ronin = within(sec).getByRole('link', { name: 'Ronin bridge hack' });
    expect(ronin.getAttribute('href')).toBe('https://example.org/ronin');
    expect(ronin.getAttribute('target')).toBe('_blank');
    expect(ronin.getAttribute('rel')).toBe('noopener noreferrer');
    expect(within(sec).getByText(/Mar 23, 2022 · \$625M/)).toBeTruthy();
    expect(within(sec).queryByRole('link', { name: /javascript link/ })).toBeNull();
    expect(within(sec).getByText(/javascript link must not be a link/)).toBeTruthy();
    expect(within(sec).getByRole('heading', { name: 'Search the web' })).toBeTruthy();
    expect(within(sec).getByText(/These are searches, not checked sources/)).toBeTruthy();
    expect(await within(sec).findByText(/You read 2 other articles about/)).toBeTruthy();
    expect(backend.historyCounts).toHaveBeenCalledWith(expect.any(Array), { urls: ['https://ledgerstreet.example/news/un-monitors', ANALYSIS.url], title: ANALYSIS.title });
    const timeline = screen.getByRole('region', { name: 'Timeline of related incidents' });
    expect(within(timeline).getByRole('img', { name: /Related incidents: amount stolen by date/ })).toBeTruthy();
    expect(within(timeline).getAllByRole('row')).toHaveLength(4); // header + 3 incidents
  });

  it('toggles marks and turns the site off', async () => {
    const { backend } = renderPopup('?tab=7');
    const box = await screen.findByRole('checkbox', { name: 'Show marks on this page' });
    expect((box as HTMLInputElement).checked).toBe(true);
    fireEvent.click(box);
    await waitFor(() => expect(backend.toggleAnnotations).toHaveBeenCalledWith(7, false));
    expect(await screen.findByText('Marks hidden on this page.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Turn off on ledgerstreet.example' }));
    await waitFor(() => expect(backend.disableSite).toHaveBeenCalledWith('ledgerstreet.example'));
  });

  it('explains what it did and that nothing was sent', async () => {
    renderPopup('?tab=7', ALL_OPEN);
    await screen.findByRole('heading', { level: 2, name: ANALYSIS.title! });
    expect(screen.getByRole('button', { name: 'What the extension did on this page' })).toBeTruthy();
    expect(await screen.findByText(/Knowledge base version 2026.11.1, data as of Nov 1, 2026/)).toBeTruthy();
    expect(screen.getByText('Nothing was sent anywhere.')).toBeTruthy();
    expect(screen.getByText(/Names Lazarus Group, a state hacking group/)).toBeTruthy();
  });

  it('never renders page text as HTML', async () => {
    const hostile = { ...ANALYSIS, title: '<img src=x onerror="alert(1)">', summary: ['<b>bold</b> claim'] };
    const { container } = renderPopup('?tab=7', { states: [{ state: 'results', analysis: hostile, annotationsShown: true }] });
    expect(await screen.findByText('<img src=x onerror="alert(1)">')).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
  });

  it('opens itself in a tab for the same tab', async () => {
    const { backend } = renderPopup('?tab=7');
    fireEvent.click(await screen.findByRole('button', { name: 'Open in a tab' }));
    await waitFor(() => expect(backend.openInTab).toHaveBeenCalledWith(`${PAGE}?tab=7&full=1`));
  });

  it('has no "Open in a tab" button when already in a tab', async () => {
    renderPopup('?tab=7&full=1');
    await screen.findByRole('heading', { level: 2, name: ANALYSIS.title! });
    expect(screen.queryByRole('button', { name: 'Open in a tab' })).toBeNull();
  });
});

describe('popup: which tab', () => {
  it('uses ?tab=<id>', async () => {
    const { backend } = renderPopup('?tab=42');
    await waitFor(() => expect(backend.getTabAnalysis).toHaveBeenCalledWith(42));
    expect(backend.resolveTab).toHaveBeenCalledWith(42);
  });

  it('uses the active tab without it, and ignores a bad value', async () => {
    const { backend } = renderPopup('?tab=abc');
    await waitFor(() => expect(backend.resolveTab).toHaveBeenCalledWith(null));
  });

  it('says so when there is no tab', async () => {
    renderPopup('', { noTab: true });
    expect(await screen.findByRole('heading', { name: 'No page to analyse' })).toBeTruthy();
  });
});

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
    const reasons = ['crypto vocabulary (9 mentions) together with theft/attack/crime vocabulary (7 mentions)', 'not reported: the page does not look like an article (mostly links (an index or list page))'];
    renderPopup('?tab=7', one({ state: 'not-article', reasons, analysis: { ...ANALYSIS, isArticle: false } }));
    expect(await screen.findByRole('heading', { name: 'This page doesn’t look like an article' })).toBeTruthy();
    expect(screen.getByText('Most of its text is links, as on a home page or a list of stories.')).toBeTruthy();
    // the checks' own words are not in the first screen (they are under "What the extension did")
    expect(screen.queryByText(/not reported/)).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('searchbox')));
  });

  it('an article not about crypto security: gives the reasons in plain words', async () => {
    renderPopup('?tab=7', one({ state: 'not-crypto-security', reasons: ['no crypto-security topic found', 'known names: Binance, FBI'], analysis: ANALYSIS }));
    expect(await screen.findByRole('heading', { name: 'This article isn’t about crypto security' })).toBeTruthy();
    expect(screen.getByText(/It says too little about crypto theft, hacking, ransomware, sanctions or laundering/)).toBeTruthy();
    expect(screen.getByText('It does name Binance, FBI.')).toBeTruthy();
    expect(screen.queryByText('no crypto-security topic found')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('searchbox')));
  });

  it('a page whose quick check failed: the background’s own sentence, and no button (nothing was read)', async () => {
    const sentence = 'A quick check of the title and first paragraphs found no crypto-security words, so the page was not analysed.';
    renderPopup('?tab=7', one({ state: 'not-crypto-security', reasons: [sentence] }));
    expect(await screen.findByText(sentence)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Analyse this page anyway' })).toBeNull();
  });

  it('"Analyse this page anyway": asks the background, shows the analysis, then the results, saying the reader asked', async () => {
    const { backend } = renderPopup('?tab=7', {
      states: [
        { state: 'not-article', reasons: ['not reported: the page does not look like an article (mostly links (an index or list page))'], analysis: { ...ANALYSIS, isArticle: false } },
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
      states: [{ state: 'not-crypto-security', reasons: ['no crypto-security topic found'], analysis: ANALYSIS }],
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

describe('popup: long related lists', () => {
  it('shows the most relevant first and the rest on request', async () => {
    const many = Array.from({ length: 10 }, (_, i) => ({ title: `Source ${i + 1}`, url: `https://example.org/${i}`, why: 'test', kind: 'source' as const }));
    renderPopup('?tab=7', { states: [{ state: 'results', analysis: { ...ANALYSIS, related: many }, annotationsShown: true }], ...ALL_OPEN });
    const sec = await screen.findByRole('region', { name: 'Related coverage' });
    await within(sec).findByRole('link', { name: 'Source 1' });
    expect(within(sec).getAllByRole('link')).toHaveLength(6);
    expect(within(sec).getByRole('link', { name: 'Source 1' })).toBeTruthy();
    const more = within(sec).getByRole('button', { name: 'Show all 10' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(more);
    expect(within(sec).getAllByRole('link')).toHaveLength(10);
    expect(within(sec).getByRole('button', { name: 'Show fewer' }).getAttribute('aria-expanded')).toBe('true');
  });
});

describe('popup: marks hidden', () => {
  it('shows the marks again before scrolling to a name', async () => {
    const { backend } = renderPopup('?tab=7', { states: [{ state: 'results', analysis: ANALYSIS, annotationsShown: false }], ...ALL_OPEN });
    const box = await screen.findByRole('checkbox', { name: 'Show marks on this page' });
    expect((box as HTMLInputElement).checked).toBe(false);
    fireEvent.click(await screen.findByRole('button', { name: /Reconnaissance General Bureau/ }));
    await waitFor(() => expect(backend.scrollToEntity).toHaveBeenCalledWith(7, 'rgb'));
    expect(backend.toggleAnnotations).toHaveBeenCalledWith(7, true);
    expect(backend.toggleAnnotations.mock.invocationCallOrder[0]!).toBeLessThan(backend.scrollToEntity.mock.invocationCallOrder[0]!);
    await waitFor(() => expect((box as HTMLInputElement).checked).toBe(true));
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

describe('popup: first answers', () => {
  it('with ?tab asks for the analysis at once, not after tabs.get', async () => {
    const { backend } = fakeBackend();
    let releaseTab: () => void = () => undefined;
    backend.resolveTab.mockImplementation(
      (requested) => new Promise((ok) => (releaseTab = () => ok({ id: requested ?? 7, url: 'https://ledgerstreet.example/news/un-monitors', title: 'Tab' }))),
    );
    render(<Popup backend={backend} params={parsePopupParams('?tab=7')} pageUrl={PAGE} />);
    // the results come while tabs.get has not answered yet
    expect(await screen.findByRole('heading', { level: 2, name: ANALYSIS.title! })).toBeTruthy();
    expect(backend.getTabAnalysis).toHaveBeenCalledWith(7);
    expect(screen.queryByRole('button', { name: /Turn off on/ })).toBeNull();
    releaseTab();
    // the host comes from the tab once it answers
    expect(await screen.findByRole('button', { name: 'Turn off on ledgerstreet.example' })).toBeTruthy();
  });

  it('uses the questions the page entry already asked', async () => {
    const { backend } = fakeBackend();
    const load = startTabLoad(backend, 7);
    expect(backend.getTabAnalysis).toHaveBeenCalledTimes(1);
    render(<Popup backend={backend} params={parsePopupParams('?tab=7')} pageUrl={PAGE} load={load} />);
    expect(await screen.findByRole('heading', { level: 2, name: ANALYSIS.title! })).toBeTruthy();
    expect(backend.getTabAnalysis).toHaveBeenCalledTimes(1);
    expect(backend.resolveTab).toHaveBeenCalledTimes(1);
  });
});
