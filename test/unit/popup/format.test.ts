import { describe, expect, it } from 'vitest';
import { dateValue, formatAmount, formatDate, formatUsd, formatUsdShort, hostOf, safeHref, siteLabel } from '../../../components/shared/format';
import { parsePopupParams, popupPageUrl } from '../../../components/popup/params';

describe('formatting', () => {
  it('money', () => {
    expect(formatUsd(1_460_000_000)).toBe('$1.46 billion');
    expect(formatUsd(2_000_000_000)).toBe('$2 billion');
    expect(formatUsd(81_000_000)).toBe('$81 million');
    expect(formatUsd(625_500_000)).toBe('$626 million');
    expect(formatUsd(950)).toBe('$950');
    expect(formatUsdShort(1.5e9)).toBe('$1.5B');
    expect(formatUsdShort(750e6)).toBe('$750M');
    expect(formatUsdShort(0)).toBe('$0');
    expect(formatAmount({ text: '401,347 ETH', value: 401347, currency: 'ETH', usd: 1.46e9 })).toBe('401,347 ETH (about $1.46 billion)');
    expect(formatAmount({ text: '5 BTC', value: 5, currency: 'BTC', usd: null })).toBe('5 BTC');
    expect(formatAmount({ text: '$81m', value: 81e6, currency: 'USD', usd: 81e6 })).toBe('$81 million');
  });

  it('dates', () => {
    expect(formatDate('2019')).toBe('2019');
    expect(formatDate('2019-08')).toBe('Aug 2019');
    expect(formatDate('2019-08-07T09:30:00Z')).toBe('7 Aug 2019');
    expect(formatDate('soon')).toBe('soon');
    expect(dateValue('2019-08')).toBe(Date.UTC(2019, 7, 1));
    expect(dateValue('x')).toBeNaN();
  });

  it('links and sites', () => {
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,x')).toBeNull();
    expect(safeHref('https://ex.org/a b')).toBe('https://ex.org/a%20b');
    expect(hostOf('chrome://extensions')).toBeNull();
    expect(siteLabel(null, 'https://www.coindesk.com/x')).toBe('coindesk.com');
    expect(siteLabel('CoinDesk', 'https://www.coindesk.com/x')).toBe('CoinDesk');
  });

  it('popup parameters', () => {
    expect(parsePopupParams('?tab=12&q=%20hidden%20cobra%20&full=1')).toEqual({ tab: 12, query: 'hidden cobra', full: true });
    expect(parsePopupParams('?tab=-1').tab).toBeNull();
    expect(parsePopupParams('?tab=1e3').tab).toBeNull();
    expect(parsePopupParams(`?q=${'x'.repeat(500)}`).query).toHaveLength(200);
    expect(popupPageUrl('p.html', { tab: 3, query: 'a b', full: true })).toBe('p.html?tab=3&q=a+b&full=1');
    expect(popupPageUrl('p.html', { tab: null })).toBe('p.html');
  });
});
