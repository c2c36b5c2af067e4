import { describe, expect, it } from 'vitest';
import type { GoldKeyFacts, LabelEntity } from '../../../tools/cli/eval/labels';
import { centralFactFirst, keySentenceCovered, keySentenceHits, lead3, lengthStats } from '../../../tools/cli/eval/summary-score';

const entities: LabelEntity[] = [{ name: 'Drift', type: 'protocol', aliases: ['Drift Protocol'] }];
const gold: GoldKeyFacts = {
  event: 'theft',
  victims: ['Drift'],
  amounts: [{ text: '$136 million', usd: 136e6, role: 'stolen' }, { text: '$2 billion', usd: 2e9, role: 'aggregate' }],
  date: null,
  actors: [],
};

describe('keySentenceCovered', () => {
  const summary = ['Decentralized finance company  Drift says it has suspended withdrawals after a hack.', 'Later, “CertiK said on X” that hackers took funds.'];
  it('covers a key sentence that a summary sentence starts with or contains, whitespace and quotes normalised', () => {
    expect(keySentenceCovered('Decentralized finance company Drift says it has', summary)).toBe(true);
    expect(keySentenceCovered('"CertiK said on X" that hackers', summary)).toBe(true);
  });
  it('does not cover a sentence that is not there, or an empty key', () => {
    expect(keySentenceCovered('It’s not clear who is behind the attack', summary)).toBe(false);
    expect(keySentenceCovered('  ', summary)).toBe(false);
    expect(keySentenceHits(['Decentralized finance company Drift', 'It’s not clear who'], summary)).toBe(1);
  });
});

describe('centralFactFirst', () => {
  it('is true when the first sentence names a gold victim (or an alias the list gives it) as whole words', () => {
    expect(centralFactFirst('Drift Protocol was hacked on Tuesday.', gold, entities)).toBe(true);
    expect(centralFactFirst('Hackers drained Drift.', gold, entities)).toBe(true);
  });
  it('is true when it holds the gold stolen amount text, not another amount', () => {
    const g = { ...gold, victims: ['Someone Else'] };
    expect(centralFactFirst('Attackers took $136 million on Tuesday.', g, entities)).toBe(true);
    expect(centralFactFirst('The year has seen $2 billion stolen.', g, entities)).toBe(false);
  });
  it('does not match inside another word, and is false for an empty summary', () => {
    expect(centralFactFirst('Funds drifted away overnight.', gold, entities)).toBe(false);
    expect(centralFactFirst(undefined, gold, entities)).toBe(false);
  });
  it('is null (not checkable) when the gold has no victim, actor or stolen amount', () => {
    expect(centralFactFirst('Anything.', { ...gold, victims: [], amounts: [] }, entities)).toBeNull();
  });
});

describe('lead3', () => {
  it('takes the first three prose sentences, skipping headlines, bylines and short lines', () => {
    const sentences = [
      'De-fi platform Drift suspends deposits and withdrawals',
      'By Jane Roe.',
      'Decentralized finance company Drift says it has suspended withdrawals.',
      'Blockchain security firm CertiK said on X that hackers stole funds.',
      '“We are investigating this incident right now,” the company said.',
      'It is not clear who is behind the attack at this point.',
    ];
    expect(lead3(sentences)).toEqual(sentences.slice(2, 5));
  });
});

describe('lengthStats', () => {
  it('gives mean and max sentences and words, and the share over 3 sentences', () => {
    const s = lengthStats([['One two three four.', 'Five six.'], ['a b', 'c', 'd', 'e']]);
    expect(s).toMatchObject({ summaries: 2, meanSentences: 3, maxSentences: 4, meanWords: 5.5, maxWords: 6, over3Share: 0.5 });
    expect(lengthStats([])).toMatchObject({ summaries: 0, meanSentences: null, over3Share: null });
  });
});
