/**
 * The engine's disclaimers (issue 17): each is a kind with parameters (the authorities, the knowledge's date, the
 * page's own sentence, how many hedges), never English words; worded in English by the analyze command, word for
 * word the sentences the engine wrote before; the page's signals only where the page has them.
 */
import { describe, expect, it } from 'vitest';
import { disclaimers, isPageNotice, type DisclaimerInput } from '../../../lib/engine/disclaimers';
import { splitSentences } from '../../../lib/engine/text';
import { disclaimerText } from '../../../lib/shared/analysis-words';
import { MAX_DISCLAIMER_PARAMS, MAX_DISCLAIMER_PARAM_CHARS } from '../../../lib/shared/contract';
import { english, englishFormats } from '../../../tools/cli/english';

const PAGE = [
  'Investigators believe the group is behind the theft.',
  'It reportedly moved the funds through a mixer and allegedly paid a broker.',
  'Join our Telegram channel for breaking crypto news.',
  'Capital at risk: do your own research.',
].join(' ');

const input = (text: string, over: Partial<DisclaimerInput> = {}): DisclaimerInput => ({
  sentences: splitSentences(text),
  kbAsOf: '2026-08-06',
  attributedBy: ['FBI', 'US Department of Justice'],
  hasActors: true,
  ...over,
});

describe('disclaimers as data', () => {
  it('gives kinds and parameters, no words', () => {
    const out = disclaimers(input(PAGE));
    expect(out).toEqual([
      { kind: 'informational' },
      { kind: 'automatic' },
      { kind: 'attribution', params: ['FBI', 'US Department of Justice'] },
      { kind: 'knowledge-date', params: ['2026-08-06'] },
      { kind: 'page-promotional', params: ['Join our Telegram channel for breaking crypto news.'] },
      { kind: 'page-risk-warning', params: ['Capital at risk: do your own research.'] },
      { kind: 'page-hedged', params: [3, 'Investigators believe the group is behind the theft.'] },
    ]);
    for (const d of out) expect(d.text).toBeUndefined();
  });

  it('says nothing of the page where it signals nothing, and no attribution without actors', () => {
    const out = disclaimers(input('The exchange published its quarterly report on Monday.', { hasActors: false }));
    expect(out.map((d) => d.kind)).toEqual(['informational', 'automatic', 'knowledge-date']);
  });

  it('an attribution without named authorities has no parameters', () => {
    expect(disclaimers(input('Nothing here.', { attributedBy: [] }))[2]).toEqual({ kind: 'attribution' });
  });

  it('bounds its parameters: at most four authorities, every one and every quote cut to length', () => {
    const long = `${'word '.repeat(100)}allegedly.`;
    const out = disclaimers(input(long, { attributedBy: ['A', 'B', 'C', 'D', 'E', 'x'.repeat(500)] }));
    expect(out.find((d) => d.kind === 'attribution')!.params).toEqual(['A', 'B', 'C', 'D']);
    expect(disclaimers(input('', { attributedBy: ['x'.repeat(500)] }))[2]!.params![0]).toHaveLength(MAX_DISCLAIMER_PARAM_CHARS);
    const hedged = out.find((d) => d.kind === 'page-hedged')!.params!;
    expect(hedged[0]).toBe(1);
    expect(String(hedged[1])).toHaveLength(MAX_DISCLAIMER_PARAM_CHARS);
    expect(String(hedged[1]).endsWith('…')).toBe(true);
    for (const d of out) expect((d.params ?? []).length).toBeLessThanOrEqual(MAX_DISCLAIMER_PARAMS);
  });
});

describe('the page’s notices to its readers', () => {
  it('knows the common wordings of an investment risk warning and of promotion', () => {
    for (const t of [
      'Investing in crypto assets is high risk.',
      'Investing in cryptoassets carries a high risk.',
      'Only put in money you can afford to lose entirely; you are unlikely to be protected if something goes wrong.',
      'Never invest more than you can afford to lose.',
      'Don’t invest unless you’re prepared to lose all the money you invest.',
      'Join our Telegram channel for breaking crypto news.',
      'Follow us on Telegram for the latest market calls.',
    ])
      expect(isPageNotice(t), t).toBe(true);
  });

  it('does not take news about risk, losses or investing for a notice', () => {
    for (const t of [
      'Investing in crypto assets has grown quickly in South Korea.',
      'The exchange said it could not afford to lose the trust of its users.',
      'Customers were unlikely to be repaid in full, the administrator said.',
      'The protocol lost $5 million in a high-risk lending market.',
      'Europol has confirmed that a Telegram channel impersonating the agency and offering a reward is fake.',
    ])
      expect(isPageNotice(t), t).toBe(false);
  });
});

describe('in English, as the analyze command words them', () => {
  it('word for word the sentences of before', () => {
    expect(disclaimers(input(PAGE)).map((d) => disclaimerText(d, english, englishFormats))).toEqual([
      'Informational only: this is not financial, legal or investment advice.',
      'Names, amounts and links were extracted automatically and can be wrong; check the article and the sources.',
      'Attributions are as stated by the named authority or researcher (FBI; US Department of Justice); they are claims, not findings of this extension.',
      'Background knowledge as of 2026-08-06; later events are not reflected.',
      'The page contains promotional content: “Join our Telegram channel for breaking crypto news.”',
      'The page carries an investment risk warning: “Capital at risk: do your own research.”',
      'Some claims on the page are hedged (3× "believed", "allegedly", "reportedly" or similar), e.g. “Investigators believe the group is behind the theft.”',
    ]);
    expect(disclaimerText({ kind: 'attribution' }, english, englishFormats)).toBe(
      'Attributions are as stated by the named authority or researcher; they are claims, not findings of this extension.',
    );
  });

  it('a dollar sign in the page’s sentence stays as it is', () => {
    const [d] = disclaimers(input('Use code $1 for a sign-up bonus of $$50.')).filter((x) => x.kind === 'page-promotional');
    expect(disclaimerText(d!, english, englishFormats)).toBe('The page contains promotional content: “Use code $1 for a sign-up bonus of $$50.”');
  });
});
