/**
 * The name finder's rules, in order. Each candidate name (a run of capitalised words the knowledge base
 * did not match) goes down the table; the first rule that decides it wins: `skip` (not a name of anyone
 * in the story), a type, or `defer` (ask compromise). Every rule carries its reason and the precision it
 * was measured at (`RULE_INFO`, dev half of articles-more + old corpus, `npm run -s eval`); the page marks
 * only names of rules measured at >= MARK_MIN_PRECISION (lib/engine/evidence.ts).
 */
import type { EntityType } from '../../shared/contract';
import { inIdiom } from '../entities';
import { AGE_AFTER_RE, AGE_BEFORE_RE, eastAsianName } from '../ner-cues';
import type { Token } from '../text';
import { BODY_WORDS, CAMEL_STOP, CONNECTORS, LEADING_TITLES, CAPTION_WORDS, COMMON_ACRONYMS, GOVERNMENT_WORDS, LEGAL_FORMS, STATE_BODY_WORDS, JARGON, KNOWN_ORGS, NOT_NAME, ORG_HEAD, ORG_KINDS, ORG_SUFFIX } from '../vocab';
import { FIRST_NAME_TAG, isBoilerplateLine, isDefinedAcronym, isTitleCaseLine, lexTag, plainNameTokens, type Candidate } from './candidates';
import { acronymAfter, spellsInitials } from './acronyms';
import { afterOwnerTitle } from './extend';
import { cuedType, describedKind, MALWARE_WORD_RE, PERSON_AFTER, PERSON_BEFORE, PERSON_CUE, PERSON_TITLES } from './cues';

export type RuleVerdict = { type: EntityType; rule: string; typed?: boolean } | 'skip' | 'defer' | null;

export interface RuleInput {
  text: string;
  c: Candidate;
  /** lower-case compact forms of the page's own site name and domain ("insidebitcoins", "techcrunch") */
  siteKeys: ReadonlySet<string>;
  /** the article's tokens and the knowledge base's spans */
  tokens: readonly Token[];
  covered: (start: number, end: number) => boolean;
}

export interface NameRule {
  id: string;
  reason: string;
  apply(x: RuleInput): RuleVerdict;
}

/**
 * What each rule (and each list or compromise step of ner.ts) is, and what it was measured at:
 * `dev` = [correct, reported] on the articles-more dev half (exhaustive lists, `npm run -s eval`);
 * `old` = [names on the list, reported] on the old corpus's 62 hand-checked lists, which are not
 * exhaustive (an unlisted name may be right), so it is a lower bound. A rule is `off` (reports nothing)
 * when it was measured clearly below what a reader should be shown; `offWhy` says what went wrong.
 * Figures of 2026-12-07, 20:20; the rules the evening's work changed re-measured at 23:30, those of 2026-12-08 at 02:15 (`npm run -s eval` prints them
 * per rule; off rules as measured while they were on).
 */
export interface RuleFigures {
  reason: string;
  dev: readonly [number, number];
  old: readonly [number, number];
  off?: true;
  offWhy?: string;
}

