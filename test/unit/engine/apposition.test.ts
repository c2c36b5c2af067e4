import { describe, expect, it } from 'vitest';
import { articleDescription, fitDescription, MAX_CHARS } from '../../../lib/engine/apposition';

/** The description of `name` (its every occurrence in `text` is a mention). */
function describe_(text: string, name: string): string | null {
  const mentions: { start: number; end: number }[] = [];
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) mentions.push({ start: at, end: at + name.length });
  return articleDescription(text, mentions);
}

describe('what the article says a name is (issue 17)', () => {
  it('reads an appositive right after the name', () => {
    expect(describe_('ZachXBT, an on-chain investigator, said the funds moved.', 'ZachXBT')).toBe('an on-chain investigator');
    expect(describe_('The loss was confirmed by Jane Roe, chief executive of Acme, on Friday.', 'Jane Roe')).toBe('chief executive of Acme');
    expect(describe_('"We are safe," said Jane Roe, Elliptic\'s head of research.', 'Jane Roe')).toBe("Elliptic's head of research");
    expect(describe_('The funds went to Kraken; the thief, according to Tayvano, a security researcher.', 'Tayvano')).toBe('a security researcher');
    expect(describe_('Jane Roe, 28, a developer at Acme, was charged.', 'Jane Roe')).toBe('a developer at Acme');
    expect(describe_('Acme, the world’s largest exchange by volume, paused withdrawals.', 'Acme')).toBe('the world’s largest exchange by volume');
  });

  it('stops a description before a relative clause', () => {
    expect(describe_('ZachXBT, an on-chain sleuth who tracked the funds, said so.', 'ZachXBT')).toBe('an on-chain sleuth');
  });

  it('reads a definition and a role before the name', () => {
    expect(describe_('Bitrue is a Singapore-based crypto exchange. It was hacked.', 'Bitrue')).toBe('a Singapore-based crypto exchange');
    expect(describe_('The theft was first spotted by blockchain analytics firm Elliptic on Monday.', 'Elliptic')).toBe('blockchain analytics firm');
    expect(describe_('That is what security researcher Jane Roe found.', 'Jane Roe')).toBe('security researcher');
  });

  it('takes the first mention that says something', () => {
    expect(describe_('Roe Labs lost funds. Later, Roe Labs, a wallet developer, paused.', 'Roe Labs')).toBe('a wallet developer');
  });

  it('does not fire on lists, places, dates, ages, amounts or clauses', () => {
    expect(describe_('Alice, Bob and Carol were charged.', 'Alice')).toBeNull();
    expect(describe_('Alice, Bob and Carol were charged.', 'Bob')).toBeNull();
    expect(describe_('The firm is based in Seoul, South Korea, and has 20 staff.', 'Seoul')).toBeNull();
    expect(describe_('The hack began on Monday, March 3, at noon.', 'Monday')).toBeNull();
    expect(describe_('Jane Roe, 34, pleaded guilty.', 'Jane Roe')).toBeNull();
    expect(describe_('Acme, a loss of $5 million, was the worst hit.', 'Acme')).toBeNull();
    expect(describe_('Jane Roe, a few days later, said it again.', 'Jane Roe')).toBeNull();
    expect(describe_('Jane Roe, who leads the team, said it again.', 'Jane Roe')).toBeNull();
    expect(describe_('Acme, which was hacked, said it again.', 'Acme')).toBeNull();
    expect(describe_('Acme, however, said it again.', 'Acme')).toBeNull();
    expect(describe_('The Defense Ministry, the Interior Ministry and the police met.', 'Defense Ministry')).toBeNull();
    expect(describe_('Reporting by Jane Roe, The Daily Coin.', 'Jane Roe')).toBeNull();
    expect(describe_('The chart by Jane Roe, shows the many factors at play.', 'Jane Roe')).toBeNull();
    expect(describe_('Wallet Guard’s founder Jane Roe said so.', 'Jane Roe')).toBeNull();
    expect(describe_('According to Elliptic, the group was behind it.', 'Elliptic')).toBeNull();
    expect(describe_('According to Elliptic, the hackers moved the funds.', 'Elliptic')).toBeNull();
    expect(describe_('Chainalysis said the thieves, the group stole funds, fled.', 'Chainalysis')).toBeNull();
  });

  it('does not fire on a quote, a long phrase or across a sentence end', () => {
    expect(describe_('Acme, "the safest exchange", was hacked.', 'Acme')).toBeNull();
    expect(describe_('Acme, ‘the safest exchange’, was hacked.', 'Acme')).toBeNull();
    expect(describe_('Jane Roe, a former engineer of the largest and oldest and best known exchange in the whole wide region, said so.', 'Jane Roe')).toBeNull();
    expect(describe_('The report came from a blockchain analytics firm. Elliptic said more.', 'Elliptic')).toBeNull();
    expect(describe_('It was said by Jane Roe. A security researcher said more.', 'Jane Roe')).toBeNull();
    expect(describe_('The attack hit the exchange Acme on Monday.', 'Acme')).toBeNull(); // a role word alone says nothing
    expect(describe_('Acme is the latest victim.', 'Acme')).toBeNull(); // only "is a/an" defines
  });

  it('keeps descriptions short, cut at a word boundary', () => {
    const long = 'a former senior engineer and researcher-in-residence with considerable multi-jurisdictional blockchain-forensics-and-compliance experience';
    const cut = fitDescription(long);
    expect(cut.length).toBeLessThanOrEqual(MAX_CHARS + 1);
    expect(cut.endsWith('…')).toBe(true);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    expect(long[cut.length - 1]).toBe(' ');
    expect(fitDescription('  an   on-chain investigator ')).toBe('an on-chain investigator');
  });

  it('reads a window next to each mention only: linear in the text', () => {
    const filler = 'word '.repeat(200_000);
    const text = `${filler}ZachXBT, an on-chain investigator, said so. ${filler}`;
    const at = text.indexOf('ZachXBT');
    const t0 = performance.now();
    expect(articleDescription(text, [{ start: at, end: at + 7 }])).toBe('an on-chain investigator');
    expect(performance.now() - t0).toBeLessThan(50);
  });
});
