/** `contentApi.muteEntity` hands the card the background's answer, with its words when the save failed. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { contentApi } from '../../../lib/shared/channels';

afterEach(() => {
  fakeBrowser.reset();
});

function background(answer: unknown): void {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async () => answer) as never);
}

describe('contentApi.muteEntity', () => {
  it('returns the failure and its reason in words', async () => {
    background({ ok: false, message: 'Your browser’s storage for this extension is full.' });
    expect(await contentApi.muteEntity('fbi')).toEqual({ ok: false, message: 'Your browser’s storage for this extension is full.' });
  });
  it('a failure without words, a success, and an answer that is not one', async () => {
    background({ ok: false });
    expect(await contentApi.muteEntity('fbi')).toEqual({ ok: false });
    background({ ok: true });
    expect(await contentApi.muteEntity('fbi')).toEqual({ ok: true });
    background({ ok: false, message: 42 });
    expect(await contentApi.muteEntity('fbi')).toEqual({ ok: false });
  });
});
