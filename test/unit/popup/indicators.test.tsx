/** The popup's Indicators section (components/popup/Indicators.tsx): grouped by kind, copy, copy all, exports made locally. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Indicators } from '../../../components/popup/Indicators';
import { analyze } from '../../../lib/engine/analyze';
import { loadKb } from '../../../lib/kb';
import type { CardEntity } from '../../../lib/shared/messages';

afterEach(() => cleanup());

const { kb } = loadKb();
const TEXT =
  'The Lazarus Group used the phishing site hxxps://claim-ronin[.]xyz/a and the C2 server 45.61.136[.]10. Funds went to ' +
  '0x098B716B8Aaf21512996dC57EB0615e2383E2f96 and 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa in 0x' + 'ab12'.repeat(16) + '. It exploited CVE-2021-44228.';
const a = { ...analyze({ text: TEXT, title: 'Ronin', url: 'https://news.example/ronin' }, kb, { budgetMs: Infinity }) };
const byId = new Map(kb.entities.map((e) => [e.id, e]));
const getEntity = async (id: string) => (byId.get(id) ?? null) as CardEntity | null;

describe('Indicators section', () => {
  it('groups the indicators by kind, shows addresses with chain and screening, copies one and all', async () => {
    const writes: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: vi.fn(async (t: string) => void writes.push(t)) }, configurable: true });
    render(<Indicators analysis={a} getEntity={getEntity} />);
    expect(screen.getByRole('heading', { name: /^Indicators \(\d+\)$/ })).toBeTruthy();
    for (const h of ['URLs (1)', 'IPv4 addresses (1)', 'Crypto addresses (2)', 'Transaction hashes (1)', 'CVE ids (1)']) expect(screen.getByRole('heading', { name: h })).toBeTruthy();
    // defanged by default
    expect(screen.getByText('hxxps[://]claim-ronin[.]xyz/a')).toBeTruthy();
    expect(document.body.textContent).toContain('On the US Treasury OFAC sanctions list (designated: Lazarus Group');
    expect(document.body.textContent).toMatch(/Not on the lists we ship \(as of \d{4}-\d{2}-\d{2}\) — this does not mean it is safe\./);
    fireEvent.click(screen.getByRole('button', { name: 'Copy CVE id CVE-2021-44228' }));
    await waitFor(() => expect(writes).toEqual(['CVE-2021-44228']));
    fireEvent.click(screen.getByRole('checkbox', { name: /Defanged/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Copy all' }));
    await waitFor(() => expect(writes[1]).toContain('https://claim-ronin.xyz/a'));
    expect(writes[1]).toContain('# Crypto addresses\n0x098B716B8Aaf21512996dC57EB0615e2383E2f96');
    expect(screen.getByRole('status').textContent).toMatch(/^Copied \d+ indicators\.$/);
  });

  it('exports CSV, JSON and STIX with a Blob download link, fetching nothing', async () => {
    const blobs: Blob[] = [];
    const names: string[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => (blobs.push(b), `blob:test/${blobs.length}`));
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const related = [{ title: 'Lazarus Group profile', url: 'https://example.org/lazarus', kind: 'source' as const, entityId: 'lazarus-group', reason: { code: 'background' as const, params: ['Lazarus Group'] } }];
    render(<Indicators analysis={{ ...a, related }} getEntity={getEntity} />);
    fireEvent.click(screen.getByRole('button', { name: 'CSV' }));
    fireEvent.click(screen.getByRole('button', { name: 'JSON' }));
    fireEvent.click(screen.getByRole('button', { name: 'STIX 2.1' }));
    await waitFor(() => expect(names).toHaveLength(3));
    expect(names[0]).toMatch(/^indicators-news\.example-\d{4}-\d{2}-\d{2}\.csv$/);
    const [csv, json, stix] = await Promise.all(blobs.map((b) => b.text()));
    expect(csv!.split('\r\n')[0]).toBe('input,kind,value,refanged,defanged,chain,valid,sanctioned,screening,start,end');
    expect(JSON.parse(json!).indicators).toHaveLength(a.indicators!.length);
    const bundle = JSON.parse(stix!);
    expect(bundle.type).toBe('bundle');
    expect(bundle.objects.some((o: { type: string; name?: string }) => o.type === 'intrusion-set' && o.name === 'Lazarus Group')).toBe(true);
    // the related sources are worded for the export as the popup words them (the analysis keeps codes only)
    const report = bundle.objects.find((o: { type: string }) => o.type === 'report') as { external_references: { url: string; description?: string }[] };
    expect(report.external_references.find((x) => x.url === 'https://example.org/lazarus')?.description).toBe('background on Lazarus Group');
    expect(fetchSpy).not.toHaveBeenCalled();
    click.mockRestore();
  });

  it('is left out when the article names no indicator', () => {
    const { container } = render(<Indicators analysis={{ ...a, indicators: [] }} getEntity={getEntity} />);
    expect(container.textContent).toBe('');
  });
});
