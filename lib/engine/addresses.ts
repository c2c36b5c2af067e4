/**
 * Crypto addresses in article text: found by shape, then validated with the chain's own checksum
 * (base58check, bech32/bech32m, EIP-55, CashAddr, XRP's alphabet, Monero's block base58 + Keccak; Solana by
 * its 32-byte key) using @scure/base and @noble/hashes, and checked against the OFAC-listed addresses of
 * the knowledge base (every chain of the OFAC lists: ARB, BCH, BSC, BSV, BTG, DASH, ETC, ETH, LTC, TRX,
 * USDC, USDT, XBT, XMR, XRP, XVG, ZEC).
 */
import { base58, base58check, base58xmr, base58xrp, bech32, bech32m } from '@scure/base';
import { sha256 } from '@noble/hashes/sha2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import type { AddressHit } from '../shared/contract';
import type { KbAddress } from '../kb/types';
import { NO_DEADLINE, type Deadline } from './deadline';
import { addressKey } from '../kb/lookup';

const b58check = base58check(sha256);

export interface AddressCheck {
  chain: string;
  valid: boolean;
  /** how validity was established */
  check: 'checksum' | 'format' | 'failed';
}

const enc = new TextEncoder();
function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

/** EIP-55: mixed-case addresses carry a checksum in their capitalisation; single-case ones carry none. */
function checkEthereum(addr: string): AddressCheck {
  const hex = addr.slice(2);
  if (!/^[0-9a-fA-F]{40}$/.test(hex)) return { chain: 'ETH', valid: false, check: 'failed' };
  if (hex === hex.toLowerCase() || hex === hex.toUpperCase()) return { chain: 'ETH', valid: true, check: 'format' };
  const hash = toHex(keccak_256(enc.encode(hex.toLowerCase())));
  for (let i = 0; i < 40; i++) {
    const c = hex[i]!;
    if (/[a-f]/i.test(c)) {
      const upper = parseInt(hash[i]!, 16) >= 8;
      if (upper !== (c === c.toUpperCase())) return { chain: 'ETH', valid: false, check: 'failed' };
    }
  }
  return { chain: 'ETH', valid: true, check: 'checksum' };
}

/** base58check version bytes -> chain */
const B58_VERSIONS: { first: RegExp; chain: string; versions: number[][]; len: number }[] = [
  { first: /^[13]/, chain: 'BTC', versions: [[0x00], [0x05]], len: 21 },
  { first: /^T/, chain: 'TRX', versions: [[0x41]], len: 21 },
  { first: /^[LM3]/, chain: 'LTC', versions: [[0x30], [0x32], [0x05]], len: 21 },
  { first: /^t[13]/, chain: 'ZEC', versions: [[0x1c, 0xb8], [0x1c, 0xbd]], len: 22 },
  { first: /^[X7]/, chain: 'DASH', versions: [[0x4c], [0x10]], len: 21 },
  { first: /^[DA9]/, chain: 'DOGE', versions: [[0x1e], [0x16]], len: 21 },
  { first: /^[GA]/, chain: 'BTG', versions: [[0x26], [0x17]], len: 21 },
];

function checkBase58(addr: string): AddressCheck | null {
  let bytes: Uint8Array;
  try {
    bytes = b58check.decode(addr);
  } catch {
    // The right shape for a chain but a broken checksum: an invalid address (or a typo).
    const shape = B58_VERSIONS.find((v) => v.first.test(addr));
    if (!shape) return null;
    try {
      base58.decode(addr);
    } catch {
      return null;
    }
    return { chain: shape.chain, valid: false, check: 'failed' };
  }
  for (const v of B58_VERSIONS) {
    if (bytes.length !== v.len) continue;
    if (v.versions.some((ver) => ver.every((b, i) => bytes[i] === b))) {
      // "3..." is both BTC P2SH and old LTC P2SH; report BTC (the common case)
      return { chain: v.chain, valid: true, check: 'checksum' };
    }
  }
  return null;
}

