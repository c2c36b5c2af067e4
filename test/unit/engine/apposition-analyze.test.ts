import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../lib/engine/analyze';
import { markable } from '../../../lib/engine/evidence';
import { TEST_KB } from './kb-fixture';

const engine = createEngine(TEST_KB);
const STORY =
  'North Korean hackers stole $100 million from the Harmony bridge, the FBI said on Monday. ' +
  'Kim Sung Ho, a blockchain investigator at Acme, traced the stolen funds through Tornado Cash. ' +
  'Jane Roe, 34, of Reno was arrested in the case. The Lazarus Group laundered the money through mixers, the FBI said.';

describe('analyze: names the knowledge base lacks carry what the article says of them (issue 17)', () => {
  const a = engine.analyze({ text: STORY, title: 'North Korean hackers stole $100 million from Harmony bridge', pageType: 'NewsArticle' });
  const byName = (n: string) => a.entities.find((e) => e.name === n);

  it('gives a name-finder name the article describes its description, and marks it', () => {
    // both names come from rules measured at >= 0.95 (east-asian-name, age): only the article's words decide
    const kim = byName('Kim Sung Ho');
    expect(kim).toMatchObject({ known: false, evidence: 'name-finder', articleDescription: 'a blockchain investigator at Acme' });
    expect(markable(kim!)).toBe(true);
  });

  it('leaves a name the article does not describe unmarked', () => {
    const roe = byName('Jane Roe');
    expect(roe).toMatchObject({ known: false, evidence: 'name-finder' });
    expect(roe!.articleDescription).toBeUndefined();
    expect(markable(roe!)).toBe(false);
    expect(markable({ ...roe!, articleDescription: 'a developer' })).toBe(true); // its evidence alone would do
  });

  it('gives knowledge-base names no article description', () => {
    expect(a.entities.filter((e) => e.known !== false).every((e) => e.articleDescription === undefined)).toBe(true);
  });
});
