/**
 * The analysis result: what the engine returns for one page or text.
 *
 * Field names and meanings follow ../shared/docs/analyze-contract.md exactly; extra fields are
 * allowed by the contract and are marked "extra" here. The extension (background, popup, content
 * script) and the `analyze` command all speak this one shape.
 */
import type { ArticleReason, DetectNote, RelatedReason } from './reason-codes';

export const ENTITY_TYPES = [
  'threat-actor',
  'agency',
  'malware',
  'sanctioned-jurisdiction',
  'exchange',
  'protocol',
  'mixer',
  'incident',
  'person',
  'organization',
  'cryptocurrency',
  'address',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Where the article names something: offsets are into `AnalysisInput.text` (UTF-16 code units). */
export interface Mention {
  text: string;
  start: number;
  end: number;
}

/** One link of an inference chain: "<from> is attributed to <to> by <by> (<level>)". */
export interface AttributionStep {
  from: string; // entity id
  to: string; // entity id
  relation: string; // e.g. 'attributed-to', 'part-of', 'alias-of'
  by: string; // who says so: "US Department of Justice", "Mandiant"...
  level: 'official' | 'vendor' | 'press';
  source: { title: string; url: string };
}

export interface AnalysisEntity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  mentions: Mention[];
  inferred: boolean;
  /** extra: for inferred entities, the chain from something the article names to this entity. */
  via?: AttributionStep[];
  /**
   * extra: one line for readers: why this was highlighted / reported (a known entity: its description). An inferred
   * entity has none from the engine: the popup words it from `via`, the analyze command fills it in English
   * (lib/shared/analysis-words.ts `inferredWhy`); analyses stored by older versions carry it in English.
   */
  why?: string;
  /** extra: true when the entity comes from the knowledge base (false: compromise NER, generated id). */
  known?: boolean;
  /** extra: what the entity rests on: a knowledge-base name, a name-finder rule, a validated address, or inference. */
  evidence?: EvidenceKind;
  /** extra: for `evidence: 'name-finder'`, the id of the rule that found it (see lib/engine/ner/rules.ts). */
  rule?: string;
  /**
   * extra: for a name the knowledge base lacks, what the article itself says it is ("an on-chain
   * investigator"), as written, at most 100 characters (lib/engine/apposition.ts). Cards label it "From this article".
   */
  articleDescription?: string;
  /** extra: precision measured for this kind of evidence (or this rule), 0..1; the page marks only >= MARK_MIN_PRECISION. */
  confidence?: number;
  /** extra, addresses only: the chain ("BTC", "ETH", "SOL"...), checksum validity and OFAC listing. */
  chain?: string;
  valid?: boolean;
  sanctioned?: boolean;
}

/** extra: what an entity rests on (issue 14). */
export type EvidenceKind = 'kb' | 'name-finder' | 'address' | 'inferred';

export interface Amount {
  text: string;
  value: number;
  /** ISO 4217 code (USD, JPY, EUR...) or a crypto ticker (BTC, ETH, USDT...). */
  currency: string;
  usd: number | null;
  /** extra: offsets into the article text. */
  start?: number;
  end?: number;
  /** extra: what the amount is, when the sentence says so. */
  role?: 'stolen' | 'laundered' | 'recovered' | 'seized' | 'ransom' | 'other';
}

export interface AddressHit {
  text: string;
  chain: string;
  valid: boolean;
  sanctioned: boolean;
  /** extra */
  start?: number;
  end?: number;
  /** extra: the designated person or entity, when the OFAC data names it. */
  designated?: string;
}

