/** The summary's opening sentence and the sentences it leaves out (lib/engine/summary.ts), each rule where it fires and where it must not. */
import { describe, expect, it } from 'vitest';
import { summarize, standsAlone } from '../../../lib/engine/summary';
import { findAmounts } from '../../../lib/engine/money';
import { splitSentences } from '../../../lib/engine/text';
import type { KeyFacts } from '../../../lib/shared/contract';

function summary(lines: string[], keyFacts?: KeyFacts): string[] {
  const text = lines.join('\n');
  return summarize({ sentences: splitSentences(text), title: null, amounts: findAmounts(text), entitySpans: [], totalWords: 120, keyFacts });
}

const actor = (id: string, name: string): KeyFacts['actors'][number] => ({ id, name, by: [], level: 'article', inferred: false });
const NO_FACTS: KeyFacts = { victims: [], actors: [], amounts: [], stolen: [], dates: [] };

describe('summary: an expletive "it" is no anaphor', () => {
  it('lets "It is not clear...", "It appears ..." and "It is strongly recommended..." stand alone', () => {
    expect(standsAlone('It’s not clear who is behind the attack, and a spokesperson did not respond.')).toBe(true);
    expect(standsAlone('It appears popular cryptocurrency Monero was riddled with security vulnerabilities.')).toBe(true);
    expect(standsAlone("It's strongly recommended to anyone who downloaded the wallet to check the hashes.")).toBe(true);
    expect(standsAlone('It remains to be seen who was behind this attack on the hospital network.')).toBe(true);
  });

  it('still refuses an "it" that stands for something said before', () => {
    expect(standsAlone('It appears to be the work of the same group of hackers as before.')).toBe(false);
    expect(standsAlone('It was the largest theft of the year so far, analysts said.')).toBe(false);
    expect(standsAlone('It quickly infected the system by locking out data and renaming files.')).toBe(false);
  });
});

describe('summary: the opening sentence', () => {
  it('skips an opening line that tells no event (a deck) for the next one that does', () => {
    const s = summary([
      'State investigators call in federal help and work through the night.',
      'Transportation department employees spent a second day offline as officials investigated a ransomware virus that hijacked computer files.',
      'The department shut down more than 2,000 employee computers on Wednesday while security staff investigated the attack.',
    ]);
    expect(s[0]).toMatch(/^Transportation department employees spent a second day offline/);
  });

  it('keeps the lede first when it tells the event', () => {
    const s = summary([
      'Hackers drained $48 million from the Harbor Bridge protocol on Monday, the project said in a statement.',
      'The project has paused all deposits and withdrawals while it works with investigators and exchanges.',
      'The attackers used a flaw in the contract that checks withdrawal messages from other chains.',
    ]);
    expect(s[0]).toMatch(/^Hackers drained \$48 million/);
  });

  it('never opens with someone’s words or a page’s update note', () => {
    const s = summary([
      'Updated September 24th, 2025 17:34 UTC - The security firm has also published its own post about the attack.',
      '“Every year, we read stories about people falling victim to scams or sketchy investment schemes.',
      'Attackers uploaded two malicious packages that searched developers’ files for wallet private keys.',
      'The packages were removed from the registry within hours of the report, the maintainers said.',
    ]);
    expect(s[0]).toMatch(/^Attackers uploaded two malicious packages/);
  });

  it('does not take "Update your ..." for an update note', () => {
    const s = summary([
      'Update your wallet software now: a flaw in older versions let attackers steal funds from thousands of users.',
      'The wallet maker said the flaw was fixed in a release on Monday and that 1,200 users were affected.',
    ]);
    expect(s[0]).toMatch(/^Update your wallet software now/);
  });

  it('prefers the sentence that names the party outright over one that names it by an adjective', () => {
    const facts: KeyFacts = { ...NO_FACTS, actors: [actor('kp', 'North Korea'), actor('od', 'Oleksandr Didenko')] };
    const s = summary(
      [
        'A federal court has sentenced a Ukrainian man to five years in prison for an identity theft operation that helped North Korean workers.',
        'Prosecutors brought charges in 2024 against Oleksandr Didenko, 29, for setting up workers with stolen identities.',
        'The workers’ earnings were funneled back to the regime, which used them to fund its weapons program.',
      ],
      facts,
    );
    expect(s[0]).toMatch(/^Prosecutors brought charges in 2024 against Oleksandr Didenko/);
    // the country's own name counts
    const t = summary(
      [
        'A federal court has sentenced a Ukrainian man to five years in prison for an identity theft operation that helped North Korea.',
        'Prosecutors brought charges in 2024 against Oleksandr Didenko, 29, for setting up workers with stolen identities.',
      ],
      facts,
    );
    expect(t[0]).toMatch(/^A federal court has sentenced a Ukrainian man/);
  });
});

describe('summary: sentences about other incidents or periods', () => {
  const lines = [
    'Hackers stole $30 million from the Ridge exchange on Tuesday, the company said in a statement.',
    'The exchange has suspended withdrawals while it investigates the theft with the police.',
    'Customers were told their balances would be covered from the company’s reserves.',
    'Investigators said the attackers used stolen keys to sign withdrawals from the hot wallet.',
    'Security firms say North Korea was behind the most crypto thefts last year, netting at least $2 billion.',
    'The exchange said it had hired the security firm Tracehound to trace the stolen funds.',
  ];

  it('leaves out a later sentence about last year for one about this event', () => {
    const s = summary(lines);
    expect(s.some((x) => /last year/.test(x))).toBe(false);
  });

  it('keeps "last year" in the opening, where it dates the event', () => {
    const s = summary(['A data broker said hackers stole the records of 2 million customers in a breach last year, it told regulators on Monday.', ...lines.slice(1, 3)]);
    expect(s[0]).toMatch(/breach last year/);
  });
});
