import { describe, expect, it } from 'vitest';
import { gate } from '../../../lib/engine/gate';

describe('cheap gate', () => {
  it('lets crypto-security pages through', () => {
    expect(gate({ title: 'Hackers drain $600 million from a crypto bridge', lead: '' }).pass).toBe(true);
    expect(gate({ title: 'Quarterly update', url: 'https://news.example/2024/lazarus-group-targets-developers' }).pass).toBe(true);
    expect(gate({ title: 'New ransomware strain hits hospitals' }).pass).toBe(true);
  });

  it('keeps ordinary pages out', () => {
    expect(gate({ title: 'Ten easy pasta recipes', lead: 'Boil the water, salt it, and add the pasta.' }).pass).toBe(false);
    expect(gate({ title: 'Bitcoin climbs past $70,000', lead: 'Prices rose on ETF inflows.' }).pass).toBe(false);
    expect(gate({ title: 'Vendor patches router flaw', lead: 'Attackers exploited the bug to build a botnet.' }).pass).toBe(false);
  });

  it('stays fast on a huge lead (bounded scan)', () => {
    const lead = 'word '.repeat(200_000);
    const t0 = performance.now();
    for (let i = 0; i < 100; i++) gate({ title: 'x', lead });
    expect((performance.now() - t0) / 100).toBeLessThan(5);
  });
});
