import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { TimelineChart, layoutTimeline, niceMax } from '../../../components/popup/TimelineChart';

afterEach(() => cleanup());

const POINTS = [
  { label: 'Ronin bridge hack', date: '2022-03-23', amountUsd: 625_000_000 },
  { label: 'Bangladesh Bank heist', date: '2016-02', amountUsd: 81_000_000 },
  { label: 'Bybit hack', date: '2025-02-21', amountUsd: 1_460_000_000 },
  { label: 'no date', date: 'unknown', amountUsd: 5 },
];

describe('timeline layout', () => {
  it('sorts by date, drops unusable points, scales to a nice maximum', () => {
    const l = layoutTimeline(POINTS);
    expect(l.points.map((p) => p.label)).toEqual(['Bangladesh Bank heist', 'Ronin bridge hack', 'Bybit hack']);
    expect(niceMax(1_460_000_000)).toBe(2_000_000_000);
    expect(l.yTicks.map((t) => t.label)).toEqual(['$0', '$1B', '$2B']);
    // x grows with time, y shrinks with amount (SVG y goes down)
    const [a, b, c] = l.points;
    expect(a!.x).toBeLessThan(b!.x);
    expect(b!.x).toBeLessThan(c!.x);
    expect(c!.y).toBeLessThan(b!.y);
    expect(l.xTicks[0]!.year).toBe(2016);
    for (const p of l.points) {
      expect(p.x).toBeGreaterThanOrEqual(l.plot.x0);
      expect(p.x).toBeLessThanOrEqual(l.plot.x1);
      expect(p.y).toBeGreaterThanOrEqual(l.plot.y1);
      expect(p.y).toBeLessThanOrEqual(l.plot.y0);
    }
  });

  it('copes with everything in one year and with nothing', () => {
    const l = layoutTimeline([
      { label: 'a', date: '2024-01-01', amountUsd: 1 },
      { label: 'b', date: '2024-06-01', amountUsd: 2 },
    ]);
    expect(l.xTicks.length).toBeGreaterThan(1);
    expect(layoutTimeline([]).points).toEqual([]);
  });
});

describe('timeline chart accessibility', () => {
  it('is an image named by its <title> and described by its <desc>', () => {
    const { container } = render(<TimelineChart points={POINTS} />);
    const svg = container.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    const [titleId, descId] = svg.getAttribute('aria-labelledby')!.split(' ');
    expect(container.querySelector(`[id="${titleId}"]`)?.tagName.toLowerCase()).toBe('title');
    expect(container.querySelector(`[id="${descId}"]`)?.tagName.toLowerCase()).toBe('desc');
    expect(container.querySelector('desc')!.textContent).toMatch(/3 incidents from Feb 2016 to Feb 21, 2025\. The largest is Bybit hack, \$1.46B/);
    expect(screen.getByRole('img', { name: /Related incidents: amount stolen by date/ })).toBeTruthy();
  });

  it('labels both axes', () => {
    const { container } = render(<TimelineChart points={POINTS} />);
    const texts = [...container.querySelectorAll('svg text')].map((t) => t.textContent);
    expect(texts).toContain('Date of incident');
    expect(texts).toContain('Amount stolen (USD)');
    expect(texts).toContain('2016');
    expect(texts).toContain('$2B');
  });

  it('carries the same data in a visually-hidden table', () => {
    render(<TimelineChart points={POINTS} />);
    const table = screen.getByRole('table', { name: /Related incidents/ });
    expect(table.parentElement?.className).toBe('visually-hidden');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Date', 'Incident', 'Amount stolen (USD)']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(['Feb 2016Bangladesh Bank heist$81M', 'Mar 23, 2022Ronin bridge hack$625M', 'Feb 21, 2025Bybit hack$1.46B']);
    expect(within(rows[0]!).getByRole('rowheader').textContent).toBe('Bangladesh Bank heist');
  });

  it('draws nothing for fewer than two incidents', () => {
    const { container } = render(<TimelineChart points={POINTS.slice(0, 1)} />);
    expect(container.innerHTML).toBe('');
  });
});
