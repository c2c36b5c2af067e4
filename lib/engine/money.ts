/**
 * Money amounts: "$2 billion", "US$1.5bn", "€3m", "48 billion yen", "401,000 ETH",
 * "$600 million worth of ether", "1,000 BTC ($60 million)".
 *
 * Fiat is converted to USD with a small fixed table (FX_TABLE_DATE); crypto gets a USD value only when
 * the article states one next to it (prices move too much for a fixed table to be honest).
 */
import type { Amount } from '../shared/contract';
import { NO_DEADLINE, type Deadline } from './deadline';
import { spanIndex } from './spans';
import amountUnits from '../kb/compiled/amount-units.json';

/** The date of the fixed fiat rates below (approximate mid-market, USD per unit). */
export const FX_TABLE_DATE = '2025-01-01';
export const USD_PER_UNIT: Readonly<Record<string, number>> = {
  USD: 1,
  EUR: 1.04,
  GBP: 1.25,
  JPY: 0.0064,
  KRW: 0.00068,
  CNY: 0.137,
  AUD: 0.62,
  CAD: 0.7,
  CHF: 1.1,
  HKD: 0.129,
  SGD: 0.73,
  INR: 0.0117,
  RUB: 0.0093,
  NZD: 0.56,
  IDR: 0.000062,
  TRY: 0.028,
  BRL: 0.16,
  ZAR: 0.053,
};

/** Characters after a crypto amount searched for the USD value the article gives ("($60 million)", "worth $60m"). */
const USD_NOTE_WINDOW = 48;

const SCALE: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mm: 1e6,
  mn: 1e6,
  mln: 1e6,
  million: 1e6,
  millions: 1e6,
  b: 1e9,
  bn: 1e9,
  bln: 1e9,
  billion: 1e9,
  billions: 1e9,
  t: 1e12,
  tn: 1e12,
  trillion: 1e12,
  crore: 1e7,
  lakh: 1e5,
};

const SYMBOL_CURRENCY: Record<string, string> = {
  $: 'USD',
  US$: 'USD',
  USD: 'USD',
  'A$': 'AUD',
  AU$: 'AUD',
  'C$': 'CAD',
  CA$: 'CAD',
  HK$: 'HKD',
  'S$': 'SGD',
  NZ$: 'NZD',
  '€': 'EUR',
  EUR: 'EUR',
  '£': 'GBP',
  GBP: 'GBP',
  '¥': 'JPY',
  JPY: 'JPY',
  '₩': 'KRW',
  KRW: 'KRW',
  '₹': 'INR',
  'R$': 'BRL',
  CHF: 'CHF',
};

const WORD_CURRENCY: Record<string, string> = {
  dollar: 'USD',
  dollars: 'USD',
  euro: 'EUR',
  euros: 'EUR',
  yen: 'JPY',
  won: 'KRW',
  yuan: 'CNY',
  renminbi: 'CNY',
  rupees: 'INR',
  rupiah: 'IDR',
  'indonesian rupiah': 'IDR',
  'us dollars': 'USD',
  'u.s. dollars': 'USD',
  rupee: 'INR',
  roubles: 'RUB',
  rubles: 'RUB',
  francs: 'CHF',
  'pounds sterling': 'GBP',
  usd: 'USD',
  eur: 'EUR',
  gbp: 'GBP',
  jpy: 'JPY',
};

/** Crypto units written after a number. Tickers must be in capitals (knowledge-base data with sources: lib/kb/data/hints/amount-units.json); names may be in any case. */
const CRYPTO_TICKERS: readonly string[] = amountUnits.words;
const CRYPTO_WORDS: Record<string, string> = {
  bitcoin: 'BTC',
  bitcoins: 'BTC',
  ether: 'ETH',
  ethereum: 'ETH',
  eth: 'ETH',
  tether: 'USDT',
  monero: 'XMR',
  litecoin: 'LTC',
  solana: 'SOL',
  'stolen ether': 'ETH',
};

