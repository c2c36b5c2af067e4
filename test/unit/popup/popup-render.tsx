/** Shared setup of the popup component tests (popup-*.test.tsx): the popup rendered against a fake background. */
import { cleanup, render } from '@testing-library/preact';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '../../../components/popup/Popup';
import { parsePopupParams } from '../../../components/popup/params';
import { fakeBackend } from './fixtures';

export const PAGE = 'chrome-extension://abc/popup.html';
/** Every section below the summary and key facts left open (they are closed until the reader opens them). */
export const ALL_OPEN = { sections: { names: true, disclaimers: true, related: true, timeline: true, transparency: true } };

export function renderPopup(search: string, opts: Parameters<typeof fakeBackend>[0] = {}) {
  const fake = fakeBackend(opts);
  const utils = render(<Popup backend={fake.backend} params={parsePopupParams(search)} pageUrl={PAGE} />);
  return { ...utils, ...fake };
}

/** A fresh fake browser and no theme before each test; the rendered popup removed after it. */
export function usePopupPage(): void {
  beforeEach(() => {
    fakeBrowser.reset();
    delete document.documentElement.dataset.theme;
  });
  afterEach(() => cleanup());
}
