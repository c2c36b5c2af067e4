/**
 * The "Knowledge updates" part of the options and welcome pages (components/options/DataUpdates.tsx):
 * off by default with what is fetched and what is not sent; turning on asks the browser for the one host in
 * the click itself and only then tells the background; a refused permission leaves updates off and nothing
 * is sent to the background; a rejected update's reason is shown in words; the as-of dates per source.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DataUpdates } from '../../../components/options/DataUpdates';
import { Welcome } from '../../../components/welcome/Welcome';
import {
  INITIAL_UPDATES_STATE,
  KB_UPDATES_STATE_KEY,
  PACK_HOST_PATTERN,
  PACK_URL,
  parseUpdatesState,
  type KbUpdatesState,
} from '../../../lib/shared/kb-updates';
import { KB_IN_USE_KEY, type KnowledgeInUse } from '../../../lib/shared/knowledge-in-use';

const builtIn: KnowledgeInUse = {
  origin: 'built-in',
  version: 20260806000000,
  kbVersion: '2026-08-06+x',
  asOf: '2026-08-06',
  sources: [
    { name: 'MISP galaxy (threat groups, ransomware, malware)', asOf: '2026-08-01' },
    { name: 'OFAC sanctioned crypto addresses (via 0xB10C)', asOf: '2024-09-27' },
  ],
};

let sent: unknown[];
let answerState: KbUpdatesState;
let request: ReturnType<typeof vi.fn>;

beforeEach(async () => {
  fakeBrowser.reset();
  sent = [];
  answerState = INITIAL_UPDATES_STATE;
  await fakeBrowser.storage.local.set({ [KB_IN_USE_KEY]: builtIn });
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (msg: { type: string; enabled?: boolean }) => {
    sent.push(msg);
    if (msg.type === 'updates/set-enabled') {
      answerState = { ...answerState, enabled: !!msg.enabled, schedule: msg.enabled ? { lastCheckAt: null, lastSuccessAt: null, failures: 0, nextCheckAt: Date.now() + 30_000 } : answerState.schedule };
      await fakeBrowser.storage.local.set({ [KB_UPDATES_STATE_KEY]: answerState });
    }
    return { ok: true, state: answerState, inUse: builtIn };
  }) as never);
  request = vi.fn(async () => true);
  (fakeBrowser as unknown as { permissions: unknown }).permissions = { request, contains: vi.fn(async () => true), remove: vi.fn(async () => true) };
});
afterEach(() => cleanup());

describe('knowledge updates on the options page', () => {
  it('is off, says exactly what would be fetched and that nothing about the reader is sent, and shows the as-of dates', async () => {
    render(<DataUpdates />);
    const box = await screen.findByRole('checkbox', { name: 'Download knowledge updates', description: /no cookies, no referrer and no query/ });
    expect((box as HTMLInputElement).checked).toBe(false);
    expect(screen.getByRole('checkbox', { description: new RegExp(PACK_URL.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })).toBe(box);
    expect(screen.getByRole('checkbox', { description: /nothing about the pages you read, your look-ups, your reading history or your settings is sent/ })).toBe(box);
    expect((screen.getByRole('button', { name: 'Check now' }) as HTMLButtonElement).disabled).toBe(true);
    // dates in the reader's locale (here the runtime's), as Intl writes a calendar day there
    const day = (iso: string) => new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${iso}T00:00:00Z`));
    expect(await screen.findByText(`Knowledge as of ${day('2026-08-06')}`)).toBeTruthy();
    expect(screen.getByRole('list', { name: 'How recent each source is' }).textContent).toContain(`OFAC sanctioned crypto addresses (via 0xB10C): ${day('2024-09-27')}`);
    expect(screen.getByTestId('knowledge-in-use').textContent).toContain('built into the extension');
  });

  it('turning on asks the browser for the one host in the click itself, then tells the background', async () => {
    render(<DataUpdates />);
    const box = await screen.findByRole('checkbox', { name: 'Download knowledge updates' });
    await waitFor(() => expect((box as HTMLInputElement).disabled).toBe(false));
    sent.length = 0;
    fireEvent.click(box);
    // synchronously, in the click's task: a browser shows the prompt only for a user action
    expect(request).toHaveBeenCalledWith({ origins: [PACK_HOST_PATTERN] });
    await waitFor(() => expect(sent).toEqual([{ type: 'updates/set-enabled', enabled: true }]));
    await waitFor(() => expect((screen.getByRole('checkbox', { name: 'Download knowledge updates' }) as HTMLInputElement).checked).toBe(true));
    expect(screen.getByRole('status').textContent).toMatch(/Updates are on/);
    await waitFor(() => expect((screen.getByRole('button', { name: 'Check now' }) as HTMLButtonElement).disabled).toBe(false));
  });

  it('a refused permission leaves updates off and tells the background nothing', async () => {
    request.mockResolvedValue(false);
    render(<DataUpdates />);
    const box = await screen.findByRole('checkbox', { name: 'Download knowledge updates' });
    await waitFor(() => expect((box as HTMLInputElement).disabled).toBe(false));
    sent.length = 0;
    fireEvent.click(box);
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/Updates stay off: access to .* was not allowed/));
    expect(sent).toEqual([]);
    await waitFor(() => expect((box as HTMLInputElement).checked).toBe(false));
  });

  const failedWith = (last: Pick<NonNullable<KbUpdatesState['last']>, 'why' | 'message'>): KbUpdatesState => ({
    ...INITIAL_UPDATES_STATE,
    enabled: true,
    schedule: { lastCheckAt: 1, lastSuccessAt: null, failures: 1, nextCheckAt: Date.now() + 3_600_000 },
    last: { at: Date.now(), outcome: 'failed', reason: 'unknown-key', ...last },
  });

  it('shows why an update was not used, worded from its code and parameters', async () => {
    answerState = failedWith({ why: { code: 'unknownKey', params: ['0123456789abcdef'] } });
    await fakeBrowser.storage.local.set({ [KB_UPDATES_STATE_KEY]: answerState });
    render(<DataUpdates />);
    const last = await screen.findByTestId('updates-last');
    expect(last.textContent).toMatch(
      /an update was downloaded but not used\. The update is signed with a key this extension does not know \(0123456789abcdef\)\. Your knowledge was not changed\./,
    );
  });

  it('in the reader’s language: the reason’s message with its parameters', async () => {
    const i18n = (browser as unknown as { i18n: { getMessage: (k: string, s?: string[]) => string } }).i18n;
    const spy = vi.spyOn(i18n, 'getMessage').mockImplementation((k, sub) => `[${[k, ...(sub ?? [])].join('|')}]`);
    try {
      answerState = failedWith({ why: { code: 'http', params: ['packs.example.org', '503 Service Unavailable'] } });
      answerState.last!.reason = 'http';
      await fakeBrowser.storage.local.set({ [KB_UPDATES_STATE_KEY]: answerState });
      render(<DataUpdates />);
      const last = await screen.findByTestId('updates-last');
      await waitFor(() => expect(last.textContent).toContain('[uiUpdHttp|packs.example.org|503 Service Unavailable]'));
    } finally {
      spy.mockRestore();
    }
  });

  it('a record stored by an older version, already in words, is shown as it is; one with a reason this version does not know keeps the rest', async () => {
    answerState = failedWith({ message: 'The update is signed with a key this extension does not know (0123456789abcdef).' });
    await fakeBrowser.storage.local.set({ [KB_UPDATES_STATE_KEY]: answerState });
    const { unmount } = render(<DataUpdates />);
    const last = await screen.findByTestId('updates-last');
    expect(last.textContent).toMatch(/an update was downloaded but not used\. The update is signed with a key this extension does not know .* Your knowledge was not changed\./);
    unmount();
    const future = { ...answerState, last: { ...answerState.last!, message: undefined, why: { code: 'somethingNew', params: [1] } } };
    const parsed = parseUpdatesState(future);
    expect(parsed.enabled).toBe(true);
    expect(parsed.schedule).toEqual(answerState.schedule);
    expect(parsed.last).toMatchObject({ outcome: 'failed', reason: 'unknown-key' });
    expect(parsed.last!.why).toBeUndefined();
    answerState = parsed;
    await fakeBrowser.storage.local.set({ [KB_UPDATES_STATE_KEY]: future });
    render(<DataUpdates />);
    expect((await screen.findByTestId('updates-last')).textContent).toMatch(/an update was downloaded but not used\..*Your knowledge was not changed\./);
  });

  it('is on the welcome page too', async () => {
    render(<Welcome onOpenOptions={() => undefined} />);
    expect(await screen.findByRole('checkbox', { name: 'Download knowledge updates' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Knowledge updates' })).toBeTruthy();
  });
});
