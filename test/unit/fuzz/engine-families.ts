/**
 * Families of repetitive text a hostile page can send to make analysis slow: one short unit repeated to
 * 50–100 KB. Plain data without fast-check, so that the benchmark (test/bench/worst-case.ts) loads it
 * cheaply; the linear-time tests (engine-linear.fuzz.test.ts) draw from it.
 */
export interface RepetitiveFamily {
  name: string;
  units: readonly string[];
}

export const REPETITIVE_FAMILIES: readonly RepetitiveFamily[] = [
  {
    name: 'amount phrases',
    units: ['paid $1 million ', '1,000 BTC ', '1,000 BTC ($60 million) ', 'stole 401,000 ETH worth $600m ', '$1.5 billion ', 'paid $1.5 million ransomware ', '48 billion yen ', '€3m and 5 USDT ', '$8M USDT ', '1.1.1.', '9'.repeat(40) + ' '],
  },
  {
    name: 'hyphen and punctuation runs',
    units: ['a-', '-', 'A-', '.', '....', '$', '$$1', '. ', 'x.\tX', 'U.S. ', '?"', ',', ', and ', '(', '((a)', ')', '&', "'", '"', ':', ';', '1,', '—'],
  },
  {
    name: 'cue words',
    units: ['groups including ', 'a group known as ', 'companies including Alpha, ', 'exchanges such as Beta and ', 'firms: ', 'Credit: ', 'Credit: Alpha Beta, ', 'security firm ', 'malware called ', 'said ', 'according to ', '28-year-old ', 'the threat actor, ', 'paid ransomware ', 'ransomware paid ', 'Mr. '],
  },
  {
    name: 'capitalised runs',
    units: ['Alpha Beta Gamma ', 'Alpha and Beta and ', 'Alpha of Beta ', 'Lazarus Group ', 'North Korea ', 'WannaCry ransomware attack ', 'Vitalik Buterin said Buterin ', 'A. B. ', 'Ronin ', 'PeckShield ', 'Kim Jin Hyok ', 'ALPHA BETA ', 'Operation Alpha '],
  },
  {
    name: 'addresses, hex and base58',
    units: ['0x098B716B8Aaf21512996dC57EB0615e2383E2f96 ', '0x098B716B8Aaf21512996dC57EB0615e2383E2f96', '0123456789abcdef', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa ', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq ', 'bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a ', 'rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh ', '4' + '8'.repeat(94) + ' '],
  },
  {
    name: 'mixed alphabets',
    units: ['Лазарус Group ', '组织Lazarus\u200bGroup从', 'Ｌａｚａｒｕｓ ', 'La\u200dza\u200brus ', '朝鲜黑客窃取了', '한국어Lazarus ', 'L\u0308azarus ', '\u202eLazarus ', 'مجموعة لازاروس ', '\uD800a'],
  },
  {
    name: 'whitespace and line breaks',
    units: [' ', '\n', '\t', '\u00a0', 'a \n', ' \n\n', '\r\n', 'Credit\n'],
  },
  {
    name: 'markdown syntax',
    units: ['![', '![a](', '[a](', '[[', '<!--', '<a', '**', '`', '|', '# ', '[a]: ', '```', ' _a'],
  },
];

/** A unit repeated to `chars` characters (cut at the end). */
export function repeatTo(unit: string, chars: number): string {
  return unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
}

/** Crypto-security words without a full stop or a capital: mixed into a repetitive text so that the analysis runs every pass on it. */
export const TOPICAL_FILLER = ' hackers stole crypto from the exchange wallet and laundered it through a mixer ';

/** A repetitive text with the topical filler every `every` characters, so that detection passes and NER runs. */
export function repeatWithTopic(unit: string, chars: number, every = 2_000): string {
  const chunk = repeatTo(unit, Math.max(unit.length, every - TOPICAL_FILLER.length)) + TOPICAL_FILLER;
  return repeatTo(chunk, chars);
}