/** A number: thousands grouped by commas, or a decimal comma before a scale word ("$2,7 million", as much of Europe writes it). */
const NUM = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3},\d{1,2}(?=\s?(?:[Mm]illions?|[Bb]illions?|[Tt]rillion|[Mm]ln|[Bb]n|[Mm]n|[Mm]|[Bb])\b)|\d+(?:\.\d+)?)`;
/** Case-insensitive alternatives without the 'i' flag (crypto tickers must stay case-sensitive). */
function ci(word: string): string {
  return word.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);
}
const SCALE_WORDS = ['k', 'thousand', 'mm', 'mn', 'mln', 'm', 'millions', 'million', 'bn', 'bln', 'b', 'billions', 'billion', 'tn', 't', 'trillion', 'crore', 'lakh'];
const SCALE_RE = String.raw`(?:\s?(${SCALE_WORDS.map(ci).join('|')})\b)?`;
const PREFIX_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(US\$|USD\s?|AU?\$|CA?\$|HK\$|NZ\$|S\$|R\$|EUR\s?|GBP\s?|JPY\s?|KRW\s?|CHF\s?|[$€£¥₩₹])\s?${NUM}${SCALE_RE}(?![\p{L}\p{N}])`,
  'gu',
);
const SUFFIX_WORD_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}$€£¥.,])${NUM}${SCALE_RE}\s?(US dollars|U\.S\. dollars|dollars?|euros?|yen|won|yuan|renminbi|rupees?|Indonesian [Rr]upiah|rupiah|roubles|rubles|francs|pounds sterling|USD|EUR|GBP|JPY)(?![\p{L}\p{N}])`,
  'giu',
);
/** Dollar-pegged stablecoins: an amount in them is its value in USD. */
const USD_STABLECOINS: readonly string[] = ['USDT', 'USDC', 'DAI', 'BUSD', 'PYUSD', 'FDUSD'];
/** "$8M USDT": a stablecoin ticker right after a dollar amount (Ethena's USDe too, in its own spelling). */
const STABLECOIN_AFTER_RE = new RegExp(String.raw`^\s?(${[...USD_STABLECOINS, 'USDe'].join('|')})\b`);
const CRYPTO_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}$€£¥.,])${NUM}${SCALE_RE}\s?(${CRYPTO_TICKERS.join('|')}|wETH|stETH|${['bitcoins', 'bitcoin', 'ether', 'ethereum', 'tether', 'monero', 'litecoin', 'solana'].map(ci).join('|')})(?![\p{L}\p{N}])`,
  'gu',
);

/** A number too large to represent (hundreds of digits) is not an amount: NaN, which callers drop. */
function parseNumber(raw: string, scaleWord: string | undefined): number {
  const n = parseFloat(/^\d{1,3},\d{1,2}$/.test(raw) ? raw.replace(',', '.') : raw.replace(/,/g, ''));
  const scale = scaleWord ? SCALE[scaleWord.toLowerCase()] ?? 1 : 1;
  const value = n * scale;
  return Number.isFinite(value) ? value : NaN;
}

/** "demanded … ransomware" and "ransomware … paid": a payment word and the malware in one stretch without a full stop. */
const PAY_WORD_RE = /\b(?:demand|paid|pay)\w*\b/;
const PAY_WORD_START_RE = /\b(?:demand|paid|pay)/g;
const RANSOMWARE_START_RE = /\bransomware/g;
const RANSOMWARE_WORD_RE = /\bransomware\b/;

/** Does `second` (a global pattern) match at or after the end of the first match of `first` in `s`? */
function inOrder(s: string, first: RegExp, second: RegExp): boolean {
  const a = first.exec(s);
  if (!a) return false;
  second.lastIndex = a.index + a[0].length;
  return second.exec(s) !== null;
}

