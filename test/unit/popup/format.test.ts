import { describe, expect, it } from 'vitest';
import { articleMeta, dateValue, formatAmount, formatDate, formatUsd, hostOf, safeHref, siteLabel } from '../../../components/shared/format';
import { parsePopupParams, popupPageUrl } from '../../../components/popup/params';

describe('formatting', () => {
  it('money: one short form for every UI, in the reader\'s locale', () => {
    expect(formatUsd(1_460_000_000, 3, 'en-US')).toBe('$1.46B');
    expect(formatUsd(2_000_000_000, 3, 'en-US')).toBe('$2B');
    expect(formatUsd(81_000_000, 3, 'en-US')).toBe('$81M');
    expect(formatUsd(625_500_000, 3, 'en-US')).toBe('$626M');
    expect(formatUsd(950, 3, 'en-US')).toBe('$950');
    // chart axes: two digits
    expect(formatUsd(1.46e9, 2, 'en-US')).toBe('$1.5B');
    expect(formatUsd(0, 2, 'en-US')).toBe('$0');
    // another locale, another form: the reader's, not a fixed English one
    expect(formatUsd(1.46e9, 3, 'en-GB')).toBe('US$1.46bn');
    expect(formatUsd(1.46e9, 3, 'de-DE')).toMatch(/^1,46\sMrd\.\s\$$/);
    expect(formatAmount({ text: '401,347 ETH', value: 401347, currency: 'ETH', usd: 1.46e9 }, 'en-US')).toBe('401,347 ETH (about $1.46B)');
    expect(formatAmount({ text: '401,347 ETH', value: 401347.5, currency: 'ETH', usd: null }, 'de-DE')).toBe('401.347,5 ETH');
    expect(formatAmount({ text: '5 BTC', value: 5, currency: 'BTC', usd: null }, 'en-US')).toBe('5 BTC');
    expect(formatAmount({ text: '$81m', value: 81e6, currency: 'USD', usd: 81e6 }, 'en-US')).toBe('$81M');
    // the reader's locale by default: the same as Intl's own default
    expect(formatUsd(81e6)).toBe(new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD', notation: 'compact', maximumSignificantDigits: 3 }).format(81e6));
  });

  it('dates: partial ISO dates keep their precision, in the reader\'s locale', () => {
    expect(formatDate('2019', 'en-US')).toBe('2019');
    expect(formatDate('2019-08', 'en-US')).toBe('Aug 2019');
    expect(formatDate('2019-08-07', 'en-US')).toBe('Aug 7, 2019');
    expect(formatDate('2019-08-07', 'en-GB')).toBe('7 Aug 2019');
    expect(formatDate('2019-08-07', 'de-DE')).toBe('7. Aug. 2019');
    // a calendar date is not shifted by the reader's time zone
    expect(formatDate('2019-01-01', 'en-US')).toBe('Jan 1, 2019');
    expect(formatDate('2019-13', 'en-US')).toBe('2019');
    expect(formatDate('soon', 'en-US')).toBe('soon');
    expect(formatDate('', 'en-US')).toBe('');
  });

  it('dates: a raw timestamp (Date.toString, ISO with a time) becomes a date, never the raw string', () => {
    const raw = 'Wed Nov 20 2019 08:00:58 GMT+0000';
    const shown = formatDate(raw, 'en-GB');
    expect(shown).not.toContain('GMT');
    // the reader's calendar date of that moment
    expect(shown).toBe(new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'short', day: 'numeric' }).format(Date.UTC(2019, 10, 20, 8, 0, 58)));
    expect(formatDate('2019-11-20T08:00:58Z', 'en-US')).toBe(new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric' }).format(Date.UTC(2019, 10, 20, 8, 0, 58)));
    expect(articleMeta({ siteName: 'Ledger Street', url: null, publishedAt: raw }, 'en-GB')).toBe(`Ledger Street · ${shown}`);
    expect(dateValue('2019-08')).toBe(Date.UTC(2019, 7, 1));
    expect(dateValue('x')).toBeNaN();
  });

  it('links and sites', () => {
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,x')).toBeNull();
    expect(safeHref(' https://ex.org/a b')).toBe('https://ex.org/a%20b');
    expect(safeHref(null)).toBeNull();
    expect(hostOf('chrome://extensions')).toBeNull();
    expect(hostOf('https://www.coindesk.com/x')).toBe('www.coindesk.com');
    expect(siteLabel(null, 'https://www.coindesk.com/x')).toBe('coindesk.com');
    expect(siteLabel(null, 'file:///x')).toBeNull();
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