function checkXrp(addr: string): AddressCheck | null {
  try {
    const bytes = base58xrp.decode(addr);
    if (bytes.length !== 25 || bytes[0] !== 0) return null;
    const payload = bytes.slice(0, 21);
    const sum = sha256(sha256(payload));
    const ok = sum[0] === bytes[21] && sum[1] === bytes[22] && sum[2] === bytes[23] && sum[3] === bytes[24];
    return { chain: 'XRP', valid: ok, check: ok ? 'checksum' : 'failed' };
  } catch {
    return null;
  }
}

function checkBech32(addr: string): AddressCheck | null {
  const lower = addr.toLowerCase();
  if (addr !== lower && addr !== addr.toUpperCase()) return null;
  const chain = lower.startsWith('bc1') || lower.startsWith('tb1') ? 'BTC' : lower.startsWith('ltc1') ? 'LTC' : null;
  if (!chain) return null;
  for (const coder of [bech32, bech32m]) {
    try {
      const { words } = coder.decode(lower as `${string}1${string}`, 90);
      const version = words[0];
      if (version === undefined) continue;
      // v0 must use bech32, v1+ bech32m (BIP-350)
      if ((version === 0) !== (coder === bech32)) continue;
      return { chain, valid: true, check: 'checksum' };
    } catch {
      // try the other encoding
    }
  }
  return { chain, valid: false, check: 'failed' };
}

const CASHADDR_CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
function cashPolymod(values: number[]): bigint {
  const GEN = [0x98f2bc8e61n, 0x79b76d99e2n, 0xf33e5fb3c4n, 0xae2eabe2a8n, 0x1e4f43e470n];
  let c = 1n;
  for (const d of values) {
    const c0 = c >> 35n;
    c = ((c & 0x07ffffffffn) << 5n) ^ BigInt(d);
    for (let i = 0; i < 5; i++) if ((c0 >> BigInt(i)) & 1n) c ^= GEN[i]!;
  }
  return c ^ 1n;
}
function checkCashAddr(addr: string): AddressCheck | null {
  const lower = addr.toLowerCase();
  const body = lower.startsWith('bitcoincash:') ? lower.slice(12) : lower;
  if (!/^[qp][02-9ac-hj-np-z]{41}$/.test(body)) return null;
  const prefix = [...'bitcoincash'].map((ch) => ch.charCodeAt(0) & 31);
  const data = [...body].map((ch) => CASHADDR_CHARSET.indexOf(ch));
  const ok = cashPolymod([...prefix, 0, ...data]) === 0n;
  return { chain: 'BCH', valid: ok, check: ok ? 'checksum' : 'failed' };
}

/** Monero: base58 in 8-byte blocks (base58xmr); the last 4 bytes are Keccak-256 of the rest. */
function checkMonero(addr: string): AddressCheck | null {
  if (!/^[48][0-9AB][1-9A-HJ-NP-Za-km-z]{93}$/.test(addr)) return null;
  try {
    const bytes = base58xmr.decode(addr);
    if (bytes.length !== 69) return { chain: 'XMR', valid: false, check: 'failed' };
    const sum = keccak_256(bytes.slice(0, 65));
    const ok = sum[0] === bytes[65] && sum[1] === bytes[66] && sum[2] === bytes[67] && sum[3] === bytes[68];
    return { chain: 'XMR', valid: ok, check: ok ? 'checksum' : 'failed' };
  } catch {
    return null;
  }
}

/**
 * Solana: a 32-byte public key in base58 (43-44 characters); no checksum exists, so the bytes' length is
 * the check, and the finder takes one only where the text speaks of Solana (SOLANA_CONTEXT_RE).
 */
function checkSolana(addr: string): AddressCheck | null {
  if (!/^[1-9A-HJ-NP-Za-km-z]{43,44}$/.test(addr)) return null;
  try {
    return base58.decode(addr).length === 32 ? { chain: 'SOL', valid: true, check: 'format' } : null;
  } catch {
    return null;
  }
}
/** Words that make a 43-44 character base58 string a Solana address. */
const SOLANA_CONTEXT_RE = /\b(?:solana|sol|spl|phantom|raydium|jupiter|solscan|pump\.fun)\b/i;
/** Characters either side searched for SOLANA_CONTEXT_RE. */
const SOLANA_CONTEXT_CHARS = 400;

