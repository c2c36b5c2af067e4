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

// ---------------------------------------------------------------------------------------------------
// Live DOM trees for the highlighter, annotator and card fuzz tests (built with DOM methods, so that a
// page's own adjacent and empty text nodes survive: innerHTML would merge them).

/** One UTF-16 unit sequence per draw: letters, spaces, astral characters (surrogate pairs), combining marks, a lone surrogate. */
const TEXT_UNITS = ['L', 'a', 'z', 'r', 'u', 's', 'G', ' ', ' ', '\n', '\t', '\u00a0', '\u200b', '😀', '𝕷', '👨‍👩‍👧', 'e\u0301', '\u0301', '\u0308', '朝', 'م', '\uD800', '.', '$', '0'];
export const domText: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.string({ unit: fc.constantFrom(...TEXT_UNITS), maxLength: 14 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom(...ENTITY_NAMES) },
);

export type DomSpec = { kind: 'text'; data: string } | { kind: 'el'; tag: string; children: DomSpec[] };
/** Inline and block elements, a link, and containers whose text is never marked. */
const DOM_TAGS = ['span', 'b', 'em', 'i', 'a', 'p', 'div', 'li', 'h2', 'code', 'pre'];
export const domSpec: fc.Arbitrary<DomSpec[]> = fc.letrec<{ node: DomSpec; nodes: DomSpec[] }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ kind: fc.constant('text' as const), data: domText }),
    fc.record({ kind: fc.constant('el' as const), tag: fc.constantFrom(...DOM_TAGS), children: tie('nodes') as fc.Arbitrary<DomSpec[]> }),
  ),
  nodes: fc.array(tie('node') as fc.Arbitrary<DomSpec>, { maxLength: 5 }),
})).nodes;

/** Build a spec under `parent` with DOM methods only. */
export function buildDom(parent: Node, specs: readonly DomSpec[]): void {
  const doc = parent.ownerDocument ?? (parent as Document);
  for (const s of specs) {
    if (s.kind === 'text') parent.appendChild(doc.createTextNode(s.data));
    else {
      const el = doc.createElement(s.tag);
      if (s.tag === 'a') el.setAttribute('href', 'https://example.org/x');
      parent.appendChild(el);
      buildDom(el, s.children);
    }
  }
}

/**
 * Non-overlapping [start, end) ranges over a text of length `len`: sorted cut points taken in pairs (a
 * range may split a surrogate pair or a grapheme: the highlighter works in UTF-16 offsets).
 */
export const rangesOver = (len: number): fc.Arbitrary<Array<[number, number]>> =>
  fc.uniqueArray(fc.integer({ min: 0, max: len }), { maxLength: 16 }).map((cuts) => {
    const s = [...cuts].sort((a, b) => a - b);
    const out: Array<[number, number]> = [];
    for (let i = 0; i + 1 < s.length; i += 2) out.push([s[i]!, s[i + 1]!]);
    return out;
  });
