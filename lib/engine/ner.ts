/**
 * People and organisations the knowledge base does not know.
 *
 * compromise's full parse costs about as much as the rest of the engine several times over, so it never
 * sees the article: we collect candidate names ourselves (runs of capitalised words, minus what the KB
 * matched), settle the easy ones with rules (organisation suffixes, a short list of news agencies and
 * analytics firms, titles like "Mr."), and hand compromise only the undecided two- and three-word
 * candidates, each with a few words of context, in ONE small document.
 */
import nlp from 'compromise';
import type { EntityType, Mention } from '../shared/contract';
import { BOILERPLATE_RE } from './lexicon';
import { AGE_AFTER_RE, AGE_BEFORE_RE, creditItems, cueListItems, eastAsianName, placeShaped, tokenIndexAt, tokensIn, type CueItem } from './ner-cues';
import { NO_DEADLINE, type Deadline } from './deadline';
import { spanIndex } from './spans';
import type { Token } from './text';

export interface NerEntity {
  id: string;
  name: string;
  type: EntityType;
  mentions: Mention[];
  why: string;
}

/** Words of context either side of a candidate given to compromise. */
const CONTEXT_WORDS = 4;
/** Characters of context either side at most: four words, not the page-long runs of punctuation between them. */
const MAX_CONTEXT_CHARS = 80;
/** At most this many candidates go to compromise (a bound on its cost on very long pages). */
const MAX_COMPROMISE_CANDIDATES = 80;
/** Longest candidate name in tokens. */
const MAX_NAME_TOKENS = 6;

/** The last word of an organisation's name. */
const ORG_SUFFIX = new Set([
  'institute', 'herald', 'times', 'post', 'journal', 'tribune', 'gazette', 'news', 'foundation', 'university', 'bank',
  'ministry', 'department', 'agency', 'council', 'committee', 'commission', 'inc', 'corp', 'corporation', 'ltd', 'llc', 'plc',
  'gmbh', 'ag', 'group', 'labs', 'lab', 'capital', 'ventures', 'association', 'bureau', 'office', 'court', 'police', 'authority',
  'reserve', 'technologies', 'technology', 'systems', 'partners', 'holdings', 'company', 'fund', 'center', 'centre', 'services',
  'security', 'intelligence', 'research', 'analytics', 'forensics', 'academy', 'school', 'college', 'federation', 'union',
  'organization', 'organisation', 'administration', 'service', 'directorate', 'command', 'guard', 'parliament', 'senate',
  'congress', 'exchange', 'markets', 'finance', 'financial', 'insurance', 'media', 'press', 'broadcasting', 'network', 'networks',
  'software', 'solutions', 'consulting', 'studios', 'pictures', 'entertainment', 'airlines', 'motors', 'telecom', 'energy',
  'enterprises', 'county', 'hospital', 'health', 'healthcare', 'clinic', 'brewery', 'investigations', 'force', 'army', 'limited',
  'dao', 'mutual', 'wallet', 'trust', 'ministries', 'municipality', 'district', 'schools', 'airport', 'port',
]);

/** News agencies, publishers and security/analytics firms that crypto-security stories cite all the time. */
const KNOWN_ORGS = new Set([
  'reuters', 'bloomberg', 'associated press', 'afp', 'agence france-presse', 'yonhap', 'nikkei', 'kyodo', 'xinhua', 'cnbc', 'cnn',
  'bbc', 'coindesk', 'cointelegraph', 'the block', 'decrypt', 'techcrunch', 'wired', 'forbes', 'axios', 'politico', 'the guardian',
  'financial times', 'wall street journal', 'the wall street journal', 'new york times', 'the new york times', 'washington post',
  'the washington post', 'bleepingcomputer', 'the hacker news', 'the record', 'recorded future', 'chainalysis', 'elliptic',
  'trm labs', 'peckshield', 'certik', 'slowmist', 'mandiant', 'crowdstrike', 'kaspersky', 'eset', 'sophos', 'symantec',
  'palo alto networks', 'unit 42', 'microsoft', 'google', 'apple', 'amazon', 'meta', 'cisco', 'cloudflare', 'sentinelone',
  'proofpoint', 'trend micro', 'check point', 'group-ib', 'arkham', 'arkham intelligence', 'blockaid', 'scam sniffer',
  'scamsniffer', 'immunefi', 'halborn', 'openzeppelin', 'trail of bits', 'hacken', 'cyvers', 'beosin', 'nansen', 'dune',
  'etherscan', 'interpol', 'europol', 'eurojust', 'the korea herald', 'korea herald', 'the aspen institute', 'aspen institute',
  // security vendors and research teams
  'broadcom', 'bitdefender', 'secureworks', 'sygnia', 'huntress', 'rapid7', 'tenable', 'qualys', 'fortinet', 'zscaler',
  'okta', 'darktrace', 'malwarebytes', 'avast', 'mcafee', 'trellix', 'sekoia', 'cisco talos', 'talos', 'volexity', 'jamf', 'wiz',
  'checkmarx', 'socket', 'snyk', 'phylum', 'reversinglabs', 'sonatype', 'aikido', 'huntress labs', 'expel', 'arctic wolf',
  'coveware', 'emsisoft', 'guidepoint', 'intel 471', 'flashpoint', 'kela', 'hudson rock', 'any.run', 'virustotal', 'abuse.ch',
  'shadowserver', 'greynoise', 'censys', 'shodan', 'netcraft', 'zimperium', 'lookout', 'microsoft threat intelligence',
  'google threat intelligence group', 'threat analysis group', 'citizen lab', 'amnesty international',
  // blockchain security, audit and analytics firms
  'quantstamp', 'dedaub', 'zellic', 'blocksec', 'ancilia', 'zokyo', 'chainlight', 'misttrack', 'verichains',
  'hexagate', 'lookonchain', 'spotonchain', 'whale alert', 'dune analytics', 'chainabuse', 'crystal blockchain',
  'merkle science', 'global ledger', 'coinfirm', 'ciphertrace', 'bitquery', 'bubblemaps', 'omniscia', 'neodyme', 'peckshieldalert',
  'sherlock', 'code4rena', 'spearbit', 'chainsecurity', 'consensys', 'consensys diligence', 'sigma prime', 'runtime verification',
  'certora', 'seal 911', 'security alliance', 'zeroshadow', 'hypernative', 'forta', 'decurity',
  // platforms and big tech often named as the channel of an attack
  'zoom', 'calendly', 'telegram', 'discord', 'twitter', 'github', 'gitlab', 'npm', 'pypi', 'aws', 'amazon web services',
  'azure', 'google cloud', 'namecheap', 'godaddy', 'mozilla',
  'openai', 'anthropic', 'nvidia', 'intel', 'ibm', 'oracle', 'salesforce',
  'circle', 'paypal', 'visa', 'mastercard', 'swift', 'fincen', 'fintrac', 'nhs', 'propublica', 'krebsonsecurity',
  'coinmarketcap', 'coingecko', 'defillama', 'beincrypto', 'the defiant', 'dl news', 'blockworks', 'protos',
]);

