/**
 * The engine's word lists, one per concept, as data (issue 19): each JSON file here says what its words
 * are for (`about`) and holds them in lower case unless it says otherwise. Code reads them only through
 * this module, so a concept has one definition. `test/unit/engine/vocab.test.ts` checks the files' shape.
 */
import accountWords from './account-words.json';
import bodyWords from './body-words.json';
import captionWords from './caption-words.json';
import commonAcronyms from './common-acronyms.json';
import governmentWords from './government-words.json';
import idioms from './idioms.json';
import institutionHeads from './institution-heads.json';
import jargon from './jargon.json';
import jurisdictionContext from './jurisdiction-context.json';
import legalForms from './legal-forms.json';
import leadingTitles from './leading-titles.json';
import nameConnectors from './name-connectors.json';
import notNames from './not-names.json';
import orgKinds from './org-kinds.json';
import orgSuffixes from './org-suffixes.json';
import productWords from './product-words.json';
import roleWords from './role-words.json';
import stateBodyWords from './state-body-words.json';
import titleQualifiers from './title-qualifiers.json';
import topical from './topical.json';
// the organisation hints are knowledge-base data with sources (lib/kb/data/hints/), compiled by npm run kb:build
import knownOrgs from '../../kb/compiled/org-hints.json';

export interface WordList {
  about: string;
  words: string[];
}

const set = (l: WordList): ReadonlySet<string> => new Set(l.words);

/** Nouns for a kind of organisation ("shipping firm FedEx", "Marquis, a technology company"). */
export const ORG_KINDS = set(orgKinds);
/** Last words of an organisation's name. */
export const ORG_SUFFIX = set(orgSuffixes);
/** A company's legal form ("Inc", "Ltd", "Limited"). */
export const LEGAL_FORMS = set(legalForms);
/** News agencies, publishers, security and analytics firms and platforms that stories cite. */
export const KNOWN_ORGS = set(knownOrgs);
/** Capitalised words that are not names on their own. */
export const NOT_NAME = set(notNames);
/** First words of an institution's name written as "<head> of <place or field>". */
export const ORG_HEAD = set(institutionHeads);
export const ROLE_WORDS = set(roleWords);
export const LEADING_TITLES = set(leadingTitles);
/** Words that open a title only before a title word ("Prime Minister", "Vice President"). */
export const TITLE_QUALIFIERS = set(titleQualifiers);
export const CONNECTORS = set(nameConnectors);
/** As written (case-sensitive). */
export const COMMON_ACRONYMS = set(commonAcronyms);
/** Brand-shaped words that are products and technologies, not actors or victims. */
export const CAMEL_STOP = set(productWords);
export const CREDIT_ORG_WORDS = set(accountWords);
/** Jargon that looks like a brand ("DeFi", "OpSec", "MultiSig", "IoCs"). */
export const JARGON = set(jargon);
/** First words of caption and credit lines ("Source:", "Image:"). */
export const CAPTION_WORDS = set(captionWords);
/** Idioms built on a name ("trojan horse", "robin hood"). */
export const IDIOMS: readonly string[] = idioms.phrases;

/** Words that make a name defined with its acronym a body of people, not a term of art. */
export const BODY_WORDS = set(bodyWords);

/** Last words of a state body's name after "National", "Federal" or a country ("National Cyber Security Centre"). */
export const STATE_BODY_WORDS = set(stateBodyWords);

/** Words that make an institution a government body ("... Police Department", "Ministry of ..."). */
export const GOVERNMENT_WORDS = set(governmentWords);

/** Crypto and security words that make an ordinary-looking name plausible nearby (whole words). */
export const TOPICAL_WORDS: readonly string[] = topical.words;

/** A regular expression matching any of `words` as whole words (case-insensitive; no `g` flag, so `test` keeps no state). */
export function wholeWordsRe(words: readonly string[]): RegExp {
  const alts = [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[ -]/g, '[\\s-]?'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alts.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
}

/** Words that make a country a sanctioned jurisdiction of the story (sanctions, a state behind attacks). */
export const JURISDICTION_CONTEXT_WORDS: readonly string[] = jurisdictionContext.words;

/** Every list, for the shape test. */
export const ALL_LISTS: Record<string, WordList> = {
  'account-words': accountWords,
  'caption-words': captionWords,
  'common-acronyms': commonAcronyms,
  'government-words': governmentWords,
  'institution-heads': institutionHeads,
  jargon,
  'jurisdiction-context': jurisdictionContext,
  'known-orgs': knownOrgs,
  'leading-titles': leadingTitles,
  'name-connectors': nameConnectors,
  'not-names': notNames,
  'org-kinds': orgKinds,
  'org-suffixes': orgSuffixes,
  'product-words': productWords,
  'role-words': roleWords,
  topical,
};