/** Validate one candidate string; null when it is not an address of any supported chain. */
export function checkAddress(s: string): AddressCheck | null {
  if (/^0x/i.test(s)) return s.length === 42 ? checkEthereum(s) : null;
  if (/^(bc1|tb1|ltc1)/i.test(s)) return checkBech32(s);
  if (/^(bitcoincash:)?[qp][02-9ac-hj-np-z]{41}$/i.test(s)) return checkCashAddr(s);
  if (s.length === 95) return checkMonero(s);
  if (s.length === 43 || s.length === 44) return checkSolana(s);
  if (s.startsWith('r')) {
    const x = checkXrp(s);
    if (x) return x;
  }
  return checkBase58(s);
}

const CANDIDATE_RE =
  /(?<![\p{L}\p{N}])(0x[0-9a-fA-F]{40}|(?:bc1|tb1|ltc1|BC1|LTC1)[02-9ac-hj-np-zAC-HJ-NP-Z]{8,87}|(?:bitcoincash:)?[qp][02-9ac-hj-np-z]{41}|[48][0-9AB][1-9A-HJ-NP-Za-km-z]{93}|[1-9A-HJ-NP-Za-km-z]{43,44}|[1-9A-HJ-NP-Za-km-z]{25,35})(?![\p{L}\p{N}])/gu;

/** Index of sanctioned addresses: EVM lower-cased, others as written. */
export function addressIndex(list: readonly KbAddress[]): Map<string, KbAddress> {
  const m = new Map<string, KbAddress>();
  for (const a of list) m.set(addressKey(a.address), a);
  return m;
}

/** One address found in a text: where, which chain, whether its checksum (or format) holds. */
export interface FoundAddress {
  text: string;
  start: number;
  end: number;
  chain: string;
  valid: boolean;
}

/**
 * Every crypto address in `text` (EVM, Bitcoin and its forks, Litecoin, Dogecoin/Verge, Dash, Zcash
 * transparent, Tron, XRP, Monero, Bitcoin Cash CashAddr, Solana), validated with the chain's encoding;
 * once `deadline` has expired, those found so far. The one address API (indicator extraction builds on it).
 */
export function scanAddresses(text: string, deadline: Deadline = NO_DEADLINE): FoundAddress[] {
  const out: FoundAddress[] = [];
  CANDIDATE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CANDIDATE_RE.exec(text)) !== null) {
    // a checksum costs more than a token: look at the clock more often
    if (deadline.step(8)) break;
    const s = m[1]!;
    // a base58 run with no digit or no capital is a long word, not an address
    if (!/^0x/i.test(s) && s.length <= 44 && !CASHADDR_RE.test(s) && (!/\d/.test(s) || !/[A-Z]/.test(s.slice(1)) && !/^(bc1|ltc1|tb1)/i.test(s))) continue;
    const check = checkAddress(s);
    if (!check) continue;
    if (check.chain === 'SOL' && !SOLANA_CONTEXT_RE.test(text.slice(Math.max(0, m.index - SOLANA_CONTEXT_CHARS), m.index + s.length + SOLANA_CONTEXT_CHARS))) continue;
    out.push({ text: s, start: m.index, end: m.index + s.length, chain: check.chain, valid: check.valid });
  }
  return out;
}

const CASHADDR_RE = /^(?:bitcoincash:)?[qp][02-9ac-hj-np-z]{41}$/;

/** OFAC's list names for the chains the checks report ("XBT" is Bitcoin). */
const LIST_CHAIN: Record<string, string> = { XBT: 'BTC' };

/** Addresses in `text`, checked and looked up in the sanctions list; once `deadline` has expired, those found so far. */
export function findAddresses(text: string, sanctioned: Map<string, KbAddress>, deadline: Deadline = NO_DEADLINE): AddressHit[] {
  return scanAddresses(text, deadline).map((a) => {
    const hit = sanctioned.get(addressKey(a.text));
    const listed = hit ? (LIST_CHAIN[hit.chain] ?? hit.chain) : a.chain;
    return {
      text: a.text,
      // the same encoding serves several chains (EVM chains, Dogecoin and Verge): the list says which
      chain: listed === a.chain ? a.chain : `${a.chain} (${hit!.chain} list)`,
      valid: a.valid,
      sanctioned: !!hit,
      start: a.start,
      end: a.end,
      ...(hit?.entity ? { designated: hit.entity } : {}),
    };
  });
}