export const RULE_INFO: Record<string, RuleFigures> = {
  'credit-handle': { reason: 'a lower-case handle in a "Credit:" line names a researcher', dev: [0, 0], old: [3, 3] },
  'credit-line': { reason: 'an item of a "Credit:" / "Thanks to" line', dev: [0, 0], old: [28, 28] },
  'typed-list': { reason: 'an item of a list after a typed plural ("companies including A, B and C")', dev: [19, 19], old: [19, 22] },
  age: { reason: 'an age next to the name ("Jane Roe, 19 (Reno"; "28-year-old Jane Roe")', dev: [0, 0], old: [15, 15] },
  'known-org': { reason: 'a news agency, publisher, security firm or platform on the known-organisations list', dev: [31, 31], old: [55, 85] },
  'cue-malware-after': { reason: 'followed by a malware word ("X backdoor", "X stealer", "X RAT")', dev: [4, 4], old: [6, 8] },
  'cue-malware-before': { reason: 'a brand-shaped name after a malware word ("a backdoor called X")', dev: [0, 0], old: [2, 2] },
  'cue-malware-defined': { reason: 'defined as malware right after it ("X – C++ backdoor that ...", "X, an information stealer")', dev: [0, 0], old: [5, 5] },
  'cue-org-staff': { reason: 'followed by its plants or people ("Cadbury factories", "Coinbase customers")', dev: [1, 1], old: [0, 1] },
  'cue-vault': { reason: 'followed by its vaults ("Yearn\'s v1 yDAI vault", "Yearn v2/v3 vaults")', dev: [3, 3], old: [0, 0] },
  'cue-coin': { reason: 'after "the cryptocurrency", "the token", "a coin called"', dev: [2, 2], old: [0, 0] },
  'cue-actor': { reason: 'after "group known as", "gang calling itself", "the threat actor,"', dev: [1, 1], old: [6, 6] },
  'cue-exchange': { reason: 'next to "exchange" ("the X exchange", "crypto exchange X")', dev: [0, 0], old: [4, 7] },
  'cue-protocol': { reason: 'next to "protocol", "bridge", "DAO"...', dev: [2, 5], old: [4, 11], off: true, offWhy: 'dev 2 of 5: "LP", "Best Yield", a token typed as a protocol' },
  'cue-org-before': { reason: 'after "security firm", "researchers at", "according to"', dev: [10, 10], old: [4, 5] },
  'described-org': { reason: 'the article says what kind of organisation it is ("pharmaceutical giant Merck", "Marquis, a technology company")', dev: [12, 12], old: [5, 11] },
  'cue-org-after': { reason: 'followed by "\'s CEO", "researchers", "confirmed"', dev: [2, 3], old: [2, 3], off: true, offWhy: 'dev 2 of 3: a person typed as an organisation ("Steve Long\'s")' },
  'brand-word': { reason: 'one camel-case brand word ("PeckShield")', dev: [9, 27], old: [20, 34], off: true, offWhy: 'dev 9 of 27: code identifiers, product and people names, malware typed as firms' },
  operation: { reason: '"Operation X": a named operation', dev: [0, 0], old: [3, 4] },
  'institution-of': { reason: '"<institution> of <place or field>" ("Ministry of State Security")', dev: [8, 8], old: [6, 29] },
  'org-suffix': { reason: 'ends in an organisation word ("... Labs", "... Bank")', dev: [20, 20], old: [19, 68] },
  'defined-acronym': { reason: 'a name defined with its acronym that names a body ("the Korea Financial Intelligence Unit (KoFIU)")', dev: [5, 6], old: [7, 10] },
  'recurring-name': { reason: 'a word that is no English word, capitalised mid-sentence three times or more ("Conduent")', dev: [1, 3], old: [2, 7], off: true, offWhy: 'dev 1 of 3, old 2 of 7: tickers ("WBNB"), products, foreign words, demonyms' },
  'state-service': { reason: 'a "<National, Federal or nationality> ... Service" ("National Health Service", "Federal Security Service")', dev: [2, 2], old: [0, 1] },
  'title-person': { reason: 'a two- or three-word name after a title ("Dr.", "Judge", "CEO")', dev: [8, 8], old: [10, 22] },
  'east-asian-name': { reason: 'the shape of a Korean or Chinese personal name', dev: [2, 2], old: [8, 8] },
  'first-name': { reason: 'a given name from compromise\'s lexicon, then a surname', dev: [26, 26], old: [17, 29] },
  'person-cue': { reason: 'right next to "said", "pleaded", ", a 34-year-old"...', dev: [7, 7], old: [7, 8] },
  'compromise-person': { reason: 'compromise reads it as a person (two or three words with a little context)', dev: [4, 4], old: [1, 3] },
  'compromise-org': { reason: 'compromise reads it as an organisation', dev: [2, 3], old: [0, 3], off: true, offWhy: 'dev 2 of 3, old 0 of 3 on the lists' },
  'quoted-person': { reason: 'followed by "said", "told"', dev: [0, 0], old: [0, 1] },
  'unknown-pair': { reason: 'two words compromise does not know, mid-sentence', dev: [0, 8], old: [4, 20], off: true, offWhy: 'dev 0 of 8: products ("Windows Server"), newspapers, TV shows read as people' },
};

/** A rule's precision over both sets (the old corpus's unlisted names counted as errors: a lower bound), and its cases. */
export function rulePrecision(id: string): { precision: number | null; cases: number } {
  const r = RULE_INFO[id];
  if (!r) return { precision: null, cases: 0 };
  const cases = r.dev[1] + r.old[1];
  return { precision: cases ? (r.dev[0] + r.old[0]) / cases : null, cases };
}