/** Capitalised words that are not names on their own. */
const NOT_NAME = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'its', 'he', 'she', 'they', 'we', 'i', 'you', 'our', 'their', 'his',
  'her', 'in', 'on', 'at', 'for', 'from', 'by', 'with', 'of', 'and', 'but', 'or', 'if', 'as', 'after', 'before', 'while', 'when',
  'what', 'who', 'why', 'how', 'where', 'there', 'here', 'however', 'meanwhile', 'also', 'per', 'according', 'earlier', 'later',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may',
  'june', 'july', 'august', 'september', 'october', 'november', 'december', 'read', 'join', 'share', 'follow', 'subscribe',
  'update', 'source', 'image', 'photo', 'credit', 'getty', 'images', 'click', 'some', 'many', 'most', 'all', 'one', 'two',
  'first', 'last', 'new', 'more', 'such', 'other', 'both', 'each', 'every', 'no', 'not', 'so', 'then', 'than', 'since', 'until',
  'amongst', 'among', 'despite', 'although', 'though', 'because', 'whether', 'once', 'still', 'yet', 'just', 'even',
]);

/** First words of an institution's name written as "<head> of <place or field>". */
const ORG_HEAD = new Set(['department', 'ministry', 'office', 'bureau', 'agency', 'council', 'committee', 'commission', 'court', 'bank', 'university', 'institute', 'city', 'county', 'state', 'federal', 'national', 'royal', 'central', 'board', 'school', 'college', 'government', 'port', 'republic']);

const ROLE_WORDS = new Set(['ceo', 'cto', 'cfo', 'coo', 'ciso', 'founder', 'cofounder', 'co', 'chairman', 'president', 'spokesperson', 'director', 'head']);

const LEADING_TITLES = new Set([
  'special', 'agent', 'charge', 'director', 'deputy', 'assistant', 'chief', 'officer', 'judge', 'attorney', 'general', 'president',
  'secretary', 'minister', 'senator', 'sen', 'rep', 'representative', 'ceo', 'cto', 'cfo', 'founder', 'cofounder', 'detective',
  'prosecutor', 'commissioner', 'sheriff', 'inspector', 'analyst', 'researcher', 'mr', 'mrs', 'ms', 'dr', 'prof', 'sir', 'lord',
  'governor', 'mayor', 'chairman', 'chair', 'executive', 'head', 'spokesperson', 'spokesman', 'spokeswoman', 'acting', 'former',
  'us', 'u', 's', 'fbi', 'doj', 'district', 'magistrate', 'lieutenant', 'captain', 'colonel', 'sergeant', 'professor',
]);

const CONNECTORS = new Set(['of', 'for', 'and', 'de', 'la', 'del', 'van', 'von', 'der', 'du', 'da', 'bin', 'al', '&']);
const PERSON_TITLES = /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Judge|Justice|President|Minister|Secretary|Director|Chairman|CEO|founder|co-founder|analyst|researcher|spokesperson|spokesman|spokeswoman|detective|agent|prosecutor|attorney)\.?\s+)$/;
/** Words near a name that make it worth asking compromise whether it is a person. */
const PERSON_CUE = /\b(?:said|says|told|according to|wrote|added|explained|noted|stated|tweeted|posted|founder|ceo|cto|chief|director|researcher|analyst|spokes\w+|investigator|officer|agent|head of|minister|secretary|president|chairman|attorney|judge|sentenced|charged|arrested|indicted|named|dubbed|known as)\b/i;
/** compromise's own lexicon: first names are tagged there (a lookup, no parse). */
const LEXICON: Record<string, string | string[]> = ((nlp.model() as unknown as { one?: { lexicon?: Record<string, string | string[]> } }).one?.lexicon) ?? {};
function lexTag(word: string): string {
  const t = LEXICON[word.toLowerCase()];
  return Array.isArray(t) ? t.join(',') : (t ?? '');
}
/** compromise tags a given name as one of these; "Person" marks names it knows mostly as given names ("Taylor"). */
const FIRST_NAME_TAG = /(?:^|,)(?:FirstName|MaleName|FemaleName|Person)(?:,|$)/;

/** Just before a name: what kind of organisation it is ("security firm PeckShield", "the exchange BitoPro"). */
const ORG_CUE_BEFORE =
  /(?:\b(?:security|cybersecurity|blockchain(?: security| analytics| intelligence)?|analytics|forensics?|auditing|audit|research|intelligence|threat intelligence|web3 security|crypto|fintech|software|tech|payments?|investment|consulting|law|incident response)\s+(?:firm|company|companies|platform|provider|vendor|startup|outfit|group|team|agency)|\bresearchers (?:at|from)|\banalysts (?:at|from)|\baccording to|\breported by|\bcybersecurity firm|\bsecurity researchers at)\s+$/i;
