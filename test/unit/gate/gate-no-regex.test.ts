/**
 * The gate runs without regular expressions (each costs 50–250 µs to compile on its first use in a page;
 * docs/performance.md, section 3). Its hand-written helpers must answer exactly as the expressions they
 * replaced, which are kept here as the reference.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSpace, slug } from '../../../lib/gate/gate';
import { hasToken } from '../../../lib/gate/read-gate-input';

const slugByRegex = (url: string): string => (/^[a-z]+:\/\/[^/]*(\/[^?#]*)?/i.exec(url)?.[1] ?? '').replace(/[-_/.]+/g, ' ');

/** Characters that matter to an address's parts, plus some others. */
const urlChar = fc.constantFrom(...'aZ9:/?#-_.%é ', 'h', 't', 'p', 's', '://', 'https://', 'HTTP://');
const urlLike = fc.array(urlChar, { maxLength: 24 }).map((parts) => parts.join(''));

describe('gate without regular expressions', () => {
  it('slug: the path of an address as words, as /^[a-z]+:\\/\\/[^/]*(\\/[^?#]*)?/i and /[-_/.]+/g gave it', () => {
    for (const url of ['https://example.com/news/north-korea_hack.html?x=1#top', 'http://a.b', 'ftp://x/y', 'https://h?q=/a', 'HTTPS://H/A--B', '//x/y', 'https:/x/y', ''])
      expect(slug(url), url).toBe(slugByRegex(url));
    fc.assert(
      fc.property(urlLike, (url) => slug(url) === slugByRegex(url)),
      { numRuns: 20_000 },
    );
  });

  it('isSpace: the characters of \\s', () => {
    const differ: string[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c.toString(16));
    expect(differ).toEqual([]);
    expect(isSpace(' '.charCodeAt(0)) && isSpace(0x3000) && !isSpace(45)).toBe(true);
  });

  it('hasToken: a rel value holds "canonical" as /(?:^|\\s)canonical(?:\\s|$)/i said', () => {
    const byRegex = (rel: string): boolean => /(?:^|\s)canonical(?:\s|$)/i.test(rel);
    for (const rel of ['canonical', 'CANONICAL', 'alternate canonical', 'canonical\tnext', 'noncanonical', 'canonicals', '', ' canonical '])
      expect(hasToken(rel, 'canonical'), rel).toBe(byRegex(rel));
    const part = fc.constantFrom('canonical', 'Canonical', 'x', 'non', 's', ' ', '\t', '\n', '\u00a0', '-');
    fc.assert(
      fc.property(fc.array(part, { maxLength: 8 }), (parts) => hasToken(parts.join(''), 'canonical') === byRegex(parts.join(''))),
      { numRuns: 20_000 },
    );
  });
});
