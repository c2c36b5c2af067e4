import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { Options, changedFields } from '../../../components/options/Options';
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
  await screen.findByRole('button', { name: 'Save settings' });
}

const save = () => fireEvent.submit(screen.getByRole('button', { name: 'Save settings' }).closest('form')!);

describe('options page', () => {
  it('shows every setting with a label', async () => {
    await renderOptions();
    expect(screen.getByRole('checkbox', { name: 'Crypto News Context is on' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: /Automatically/ })).toBeTruthy();
    expect(screen.getByRole('radio', { name: /Only when I click/ })).toBeTruthy();
    // each mode says what it does (read out with the radio button)
    expect(screen.getByRole('radio', { name: /Automatically/ }).getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByRole('radio', { name: /Automatically/, description: /quick word check runs on every page/ })).toBeTruthy();
    expect(screen.getByRole('radio', { name: /Only when I click/, description: /Nothing is read, analysed or added to the reading history until you open/ })).toBeTruthy();
    expect(screen.getByRole('radio', { name: /Only when I click/, description: /site access .* “On click”/ })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Add a site' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: /Threat actors/ })).toBeTruthy();
    expect(screen.getAllByRole('checkbox').length).toBe(1 + 12 + 1 + 1); // on, kinds of names, history, knowledge updates
    expect(screen.getByRole('radio', { name: /first mention/ })).toBeTruthy();
    expect(screen.getByRole('spinbutton', { name: 'Card delay (milliseconds)' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Dark' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Keep a reading history on this device' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Clear reading history' })).toBeTruthy();
  });

  it('saves changes with a confirmation', async () => {
    await renderOptions();
    fireEvent.click(screen.getByRole('radio', { name: /Only when I click/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /People/ }));
    fireEvent.click(screen.getByRole('radio', { name: 'Every mention' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Dark' }));
    fireEvent.input(screen.getByRole('spinbutton'), { target: { value: '800' } });
    expect(screen.getByText('You have unsaved changes.')).toBeTruthy();
    save();
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    const s = await getSettings();
    expect(s).toMatchObject({ mode: 'click', density: 'all', theme: 'dark', cardDelayMs: 800 });
    expect(s.types.person).toBe(false);
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it('adds and removes sites, rejecting bad hostnames with a message', async () => {
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
    expect(box.getAttribute('aria-invalid')).toBe('false');
    fireEvent.input(box, { target: { value: 'coindesk.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add site' }));
    expect((await screen.findByRole('alert')).textContent).toBe('coindesk.com is already in the list.');

    save();
    await screen.findByText('Settings saved.');
    expect((await getSettings()).disabledSites).toEqual(['coindesk.com']);

    fireEvent.click(screen.getByRole('button', { name: 'Remove coindesk.com' }));
    save();
    await waitFor(async () => expect((await getSettings()).disabledSites).toEqual([]));
  });

  it('refuses a bad card delay and saves nothing', async () => {
    await renderOptions();
    const delay = screen.getByRole('spinbutton');
    fireEvent.input(delay, { target: { value: '99999' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Dark' }));
    save();
    expect((await screen.findByRole('alert')).textContent).toMatch(/from 0 to 3000/);
    expect(screen.getByText('Not saved: fix the card delay first.')).toBeTruthy();
    expect(document.activeElement).toBe(delay);
    expect((await getSettings()).theme).toBe('system');
  });

  it('lists muted names per site (by name when known) and un-mutes them', async () => {
    await saveSettings({ mutedEntities: { 'example.com': ['tornado-cash', 'garantex'] } });
    render(<Options resolveName={async (id) => (id === 'tornado-cash' ? 'Tornado Cash' : null)} />);
    await screen.findByRole('button', { name: 'Save settings' });
    expect(screen.getByRole('button', { name: 'Mark garantex on example.com again' })).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Mark Tornado Cash on example.com again' }));
    save();
    await screen.findByText('Settings saved.');
    expect((await getSettings()).mutedEntities).toEqual({ 'example.com': ['garantex'] });
  });

  it('clears the reading history in one click and can switch it off', async () => {
    await recordArticle({ url: 'https://a.example/1', title: 'One', entityIds: ['x'] });
    await renderOptions();
    expect(await screen.findByText('1 article stored')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear reading history' }));
    expect(await screen.findByText('Reading history cleared.')).toBeTruthy();
    expect(await getHistory()).toEqual([]);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Keep a reading history on this device' }));
    save();
    await screen.findByText('Settings saved.');
    expect((await getSettings()).history).toBe(false);
  });

  it('restores defaults in the form, saved on request', async () => {
    await saveSettings({ theme: 'dark', enabled: false, disabledSites: ['a.com'] });
    await renderOptions();
    fireEvent.click(screen.getByRole('button', { name: 'Restore defaults' }));
    save();
    await screen.findByText('Settings saved.');
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('shows the reset notice after corrupted storage', async () => {
    await browser.storage.sync.set({ [SYNC_KEY]: { version: 1, theme: 'neon', density: 'all' } });
    await renderOptions();
    expect(await screen.findByText('Some settings could not be read and were reset: Theme.')).toBeTruthy();
    // the valid part survived
    expect((screen.getByRole('radio', { name: 'Every mention' }) as HTMLInputElement).checked).toBe(true);
  });

  it('picks up changes made elsewhere when the form is untouched', async () => {
    await renderOptions();
    await saveSettings({ density: 'all' });
    await waitFor(() => expect((screen.getByRole('radio', { name: 'Every mention' }) as HTMLInputElement).checked).toBe(true));
  });
});

describe('options page: storage refuses the save', () => {
  it('sync full: says so in words, keeps the choices in the form as unsaved, and storage keeps what it had', async () => {
    await saveSettings({ theme: 'dark' });
    await renderOptions();
    vi.spyOn(browser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    fireEvent.click(screen.getByRole('radio', { name: /Only when I click/ }));
    save();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^Your browser’s storage for this extension is full, so this change was not saved\./);
    expect(alert.textContent).not.toMatch(/QUOTA|Error/);
    expect(screen.queryByText('Settings saved.')).toBeNull();
    // the user's choice stays in the form, visibly unsaved
    expect((screen.getByRole('radio', { name: /Only when I click/ }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText('You have unsaved changes.')).toBeTruthy();
    vi.restoreAllMocks();
    expect(await getSettings()).toMatchObject({ mode: 'auto', theme: 'dark' });
    // and it saves once storage takes it again; the message goes
    save();
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect((await getSettings()).mode).toBe('click');
  });

  it('local full (site lists): the same words, nothing lost', async () => {
    await saveSettings({ disabledSites: ['keep.example'] });
    await renderOptions();
    vi.spyOn(browser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const box = screen.getByRole('textbox', { name: 'Add a site' });
    fireEvent.input(box, { target: { value: 'new.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add site' }));
    save();
    expect((await screen.findByRole('alert')).textContent).toMatch(/storage for this extension is full/);
    expect(screen.getByText('new.example')).toBeTruthy();
    vi.restoreAllMocks();
    expect((await getSettings()).disabledSites).toEqual(['keep.example']);
  });

  it('sync write limit: asks to wait', async () => {
    await renderOptions();
    vi.spyOn(browser.storage.sync, 'set').mockRejectedValue(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded'));
    fireEvent.click(screen.getByRole('radio', { name: 'Dark' }));
    save();
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
    save();
    await screen.findByText('Settings saved.');
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

  it('changedFields lists only what differs', () => {
    const base = structuredClone(DEFAULT_SETTINGS) as typeof DEFAULT_SETTINGS & { version: number };
    const { version: _v, ...same } = base;
    expect(changedFields(base, same)).toEqual({});
    expect(changedFields(base, { ...same, theme: 'dark', types: { ...same.types, person: false } })).toEqual({ theme: 'dark', types: { ...same.types, person: false } });
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
