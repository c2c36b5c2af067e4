/**
 * Names added to the knowledge base in the recall work, and how the resolver treats names inside
 * longer names, with the real compiled KB. Sentences are written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../lib/engine/analyze';
import { loadKb } from '../../../lib/kb/index';

const engine = createEngine(loadKb().kb);
// a crypto-security story (long enough to be detected), so names that need context are kept
const STORY = [
  'Hackers drained a crypto exchange hot wallet and laundered the stolen bitcoin through a mixer, investigators said.',
  'The theft followed a ransomware attack on the same firm, and the attackers demanded a ransom in bitcoin.',
  'Blockchain analysts traced the stolen funds across several wallets and exchanges before the hackers cashed out.',
  'Police have seized part of the stolen crypto and charged two suspects with laundering and fraud, and the exchange said it will repay its customers in full.',
  '',
].join('\n\n');
// the same kind of story without any ransomware words
const THEFT_STORY = STORY.replace('The theft followed a ransomware attack on the same firm, and the attackers demanded a ransom in bitcoin.', 'The theft followed a phishing attack on the same firm, and the attackers moved fast.');
function names(text: string, story = STORY): string[] {
  const a = engine.analyze({ text: story + text, title: 'Crypto exchange hacked, funds stolen' });
  expect(a.cryptoSecurity.detected).toBe(true);
  return a.entities.filter((e) => !e.inferred).map((e) => e.name);
}

describe('agencies and bodies named inside longer names', () => {
  it('reports the sub-body, not its parent, when the parent is only part of the name', () => {
    const n = names('The United Nations Security Council discussed the theft.');
    expect(n).toContain('United Nations Security Council');
    expect(n).not.toContain('United Nations');
  });

  it('reports the parent when it is named on its own', () => {
    expect(names('The United Nations said the funds paid for missiles.')).toContain('United Nations');
  });

  it('still reports a different kind of thing inside a name (malware inside an incident)', () => {
    const n = names('The WannaCry ransomware attack hit hospitals in 2017.');
    expect(n.some((x) => /WannaCry/.test(x))).toBe(true);
  });
});

describe('names added from the shared data', () => {
  it('finds exchanges and protocols that were victims in the incident tables', () => {
    const n = names('Earlier, Deribit lost $28M from a hot wallet in an exploit, and Alchemix lost funds from a pool.');
    expect(n).toContain('Deribit');
    expect(n).toContain('Alchemix');
  });

  it('does not read an ordinary-word victim name at the start of a sentence as the protocol', () => {
    expect(names('Flow of funds was traced across the exchange by analysts.')).not.toContain('Flow');
  });

  it('finds the added malware, groups and agencies, and Quantum only as ransomware', () => {
    const n = names('The attackers used Mimikatz and Sliver beacons; the Quantum ransomware gang and BazarCall were named, and HSI and IRS-CI seized the funds.');
    for (const x of ['Mimikatz', 'Sliver', 'Quantum Locker', 'BazarCall', 'Homeland Security Investigations', 'IRS Criminal Investigation']) expect(n, x).toContain(x);
    // "Quantum" alone needs ransomware words nearby
    expect(THEFT_STORY).not.toMatch(/ransom/);
    expect(names('Quantum computing may one day break wallet keys, researchers said.', THEFT_STORY)).not.toContain('Quantum Locker');
  });
});
