/**
 * The full decision: is this text a crypto-security article? A transparent points model over topic
 * vocabularies (lexicon.ts) and knowledge-base hits, squashed to 0..1, with the notes users see (as codes and
 * counts, worded where shown: lib/shared/reasons.ts `analysisNotes`).
 *
 * Three ways in, matching the label policy:
 *   1. crypto + security: crypto vocabulary and theft/attack/crime vocabulary, both substantial;
 *   2. North Korean cyber operations: DPRK names together with cyber vocabulary;
 *   3. ransomware operations: ransomware vocabulary that carries the story, not a passing mention.
 */
import type { Detection, EntityType } from '../shared/contract';
import type { DetectNote } from '../shared/reason-codes';
import { countWords } from './text';
import {
  CRYPTO_TERMS,
  CYBER_TERMS,
  DEFI_TERMS,
  DPRK_AMBIGUOUS_OPS_TERMS,
  DPRK_OPS_TERMS,
  DPRK_TERMS,
  IT_WORKER_TERMS,
  RANSOM_SIGN_TERMS,
  RANSOMWARE_TERMS,
  SECURITY_TERMS,
  TICKER_TERMS,
  countMatches,
  distinctMatches,
} from './lexicon';

export interface DetectInput {
  text: string;
  title?: string | null;
  /** entity types found by the KB matcher, with mention counts */
  kbTypes?: Partial<Record<EntityType, number>>;
  /** names of KB entities found (for reasons) */
  kbNames?: string[];
  /** stolen/laundered amounts found */
  stolenAmounts?: number;
  /** amounts in a cryptocurrency ("401,000 ETH") */
  cryptoAmounts?: number;
}

export interface DetectFeatures {
  words: number;
  crypto: number;
  cryptoDistinct: number;
  security: number;
  securityDistinct: number;
  defi: number;
  dprk: number;
  dprkOps: number;
  /** IT-worker scheme words (the cyber side of a North Korea story) */
  itWorkers: number;
  ransomware: number;
  /** ransom paid or demanded, files encrypted, systems locked (RANSOM_SIGN_TERMS) */
  ransomSigns: number;
  cyber: number;
  titleCrypto: number;
  titleSecurity: number;
  titleDprk: number;
  titleRansomware: number;
  kbStrong: number;
  kbCrypto: number;
  kbIncident: number;
  kbActor: number;
}

/** Score at or above which the page is reported as a crypto-security article. */
const DETECT_THRESHOLD = 0.5;
/** Words per "unit" when turning counts into densities: a 1,000-word article is the reference length. */
const REFERENCE_WORDS = 1000;
/** Below this many words a text is too short to judge on vocabulary alone. */
const MIN_WORDS = 60;
/** Fewer distinct crypto words than this is a passing mention ("tokens", "ledger"), not a crypto angle for a North Korea story. */
const DPRK_MIN_CRYPTO_DISTINCT = 2;
/** Known names a note lists, at most. */
const NOTE_NAMES = 5;
/** A title about a ransom or a network held hostage ("Hospital pays $17,000 ransom to hackers"). */
const RANSOM_TITLE_RE = /\b(?:ransoms?|hostage)\b/i;

export function features(input: DetectInput): DetectFeatures {
  const { text } = input;
  const title = input.title ?? '';
  const kb = input.kbTypes ?? {};
  return {
    words: countWords(text),
    crypto: countMatches(CRYPTO_TERMS, text) + countMatches(TICKER_TERMS, text),
    cryptoDistinct: distinctMatches(CRYPTO_TERMS, text).size + distinctMatches(TICKER_TERMS, text).size,
    security: countMatches(SECURITY_TERMS, text),
    securityDistinct: distinctMatches(SECURITY_TERMS, text).size,
    defi: countMatches(DEFI_TERMS, text),
    dprk: countMatches(DPRK_TERMS, text) + countMatches(DPRK_AMBIGUOUS_OPS_TERMS, text),
    dprkOps: countMatches(DPRK_OPS_TERMS, text),
    itWorkers: countMatches(IT_WORKER_TERMS, text),
    ransomware: countMatches(RANSOMWARE_TERMS, text),
    ransomSigns: countMatches(RANSOM_SIGN_TERMS, text),
    cyber: countMatches(CYBER_TERMS, text),
    titleCrypto: countMatches(CRYPTO_TERMS, title) + countMatches(TICKER_TERMS, title),
    titleSecurity: countMatches(SECURITY_TERMS, title),
    titleDprk: countMatches(DPRK_TERMS, title) + countMatches(DPRK_OPS_TERMS, title),
    titleRansomware: countMatches(RANSOMWARE_TERMS, title) + (RANSOM_TITLE_RE.test(title) ? 1 : 0),
    kbStrong: (kb['threat-actor'] ?? 0) + (kb.mixer ?? 0) + (kb.incident ?? 0) + (kb.malware ?? 0),
    kbCrypto: (kb.exchange ?? 0) + (kb.protocol ?? 0) + (kb.mixer ?? 0) + (kb.cryptocurrency ?? 0),
    kbIncident: kb.incident ?? 0,
    kbActor: kb['threat-actor'] ?? 0,
  };
}