/** A single word that is a derivative token's ticker ("stETH", "wstETH", "cbBTC"): a token, not a firm. */
const DERIVATIVE_TICKER = /^\p{Ll}{1,4}\p{Lu}{2,6}$/u;
/** An identifier from code or a URL ("setMin", "KXI5efMo5L"): not a name. */
function identifierShaped(w: string): boolean {
  if (/^\p{Ll}+\p{Lu}/u.test(w) && !DERIVATIVE_TICKER.test(w) && w.length > 5) return true;
  // three or more switches between lower and upper case or digits in one word
  let switches = 0;
  for (let k = 1; k < w.length; k++) {
    const a = w[k - 1]!;
    const b = w[k]!;
    const kind = (ch: string): number => (/\p{Lu}/u.test(ch) ? 1 : /\p{N}/u.test(ch) ? 2 : 0);
    if (kind(a) !== kind(b)) switches++;
  }
  return switches >= 4 && /\p{N}/u.test(w);
}
/** "Micros0ft", "Payp4l": a word spelt with digits for letters is a lookalike (a lure), not the name. */
function lookalike(w: string): boolean {
  if (!/\p{L}[013457]\p{L}/u.test(w) || !/^\p{L}/u.test(w)) return false;
  const plain = w.replace(/0/g, 'o').replace(/1/g, 'l').replace(/3/g, 'e').replace(/4/g, 'a').replace(/5/g, 's').replace(/7/g, 't').toLowerCase();
  return !!lexTag(plain) || KNOWN_ORGS.has(plain);
}
/** The line starts with a caption or credit word and a colon ("Source: X", "Image: X", "Photo by X"). */
function captionLine(text: string, c: Candidate): boolean {
  // the line start within 120 characters before the name, looked for in that window only (linear overall)
  const win = text.slice(Math.max(0, c.start - 120), c.start);
  const k = win.lastIndexOf('\n');
  if (k < 0 && c.start > 120) return false;
  const lineStart = c.start - win.length + k + 1;
  const head = /^[\s_*([]*([A-Za-z][A-Za-z ]{1,20}?)\s*(?::|\bby\b|\bcredit\b)/i.exec(text.slice(lineStart, c.start + 1));
  return !!head && CAPTION_WORDS.has(head[1]!.toLowerCase().trim());
}
/** "By Jane Roe" at a line start, "Reporting by", "Written by": the article's own byline. */
export const BYLINE_BEFORE = /(?:^|\n)[\s_*]*(?:(?:written|reporting|reported|edited|words|story|text) by|by|author:?)\s+$/i;
/** "Jane Roe is the security editor at X", "Jane Roe covers crypto for X": the author's bio line. */
export const AUTHOR_BIO_AFTER = /^\s+(?:is|was|has been)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?:editor|reporter|writer|correspondent|journalist|contributor|columnist|producer)\b|^\s+covers\s/i;
/** "you can contact Jane Roe securely on Signal": the author's contact line. */
export const CONTACT_BEFORE = /\bcontact\s+$/i;
/** "(Photo: Jane Roe/Getty)", "AFP via Getty Images", "/ Reuters": a credit after a slash or "via". */
const CREDIT_NEAR = /^\s*(?:\/|via\s+Getty|for\s+Getty)/i;
/**
 * A wire or source credit in parentheses: "... far between. – (Bloomberg)" ending a paragraph, or a
 * dateline "LONDON (Reuters) -". The name alone in parentheses, with a dash or a line end right after
 * the ")" (or a dash right before the "("); "(BitoPro)." inside a sentence is not one.
 */
function wireCredit(text: string, c: Candidate): boolean {
  const before = text.slice(Math.max(0, c.start - 4), c.start);
  const after = text.slice(c.end, c.end + 4);
  if (!/\(\s*$/.test(before) || !/^\s*\)/.test(after)) return false;
  return /^\s*\)\s*(?:$|\n|[-–—])/.test(after) || /[-–—]\s*\(\s*$/.test(before);
}
/** Single words that name no one in the story: a nationality or a country as a bare word ("Taiwanese exchange", "Canada"), an honorific or initial ("Lt", "U"). */
function bareNonName(w: string): boolean {
  if (/^\p{Lu}$/u.test(w)) return true;
  return /(?:^|,)(?:Demonym|Country|Honorific)(?:,|$)/.test(lexTag(w));
}

function compact(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Is `name` the page's own site (masthead, domain)? */
function isSiteName(name: string, siteKeys: ReadonlySet<string>): boolean {
  const k = compact(name);
  return k.length >= 3 && siteKeys.has(k);
}

const tagOf = (t: Token): string => lexTag(t.text);
/** compromise's tags of a single word that names no organisation. */
const NOT_AN_ORG_WORD = /(?:^|,)(?:Date|Month|WeekDay|Pronoun|Determiner|Preposition|Conjunction|Adverb|Demonym|Country|City|Place|Region|Honorific)(?:,|$)/;

/** "National Cyber Security Centre", "Australian Cyber Security Centre": a state's body, an agency. */
function stateBody(toks: readonly Token[]): boolean {
  const first = toks[0]!;
  const national = first.norm === 'national' || first.norm === 'federal' || /(?:^|,)(?:Demonym|Country)(?:,|$)/.test(tagOf(first));
  return toks.length >= 3 && national && STATE_BODY_WORDS.has(toks[toks.length - 1]!.norm);
}

/** Leading-title words that name an organisation or a qualifier, not a person's title ("FBI", "Former"). */
const NOT_A_TITLE_END = new Set(['us', 'fbi', 'doj', 'former', 'acting', 'special', 'district', 'deputy', 'assistant', 'executive', 'chief']);

/** A health service is a provider of care, not an agency ("National Health Service"). */
const HEALTH_WORD = /^(?:health|healthcare|medical|hospital|hospitals|ambulance)$/;

/** DeFi words: a "<name> Finance" among them is a protocol. */
const DEFI_NEAR = /\b(?:defi|protocol|lending|liquidity|vaults?|pools?|yield|flash loans?|smart contracts?|tokens?|stablecoins?)\b/i;

/**
 * A term of art defined with a common acronym, in either order: "SOC (Security Operation Center)",
 * "Endpoint Detection and Response (EDR)". The acronym is jargon, so its expansion names no one.
 */
function jargonExpansion(text: string, c: Candidate): boolean {
  const before = /\b(\p{Lu}[\p{L}\p{N}]{1,9})\s*\(\s*$/u.exec(text.slice(Math.max(0, c.start - 14), c.start))?.[1];
  const after = /^\s*\(\s*(\p{Lu}[\p{L}\p{N}]{1,9})\s*\)/u.exec(text.slice(c.end, c.end + 14))?.[1];
  const acro = before && /^\s*\)/.test(text.slice(c.end, c.end + 3)) ? before : after;
  return !!acro && (COMMON_ACRONYMS.has(acro) || JARGON.has(acro.toLowerCase())) && spellsInitials(c.name, acro.replace(/s$/, ''));
}

export const NAME_RULES: readonly NameRule[] = [
  {
    id: 'not-a-name',
    reason: 'promotion and navigation lines, captions, bylines, the site\'s own name, jargon, tickers, identifiers, lookalikes',
    apply({ text, c, siteKeys, tokens, covered }) {
      const toks = c.tokens;
      const last = toks[toks.length - 1]!;
      if (isBoilerplateLine(text, c.start) || inIdiom(text, c.start, c.end)) return 'skip';
      // the rest of a longer name the knowledge base matched in part ("Google Threat Intelligence Group")
      const prev = tokens[c.tokenStart - 1];
      if (prev && /^(?: |[’']s )$/.test(text.slice(prev.end, c.start)) && /^\p{Lu}/u.test(prev.text) && covered(prev.start, prev.end)) return 'skip';
      // "Google's Threat Intelligence Group": a unit named after its organisation's possessive; alone, its words
      // name no one ("BlockSec's Yajin Zhou" is a person, named in full)
      const owner = prev?.text === 's' && text.slice(prev.end, c.start) === ' ' ? tokens[c.tokenStart - 2] : undefined;
      if (owner && toks.length >= 2 && (ORG_SUFFIX.has(last.norm) || BODY_WORDS.has(last.norm)) && /^[’']$/.test(text.slice(owner.end, prev!.start)) && (KNOWN_ORGS.has(owner.norm) || /(?:^|,)(?:Organization|Company)(?:,|$)/.test(tagOf(owner)))) return 'skip';
      // a run of shouted words ("CONNECT YOUR WALLET") is a button or a headline, not a name
      if (toks.length >= 2 && toks.every((t) => /^\p{Lu}{2,}$/u.test(t.text)) && toks.filter((t) => t.text.length >= 5).length >= 2) return 'skip';
      if (isSiteName(c.name, siteKeys)) return 'skip';
      if (toks.length === 1) {
        const w = last.text;
        if (JARGON.has(w.toLowerCase()) || DERIVATIVE_TICKER.test(w) || identifierShaped(w) || lookalike(w)) return 'skip';
        // plural acronyms ("IBMs", "ICBMs") and acronyms defined in place are not organisations
        if (/^\p{Lu}{2,}s$/u.test(w)) return 'skip';
        if (/^\p{Lu}{2,}$/u.test(w) && isDefinedAcronym(text, c)) return 'skip';
        if (bareNonName(w)) return 'skip';
      }
      if (/^\p{Lu}{2,}s?$/u.test(last.text) && isDefinedAcronym(text, c)) return 'skip';
      if (jargonExpansion(text, c)) return 'skip';
      if (wireCredit(text, c) || captionLine(text, c) || BYLINE_BEFORE.test(text.slice(Math.max(0, c.start - 30), c.start)) || CREDIT_NEAR.test(text.slice(c.end, c.end + 16))) return 'skip';
      return null;
    },
  },
  {
    id: 'age',
    reason: RULE_INFO.age!.reason,
    apply({ text, c }) {
      const n = c.tokens.length;
      if (n >= 2 && n <= 4 && plainNameTokens(c.tokens) && (AGE_AFTER_RE.test(text.slice(c.end, c.end + 24)) || AGE_BEFORE_RE.test(text.slice(Math.max(0, c.start - 16), c.start)))) return { type: 'person', rule: 'age' };
      return null;
    },
  },
  {
    id: 'headline',
    reason: 'a line in Title Case (a headline): its capitals say nothing about names',
    apply({ text, c }) {
      const lower = c.name.toLowerCase().replace(/[’']s$/, '');
      return isTitleCaseLine(text, c.start) && !KNOWN_ORGS.has(lower) ? 'skip' : null;
    },
  },
  {
    id: 'known-org',
    reason: RULE_INFO['known-org']!.reason,
    apply({ text, c }) {
      const lower = c.name.toLowerCase().replace(/[’']s$/, '');
      const withThe = /\bthe\s+$/i.test(text.slice(Math.max(0, c.start - 4), c.start)) ? `the ${lower}` : lower;
      return KNOWN_ORGS.has(lower) || KNOWN_ORGS.has(withThe) ? { type: 'organization', rule: 'known-org' } : null;
    },
  },
  {
    id: 'cue',
    reason: 'the words right around the name say what it is',
    apply({ text, c }) {
      const cued = cuedType(text, c);
      // a cue measured too imprecise to report (RULE_INFO: off) decides nothing: the later rules may
      if (!cued || RULE_INFO[cued.rule]?.off) return null;
      return { type: cued.type, rule: cued.rule, typed: cued.type !== 'organization' };
    },
  },
  {
    id: 'described-org',
    reason: RULE_INFO['described-org']!.reason,
    apply({ text, c }) {
      if (c.tokens.length > 3) return null;
      // "the firm Monday", "the company Canada": a date or a place is no organisation's name
      if (c.tokens.length === 1 && NOT_AN_ORG_WORD.test(lexTag(c.tokens[0]!.text))) return null;
      const kind = describedKind(text, c, ORG_KINDS);
      return kind ? { type: kind, rule: 'described-org', typed: true } : null;
    },
  },
  {
    id: 'defined-acronym',
    reason: RULE_INFO['defined-acronym']!.reason,
    apply({ text, c }) {
      const toks = c.tokens;
      if (toks.length < 2) return null;
      const acro = acronymAfter(text, c.end, c.name);
      if (!acro || COMMON_ACRONYMS.has(acro) || JARGON.has(acro.toLowerCase())) return null;
      // a body of people ("... Unit", "... Alliance", "... Commission"), not a term of art ("Know Your Customer (KYC)")
      if (!toks.some((t) => ORG_SUFFIX.has(t.norm) || GOVERNMENT_WORDS.has(t.norm) || BODY_WORDS.has(t.norm))) return null;
      const last = toks[toks.length - 1]!.norm;
      const gov = (GOVERNMENT_WORDS.has(last) && last !== 'office') || (GOVERNMENT_WORDS.has(toks[0]!.norm) && !toks.some((t) => t.norm === 'bank')) || stateBody(toks);
      return { type: gov ? 'agency' : 'organization', rule: 'defined-acronym', typed: gov };
    },
  },
  {
    id: 'brand-word',
    reason: RULE_INFO['brand-word']!.reason,
    apply({ text, c }) {
      const toks = c.tokens;
      const w = toks[0]!.text;
      if (toks.length !== 1 || COMMON_ACRONYMS.has(w) || CAMEL_STOP.has(toks[0]!.norm)) return null;
      if (!(/\p{Ll}\p{Lu}/u.test(w) && w.length >= 4 && /^\p{Lu}/u.test(w))) return null;
      const near = text.slice(Math.max(0, c.start - 120), Math.min(text.length, c.end + 120));
      const type: EntityType = MALWARE_WORD_RE.test(near) && !/exchange/i.test(near) ? 'malware' : /\bexchange/i.test(near) ? 'exchange' : 'organization';
      return { type, rule: 'brand-word', typed: true };
    },
  },
  {
    id: 'operation',
    reason: RULE_INFO.operation!.reason,
    apply({ c }) {
      const n = c.tokens.length;
      return n >= 2 && n <= 4 && c.tokens[0]!.text === 'Operation' ? { type: 'incident', rule: 'operation', typed: true } : null;
    },
  },
  {
    id: 'institution-of',
    reason: RULE_INFO['institution-of']!.reason,
    apply({ c }) {
      // "the Mayor’s Office of Information Technology": an office of a public title is a government body
      const owned = afterOwnerTitle(c.tokens);
      if (owned && ORG_HEAD.has(owned[0]!.norm)) return { type: 'agency', rule: 'institution-of', typed: true };
      // "Colorado Department of Transportation": a place's name may stand before the institution
      const toks = c.tokens.length >= 4 && /Place|City|Region|Country/.test(tagOf(c.tokens[0]!)) && ORG_HEAD.has(c.tokens[1]!.norm) && c.tokens[2]!.norm === 'of' ? c.tokens.slice(1) : c.tokens;
      if (toks.length < 3 || !ORG_HEAD.has(toks[0]!.norm) || !/\bof\b/.test(c.name)) return null;
      // "Ministry of State Security", "City of Atlanta": a government body; "Federal Reserve Bank of New York" is a bank
      const gov = GOVERNMENT_WORDS.has(toks[0]!.norm) && !toks.some((t) => t.norm === 'bank' || t.norm === 'reserve');
      return { type: gov ? 'agency' : 'organization', rule: 'institution-of', typed: gov };
    },
  },
  {
    id: 'org-suffix',
    reason: RULE_INFO['org-suffix']!.reason,
    apply({ text, c }) {
      const toks = c.tokens;
      const last = toks[toks.length - 1]!;
      if (toks.length < 2 || !ORG_SUFFIX.has(last.norm) || (toks.length === 2 && NOT_NAME.has(toks[0]!.norm))) return null;
      // "Company Limited", "Police Department": organisation words alone name no one
      if (toks.every((t) => ORG_SUFFIX.has(t.norm) || LEGAL_FORMS.has(t.norm) || GOVERNMENT_WORDS.has(t.norm))) return 'skip';
      const gov = (GOVERNMENT_WORDS.has(last.norm) && last.norm !== 'office') || stateBody(toks);
      // "Idle Finance", "Cream Finance": a short "<name> Finance" among DeFi words is a protocol
      if (last.norm === 'finance' && toks.length <= 3 && !ORG_HEAD.has(toks[0]!.norm) && DEFI_NEAR.test(text.slice(Math.max(0, c.start - 200), Math.min(text.length, c.end + 200))))
        return { type: 'protocol', rule: 'org-suffix', typed: true };
      return { type: gov ? 'agency' : 'organization', rule: 'org-suffix', typed: gov };
    },
  },
  {
    id: 'state-service',
    reason: RULE_INFO['state-service']!.reason,
    apply({ text, c }) {
      // "National Health Service": "Service" ends generic phrases and products ("Denial of Service", "Remote Desktop
      // Service"), not after "National", "Federal" or a nationality; a health service is a provider, the others agencies
      const toks = c.tokens;
      if (toks[toks.length - 1]!.norm !== 'service' || !stateBody(toks) || toks.some((t) => CONNECTORS.has(t.norm))) return null;
      // "the National Customer Service team": a modifier of the noun after it, not a name
      const next = /^ (\p{Ll}+)/u.exec(text.slice(c.end, c.end + 30))?.[1];
      if (next && /^(?:Singular|Plural)$/.test(lexTag(next))) return null;
      return toks.some((t) => HEALTH_WORD.test(t.norm)) ? { type: 'organization', rule: 'state-service' } : { type: 'agency', rule: 'state-service', typed: true };
    },
  },
  {
    id: 'title-person',
    reason: RULE_INFO['title-person']!.reason,
    apply({ text, c, tokens }) {
      const n = c.tokens.length;
      if (n < 2 || n > 3) return null;
      if (PERSON_TITLES.test(text.slice(Math.max(0, c.start - 24), c.start))) return { type: 'person', rule: 'title-person' };
      // "Chief Executive Officer Marek Dolinski": the capitalised title the candidate finder took off the name
      const prev = tokens[c.tokenStart - 1];
      // "General" ends a title only after another ("Attorney General X"; not "General Data Protection Regulation")
      const before2 = tokens[c.tokenStart - 2];
      const general = prev?.norm !== 'general' || (!!before2 && LEADING_TITLES.has(before2.norm));
      const titled = !!prev && general && /^\p{Lu}/u.test(prev.text) && LEADING_TITLES.has(prev.norm) && !NOT_A_TITLE_END.has(prev.norm) && /^\.? $/.test(text.slice(prev.end, c.start));
      return titled && plainNameTokens(c.tokens) ? { type: 'person', rule: 'title-person' } : null;
    },
  },
  {
    id: 'person-shape',
    reason: 'two to four plain Title Case words: an East Asian name shape, a known given name, or a person cue',
    apply({ text, c }) {
      // "U Tin Maung", "U Thant": a one-letter honorific or initial without a full stop starts a name
      const initialFirst = c.tokens.length >= 3 && /^\p{Lu}$/u.test(c.tokens[0]!.text) && text[c.tokens[0]!.end] !== '.';
      const toks = initialFirst ? c.tokens.slice(1) : c.tokens;
      if (toks.length < 2 || toks.length > 4 || !plainNameTokens(toks)) return null;
      const last = toks[toks.length - 1]!;
      if (eastAsianName(toks.map((t) => t.text)) && !toks.some((t) => /Place|Country|City|Region/.test(tagOf(t)))) return { type: 'person', rule: 'east-asian-name' };
      // a hyphenated surname ("Bankman-Fried") is a name whatever its parts mean
      const hyphenated = toks.length >= 3 && text[toks[toks.length - 2]!.end] === '-';
      const lastTag = hyphenated ? '' : tagOf(last);
      if (FIRST_NAME_TAG.test(tagOf(toks[0]!)) && (!lastTag || /LastName|Person/.test(lastTag)) && !ORG_SUFFIX.has(last.norm)) return { type: 'person', rule: 'first-name' };
      const place = toks.some((t) => /Place|Country|City|Region|Organization|Company/.test(tagOf(t)));
      if (!place && !ORG_SUFFIX.has(last.norm) && (PERSON_AFTER.test(text.slice(c.end, c.end + 40)) || PERSON_BEFORE.test(text.slice(Math.max(0, c.start - 30), c.start)))) return { type: 'person', rule: 'person-cue' };
      // "Mat-Su": one hyphenated word is no given name and surname; compromise is not asked
      if (!/\s/.test(c.name)) return null;
      const ctx = text.slice(Math.max(0, c.start - 60), Math.min(text.length, c.end + 60));
      return PERSON_CUE.test(ctx) || toks.length >= 2 ? 'defer' : null;
    },
  },
];

/** The first verdict of the table for one candidate. */
export function decide(x: RuleInput): RuleVerdict {
  for (const r of NAME_RULES) {
    const v = r.apply(x);
    if (v) return v;
  }
  return null;
}