/** Just after a name: its people speak for it ("Huntress researchers", "Symantec's report"). */
const ORG_CUE_AFTER = /^(?:[’']s)?\s+(?:CEO|CTO|CFO|COO|CISO|co-?founder|founder|researchers|analysts|threat (?:hunters|intelligence|researchers)|security (?:team|researchers)|told BleepingComputer|spokesperson|spokesman|team said|confirmed|reported that|said in a (?:report|statement|blog))\b/i;
/** Just before a name: a group or person the article names as an attacker ("a cybercrime group known as X", "the threat actor, X,"). */
const ACTOR_CUE_BEFORE =
  /(?:\b(?:group|gang|crew|collective|actor|affiliate|operator|hacker|persona)s?\s+(?:(?:known|tracked|identified) as|called|calling (?:itself|themselves)|named|dubbed|going by)|\bthreat actor,)\s+["“'‘]?$/i;
const EXCHANGE_CUE_BEFORE = /\b(?:crypto(?:currency)?|bitcoin|centralized|centralised|decentralized|decentralised|the|an?|[A-Z][a-z]+n)\s+exchanges?\s+$/;
const EXCHANGE_CUE_AFTER = /^\s+(?:crypto(?:currency)? )?exchange\b/i;
const PROTOCOL_CUE_BEFORE = /\b(?:defi|lending|borrowing|staking|yield|bridge|cross-chain|liquidity|derivatives|dex|swap|restaking|perpetuals?)\s+(?:protocol|platform|project|aggregator|bridge|market|exchange)\s+$/i;
const PROTOCOL_CUE_AFTER = /^\s+(?:protocol|bridge|DAO|DEX|vault|vaults|lending protocol|contract|smart contract|exploit|exploiter|team|token|stablecoin|multisig)\b/;
const MALWARE_WORD = '(?:malware|backdoor|loader|stealer|infostealer|info-stealer|trojan|RAT|implant|dropper|downloader|botnet|ransomware|spyware|wiper|rootkit|keylogger|clipper|drainer|payload|tool|variant|strain|framework|module|plugin|script|binary)';
const MALWARE_CUE_BEFORE = new RegExp(`\\b${MALWARE_WORD}\\s+(?:(?:called|named|dubbed|known as|tracked as)\\s+)?["“]?$`, 'i');
const MALWARE_CUE_AFTER = new RegExp(`^["”]?\\s+(?:(?:macOS|Windows|Linux|Android|iOS|Python|Go|Rust|JavaScript|PowerShell|Node\\.js|new|custom)\\s+)?${MALWARE_WORD}s?\\b`, 'i');
/** A malware word anywhere (no `g` flag: `test` keeps no state between calls). */
const MALWARE_WORD_RE = new RegExp(`\\b${MALWARE_WORD}s?\\b`, 'i');
/** Acronyms that are never malware, exchanges or firms in these stories. */
const COMMON_ACRONYMS = new Set(['CEO', 'CTO', 'CISO', 'USD', 'API', 'URL', 'DNS', 'VPN', 'HTTP', 'HTTPS', 'HTML', 'JSON', 'PDF', 'ZIP', 'CVE', 'IP', 'IT', 'AI', 'ML', 'OS', 'PC', 'US', 'UK', 'EU', 'UN', 'SMS', 'MFA', '2FA', 'OTP', 'SSH', 'RDP', 'SQL', 'XSS', 'RCE', 'DDOS', 'DDoS', 'NFT', 'DEX', 'CEX', 'DAO', 'KYC', 'AML', 'OTC', 'ETF', 'IPO', 'FAQ', 'PR', 'TV', 'ID', 'PIN', 'SIM', 'GPS', 'USB', 'CPU', 'GPU', 'RAM', 'SSD', 'APT', 'TTP', 'TTPs', 'IOC', 'IOCs', 'C2', 'EDR', 'XDR', 'SOC', 'SIEM']);

/** Brand-shaped words that are products and technologies, not actors or victims. */
const CAMEL_STOP = new Set([
  'mysql', 'postgresql', 'mongodb', 'javascript', 'typescript', 'powershell', 'iphone', 'ipad', 'macos', 'ios', 'youtube', 'linkedin',
  'whatsapp', 'tiktok', 'wordpress', 'sharepoint', 'onedrive', 'onenote', 'nodejs', 'openssl', 'openssh', 'devops', 'devsecops',
  'ebay', 'iot', 'wifi', 'chatgpt', 'deepseek', 'pdfs', 'graphql', 'webassembly', 'webview', 'webkit', 'airdrop', 'pancakeswap',
  'github', 'gitlab', 'bitbucket', 'dockerhub', 'npmjs', 'pypi', 'vscode', 'virustotal', 'tradingview', 'coingecko', 'defillama',
]);

/** How a name is written: a brand (PeckShield, eXch, BigONE), an acronym (WAVESHAPER), or a plain word. */
function brandLike(w: string): boolean {
  return /^\p{Lu}{3,}[\p{N}_]*$/u.test(w) || /\p{Ll}\p{Lu}/u.test(w) || /\p{L}\p{N}|\p{N}\p{L}/u.test(w);
}

/** Right next to a person's name: what people do in these stories. */
const PERSON_AFTER = /^(?:,\s+(?:senior\s+|chief\s+|lead\s+|principal\s+|deputy\s+|executive\s+)?(?:director|vice president|vp|head|researcher|analyst|co-?founder|founder|ceo|cto|cfo|coo|ciso|partner|manager|engineer|investigator)\s+(?:of|at)|,\s+(?:a|an|the)\s+(?:\d+-year-old|former|co-?founder|founder|chief|head|ceo|cto|director|researcher|analyst|resident|citizen|national|developer|leader|member)|,\s+(?:who|aka|also known as|\d{1,2}\b(?![,.]\d)(?!\s*(?:percent|%|million|billion)))|\s+\((?:aka|a\.k\.a\.|also known as|known as|\d{2}\))|\s+(?:pleaded|pled|was sentenced|was charged|was arrested|was extradited|admitted|faces|allegedly|is accused|were charged|has been charged|told|said|says|wrote|tweeted|posted|explained|added|noted))\b/i;
const PERSON_BEFORE = /(?:\b(?:named|identified as|defendants?|suspects?|co-?founders?|founder|ceo|cto|director|researcher|analyst|investigator|attorney|judge|prosecutor|spokesperson|agent|hacker|developer|national|citizen|resident|brothers?|sisters?|wife|husband)\s+|\bsaid\s+)$/i;

const SAID_AFTER = /^,?\s+(?:said|says|told|wrote|added|explained|noted|stated|tweeted|posted)\b/;

let warmed = false;
/** compromise builds its model on first use (~0.1–2 s cold); engines call this once when they are created. */
export function warmUpNer(): void {
  if (warmed) return;
  warmed = true;
  nlp('Jane Doe said the Example Institute was hacked.').people();
}

export function slugId(prefix: string, name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${prefix}-${slug || 'unnamed'}`;
}

function isCap(t: Token): boolean {
  return /^\p{Lu}/u.test(t.text) || /^\p{Ll}{1,3}\p{Lu}/u.test(t.text);
}

interface Candidate {
  name: string;
  start: number;
  end: number;
  tokens: Token[];
  tokenStart: number;
  tokenEnd: number;
}

/** Runs of capitalised words (with "of", "and", "&" inside) not covered by `covered`. */
export function nameCandidates(text: string, tokens: Token[], covered: (s: number, e: number) => boolean, deadline: Deadline = NO_DEADLINE): Candidate[] {
  const out: Candidate[] = [];
  const emit = (from: number, to: number): void => {
    let toks = tokens.slice(from, to);
    // "U.S. Federal Trade Commission": leading initials belong to an abbreviation, not the name
    while (toks.length > 1 && toks[0]!.text.length === 1 && text[toks[0]!.end] === '.') toks = toks.slice(1);
    // "Special Agent in Charge Reid Davis", "CEO Jane Doe": leading titles are not part of a person's name
    while (toks.length > 2 && LEADING_TITLES.has(toks[0]!.norm)) toks = toks.slice(1);
    // "Secretary for Economic Affairs" without its title is no name
    if (toks.length && CONNECTORS.has(toks[0]!.norm)) return;
    if (!toks.length) return;
    const start = toks[0]!.start;
    const end = toks[toks.length - 1]!.end;
    out.push({ name: text.slice(start, end), start, end, tokens: toks, tokenStart: to - toks.length, tokenEnd: to });
  };
  // "Bank of New York": "New" is a place's first word when a capitalised word follows it
  const newPlace = (k: number): boolean => tokens[k]!.text === 'New' && k + 1 < tokens.length && isCap(tokens[k + 1]!) && text.slice(tokens[k]!.end, tokens[k + 1]!.start) === ' ';
  let i = 0;
  while (i < tokens.length) {
    if (deadline.step()) break;
    const t = tokens[i]!;
    if (!isCap(t) || NOT_NAME.has(t.norm) || ROLE_WORDS.has(t.norm) || covered(t.start, t.end)) {
      i++;
      continue;
    }
    let j = i + 1;
    const ands: number[] = [];
    // the length limit is per name: "A B C and D E F" is two names
    while (j < tokens.length && j - (ands.length ? ands[ands.length - 1]! + 1 : i) < MAX_NAME_TOKENS) {
      const gap = text.slice(tokens[j - 1]!.end, tokens[j]!.start);
      if (!/^(?: |-|\.? |&| & |')$/.test(gap)) break;
      // ". " continues a name only after an initial ("Harry T. Chavis"), never across a sentence end
      if (gap === '. ' && tokens[j - 1]!.text.length > 1) break;
      const nt = tokens[j]!;
      if (covered(nt.start, nt.end)) break;
      // "Hacken CEO Dyma Budorin": a role word ends the organisation and starts the person
      if (ROLE_WORDS.has(nt.norm)) break;
      if (isCap(nt) && !NOT_NAME.has(nt.norm)) j++;
      else if (CONNECTORS.has(nt.norm) && j + 1 < tokens.length && isCap(tokens[j + 1]!) && (!NOT_NAME.has(tokens[j + 1]!.norm) || newPlace(j + 1)) && !ROLE_WORDS.has(tokens[j + 1]!.norm)) {
        if (nt.norm === 'and' || nt.norm === '&') ands.push(j);
        j += 2;
      } else break;
    }
    // "Rodriguez and Hill": "and" joins an institution's name ("Securities and Exchange Commission"), not two people
    if (ands.length && !ORG_SUFFIX.has(tokens[j - 1]!.norm)) {
      let from = i;
      for (const a of ands) {
        emit(from, a);
        from = a + 1;
      }
      emit(from, j);
    } else emit(i, j);
    i = j;
  }
  return out;
}

/** "Intercontinental Ballistic Missiles (IBMs)": an acronym defined in parentheses right after its expansion. */
function isDefinedAcronym(text: string, c: Candidate): boolean {
  const before = text.slice(Math.max(0, c.start - 120), c.start);
  if (!/\(\s*$/.test(before)) return false;
  const words = before.replace(/\(\s*$/, '').trim().split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
  const initials = words.map((w) => w[0]).join('').toUpperCase();
  const acro = c.name.replace(/s$/, '').toUpperCase();
  return initials.endsWith(acro) || initials.endsWith(acro.slice(1));
}

/** A line this capitalised is a headline in Title Case: its capitals say nothing about names. */
const HEADLINE_CAPS_SHARE = 0.6;
/** Lines shorter than this many words are not judged as headlines. */
const HEADLINE_MIN_WORDS = 4;

/** Per-line verdicts, so that many candidates on one long line cost one look at the line. */
let lineCacheText = '';
const titleCaseCache = new Map<number, boolean>();
const boilerplateCache = new Map<number, boolean>();
/** Positions of the line breaks of `lineCacheText`, found once per text (a page may be one huge line). */
let lineBreaks: number[] = [];
function lineBounds(text: string, pos: number): [number, number] {
  if (text !== lineCacheText) {
    lineCacheText = text;
    titleCaseCache.clear();
    boilerplateCache.clear();
    lineBreaks = [];
    for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) lineBreaks.push(k);
  }
  // the first break at or after pos ends the line; the one before it starts it
  let lo = 0;
  let hi = lineBreaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lineBreaks[mid]! < pos) lo = mid + 1;
    else hi = mid;
  }
  const a = lo > 0 ? lineBreaks[lo - 1]! + 1 : 0;
  const b = lo < lineBreaks.length ? lineBreaks[lo]! : text.length;
  return [a, b];
}

function isTitleCaseLine(text: string, pos: number): boolean {
  const [a, b] = lineBounds(text, pos);
  const cached = titleCaseCache.get(a);
  if (cached !== undefined) return cached;
  const v = titleCaseLine(text.slice(a, b).trim());
  titleCaseCache.set(a, v);
  return v;
}

function titleCaseLine(line: string): boolean {
  // a sentence, or a line that introduces a quote or a list ("BlockSec's Jane Roe explains:"), is no headline
  if (/[.!?:]["'”’)]*$/.test(line)) return false;
  const words = line.split(/\s+/).filter((w) => /^[\p{L}]/u.test(w));
  if (words.length < HEADLINE_MIN_WORDS) return false;
  const minor = /^(?:a|an|the|and|or|of|in|on|at|to|for|from|by|with|as|is|has|have|its)$/i;
  const content = words.filter((w) => !minor.test(w));
  return content.length > 0 && content.filter((w) => /^\p{Lu}/u.test(w)).length / content.length >= HEADLINE_CAPS_SHARE;
}

function isBoilerplateLine(text: string, pos: number): boolean {
  const [a, b] = lineBounds(text, pos);
  const cached = boilerplateCache.get(a);
  if (cached !== undefined) return cached;
  // a long line is a paragraph, not a promotion or navigation line
  const v = b - a < 300 && BOILERPLATE_RE.test(text.slice(a, b));
  boilerplateCache.set(a, v);
  return v;
}

/** Title Case words, with single-letter initials inside ("Harry T Chavis"). */
function plainNameTokens(toks: readonly Token[]): boolean {
  return toks.every((t, k) => /^\p{Lu}\p{Ll}+$/u.test(t.text) || (k > 0 && k < toks.length - 1 && /^\p{Lu}$/u.test(t.text)));
}

/** "Kevin Tyler Martin of Roanoke": a person's name followed by "of <place>" is the name alone. */
function withoutTrailingPlace(text: string, c: Candidate): Candidate {
  const k = c.tokens.findIndex((t) => t.norm === 'of');
  if (k < 2 || k > 4 || ORG_HEAD.has(c.tokens[0]!.norm)) return c;
  const head = c.tokens.slice(0, k);
  if (!plainNameTokens(head) || ORG_SUFFIX.has(head[head.length - 1]!.norm)) return c;
  const aged = AGE_BEFORE_RE.test(text.slice(Math.max(0, c.start - 16), c.start));
  if (!aged && !FIRST_NAME_TAG.test(lexTag(head[0]!.text))) return c;
  const end = head[head.length - 1]!.end;
  return { name: text.slice(c.start, end), start: c.start, end, tokens: head, tokenStart: c.tokenStart, tokenEnd: c.tokenStart + k };
}

/** Words that make a credited name an account, outlet or firm rather than a person ("Cyvers Alerts", "Quill Audits"). */
const CREDIT_ORG_WORDS = new Set([
  'crypto', 'coin', 'chain', 'cyber', 'alert', 'alerts', 'audit', 'audits', 'scan', 'dex', 'games', 'bot', 'trade', 'intel', 'computer',
  'strategies', 'telegraph', 'potato', 'lawyer', 'post', 'mortem', 'official', 'defi', 'web3', 'protocol', 'finance', 'dao', 'nft',
  'angles', 'muncher', 'rug', 'shill', 'news', 'daily', 'watch', 'tracker', 'analytics', 'research', 'insights', 'hq',
]);

/** Longest list item taken as a name, in words. */
const MAX_LIST_ITEM_TOKENS = 5;

/**
 * Credit lines and typed lists: every item that looks like a name gets the list's type. Returns the
 * spans it decided, so that the candidate pass does not judge them again.
 */
function listPass(
  text: string,
  tokens: Token[],
  covered: (s: number, e: number) => boolean,
  add: (type: 'person' | 'organization', name: string, c: Candidate, why: string) => void,
  addTyped: (type: EntityType, c: Candidate) => void,
  deadline: Deadline,
): [number, number][] {
  const spans: [number, number][] = [];
  const cand = (it: CueItem): Candidate | null => {
    const { toks, first } = tokensIn(tokens, it.start, it.end);
    if (!toks.length || toks.length > MAX_LIST_ITEM_TOKENS || covered(it.start, it.end)) return null;
    // a name, not a phrase: every word capitalised or brand-shaped, apart from connectors inside
    if (!toks.every((t, k) => isCap(t) || /\p{N}/u.test(t.text[0]!) || (k > 0 && CONNECTORS.has(t.norm)))) return null;
    if (NOT_NAME.has(toks[0]!.norm) || ROLE_WORDS.has(toks[0]!.norm) || COMMON_ACRONYMS.has(toks[0]!.text)) return null;
    return { name: it.text, start: it.start, end: it.end, tokens: toks, tokenStart: first, tokenEnd: first + toks.length };
  };
  for (const it of creditItems(text, deadline)) {
    // a lower-case handle ("samczsun", "0xc0ffee") names a person in a credit line
    if (/^[\p{Ll}\p{N}_][\p{Ll}\p{N}_.]{2,30}$/u.test(it.text) && /\p{Ll}/u.test(it.text) && !covered(it.start, it.end)) {
      const { toks, first } = tokensIn(tokens, it.start, it.end);
      if (!toks.length) continue;
      add('person', it.text, { name: it.text, start: it.start, end: it.end, tokens: toks, tokenStart: first, tokenEnd: first + toks.length }, 'credited in the article');
      spans.push([it.start, it.end]);
      continue;
    }
    const c = cand(it);
    if (!c) continue;
    const lower = c.name.toLowerCase();
    // a person's name is made of given names, surnames and words compromise's lexicon does not know;
    // an ordinary word in it ("Chain Aegis", "Crypto Potato", "Whale Alerts") makes it an account or a firm
    const nameWords = c.tokens.every((t, k) => {
      const tag = lexTag(t.text);
      return !tag || /Name|Person/.test(tag) || (k > 0 && /^\p{Lu}$/u.test(t.text));
    });
    const person =
      c.tokens.length >= 2 &&
      c.tokens.length <= 3 &&
      plainNameTokens(c.tokens) &&
      nameWords &&
      !c.tokens.some((t) => ORG_SUFFIX.has(t.norm) || CREDIT_ORG_WORDS.has(t.norm)) &&
      !KNOWN_ORGS.has(lower);
    add(person ? 'person' : 'organization', c.name, c, 'credited in the article');
    spans.push([c.start, c.end]);
  }
  for (const it of cueListItems(text, deadline)) {
    const c = cand(it);
    if (!c) continue;
    if (it.type === 'organization') add('organization', c.name, c, 'named in a list of organisations');
    else addTyped(it.type, c);
    spans.push([c.start, c.end]);
  }
  return spans;
}

/** The type the words right around a name give it ("the eXch exchange", "a backdoor called X"), if any. */
function cuedType(text: string, c: Candidate): EntityType | null {
  const toks = c.tokens;
  const last = toks[toks.length - 1]!;
  const acronym = toks.length === 1 && COMMON_ACRONYMS.has(last.text);
  // at the start of a sentence a capital says nothing: "Security researchers found..." is no firm called Security
  const plainAtStart = toks.length === 1 && !brandLike(last.text) && /(?:^|[.!?:]\s+|\n\s*)$/.test(text.slice(Math.max(0, c.start - 3), c.start));
  if (acronym || plainAtStart || toks.length > 3) return null;
  const before = text.slice(Math.max(0, c.start - 60), c.start);
  const after = text.slice(c.end, c.end + 60);
  if (MALWARE_CUE_AFTER.test(after) && (brandLike(toks[0]!.text) || toks.length === 1) && !/^(?:The|This|That|New|Malicious|A|An)$/.test(toks[0]!.text)) return 'malware';
  if (MALWARE_CUE_BEFORE.test(before) && brandLike(toks[0]!.text)) return 'malware';
  if (ACTOR_CUE_BEFORE.test(before)) return 'threat-actor';
  if (EXCHANGE_CUE_AFTER.test(after) || (EXCHANGE_CUE_BEFORE.test(before) && toks.length <= 2)) return 'exchange';
  if (PROTOCOL_CUE_AFTER.test(after) || PROTOCOL_CUE_BEFORE.test(before)) return 'protocol';
  if (ORG_CUE_BEFORE.test(before) || ORG_CUE_AFTER.test(after)) return 'organization';
  return null;
}

/**
 * People and organisations named in `text` that `covered` (the knowledge base's mentions) leaves out.
 * Once `deadline` has expired, each step stops and the names decided so far are returned.
 */
export function findPeopleAndOrgs(text: string, tokens: Token[], covered: (s: number, e: number) => boolean, deadline: Deadline = NO_DEADLINE): NerEntity[] {
  const cands = nameCandidates(text, tokens, covered, deadline);
  const found = new Map<string, NerEntity>();
  const add = (type: 'person' | 'organization', name: string, c: Candidate, why: string): void => {
    const id = slugId(type === 'person' ? 'person' : 'org', name.replace(/^the\s+/i, ''));
    const e = found.get(id) ?? { id, name: name.replace(/^the\s+/i, (m) => (m[0] === 'T' ? m : '')), type, mentions: [], why };
    e.mentions.push({ text: text.slice(c.start, c.end), start: c.start, end: c.end });
    found.set(id, e);
  };
  const typedFound = new Map<string, NerEntity>();
  const addTyped = (type: EntityType, c: Candidate): void => {
    const id = slugId(type, c.name);
    const e = typedFound.get(id) ?? { id, name: c.name, type, mentions: [], why: `named as a ${type} in the article` };
    e.mentions.push({ text: c.name, start: c.start, end: c.end });
    typedFound.set(id, e);
  };
  const undecided: Candidate[] = [];
  // lists whose cue says what their items are: credit lines, "companies including A, B and C"
  const handled = listPass(text, tokens, covered, add, addTyped, deadline);
  // tokens inside a decided list item, so each candidate is checked in O(its length)
  const handledTok = new Uint8Array(tokens.length);
  for (const [a, b] of handled) for (let k = tokenIndexAt(tokens, a); k < tokens.length && tokens[k]!.start < b; k++) handledTok[k] = 1;
  const isHandled = (c: Candidate): boolean => {
    for (let k = c.tokenStart; k < c.tokenEnd; k++) if (handledTok[k]) return true;
    return false;
  };
  for (const c0 of cands) {
    if (deadline.step()) break;
    if (isHandled(c0)) continue;
    const c = withoutTrailingPlace(text, c0);
    const toks = c.tokens;
    // "Marlon Ferro, 19 (Santa Ana, California)", "28-year-old Kevin Tyler Martin": an age marks a person,
    // also on a line in Title Case (bulleted lists of defendants)
    if (toks.length >= 2 && toks.length <= 4 && plainNameTokens(toks) && (AGE_AFTER_RE.test(text.slice(c.end, c.end + 24)) || AGE_BEFORE_RE.test(text.slice(Math.max(0, c.start - 16), c.start)))) {
      add('person', c.name, c, 'a person named in the article (with an age)');
      continue;
    }
    // "Join Our Telegram channel": promotion and navigation lines name no actors
    if (isBoilerplateLine(text, c.start)) continue;
    const last = toks[toks.length - 1]!;
    const lowerName = c.name.toLowerCase().replace(/[’']s$/, '');
    // plural acronyms ("IBMs", "ICBMs") and acronyms defined in place are not organisations
    if (toks.length === 1 && /^\p{Lu}{2,}s$/u.test(last.text)) continue;
    if (toks.length === 1 && /^\p{Lu}{2,}$/u.test(last.text) && isDefinedAcronym(text, c)) continue;
    if (/^\p{Lu}{2,}s?$/u.test(last.text) && isDefinedAcronym(text, c)) continue;
    if (isTitleCaseLine(text, c.start) && !KNOWN_ORGS.has(lowerName)) continue;
    const withThe = /\bthe\s+$/i.test(text.slice(Math.max(0, c.start - 4), c.start)) ? `the ${lowerName}` : lowerName;
    if (KNOWN_ORGS.has(lowerName) || KNOWN_ORGS.has(withThe)) {
      add('organization', c.name, c, 'a news agency, publisher or security firm');
      continue;
    }
    const cued = cuedType(text, c);
    if (cued === 'organization') {
      add('organization', c.name, c, 'an organisation named in the article');
      continue;
    }
    if (cued) {
      addTyped(cued, c);
      continue;
    }
    // a single brand-shaped word ("EtherHiding", "ChangeNOW", "WAVESHAPER" next to malware words) is a name
    if (toks.length === 1 && !COMMON_ACRONYMS.has(last.text) && !CAMEL_STOP.has(last.norm) && !isTitleCaseLine(text, c.start)) {
      const w = last.text;
      const near = text.slice(Math.max(0, c.start - 120), Math.min(text.length, c.end + 120));
      const malwareNear = MALWARE_WORD_RE.test(near);
      const camel = /\p{Ll}\p{Lu}/u.test(w) && w.length >= 4;
      const shout = /^\p{Lu}{6,}$/u.test(w);
      if (camel || (shout && malwareNear)) {
        addTyped(malwareNear && !/exchange/i.test(near) ? 'malware' : /\bexchange/i.test(near) ? 'exchange' : 'organization', c);
        continue;
      }
    }
    // "Operation Cronos": a named law-enforcement or threat operation
    if (toks.length >= 2 && toks.length <= 4 && toks[0]!.text === 'Operation' && !isTitleCaseLine(text, c.start)) {
      addTyped('incident', c);
      continue;
    }
    // "Department of State", "City of Dallas", "Federal Reserve Bank of New York"
    if (toks.length >= 3 && ORG_HEAD.has(toks[0]!.norm) && /\bof\b/.test(c.name) && !isTitleCaseLine(text, c.start)) {
      add('organization', c.name, c, 'an institution named in the article');
      continue;
    }
    if (toks.length >= 2 && ORG_SUFFIX.has(last.norm) && !(toks.length === 2 && NOT_NAME.has(toks[0]!.norm))) {
      add('organization', c.name, c, `a name ending in "${last.text}"`);
      continue;
    }
    const before = text.slice(Math.max(0, c.start - 24), c.start);
    if (toks.length >= 2 && toks.length <= 3 && PERSON_TITLES.test(before)) {
      add('person', c.name, c, 'a name after a title or role');
      continue;
    }
    if (toks.length >= 2 && toks.length <= 4 && plainNameTokens(toks)) {
      // a known first name followed by a word that is not an ordinary word: a person, no parse needed
      // a hyphenated surname ("Bankman-Fried") is a name whatever its parts mean
      // "Park Jin Hyok", "Yajin Zhou": East Asian name shapes that compromise's lexicon does not know
      if (eastAsianName(toks.map((t) => t.text)) && !toks.some((t) => /Place|Country|City|Region/.test(lexTag(t.text)))) {
        add('person', c.name, c, 'a person named in the article');
        continue;
      }
      const hyphenated = toks.length >= 3 && text[toks[toks.length - 2]!.end] === '-';
      const lastTag = hyphenated ? '' : lexTag(last.text);
      if (FIRST_NAME_TAG.test(lexTag(toks[0]!.text)) && (!lastTag || /LastName|Person/.test(lastTag)) && !ORG_SUFFIX.has(last.norm)) {
        add('person', c.name, c, 'a person named in the article');
        continue;
      }
      const ctx = text.slice(Math.max(0, c.start - 60), Math.min(text.length, c.end + 60));
      const adjBefore = text.slice(Math.max(0, c.start - 30), c.start);
      const adjAfter = text.slice(c.end, c.end + 40);
      const place = toks.some((t) => /Place|Country|City|Region|Organization|Company/.test(lexTag(t.text)));
      if (!place && !ORG_SUFFIX.has(last.norm) && (PERSON_AFTER.test(adjAfter) || PERSON_BEFORE.test(adjBefore))) {
        add('person', c.name, c, 'a person named in the article');
        continue;
      }
      if (PERSON_CUE.test(ctx) || toks.length >= 2) undecided.push(c);
    }
  }
  // compromise on the undecided two/three-word names only, each with a little context, one document
  // one compromise look per distinct name: later occurrences take the first one's verdict
  const firstByName = new Map<string, Candidate>();
  for (const c of undecided) if (!firstByName.has(c.name)) firstByName.set(c.name, c);
  const batch = [...firstByName.values()].slice(0, MAX_COMPROMISE_CANDIDATES);
  if (batch.length && !deadline.expired()) {
    const lines = batch.map((c) => {
      const a = Math.max(tokens[Math.max(0, c.tokenStart - CONTEXT_WORDS)]!.start, c.start - MAX_CONTEXT_CHARS);
      const b = Math.min(tokens[Math.min(tokens.length - 1, c.tokenEnd - 1 + CONTEXT_WORDS)]!.end, c.end + MAX_CONTEXT_CHARS);
      return text.slice(a, b).replace(/\s+/g, ' ');
    });
    const doc = nlp(lines.join('\n\n'));
    const people = new Set((doc.people().out('array') as string[]).map((p) => p.toLowerCase().replace(/[^\p{L}\p{N} ]+/gu, ' ').replace(/\s+/g, ' ').trim()));
    const orgs = new Set((doc.organizations().out('array') as string[]).map((p) => p.toLowerCase().replace(/[^\p{L}\p{N} ]+/gu, ' ').replace(/\s+/g, ' ').trim()));
    const verdict = new Map<string, 'person' | 'organization' | 'quoted'>();
    for (const c of batch) {
      const key = c.name.toLowerCase().replace(/[^\p{L}\p{N} ]+/gu, ' ').replace(/\s+/g, ' ').trim();
      const after = text.slice(c.end, c.end + 20);
      if ([...people].some((p) => p === key || (p.includes(key) && p.split(' ').length <= 3))) verdict.set(c.name, 'person');
      else if ([...orgs].some((o) => o === key)) verdict.set(c.name, 'organization');
      else if (SAID_AFTER.test(after)) verdict.set(c.name, 'quoted');
    }
    // Two unknown words in Title Case in running text ("Vitalik Buterin", "Mudit Gupta"): compromise's lexicon
    // knows neither, they are not brand-shaped and carry no organisation word: read as a person's name.
    for (const c of batch) {
      if (verdict.has(c.name) || c.tokens.length !== 2) continue;
      const [a, b] = c.tokens as [Token, Token];
      const unknown = (t: Token): boolean => !lexTag(t.text) && !brandLike(t.text) && !ORG_SUFFIX.has(t.norm) && t.text.length >= 3;
      const before = text.slice(Math.max(0, c.start - 3), c.start);
      const midSentence = /[\p{Ll},]\s+$/u.test(before);
      const placeStart = /^(?:Fort|Mount|Mt|Lake|Port|Saint|St|San|Santa|Los|Las|El|La|New|North|South|East|West|Cape|Isle|Glen|Bay)$/.test(a.text);
      if (unknown(a) && unknown(b) && !placeStart && !placeShaped(c.name) && midSentence && !isTitleCaseLine(text, c.start)) verdict.set(c.name, 'person');
    }
    for (const c of undecided) {
      const v = verdict.get(c.name);
      if (v === 'person') add('person', c.name, c, 'a person named in the article');
      else if (v === 'organization') add('organization', c.name, c, 'an organisation named in the article');
      else if (v === 'quoted') add('person', c.name, c, 'a person quoted in the article');
    }
  }
  // later references by surname ("Ugoretz said")
  const people = [...found.values()].filter((e) => e.type === 'person');
  if (people.length) {
    const bySurname = new Map<string, NerEntity>();
    for (const p of people) {
      const parts = p.name.split(/\s+/);
      const last = parts[parts.length - 1]!.toLowerCase();
      if (parts.length >= 2 && last.length >= 3) bySurname.set(last, p);
    }
    // the mentions each person has so far, to skip a surname inside one of them (the full name)
    const named = new Map(people.map((p) => [p, spanIndex(p.mentions)]));
    for (const t of tokens) {
      if (deadline.step()) break;
      const p = bySurname.get(t.norm);
      if (!p || !isCap(t) || covered(t.start, t.end)) continue;
      if (named.get(p)!.contains(t.start, t.end)) continue;
      p.mentions.push({ text: t.text, start: t.start, end: t.end });
    }
    for (const p of people) p.mentions.sort((a, b) => a.start - b.start);
  }
  // later mentions of a cue-typed name without the cue ("BitoPro said ...")
  if (typedFound.size) {
    const byName = new Map([...typedFound.values()].map((e) => [e.name, e]));
    const starts = new Map([...typedFound.values()].map((e) => [e, new Set(e.mentions.map((m) => m.start))]));
    for (const c of cands) {
      const e = byName.get(c.name);
      if (e && !starts.get(e)!.has(c.start)) {
        e.mentions.push({ text: c.name, start: c.start, end: c.end });
        starts.get(e)!.add(c.start);
      }
    }
    for (const e of typedFound.values()) e.mentions.sort((a, b) => a.start - b.start);
  }
  const typedNames = new Set([...typedFound.values()].map((e) => e.name.toLowerCase()));
  return [...[...found.values()].filter((e) => !typedNames.has(e.name.toLowerCase())), ...typedFound.values()];
}