/** Kinds of indicator of compromise (analyze contract, `indicators`). */
export const INDICATOR_KINDS = ['address', 'tx', 'ens', 'domain', 'url', 'ipv4', 'ipv6', 'md5', 'sha1', 'sha256', 'cve'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

/** What the bundled OFAC list says of an address (extra): listed or not, as of the list's date. */
export interface AddressScreening {
  listed: boolean;
  /** the as-of date of the list shipped with the knowledge base */
  asOf: string | null;
  /** the designated person or entity, when the data names it */
  designated?: string;
  /** the sanctions programme(s) of the designation, when the knowledge base has them ("CYBER2", "DPRK3") */
  programme?: string;
  /** date of the designation, when known */
  date?: string;
  /** where the listing comes from */
  source?: { title: string; url: string; publisher?: string; date?: string };
}

/**
 * An indicator of compromise named in the article: `value` as written (possibly defanged:
 * "hxxps://evil[.]com"), `refanged` as it would be used ("https://evil.com").
 */
export interface Indicator {
  kind: IndicatorKind;
  value: string;
  refanged: string;
  chain?: string;
  valid?: boolean;
  sanctioned?: boolean;
  start: number;
  end: number;
  /** extra: the article wrote it defanged */
  defanged?: boolean;
  /** extra (addresses): the screening against the bundled OFAC list */
  screening?: AddressScreening;
}

type DisclaimerKind =
  | 'informational' // not financial or legal advice
  | 'automatic' // automatic extraction can be wrong
  | 'attribution' // attribution as stated by the named authority
  | 'knowledge-date' // knowledge as of a date
  | 'page-risk-warning' // the page carries an investment risk warning
  | 'page-promotional' // promotional / affiliate content ("Join our Telegram")
  | 'page-hedged'; // claims hedged as "believed", "allegedly"

/** A disclaimer carries at most this many parameters (the attribution: four names). */
export const MAX_DISCLAIMER_PARAMS = 4;
/** A disclaimer's parameter (a name, a date, a quote from the page) is at most this long. */
export const MAX_DISCLAIMER_PARAM_CHARS = 160;

export interface Disclaimer {
  kind: DisclaimerKind;
  /**
   * what the reader is told, in words (the contract's field): the analyze command words `kind` and `params` into
   * it in English; in the extension it is absent (the popup words them), except in analyses stored by older versions
   */
  text?: string;
  /**
   * extra: the parameters of the words (lib/shared/analysis-words.ts `disclaimerText`): who made the attributions
   * (attribution), the knowledge's date (knowledge-date), the page's own sentence (page-risk-warning,
   * page-promotional), how many hedges and the first hedged sentence (page-hedged). Plain text, never markup.
   */
  params?: (string | number)[];
}

export interface RelatedItem {
  title: string;
  url: string;
  /**
   * why it is listed, in words (the contract's field): the analyze command words `reason` into it in English; in
   * the extension it is absent (the popup words `reason`), except in analyses stored by older versions
   */
  why?: string;
  /** extra: why it is listed, as a code and its parameters (lib/shared/analysis-words.ts `relatedWhy`) */
  reason?: RelatedReason;
  /** extra */
  date?: string;
  kind?: 'incident' | 'source' | 'search';
  entityId?: string;
  amountUsd?: number | null;
}

export interface Detection {
  detected: boolean;
  score: number;
  /**
   * the detection's notes in English, as the analyze command prints them (lib/shared/reasons.ts `analysisNotes`
   * words `notes` and the not-reported note); empty in the engine's result, which has them as `notes`; analyses
   * stored by older versions carry them here
   */
  reasons: string[];
  /** extra: the detection's notes as codes and parameters, worded where shown (`uiNote_<code>`) */
  notes?: DetectNote[];
  /** extra: the text reads as crypto security, but the page is not an article (why: `Analysis.articleWhy`), so it is not reported */
  notReported?: boolean;
  /** extra: the knowledge-base names the detection counted, most mentioned first (at most 5) */
  names?: string[];
}

/** What an amount is in the article's event (keyFacts.amounts). */
export type AmountRole = 'stolen' | 'frozen' | 'recovered' | 'seized' | 'ransom' | 'bounty' | 'fine' | 'laundered' | 'aggregate' | 'other';

/** What happened: the kind of event an article is about. */
export type EventKind = 'theft' | 'scam' | 'ransomware' | 'seizure' | 'arrest-or-charge' | 'sanction' | 'laundering' | 'report';

/** An amount of the article's event, in its role. */
export interface KeyAmount extends Omit<Amount, 'role'> {
  role: AmountRole;
  /** extra: for a total (aggregate), who reports it when the article names them ("United Nations Security Council") */
  by?: string;
}

/**
 * The article's central event (../shared/docs/analyze-contract.md, keyFacts). A field the engine is not
 * sure of is null or empty.
 */
export interface KeyFacts {
  /** (optional only for analyses stored before issue 15; the engine always sets event, amounts and date) */
  event?: EventKind | null;
  /** the central victims, no duplicates */
  victims: { id?: string; name: string }[];
  /** this event's amounts (not other incidents the article recalls), each once, in reading order */
  amounts?: KeyAmount[];
  /** when the event happened (not the publication date): YYYY, YYYY-MM or YYYY-MM-DD */
  date?: string | null;
  /** extra: the precision of `date` */
  datePrecision?: 'year' | 'month' | 'day' | null;
  actors: { id: string; name: string; by: string[]; level: 'official' | 'vendor' | 'press' | 'article'; inferred: boolean }[];
  /**
   * @deprecated older shape, still required by the popup's message check (lib/shared/messages.ts): the
   * amounts of `amounts` whose role is stolen, and `[date]`. The popup does not read them.
   */
  stolen: Amount[];
  /** @deprecated see `stolen` */
  dates: string[];
}

export interface Analysis {
  input?: string;
  title: string | null;
  isArticle: boolean;
  /** extra: why the page is, or is not, an article: a reason code and its parameters, worded where shown (lib/shared/reasons.ts) */
  articleWhy?: ArticleReason;
  cryptoSecurity: Detection;
  entities: AnalysisEntity[];
  amounts: Amount[];
  addresses: AddressHit[];
  /**
   * indicators of compromise in the article text (issue 18). The engine always sets it (the contract
   * requires it); optional in the type for analyses kept from before it existed.
   */
  indicators?: Indicator[];
  summary: string[];
  disclaimers: Disclaimer[];
  related: RelatedItem[];
  timingsMs: Record<string, number> & { total: number };
  /** extra */
  url?: string | null;
  siteName?: string | null;
  publishedAt?: string | null;
  keyFacts?: KeyFacts;
  kb?: { version: string; asOf: string };
  /** set when a pass ran over the analysis time budget and stopped early: the result is partial (issue 16) */
  cut?: { stage: string; reason: 'time' } | null;
}

/** What the engine reads: DOM-free. The page adapter and the CLI both produce this. */
export interface AnalysisInput {
  text: string;
  title?: string | null;
  url?: string | null;
  siteName?: string | null;
  publishedAt?: string | null;
  /** JSON-LD / OpenGraph type of the page, e.g. "NewsArticle", "article", "website". */
  pageType?: string | null;
  /** Signals from the page structure (the adapter fills these; the CLI for .md/.txt guesses). */
  structure?: {
    paragraphs?: number;
    linkDensity?: number;
    readabilityOk?: boolean;
  };
}
