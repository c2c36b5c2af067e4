/**
 * The analysis queue inside the background service (issue 16, point 1): a restless tab does not hold up
 * another tab's reading, replaced readings are answered "stale", and a cut analysis reaches the popup,
 * which says so in words.
 */
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Results } from '../../../components/popup/Results';
import { createAnalysisQueue } from '../../../lib/background/analysis-queue';
import { analyze } from '../../../lib/background/engine';
import { createBackgroundService } from '../../../lib/background/service';
import { createTabStore, memoryArea } from '../../../lib/background/tab-store';
import type { Analysis, AnalysisInput } from '../../../lib/shared/contract';
import type { PageReadAnswer, TabAnalysisState } from '../../../lib/shared/messages';
import { ANALYSIS, fakeBackend } from '../popup/fixtures';
import { ARTICLE_PARAGRAPHS, content, popup } from './senders';

const ARTICLE = ARTICLE_PARAGRAPHS.join('\n\n');
const TITLE = 'FBI: North Korea behind $100 million bridge hack';
const read = (readingId: number, text = ARTICLE) => ({ type: 'content/page-read', readingId, input: { text, title: TITLE } });
const CUT_SENTENCE = 'This page is very long; the analysis stopped early, so some names may be missing.';

beforeEach(() => fakeBrowser.reset());
afterEach(() => cleanup());

describe('background service: queued analyses', () => {
  it('a tab that keeps sending readings gets "stale" for the replaced ones and a plan for its newest; another tab is answered first', async () => {
    const order: string[] = [];
    const queue = createAnalysisQueue((input: AnalysisInput) => {
      order.push(input.title ?? '');
      return analyze(input);
    });
    const svc = createBackgroundService(createTabStore(memoryArea()), undefined, undefined, queue);
    const restless = [1, 2, 3].map((id) => svc.onMessage({ ...read(id), input: { text: ARTICLE, title: `restless ${id}` } }, content(3)) as Promise<PageReadAnswer>);
    const normal = svc.onMessage({ ...read(1), input: { text: ARTICLE, title: 'normal' } }, content(4)) as Promise<PageReadAnswer>;
    const answers = await Promise.all([...restless, normal]);
    expect(answers.slice(0, 2)).toEqual([
      { ok: false, reason: 'stale' },
      { ok: false, reason: 'stale' },
    ]);
    expect(answers[2]).toMatchObject({ ok: true, plan: { readingId: 3 } });
    expect(answers[3]).toMatchObject({ ok: true, plan: { readingId: 1 } });
    // the replaced readings were never analysed; the tab asked last went first
    expect(order).toEqual(['normal', 'restless 3']);
    expect(svc.queue.state()).toMatchObject({ pending: 0, running: null });
  });

  it('a tab that navigates away drops its pending analysis; a closed tab is forgotten by the queue', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const queue = createAnalysisQueue(async (input) => {
      await gate;
      return analyze(input);
    });
    const store = createTabStore(memoryArea());
    const svc = createBackgroundService(store, undefined, undefined, queue);
    const busy = svc.onMessage(read(1), content(8)) as Promise<PageReadAnswer>;
    await vi.waitFor(() => expect(svc.queue.state().running).toBe(8));
    const waiting = svc.onMessage(read(1), content(9)) as Promise<PageReadAnswer>;
    await vi.waitFor(() => expect(svc.queue.state().pending).toBe(1));
    await svc.forgetTab(9);
    expect(await waiting).toEqual({ ok: false, reason: 'stale' });
    await svc.forgetTab(8, true);
    release();
    expect(await busy).toEqual({ ok: false, reason: 'stale' });
    expect(await store.get(8)).toBeUndefined(); // nothing written back for a tab that went away
    expect(svc.queue.state()).toEqual({ pending: 0, running: null, tabs: 1, announced: 0 });
  });

  it('an analysis cut by the time budget reaches the popup, which says so in one plain sentence', async () => {
    const queue = createAnalysisQueue(async (input) => ({ ...(await analyze(input)), cut: { stage: 'money', reason: 'time' } }) as Analysis);
    const svc = createBackgroundService(createTabStore(memoryArea()), undefined, undefined, queue);
    expect(await svc.onMessage(read(1), content(6))).toMatchObject({ ok: true });
    const state = (await svc.onMessage({ type: 'popup/get-tab-analysis', tabId: 6 }, popup)) as TabAnalysisState;
    expect(state.state).toBe('results');
    if (state.state !== 'results') return;
    expect(state.analysis.cut).toEqual({ stage: 'money', reason: 'time' });

    const { backend } = fakeBackend();
    const view = render(<Results analysis={state.analysis} backend={backend} tabId={6} annotationsShown host="news.example" tabUrl={null} />);
    expect(screen.getByText(CUT_SENTENCE)).toBeTruthy();
    // a complete analysis shows no such sentence
    view.rerender(<Results analysis={{ ...ANALYSIS, cut: null }} backend={backend} tabId={6} annotationsShown host="news.example" tabUrl={null} />);
    expect(screen.queryByText(CUT_SENTENCE)).toBeNull();
  });
});
