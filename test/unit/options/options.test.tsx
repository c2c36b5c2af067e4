import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { Options } from '../../../components/options/Options';
import { checkCardDelay, checkSiteInput } from '../../../components/options/site-input';
import { Welcome } from '../../../components/welcome/Welcome';
import { getHistory, recordArticle } from '../../../lib/history';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, getSettings, saveSettings } from '../../../lib/settings';
import { SITES_KEY, SYNC_KEY, resetSettingsStorageForTests } from '../../../lib/settings/storage';
import { openWelcomeOnInstall } from '../../../lib/background/welcome';

beforeEach(() => {
  fakeBrowser.reset();
  resetSettingsStorageForTests();
  delete document.documentElement.dataset.theme;
});
afterEach(() => cleanup());

async function renderOptions() {
  render(<Options />);
  await screen.findByRole('checkbox', { name: 'Crypto News Context is on' });
}

/** The page's polite status (role status; the knowledge-updates part has its own). */
const saveStatus = () => {
  const el = screen.getAllByRole('status').find((s) => s.classList.contains('save-status'));
  if (!el) throw new Error('no save status');
  return el;
};
const saved = () => waitFor(() => expect(saveStatus().textContent).toBe('Saved.'));

describe('options page', () => {
  it('shows every setting with a label, one fieldset each, and no Save button', async () => {
    await renderOptions();
    expect(screen.getByRole('checkbox', { name: 'Crypto News Context is on' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: /Automatically/ })).toBeTruthy();
    expect(screen.getByRole('radio', { name: /Only when I click/ })).toBeTruthy();
    // each mode says what it does (read out with the radio button)
    expect(screen.getByRole('radio', { name: /Automatically/, description: /quick word check runs on every page/ })).toBeTruthy();
    expect(screen.getByRole('radio', { name: /Only when I click/, description: /Nothing is read, analysed or added to the reading history until you open/ })).toBeTruthy();
    expect(screen.getByRole('radio', { name: /Only when I click/, description: /site access .* “On click”/ })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Add a site' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: /Threat actors/ })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: /^Agencies — government bodies/ })).toBeTruthy();
    expect(screen.getAllByRole('checkbox').length).toBe(1 + 12 + 1 + 1); // on, kinds of names, history, knowledge updates
    expect(screen.getByRole('radio', { name: /first mention/ })).toBeTruthy();
    expect(screen.getByRole('spinbutton', { name: 'Card delay (milliseconds)' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Dark' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Keep a reading history on this device' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Clear reading history' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Save/ })).toBeNull();
    expect(screen.getAllByRole('group').map((g) => g.querySelector('legend')?.textContent)).toEqual([
      'General',
      'When to mark an article',
      'Sites where it stays off',
      'Names not marked',
      'What to mark',
      'Kinds of names',
      'Which mentions',
      'Cards and appearance',
      'Theme',
      'Reading history',
    ]);
    // the status region is in the page from the start, polite and empty
    expect(saveStatus().getAttribute('aria-live')).toBe('polite');
    expect(saveStatus().textContent).toBe('');
  });

  it('saves each change as it is made, with a polite "Saved."', async () => {
    await renderOptions();
    fireEvent.click(screen.getByRole('radio', { name: /Only when I click/ }));
    await saved();
    expect((await getSettings()).mode).toBe('click');
    fireEvent.click(screen.getByRole('checkbox', { name: /People/ }));
    fireEvent.click(screen.getByRole('radio', { name: 'Every mention' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Dark' }));
    await waitFor(async () => expect(await getSettings()).toMatchObject({ mode: 'click', density: 'all', theme: 'dark' }));
    expect((await getSettings()).types.person).toBe(false);
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
    await saved();
  });

  it('the card delay is saved when a valid number is committed; a bad one is explained and not saved', async () => {
    await renderOptions();
    const delay = screen.getByRole('spinbutton');
    fireEvent.input(delay, { target: { value: '99999' } });
    fireEvent.change(delay, { target: { value: '99999' } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/from 0 to 3000/);
    expect(delay.getAttribute('aria-invalid')).toBe('true');
    expect(delay.getAttribute('aria-describedby')).toContain(alert.id);
    expect((await getSettings()).cardDelayMs).toBe(DEFAULT_SETTINGS.cardDelayMs);
    fireEvent.input(delay, { target: { value: '800' } });
    fireEvent.change(delay, { target: { value: '800' } });
    await saved();
    expect((await getSettings()).cardDelayMs).toBe(800);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('adds and removes sites at once, rejecting bad hostnames with a message', async () => {
    await renderOptions();
    const box = screen.getByRole('textbox', { name: 'Add a site' });
    fireEvent.input(box, { target: { value: 'not a site' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add site' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/is not a web address or site name/);
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(box.getAttribute('aria-describedby')).toContain(alert.id);

    fireEvent.input(box, { target: { value: 'https://www.CoinDesk.com/policy' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(await screen.findByText('coindesk.com')).toBeTruthy();
    await saved();
    expect((await getSettings()).disabledSites).toEqual(['coindesk.com']);
    expect((box as HTMLInputElement).value).toBe('');
    fireEvent.input(box, { target: { value: 'coindesk.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add site' }));
    expect((await screen.findByRole('alert')).textContent).toBe('coindesk.com is already in the list.');

    fireEvent.click(screen.getByRole('button', { name: 'Remove coindesk.com' }));
    await waitFor(async () => expect((await getSettings()).disabledSites).toEqual([]));
  });

  it('lists names never marked and per site (by name when known) and marks them again', async () => {
    await saveSettings({ mutedEntities: { 'example.com': ['tornado-cash', 'garantex'] }, mutedEverywhere: ['fbi', 'lazarus-group'] });
    render(<Options resolveName={async (id) => ({ 'tornado-cash': 'Tornado Cash', fbi: 'FBI' })[id] ?? null} />);
    const never = await screen.findByRole('list', { name: 'Never marked' });
    await waitFor(() => expect(never.textContent).toContain('FBI'));
    expect(never.textContent).toContain('lazarus-group');
    expect(screen.getByRole('button', { name: 'Mark again: garantex on example.com' })).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Mark again: Tornado Cash on example.com' }));
    await saved();
    expect((await getSettings()).mutedEntities).toEqual({ 'example.com': ['garantex'] });
    fireEvent.click(screen.getByRole('button', { name: 'Mark again: FBI' }));
    await waitFor(async () => expect((await getSettings()).mutedEverywhere).toEqual(['lazarus-group']));
    await waitFor(() => expect(never.textContent).not.toContain('FBI'));
  });

  it('says how to add names when none are muted', async () => {
    await renderOptions();
    expect(screen.getByText('None. Use “Never mark this” in a card to add one.')).toBeTruthy();
    expect(screen.getByText('None. Use “Don’t mark on this site” in a card to add one.')).toBeTruthy();
  });

  it('clears the reading history in one click and can switch it off', async () => {
    await recordArticle({ url: 'https://a.example/1', title: 'One', entityIds: ['x'] });
    await renderOptions();
    expect(await screen.findByText('1 article stored')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear reading history' }));
    await waitFor(() => expect(saveStatus().textContent).toBe('Reading history cleared.'));
    expect(await getHistory()).toEqual([]);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Keep a reading history on this device' }));
    await saved();
    expect((await getSettings()).history).toBe(false);
  });

  it('restores the default preferences at once and keeps the lists', async () => {
    await saveSettings({ theme: 'dark', enabled: false, cardDelayMs: 900, disabledSites: ['a.com'], mutedEverywhere: ['fbi'] });
    await renderOptions();
    fireEvent.click(screen.getByRole('button', { name: 'Restore default settings' }));
    await waitFor(() => expect(saveStatus().textContent).toBe('Default settings restored and saved.'));
    expect(await getSettings()).toEqual({ ...DEFAULT_SETTINGS, disabledSites: ['a.com'], mutedEverywhere: ['fbi'] });
    expect((screen.getByRole('spinbutton') as HTMLInputElement).value).toBe(String(DEFAULT_SETTINGS.cardDelayMs));
  });

  it('shows the reset notice after corrupted storage', async () => {
    await browser.storage.sync.set({ [SYNC_KEY]: { version: 1, theme: 'neon', density: 'all' } });
    await renderOptions();
    expect(await screen.findByText('Some settings could not be read and were reset: Theme.')).toBeTruthy();
    // the valid part survived
    expect((screen.getByRole('radio', { name: 'Every mention' }) as HTMLInputElement).checked).toBe(true);
  });

  it('picks up changes made elsewhere', async () => {
    await renderOptions();
    await saveSettings({ density: 'all' });
    await waitFor(() => expect((screen.getByRole('radio', { name: 'Every mention' }) as HTMLInputElement).checked).toBe(true));
  });
});

describe('options page: storage refuses the save', () => {
  it('sync full: says so in words, shows what is stored, and saves once storage takes it again', async () => {
    await saveSettings({ theme: 'dark' });
    await renderOptions();
    vi.spyOn(browser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    fireEvent.click(screen.getByRole('radio', { name: /Only when I click/ }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^Your browser’s storage for this extension is full, so this change was not saved\./);
    expect(alert.textContent).not.toMatch(/QUOTA|Error/);
    expect(saveStatus().textContent).toBe('');
    // the page shows what is stored: the change did not happen
    await waitFor(() => expect((screen.getByRole('radio', { name: /Automatically/ }) as HTMLInputElement).checked).toBe(true));
    vi.restoreAllMocks();
    expect(await getSettings()).toMatchObject({ mode: 'auto', theme: 'dark' });
    fireEvent.click(screen.getByRole('radio', { name: /Only when I click/ }));
    await saved();
    expect(screen.queryByRole('alert')).toBeNull();
    expect((await getSettings()).mode).toBe('click');
  });

  it('local full (site lists): the same words, the typed site stays in the field, nothing lost', async () => {
    await saveSettings({ disabledSites: ['keep.example'] });
    await renderOptions();
    vi.spyOn(browser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const box = screen.getByRole('textbox', { name: 'Add a site' });
    fireEvent.input(box, { target: { value: 'new.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add site' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/storage for this extension is full/);
    expect((box as HTMLInputElement).value).toBe('new.example');
    vi.restoreAllMocks();
    expect((await getSettings()).disabledSites).toEqual(['keep.example']);
  });

  it('sync write limit: asks to wait', async () => {
    await renderOptions();
    vi.spyOn(browser.storage.sync, 'set').mockRejectedValue(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded'));
    fireEvent.click(screen.getByRole('radio', { name: 'Dark' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Wait a minute, then try again/);
  });

  it('a failed history clearing is said in words', async () => {
    await recordArticle({ url: 'https://a.example/1', title: 'One', entityIds: ['x'] });
    await renderOptions();
    await screen.findByText('1 article stored');
    vi.spyOn(browser.storage.local, 'set').mockRejectedValue(new Error('boom'));
    vi.spyOn(browser.storage.local, 'remove').mockRejectedValue(new Error('boom'));
    fireEvent.click(screen.getByRole('button', { name: 'Clear reading history' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/reading history could not be cleared/);
    expect(screen.getByText('1 article stored')).toBeTruthy();
  });
});

describe('options page: settings of a newer version', () => {
  it('tells the user once and saves only the changed field, keeping the newer object', async () => {
    const newer = { version: SETTINGS_VERSION + 1, mode: 'scheduled', theme: 'dark', futureKey: [1, 2] };
    await browser.storage.sync.set({ [SYNC_KEY]: newer });
    await renderOptions();
    expect(await screen.findByText(/saved by a newer version of Crypto News Context/)).toBeTruthy();
    expect(screen.getByText(/When to annotate \(only when you click\)/)).toBeTruthy();
    // read the safest way: click mode
    expect((screen.getByRole('radio', { name: /Only when I click/ }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: 'Every mention' }));
    await saved();
    expect((await browser.storage.sync.get(SYNC_KEY))[SYNC_KEY]).toEqual({ ...newer, density: 'all' });
    expect((await browser.storage.local.get(SITES_KEY))[SITES_KEY]).toBeUndefined();
    cleanup();
    await renderOptions();
    fireEvent.click(await screen.findByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByText(/newer version/)).toBeNull());
    cleanup();
    await renderOptions();
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByText(/newer version/)).toBeNull();
  });
});

describe('validation helpers', () => {
  it('sites', () => {
    expect(checkSiteInput(' ', [])).toMatchObject({ ok: false });
    expect(checkSiteInput('exa mple', [])).toMatchObject({ ok: false });
    expect(checkSiteInput('News.Example.com', [])).toEqual({ ok: true, host: 'news.example.com' });
  });
  it('card delay', () => {
    expect(checkCardDelay('400')).toEqual({ ok: true, value: 400 });
    for (const bad of ['', '-1', '3001', '1.5', 'abc', '1e3']) expect(checkCardDelay(bad).ok, bad).toBe(false);
  });
});

describe('welcome page', () => {
  it('explains what it does, the privacy promise and how to use it', () => {
    let opened = 0;
    render(<Welcome onOpenOptions={() => opened++} shortcuts={{ lookup: 'Alt+Shift+L' }} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Welcome to Crypto News Context' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'What it does' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Your privacy' })).toBeTruthy();
    expect(screen.getByText('Everything runs on your device.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'How to use it' })).toBeTruthy();
    // placeholders filled with elements: the shortcut in a <kbd>, the settings link as a button in the sentence
    expect(screen.getByText('Alt+Shift+L').tagName).toBe('KBD');
    expect(screen.getByText('Alt+Shift+L').parentElement!.textContent).toMatch(/^Click the toolbar button \(or press Alt\+Shift\+L\) for the summary/);
    expect(screen.getByRole('button', { name: 'settings' }).parentElement!.textContent).toMatch(/reading history in the settings\.$/);
    fireEvent.click(screen.getByRole('button', { name: 'settings' }));
    expect(opened).toBe(1);
  });

  it('opens on install only', async () => {
    const before = (await browser.tabs.query({})).length;
    openWelcomeOnInstall();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.1' });
    expect(await browser.tabs.query({})).toHaveLength(before);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await waitFor(async () => expect((await browser.tabs.query({})).map((t) => t.url).filter((u) => u?.endsWith('welcome.html'))).toHaveLength(1));
    expect(await browser.tabs.query({})).toHaveLength(before + 1);
  });
});