function sat(x: number, half: number): number {
  // 0 at 0, 0.5 at `half`, approaching 1
  return x <= 0 ? 0 : x / (x + half);
}

/** The decision, its score, its notes (codes and counts) and the features it rests on. */
export function detect(input: DetectInput): Omit<Detection, 'reasons'> & { notes: DetectNote[]; features: DetectFeatures } {
  const f = features(input);
  const notes: DetectNote[] = [];
  const scale = Math.max(f.words, 200) / REFERENCE_WORDS;

  // 1. crypto + security. DeFi mechanics count half; amounts in crypto and KB crypto names count too.
  const cryptoEvidence = f.crypto + f.defi * 0.5 + (input.cryptoAmounts ?? 0) * 2 + f.kbCrypto;
  const cryptoD = cryptoEvidence / scale;
  const cryptoPart = sat(cryptoD, 8) * sat(f.cryptoDistinct + (f.defi ? 1 : 0) + (input.cryptoAmounts ? 1 : 0), 2) + (f.titleCrypto ? 0.25 : 0);
  const secEvidence = f.security + f.kbIncident * 2 + f.kbActor;
  const secD = secEvidence / scale;
  const secPart = sat(secD, 8) * sat(f.securityDistinct, 2.5) + (f.titleSecurity ? 0.3 : 0);
  const amountBoost = input.stolenAmounts ? 0.1 : 0;
  const cryptoSec = Math.min(1, Math.min(cryptoPart, secPart) * 1.45 + amountBoost);

  // 2. DPRK cyber: named operations (Lazarus Group, Kimsuky) count on their own; the country, and group names
  // that are also other things, need cyber or crypto words or the IT-worker schemes' words beside them (a
  // missile launch or a summit is not in scope).
  const dprkPart = sat(f.dprk + f.dprkOps * 2, 2) + (f.titleDprk ? 0.3 : 0);
  const cryptoAngle = f.cryptoDistinct >= DPRK_MIN_CRYPTO_DISTINCT ? f.crypto : 0;
  const cyberPart = Math.max(sat(f.cyber + cryptoAngle + f.kbActor + f.itWorkers, 4), sat(f.dprkOps, 1.5));
  const dprk = Math.min(1, Math.min(dprkPart, cyberPart) * 1.3);

  // 3. ransomware as the story. The signs of an attack (a ransom, encrypted files, systems locked) count at
  // half weight, and only beside cyber vocabulary: a kidnapping is also held for ransom.
  const ransomEvidence = f.ransomware + (f.cyber > 0 ? f.ransomSigns * 0.5 : 0);
  const ransomD = ransomEvidence / scale;
  const titleRansom = f.titleRansomware && (f.ransomware > 0 || f.cyber > 0) ? 0.35 : 0;
  const ransom = Math.min(1, sat(ransomD, 4) * sat(ransomEvidence, 2.5) * 1.6 + titleRansom);

  let score = Math.max(cryptoSec, dprk, ransom);
  if (f.kbStrong > 0 && score > 0.3) score = Math.min(1, score + 0.05);
  if (f.words < MIN_WORDS) score *= f.words / MIN_WORDS;
  score = Math.round(score * 1000) / 1000;

  if (cryptoSec >= 0.3) notes.push({ code: 'cryptoSecurity', params: [f.crypto, f.security] });
  if (dprk >= 0.3) notes.push({ code: 'dprk', params: [f.dprk + f.dprkOps] });
  if (ransom >= 0.3) notes.push({ code: 'ransomware', params: [f.ransomware, f.ransomSigns] });
  if (input.kbNames?.length) notes.push({ code: 'knownNames', params: input.kbNames.slice(0, NOTE_NAMES) });
  if (input.stolenAmounts) notes.push({ code: 'stolenAmounts', params: [input.stolenAmounts] });
  if (f.titleSecurity || f.titleDprk || f.titleRansomware) notes.push({ code: 'titleAttack' });
  if (score < DETECT_THRESHOLD && !notes.length) notes.push({ code: 'noTopic' });
  return { detected: score >= DETECT_THRESHOLD, score, notes, features: f };
}