/** A payment word and "ransomware", in either order, between the same two full stops: one pass over `s`. */
function ransomPaid(s: string): boolean {
  for (let from = 0; from <= s.length; ) {
    let to = s.indexOf('.', from);
    if (to < 0) to = s.length;
    const part = s.slice(from, to);
    if (inOrder(part, PAY_WORD_RE, RANSOMWARE_START_RE) || inOrder(part, RANSOMWARE_WORD_RE, PAY_WORD_START_RE)) return true;
    from = to + 1;
  }
  return false;
}

function roleOf(sentence: string): Amount['role'] {
  const s = sentence.toLowerCase();
  // "ransomware" alone names the malware, not a payment: a ransom is demanded, paid or extorted
  if (/\bransom(?!ware)|\bextort/.test(s) || ransomPaid(s)) return 'ransom';
  if (/\blaunder/.test(s)) return 'laundered';
  if (/\b(?:recover|returned|refund|clawed back)/.test(s)) return 'recovered';
  if (/\b(?:seiz|froze|frozen|forfeit|confiscat)/.test(s)) return 'seized';
  if (/\b(?:pulled in|raked|netted|took|taken|stole|stolen|steal|drain|hack|exploit|heist|theft|lost|loss|siphon|looted|swindl|defraud|scam|br(?:eak|eaking|oke) into|robb)/.test(s)) return 'stolen';
  return 'other';
}

/** Characters either side of an amount read for its role: a news sentence is shorter; a page-long "sentence" is cut. */
const ROLE_WINDOW_CHARS = 400;

/** Cut windows end on multiples of this, so that amounts close together share one window and one reading. */
const ROLE_WINDOW_STEP = 128;

/** Index of the first element of the sorted `a` that is >= pos. */
function lowerBound(a: readonly number[], pos: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The role of the amount at [start, end), read from its sentence: from after the last full stop or line
 * break before it to the first ". ", "! ", "? " or line break after it, cut to ROLE_WINDOW_CHARS either
 * side (rounded out to ROLE_WINDOW_STEP). The boundaries are collected in one pass over the text and found by binary search; each
 * distinct stretch is read once.
 */
function roleReader(text: string): (start: number, end: number) => Amount['role'] {
  const opens: number[] = [];
  const closes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      opens.push(i);
      closes.push(i);
    } else if (c === '.' || c === '!' || c === '?') {
      if (c === '.') opens.push(i);
      if (i + 1 < text.length && /\s/.test(text[i + 1]!)) closes.push(i);
    }
  }
  const cache = new Map<string, Amount['role']>();
  return (start, end) => {
    const k = lowerBound(opens, start) - 1;
    const a = Math.max(k >= 0 ? opens[k]! + 1 : 0, Math.floor((start - ROLE_WINDOW_CHARS) / ROLE_WINDOW_STEP) * ROLE_WINDOW_STEP);
    const j = lowerBound(closes, end);
    const b = Math.min(j < closes.length ? closes[j]! : text.length, Math.ceil((end + ROLE_WINDOW_CHARS) / ROLE_WINDOW_STEP) * ROLE_WINDOW_STEP);
    const key = `${a}:${b}`;
    let role = cache.get(key);
    if (role === undefined) {
      role = roleOf(text.slice(a, b));
      cache.set(key, role);
    }
    return role;
  };
}

/** Is this match a year, a version, a percentage or a phone-like number rather than money? (crypto/word forms only) */
function looksLikeNonMoney(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 2);
  return after.startsWith('%');
}

/**
 * Every amount in `text`, in reading order. A pass that finds `deadline` expired stops and returns the
 * amounts found so far.
 */
