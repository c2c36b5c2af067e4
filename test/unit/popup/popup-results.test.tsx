/**
 * The popup (components/popup) with a fake background, what it shows: the results and their sections, which tab
 * it is for, long related lists, marks hidden, and the first questions it asks. Its states and settings:
 * popup-states.test.tsx; shared setup: popup-render.tsx.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { Popup } from '../../../components/popup/Popup';
import { parsePopupParams } from '../../../components/popup/params';
import { ANALYSIS, fakeBackend } from './fixtures';
import { startTabLoad } from '../../../components/popup/tab-load';
import { SHORT_SUMMARY_WORDS, shortSummary } from '../../../components/popup/Results';
import { ALL_OPEN, PAGE, renderPopup, usePopupPage } from './popup-render';

usePopupPage();

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
