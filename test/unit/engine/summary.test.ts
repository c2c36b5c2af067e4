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

  it('opens with the lede and has 2-3 sentences', () => {
    expect(out[0]).toMatch(/^Hackers drained \$48 million/);
    expect(out.length).toBeGreaterThanOrEqual(2);
    expect(out.length).toBeLessThanOrEqual(3);
    expect(out.join(' ').split(/\s+/).length).toBeLessThanOrEqual(120);
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

  it('lets a sentence that opens with a connective follow, never open the summary', () => {
    expect(standsAlone('But as of Monday the attackers had claimed only $92,000 in payments.', true)).toBe(true);
    expect(standsAlone('But as of Monday the attackers had claimed only $92,000 in payments.')).toBe(false);
  });

  it('puts first the opening sentence that names the victim when the lede names no one', () => {
    const text = [
      'An Indiana hospital said it paid a $50,000 ransom to hackers who hijacked patient data last week.',
      'The ransomware attack reached the computers of Hancock Health in Greenfield through a vendor account.',
      'Ransomware is a type of malicious software that locks files until a victim pays the attackers.',
      'The hospital paid the amount early Saturday morning, a senior vice president said on Monday.',
    ].join(' ');
    const victim = { victims: [{ id: 'org-hancock-health', name: 'Hancock Health' }], actors: [], amounts: [], stolen: [], dates: [] };
    const s = summarize({ sentences: splitSentences(text), title: 'Hospital pays ransom', amounts: findAmounts(text), entitySpans: [], totalWords: 70, keyFacts: victim });
    expect(s[0]).toMatch(/^The ransomware attack reached the computers of Hancock Health/);
    expect(s[1]).toMatch(/^An Indiana hospital/);
    // a definition is background, not the story
    expect(s.some((x) => /is a type of/.test(x))).toBe(false);
    // without the victim's name the lede comes first
    expect(summarize({ sentences: splitSentences(text), title: 'Hospital pays ransom', amounts: findAmounts(text), entitySpans: [], totalWords: 70 })[0]).toMatch(/^An Indiana hospital/);
  });
});
