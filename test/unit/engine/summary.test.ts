/** The extractive summary (lib/engine/summary.ts): lede first, 2-3 sentences, no anaphors, questions or hypotheticals. */
import { describe, expect, it } from 'vitest';
import { summarize, standsAlone } from '../../../lib/engine/summary';
import { findAmounts } from '../../../lib/engine/money';
import { splitSentences } from '../../../lib/engine/text';

const ARTICLE = [
  'Hackers drained $48 million from the Harbor Bridge protocol on Monday, the project said in a statement.',
  'That brings the total lost to bridge attacks this year to more than $1 billion.',
  'The attackers used a flaw in the contract that checks withdrawal messages from other chains.',
  'If an attacker had found the flaw earlier, far more could have been taken from the bridge.',
  'Could the team have caught the bug before launch with a better audit of its code?',
  'Security firm Tracehound said the attack was carried out by the Lazarus Group, a North Korean state hacking unit.',
  'The project has paused all deposits and withdrawals while it works with investigators and exchanges.',
  'The project has paused all deposits and withdrawals while it works with investigators and several exchanges.',
].join(' ');

describe('summary', () => {
  const sentences = splitSentences(ARTICLE);
  const out = summarize({ sentences, title: 'Harbor Bridge drained of $48 million', amounts: findAmounts(ARTICLE), entitySpans: [], totalWords: 140 });

  it('opens with the lede and has 2-3 sentences of at most about 75 words', () => {
    expect(out[0]).toMatch(/^Hackers drained \$48 million/);
    expect(out.length).toBeGreaterThanOrEqual(2);
    expect(out.length).toBeLessThanOrEqual(3);
    expect(out.join(' ').split(/\s+/).length).toBeLessThanOrEqual(75);
  });

  it('never takes an anaphor, a question, a hypothetical, or a near-repeat', () => {
    expect(out.some((s) => /^That brings|^If an attacker|^Could the team/.test(s))).toBe(false);
    expect(out.filter((s) => /paused all deposits/.test(s)).length).toBeLessThanOrEqual(1);
  });

  it('includes the sentence that names the attribution', () => {
    expect(out.some((s) => /carried out by the Lazarus Group/.test(s))).toBe(true);
  });

  it('lets an ordinary sentence stand alone and not one that leans on another', () => {
    expect(standsAlone('Hackers drained $48 million from the protocol on Monday.')).toBe(true);
    expect(standsAlone('This incident is the largest theft of the year so far.')).toBe(false);
    expect(standsAlone('It was the largest theft of the year so far, analysts said.')).toBe(false);
    // "Italy" opens with "It" but is no anaphor
    expect(standsAlone('Italy fined the exchange for weak controls over its customer funds.')).toBe(true);
  });
});
