import { describe, expect, it } from 'vitest';
import { countParagraphs, isArticle, isProseLine, listShape } from '../../../lib/engine/is-article';

const prose = [
  'Hollywood Presbyterian Medical Center paid a ransom to a hacker who seized control of the computer systems, the chief executive said.',
  'The assault on the hospital occurred in February, when hackers using malware infected the computers and locked the staff out of them.',
  'The hospital said it alerted the authorities and was able to regain control of all its computer systems by Monday, with help from experts.',
].join('\n');

describe('paragraphs of a text', () => {
  it('counts blank-line-separated blocks of 80+ characters', () => {
    expect(countParagraphs(`${'word '.repeat(20)}\n\n${'word '.repeat(20)}\n\nshort`)).toBe(2);
  });

  it('counts one paragraph per prose line when a text puts a paragraph on each line', () => {
    expect(countParagraphs(prose)).toBe(3);
    expect(countParagraphs(`${prose}\n\n${prose}`)).toBe(6);
  });

  it('keeps a list of short lines one block', () => {
    const list = ['Bitcoin price today', 'Ethereum price today', 'Top ten wallets of the year', 'Markets', 'Opinion', 'Newsletters', 'About us', 'Contact the editors'].join('\n');
    expect(countParagraphs(list)).toBe(1);
  });

  it('does not take table rows, code or long link lists for prose lines', () => {
    const table = Array.from({ length: 5 }, (_, i) => `| Hospital ${i} in the city of Springfield | ransomware attack on the network | paid $${i}0,000 in the end. |`).join('\n');
    expect(countParagraphs(table)).toBe(1);
    const code = Array.from({ length: 5 }, (_, i) => `const result${i} = await fetchTheBalanceOf(wallet, { chain: 'the main chain', retries: ${i} }); // of the wallet`).join('\n');
    expect(countParagraphs(code)).toBe(1);
    const headlines = Array.from({ length: 5 }, (_, i) => `Markets Daily: Bitcoin, Ether and Solana Prices Move Higher Ahead of Key Data Release Number ${i}`).join('\n');
    expect(countParagraphs(headlines)).toBe(1);
  });

  it('a prose line is long, ends like a sentence and is full of function words', () => {
    expect(isProseLine('The hacker demanded 40 bitcoin, the equivalent of about $17,000, he said to the reporters on the phone.')).toBe(true);
    expect(isProseLine('"The malware locks systems by encrypting files and demanding ransom to obtain the decryption key," he said.”')).toBe(true);
    expect(isProseLine('The hacker demanded 40 bitcoin.')).toBe(false);
    expect(isProseLine('Bitcoin Ethereum Solana Cardano Polkadot Avalanche Chainlink Polygon Litecoin Uniswap Stellar Monero.')).toBe(false);
  });
});

describe('isArticle', () => {
  it('accepts a plain text with one paragraph per line', () => {
    const text = `${prose}\n${prose}`;
    expect(isArticle({ text }, 130).isArticle).toBe(true);
  });

  it('rejects a list of short lines', () => {
    const text = Array.from({ length: 40 }, (_, i) => `Crypto story headline number ${i}`).join('\n');
    expect(isArticle({ text }, 200)).toEqual({ isArticle: false, why: { code: 'listPage', params: [40] } });
  });

  it('says why as a code and its parameters, not as words', () => {
    expect(isArticle({ text: prose }, 45)).toEqual({ isArticle: false, why: { code: 'fewWords', params: [45] } });
    expect(isArticle({ text: prose, structure: { linkDensity: 0.6 } }, 500).why).toEqual({ code: 'mostlyLinks' });
    expect(isArticle({ text: prose, pageType: 'NewsArticle' }, 500)).toEqual({ isArticle: true, why: { code: 'declared', params: ['NewsArticle'] } });
    expect(isArticle({ text: 'one short line' }, 500).why).toEqual({ code: 'noParagraphs' });
    const twice = `${prose}\n\n${prose}`;
    expect(isArticle({ text: twice, pageType: 'website', structure: { readabilityOk: false } }, 500).why).toEqual({ code: 'notReaderable', params: ['website'] });
    expect(isArticle({ text: twice }, 500)).toEqual({ isArticle: true, why: { code: 'paragraphs', params: [6] } });
  });

  it('rejects a tag or index page: many short linked items and a teaser or two', () => {
    const items = Array.from({ length: 30 }, (_, i) => `Exchange ${i} hacked for $${i} million in crypto\nDec ${i + 1}, 2024\nBy Staff Writer`);
    const text = ['Crypto hacks', ...items, 'Hackers drained the bridge overnight, taking the funds to a mixer, and the team has paused the contracts.'].join('\n\n');
    expect(listShape(text).isList).toBe(true);
    expect(isArticle({ text, readabilityOk: true } as never, 700).isArticle).toBe(false);
  });

  it('keeps an article with a long list inside it', () => {
    const bullets = Array.from({ length: 25 }, (_, i) => `- Attacker address ${i}: 0xabc${i}`).join('\n');
    const body = Array.from({ length: 8 }, () => prose).join('\n\n');
    const text = `${body}\n\n${bullets}\n\n${body}`;
    expect(listShape(text).isList).toBe(false);
    expect(isArticle({ text }, 1200).isArticle).toBe(true);
  });

  it('does not take the short lines of a Chinese or Japanese article for list items', () => {
    const line = '攻撃者は取引所のホットウォレットから約四百億円相当の暗号資産を盗み出し、その後複数のアドレスに分散させたと同社は発表した。';
    expect(listShape(Array.from({ length: 30 }, () => line).join('\n\n')).isList).toBe(false);
  });
});