export function findAmounts(text: string, deadline: Deadline = NO_DEADLINE): Amount[] {
  const out: Amount[] = [];
  const roleAt = roleReader(text);
  // spans of the amounts (and USD notes) of the earlier passes; a pass's own matches never overlap each other
  const taken: [number, number][] = [];
  let earlier = spanIndex(taken);
  const stop = (): boolean => deadline.step();

  // crypto first: it may absorb a following "($60 million)"
  CRYPTO_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CRYPTO_RE.exec(text)) !== null) {
    if (stop()) break;
    const unitRaw = m[3]!;
    const unit = CRYPTO_WORDS[unitRaw.toLowerCase()] ?? (CRYPTO_TICKERS.includes(unitRaw.toUpperCase()) ? unitRaw.toUpperCase() : null);
    if (!unit) continue;
    const start = m.index;
    const end = m.index + m[0].length;
    if (looksLikeNonMoney(text, start, end)) continue;
    const value = parseNumber(m[1]!, m[2]);
    if (!Number.isFinite(value)) continue;
    let usd: number | null = USD_STABLECOINS.includes(unit) ? value : null;
    const tail = text.slice(end, end + USD_NOTE_WINDOW);
    const note = /^\s*(?:\(\s*(?:about|around|approximately|roughly|some|~|worth|valued at)?\s*|,?\s*(?:worth|valued at|or)\s+(?:about|around|approximately|roughly|some|nearly|over|more than|~)?\s*)(US\$|\$|USD\s?)\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?(k|thousand|m|mn|million|bn|b|billion)\b)?\)?/i.exec(tail);
    if (note) {
      const noted = parseNumber(note[2]!, note[3]);
      usd = Number.isFinite(noted) ? noted : null;
      const noteEnd = end + note[0].length;
      taken.push([end, noteEnd]);
    }
    out.push({ text: text.slice(start, end), value, currency: unit, usd, start, end, role: roleAt(start, end) });
    taken.push([start, end]);
  }

  earlier = spanIndex(taken);
  PREFIX_RE.lastIndex = 0;
  while ((m = PREFIX_RE.exec(text)) !== null) {
    if (stop()) break;
    const start = m.index;
    const end = m.index + m[0].length;
    if (earlier.overlaps(start, end)) continue;
    const sym = m[1]!.trim();
    let currency = SYMBOL_CURRENCY[sym] ?? SYMBOL_CURRENCY[sym.toUpperCase()] ?? 'USD';
    // "$8M USDT": a dollar-pegged stablecoin amount written with a dollar sign
    const stable = STABLECOIN_AFTER_RE.exec(text.slice(end, end + 8));
    if (stable && currency === 'USD') currency = stable[1]!.toUpperCase();
    // "$2 billion worth of ether": a USD amount (the crypto is described by it, not counted in it)
    const value = parseNumber(m[2]!, m[3]);
    if (!Number.isFinite(value) || value <= 0) continue;
    const rate = stable ? 1 : USD_PER_UNIT[currency];
    out.push({ text: m[0], value, currency, usd: rate !== undefined ? value * rate : null, start, end, role: roleAt(start, end) });
    taken.push([start, end]);
  }

  earlier = spanIndex(taken);
  SUFFIX_WORD_RE.lastIndex = 0;
  while ((m = SUFFIX_WORD_RE.exec(text)) !== null) {
    if (stop()) break;
    const start = m.index;
    const end = m.index + m[0].length;
    if (earlier.overlaps(start, end)) continue;
    const unitRaw = m[3]!;
    const currency = WORD_CURRENCY[unitRaw.toLowerCase()];
    if (!currency) continue;
    // Upper-case codes only when written in capitals ("50 usd" in a URL slug is noise)
    if (/^(usd|eur|gbp|jpy)$/i.test(unitRaw) && unitRaw !== unitRaw.toUpperCase()) continue;
    const value = parseNumber(m[1]!, m[2]);
    if (!Number.isFinite(value) || value <= 0) continue;
    const rate = USD_PER_UNIT[currency];
    out.push({ text: m[0], value, currency, usd: rate !== undefined ? value * rate : null, start, end, role: roleAt(start, end) });
  }

  out.sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
  return out;
}
