import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Lookup, LOOKUP_LIMIT } from '../../../components/popup/Lookup';
import { Popup } from '../../../components/popup/Popup';
import { parsePopupParams } from '../../../components/popup/params';
import { fakeBackend } from './fixtures';

afterEach(() => cleanup());

function type(input: HTMLElement, value: string) {
  fireEvent.input(input, { target: { value } });
}

describe('look-up', () => {
  it('has a labelled search box and button', () => {
    const { backend } = fakeBackend();
    render(<Lookup backend={backend} theme="light" />);
    expect(screen.getByRole('search')).toBeTruthy();
    expect(screen.getByRole('searchbox', { name: 'Name, alias or address to look up' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Look up' })).toBeTruthy();
  });

  it('searches as you type (debounced, one request per pause) and lists matches with what matched', async () => {
    const { backend } = fakeBackend();
    render(<Lookup backend={backend} theme="light" />);
    const box = screen.getByRole('searchbox');
    type(box, 'h');
    type(box, 'hi');
    type(box, 'hidden cob');
    expect(await screen.findByRole('button', { name: /Lazarus Group/ })).toBeTruthy();
    expect(backend.lookup).toHaveBeenCalledTimes(1);
    expect(backend.lookup).toHaveBeenCalledWith('hidden cob', LOOKUP_LIMIT);
    expect(screen.getByText('matched “Hidden Cobra”')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('1 match for “hidden cob”.');
  });

  it('opens the top match on Enter and moves focus to its card', async () => {
    const { backend } = fakeBackend();
    render(<Lookup backend={backend} theme="dark" />);
    const box = screen.getByRole('searchbox');
    type(box, 'apt 38');
    fireEvent.submit(screen.getByRole('search'));
    const region = await screen.findByRole('region', { name: 'About APT38' });
    expect(region.getAttribute('data-theme')).toBe('dark');
    expect(screen.getByRole('heading', { level: 2, name: 'APT38' })).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(region));
  });

  it('opens a match when clicked', async () => {
    const { backend } = fakeBackend();
    render(<Lookup backend={backend} theme="light" />);
    type(screen.getByRole('searchbox'), 'garantex');
    fireEvent.click(await screen.findByRole('button', { name: /Garantex/ }));
    expect(await screen.findByRole('region', { name: 'About Garantex' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Garantex/ }).getAttribute('aria-pressed')).toBe('true');
  });

  it('says when nothing matches, and when the look-up fails', async () => {
    const { backend } = fakeBackend();
    render(<Lookup backend={backend} theme="light" />);
    type(screen.getByRole('searchbox'), 'zzzz');
    expect(await screen.findByText('No match for “zzzz” in the knowledge base.')).toBeTruthy();
    backend.lookup.mockRejectedValueOnce(new Error('no background'));
    type(screen.getByRole('searchbox'), 'tornado');
    expect(await screen.findByText('The look-up is not available right now.')).toBeTruthy();
  });

  it('drops stale answers', async () => {
    const { backend } = fakeBackend();
    let release!: () => void;
    backend.lookup.mockImplementationOnce(
      () => new Promise((ok) => (release = () => ok([{ entity: { ...backend_entity() }, score: 0, matched: 'old', exact: true }]))),
    );
    render(<Lookup backend={backend} theme="light" />);
    const box = screen.getByRole('searchbox');
    type(box, 'old');
    await waitFor(() => expect(backend.lookup).toHaveBeenCalledTimes(1));
    type(box, 'garantex');
    expect(await screen.findByRole('button', { name: /Garantex/ })).toBeTruthy();
    release();
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByRole('button', { name: /Stale/ })).toBeNull();
  });

  it('?q= prefills the box, searches at once and opens an exact match (context menu)', async () => {
    const { backend } = fakeBackend({ states: [{ state: 'not-article', reasons: [] }] });
    render(<Popup backend={backend} params={parsePopupParams('?q=tornado')} pageUrl="x" />);
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('tornado');
    expect(await screen.findByRole('region', { name: 'About Tornado Cash' })).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('searchbox')));
  });

  it('is reachable by keyboard before the results', async () => {
    const { backend } = fakeBackend();
    render(<Popup backend={backend} params={parsePopupParams('?tab=1')} pageUrl="x" />);
    await screen.findByRole('heading', { level: 2, name: /UN monitors/ });
    const focusables = [...document.querySelectorAll<HTMLElement>('button, input, a[href], summary')];
    const search = screen.getByRole('searchbox');
    const firstResultControl = screen.getByRole('checkbox', { name: 'Show marks on this page' });
    expect(focusables.indexOf(search)).toBeLessThan(focusables.indexOf(firstResultControl));
    expect(focusables.filter((el) => el.tagName !== 'SUMMARY').every((el) => el.tabIndex >= 0)).toBe(true);
  });
});

function backend_entity() {
  return { id: 'stale', name: 'Stale', type: 'mixer' as const, aliases: [], description: '', relations: [], sanctions: [], sources: [] };
}

describe('look-up page opened by the context menu', () => {
  it('is the look-up alone, laid out for a tab', async () => {
    const { backend } = fakeBackend({ inTab: true, noTab: true });
    const { container } = render(<Popup backend={backend} params={parsePopupParams('?q=garantex')} pageUrl="x" />);
    expect(await screen.findByRole('region', { name: 'About Garantex' })).toBeTruthy();
    await waitFor(() => expect(container.querySelector('.popup.full')).toBeTruthy());
    expect(screen.queryByRole('heading', { name: 'No page to analyse' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Open in a tab' })).toBeNull();
  });
});
