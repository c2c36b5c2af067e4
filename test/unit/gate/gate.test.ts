import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endsWithPhraseStart, gate, GROUPS, PHRASE_STARTS } from '../../../lib/gate/gate';

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

  it('matches whole words, word prefixes and two-word phrases, with word boundaries', () => {
    const hits = (title: string) => gate({ title }).hits;
    expect(hits('Exchange hacked')).toEqual(['crypto', 'security']);
    expect(hits('HACKERS, Bitcoins')).toEqual(['crypto', 'security']); // prefixes, any case
    expect(hits('the tokenomics of a hackathon')).toEqual(['security']); // "token" is a whole word, "hack" a prefix
    expect(hits('a thief and thieves')).toEqual(['security']);
    expect(hits('thie')).toEqual([]); // the bare stem is not a word of the list
    expect(hits('ethics, etherscan, dexterity, daos')).toEqual([]); // whole words only
    // phrases: one space, whitespace character or hyphen between the words
    for (const t of ['North Korea', 'north-korean hackers', 'NORTH\tKOREA', 'Tornado Cash', 'tornado-cash', 'rug pulls', 'rugpull', 'flash loan', 'flashloan', 'SIM swapping', 'pig-butchering', 'apt 38', 'APT38', 'crypto-heists', 'cryptoscams', 'wallet drainer']) {
      expect(gate({ title: t }).pass, t).toBe(true);
    }
    for (const t of ['north  korea', 'north/korea', 'northkorea', 'tornado cashier', 'flash loans', 'pig butcher', 'apt 380']) {
      expect(gate({ title: t }).pass, t).toBe(false);
    }
    expect(hits('smart-contracts')).toEqual(['crypto']);
    expect(hits('smart  contract')).toEqual([]);
  });

  it('reads the URL path as words, and stops reading the lead at its bound', () => {
    expect(gate({ url: 'https://news.example/2024/05/tornado_cash-sanctions.html' }).pass).toBe(true);
    expect(gate({ url: 'https://lazarus.example/recipes' }).pass).toBe(false); // the host is not read
    expect(gate({ lead: `${'word '.repeat(700)} ransomware` }).pass).toBe(true); // within the bound
    expect(gate({ lead: `${'word '.repeat(1000)} ransomware` }).pass).toBe(false); // past GATE_MAX_LEAD_CHARS
  });

  it('verdictOnly: the same verdict, the search stopped once it is known', () => {
    const words = ['ransomware', 'bitcoin', 'exchange', 'hacked', 'stolen', 'recipe', 'north', 'korea', 'tornado', 'cash', 'token', 'garden'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 6 }), (w) => {
        const input = { title: w.join(' '), lead: w.reverse().join('-') };
        expect(gate(input, undefined, true).pass).toBe(gate(input).pass);
      }),
      { numRuns: 300 },
    );
    // no crypto word: the security words are not searched for; a strong word: nothing after it
    expect(gate({ title: 'Router hacked' }, undefined, true)).toEqual({ pass: false, hits: [] });
    expect(gate({ title: 'Router hacked' })).toEqual({ pass: false, hits: ['security'] });
    expect(gate({ title: 'Ransomware gang hacked a bitcoin exchange' }, undefined, true)).toEqual({ pass: true, hits: ['strong'] });
    expect(gate({ title: 'Bitcoin exchange hacked' }, undefined, true)).toEqual({ pass: true, hits: ['crypto', 'security'] });
  });

  it('PHRASE_STARTS holds exactly the first words of the two-word terms', () => {
    const firsts = new Set(GROUPS.flatMap(([, terms]) => terms.filter((t) => t.includes(' ')).map((t) => t.slice(0, t.indexOf(' ')))));
    expect(new Set(PHRASE_STARTS.trim().split(' '))).toEqual(firsts);
    expect(PHRASE_STARTS).toBe(` ${[...firsts].join(' ')} `);
    for (const first of firsts) expect(endsWithPhraseStart(`a long walk to the ${first.toUpperCase()}`), first).toBe(true);
    expect(endsWithPhraseStart('a long walk to the northern')).toBe(false);
  });

  it('stays fast on a huge lead (bounded scan)', () => {
    const lead = 'word '.repeat(200_000);
    const t0 = performance.now();
    for (let i = 0; i < 100; i++) gate({ title: 'x', lead });
    expect((performance.now() - t0) / 100).toBeLessThan(5);
  });
});
