/**
 * Shared fast-check arbitraries for the fuzz tests: hostile text (unicode, astral characters, lone
 * surrogate halves, huge whitespace, repeated entity names, money-like and address-like strings) and
 * tag soup. Sizes are bounded so every property stays well under a few seconds.
 */
import fc from 'fast-check';

/** Names the knowledge base knows, with case and spacing variants. */
export const ENTITY_NAMES = [
  'Lazarus Group',
  'Lazarus',
  'LAZARUS GROUP',
  'lazarus group',
  'Tornado Cash',
  'Tornado  Cash',
  'OFAC',
  'North Korea',
  'DPRK',
  'Ronin bridge',
  'FBI',
  'Sky Mavis',
  'WannaCry',
  'BlueNoroff',
  'APT38',
  'Kimsuky',
  'Binance',
  'Bitcoin',
  'LockBit',
  'Sinbad',
];

export const MONEY_LIKE = [
  '$625 million',
  '$1.5 billion',
  '$ 1.5bn',
  '€2,000,000',
  '£3.2m',
  '¥10 billion',
  '1,234.5 BTC',
  '0.0000001 ETH',
  '5,000 ether',
  '100 USDT',
  '$99999999999999999999999999999 trillion',
  '1e309 BTC',
  '$1,2,3,4.5.6',
  '$.',
  '$-5',
  '−$5 million',
  '$NaN million',
  '$Infinity',
  '$0x10',
  '١٢٣ BTC',
  '$１２３ million',
];

export const ADDRESS_LIKE = [
  '0x098B716B8Aaf21512996dC57EB0615e2383E2f96', // OFAC-listed (Ronin hack)
  '0x098b716b8aaf21512996dc57eb0615e2383e2f96',
  '0x098B716B8Aaf21512996dC57EB0615e2383E2f9', // 39 hex
  '0x' + 'g'.repeat(40),
  '0X' + 'F'.repeat(40),
  '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa',
  '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb',
  '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy',
  'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
  'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdQ',
  'bc1' + 'q'.repeat(90),
  'rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh',
  'bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a',
  '4' + '8'.repeat(94),
  'TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE',
  '0x',
  'bc1',
];

/** Amounts whose digits overflow a double (parseFloat gives Infinity): see the BUG test in engine.fuzz.test.ts. */
export const OVERFLOWING_AMOUNTS = [`${'9'.repeat(400)} BTC`, `$${'9'.repeat(320)}`, `${'1'.repeat(310)} ETH`];

export const WHITESPACE = [' ', '  ', '\n', '\n\n', '\t', '\r\n', '\u00a0', '\u2028', '\u2029', '\u200b', '\u3000', '\ufeff', '\u202e', '\u200f'];

export const ODD = [
  '\uD800', // lone high surrogate
  '\uDC00', // lone low surrogate
  '\uDBFF\uDBFF',
  '😀',
  '𝕷𝖆𝖟𝖆𝖗𝖚𝖘',
  '👨‍👩‍👧',
  'e\u0301',
  'L\u0308azarus',
  '朝鲜黑客',
  'مجموعة',
  'קבוצת',
  '\u0000',
  '\uffff',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '&amp;',
  '...',
  '—',
  '"',
  "'s",
  '(',
  ')',
];

const SECURITY_WORDS = ['stole', 'hack', 'laundered', 'sanctioned', 'crypto', 'bridge', 'exchange', 'attributed to', 'according to the FBI', 'ransomware', 'the', 'and', 'in', 'March 2022', '2024-08-01'];

/** A fragment of hostile text. */
export const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ENTITY_NAMES) },
  { weight: 2, arbitrary: fc.constantFrom(...MONEY_LIKE) },
  { weight: 2, arbitrary: fc.constantFrom(...ADDRESS_LIKE) },
  { weight: 3, arbitrary: fc.constantFrom(...WHITESPACE) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD) },
  { weight: 3, arbitrary: fc.constantFrom(...SECURITY_WORDS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 2_000 }).map((n) => ' '.repeat(n)) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...ENTITY_NAMES), fc.integer({ min: 2, max: 60 })).map(([n, k]) => `${n} `.repeat(k)) },
);

/** Hostile article text: fragments joined with or without separators. */
export const hostileText: fc.Arbitrary<string> = fc
  .tuple(fc.array(fragment, { maxLength: 80 }), fc.constantFrom('', ' ', '\n', '. '))
  .map(([parts, sep]) => parts.join(sep));

/** Random and malformed HTML: unbalanced tags, excluded containers, entities, comments, our own tag names. */
const TAGS = ['p', 'div', 'span', 'b', 'i', 'em', 'a href="javascript:alert(1)"', 'a href="/x"', 'article', 'main', 'h1', 'h2', 'li', 'ul', 'table', 'tr', 'td', 'br', 'hr', 'pre', 'code', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'textarea', 'select', 'option', 'button', 'cncmark data-cnc-entity="lazarus-group"', 'div[data-cnc-ui]', 'div contenteditable', 'div hidden', 'div style="display:none"', 'div aria-hidden="true"', 'blockquote', 'figure', 'figcaption', 'time datetime="2022-03-29"'];
const tagName = (t: string): string => t.split(' ')[0]!;

export const htmlToken: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TAGS).map((t) => `<${t}>`) },
  { weight: 3, arbitrary: fc.constantFrom(...TAGS).map((t) => `</${tagName(t)}>`) },
  { weight: 6, arbitrary: fragment.map((s) => s.replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'))) },
  { weight: 1, arbitrary: fc.constantFrom('&lt;', '&amp;', '&#x1F600;', '&#xD800;', '&#0;', '&nbsp;', '&bogus;', '<!-- c -->', '<!--', '<', '>', '</', '<p <b>', '<a href="', '"', '<![CDATA[x]]>', '<?xml?>', '<!doctype html>') },
);

export const tagSoup: fc.Arbitrary<string> = fc.array(htmlToken, { maxLength: 120 }).map((t) => t.join(''));
