/**
 * What the background keeps of an analysis (lib/background/compact.ts): bounded for a page built to make it
 * huge, untouched for a real article.
 */
import { describe, expect, it } from 'vitest';
import { MAX_KEPT_AMOUNTS, MAX_KEPT_MENTIONS, MAX_SUMMARY_CHARS, MAX_SUMMARY_SENTENCES, compactAnalysis } from '../../../lib/background/compact';
import { analyze } from '../../../lib/background/engine';
import { ARTICLE_PARAGRAPHS } from './senders';

describe('compactAnalysis', () => {
  it('leaves a real article’s analysis as it is', async () => {
    const a = await analyze({ text: ARTICLE_PARAGRAPHS.join('\n\n'), title: 'FBI: North Korea behind $100 million bridge hack' });
    expect(compactAnalysis(a)).toBe(a);
  });

  it('bounds amounts, mentions and summary sentences of a page that repeats them, keeping the first ones', async () => {
    const text = `${ARTICLE_PARAGRAPHS.join('\n\n')}\n\n${'Lazarus Group paid $1 million '.repeat(400)}`;
    const a = await analyze({ text, title: 'Lazarus Group hackers stole $100 million from a bridge' });
    expect(a.amounts.length).toBeGreaterThan(MAX_KEPT_AMOUNTS); // the engine finds them all
    const lazarus = a.entities.find((e) => e.id === 'lazarus-group')!;
    expect(lazarus.mentions.length).toBeGreaterThan(MAX_KEPT_MENTIONS);
    const c = compactAnalysis(a);
    expect(c.amounts).toEqual(a.amounts.slice(0, MAX_KEPT_AMOUNTS));
    const kept = c.entities.find((e) => e.id === 'lazarus-group')!;
    expect(kept.mentions).toHaveLength(MAX_KEPT_MENTIONS);
    expect(kept.mentions[0]!.start).toBe(Math.min(...lazarus.mentions.map((m) => m.start)));
    expect(c.summary.length).toBeLessThanOrEqual(MAX_SUMMARY_SENTENCES);
    for (const s of c.summary) expect(s.length).toBeLessThanOrEqual(MAX_SUMMARY_CHARS);
    expect(JSON.stringify(c).length).toBeLessThan(JSON.stringify(a).length / 2);
    // the rest is the engine's own
    expect(c.title).toBe(a.title);
    expect(c.cryptoSecurity).toEqual(a.cryptoSecurity);
  });
});
