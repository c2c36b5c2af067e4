/**
 * The words right around a name that say what it is: "security firm X", "X's CEO", "a backdoor called X",
 * "X said". Each is a precompiled regular expression tried on a few dozen characters next to the name.
 */
import type { EntityType } from '../../shared/contract';
import { COMMON_ACRONYMS } from '../vocab';
import { brandLike, lexTag, type Candidate } from './candidates';

export const PERSON_TITLES = /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Judge|Justice|President|Minister|Secretary|Director|Chairman|CEO|founder|co-founder|analyst|researcher|spokesperson|spokesman|spokeswoman|detective|agent|prosecutor|attorney)\.?\s+)$/;
/** Words near a name that make it worth asking compromise whether it is a person. */
export const PERSON_CUE = /\b(?:said|says|told|according to|wrote|added|explained|noted|stated|tweeted|posted|founder|ceo|cto|chief|director|researcher|analyst|spokes\w+|investigator|officer|agent|head of|minister|secretary|president|chairman|attorney|judge|sentenced|charged|arrested|indicted|named|dubbed|known as)\b/i;
/** Just before a name: what kind of organisation it is ("security firm PeckShield", "the exchange BitoPro"). */
const ORG_CUE_BEFORE =
  /(?:\b(?:security|cybersecurity|blockchain(?: security| analytics| intelligence)?|analytics|forensics?|auditing|audit|research|intelligence|threat intelligence|web3 security|crypto|fintech|software|tech|payments?|investment|consulting|law|incident response)\s+(?:firm|company|companies|platform|provider|vendor|startup|outfit|group|team|agency)|\bresearchers (?:at|from)|\banalysts (?:at|from)|\baccording to|\breported by|\bcybersecurity firm|\bsecurity researchers at)\s+$/i;
/** Just after a name: its people speak for it ("Huntress researchers", "Symantec's report"). */
const ORG_CUE_AFTER = /^(?:[’']s)?\s+(?:CEO|CTO|CFO|COO|CISO|co-?founder|founder|researchers|analysts|threat (?:hunters|intelligence|researchers)|security (?:team|researchers)|told BleepingComputer|spokesperson|spokesman|team said|confirmed|reported that|said in a (?:report|statement|blog))\b/i;
/**
 * Just after a name: its plants or its people ("Cadbury factories", "Coinbase customers", "TaskUs employees").
 * Not "subscribers" or "users", which follow products as often ("Privacy Pro subscribers", "Chrome users").
 */
const STAFF_AFTER = /^\s+(?:factories|plants|stores|shops|offices|branches|warehouses|subsidiaries|employees|staffers|staff|executives|shareholders|customers)\b/;
/** compromise's tags of a word that employs no one: a place, a nationality, a pronoun ("Atlanta employees", "UK plants", "IT staff"). */
const NOT_AN_EMPLOYER = /(?:^|,)(?:Place|City|Country|Region|Demonym|Pronoun|Determiner|Adverb|Conjunction|Preposition)(?:,|$)/;
/** "'s (v1) (yDAI) vault(s)" or " v2/v3 vaults" after a name; not "DAI vault", "LP vaults" (a token's, a kind's). */
const VAULT_AFTER = /^(?:[’']s[ \t]+(?:v\d[\w/.]*[ \t]+)?(?:[\p{L}\p{N}-]+[ \t]+)?|[ \t]+v\d[\w/.]*[ \t]+)vaults?\b/u;
/** Just before a name: a group or person the article names as an attacker ("a cybercrime group known as X", "the threat actor, X,"). */
const ACTOR_CUE_BEFORE =
  /(?:\b(?:group|gang|crew|collective|actor|affiliate|operator|hacker|persona)s?\s+(?:(?:known|tracked|identified) as|called|calling (?:itself|themselves)|named|dubbed|going by)(?:\s+the)?|\bthreat actor,)\s+["“'‘]?$/i;
const EXCHANGE_CUE_BEFORE = /\b(?:crypto(?:currency)?|bitcoin|centralized|centralised|decentralized|decentralised|the|an?|[A-Z][a-z]+n)\s+exchanges?\s+$/;
const EXCHANGE_CUE_AFTER = /^\s+(?:crypto(?:currency)? )?exchange\b/i;
const PROTOCOL_CUE_BEFORE = /\b(?:defi|lending|borrowing|staking|yield|bridge|cross-chain|liquidity|derivatives|dex|swap|restaking|perpetuals?)\s+(?:protocol|platform|project|aggregator|bridge|market|exchange)\s+$/i;
const PROTOCOL_CUE_AFTER = /^\s+(?:protocol|bridge|DAO|DEX|vault|vaults|lending protocol|contract|smart contract|exploit|exploiter|team|token|stablecoin|multisig)\b/;
/**
 * Words that say a name is malicious software. "tool", "module", "framework", "plugin", "script",
 * "payload" are left out: legitimate software stands before them as often ("the VeraCrypt tool"); only
 * the knowledge base types such names as malware. Before "ransomware" or "loader", a name that is the
 * second of a pair ("the VeraCrypt and TrueCrypt ransomware operations") is not typed: the word may
 * describe the operation that abused both.
 */
const MALWARE_WORD = '(?:malware|backdoor|stealer|infostealer|info-stealer|trojan|RAT|implant|dropper|downloader|botnet|spyware|wiper|rootkit|keylogger|clipper|drainer|ransomware|loader)';
/** "a backdoor called X", "a custom ransomware family called X", "the ‘X’ implant": quotes of either kind around the name. */
const MALWARE_CUE_BEFORE = new RegExp(`\\b${MALWARE_WORD}\\s+(?:(?:family|strain|variant)\\s+)?(?:(?:called|named|dubbed|known as|tracked as)\\s+)?["“‘']?$`, 'i');
const MALWARE_CUE_AFTER = new RegExp(`^["”’']?\\s+(?:(?:macOS|Windows|Linux|Android|iOS|Python|Go|Rust|JavaScript|PowerShell|Node\\.js|new|custom)\\s+)?${MALWARE_WORD}s?\\b`, 'i');
/**
 * A name defined as malware right after it, by a dash or an appositive whose head noun is a malware word:
 * "WAVESHAPER – C++ backdoor that runs ...", "InfoHook, an information stealer previously seen ...". The
 * malware word must end the noun phrase (punctuation, a clause or participle, a preposition follows), so
 * "Acme, a malware analysis firm" or "Qilin, a ransomware gang" are not malware.
 */
const MALWARE_DEFINED_AFTER = new RegExp(
  `^["”’']?(?:[ \\t]+[–—-]|,)[ \\t]+(?:(?:a|an|the)[ \\t]+)?(?:[\\p{L}\\p{N}+#/.-]+[ \\t]+){0,4}?${MALWARE_WORD}(?=[ \\t]*(?:[,.;:)]|$)|[ \\t]+(?:that|which|used|written|capable|designed|for|from|with|by|in|on|targeting|previously|first|also|\\p{Ll}+ly|\\p{Ll}+ed)\\b)`,
  'iu',
);
/**
 * "the cryptocurrency Squid", "a token called X", "the stablecoin X": a coin named by its kind. After "a"
 * only with "called": "a cryptocurrency ATM" uses the word as a modifier.
 */
const COIN_CUE_BEFORE = /(?:\b(?:the|its)\s+(?:cryptocurrency|token|coin|memecoin|meme coin|stablecoin|altcoin)\s+|\b(?:a|an|the|new)\s+(?:cryptocurrency|token|coin|memecoin|meme coin|stablecoin|altcoin)\s+(?:called|named|dubbed)\s+)["“]?$/i;
/** A malware word alone ("RAT") is no malware's name. */
const MALWARE_NAME_ITSELF = new RegExp(`^${MALWARE_WORD}s?$`, 'i');
/** A malware word anywhere (no `g` flag: `test` keeps no state between calls). */
export const MALWARE_WORD_RE = new RegExp(`\\b${MALWARE_WORD}s?\\b`, 'i');
/** Right next to a person's name: what people do in these stories. */
export const PERSON_AFTER = /^(?:,\s+(?:senior\s+|chief\s+|lead\s+|principal\s+|deputy\s+|executive\s+)?(?:director|vice president|vp|head|researcher|analyst|co-?founder|founder|ceo|cto|cfo|coo|ciso|partner|manager|engineer|investigator)\s+(?:of|at)|,\s+(?:a|an|the)\s+(?:\d+-year-old|former|co-?founder|founder|chief|head|ceo|cto|director|researcher|analyst|resident|citizen|national|developer|leader|member)|,\s+(?:who|aka|also known as|\d{1,2}\b(?![,.]\d)(?!\s*(?:percent|%|million|billion)))|\s+\((?:aka|a\.k\.a\.|also known as|known as|\d{2}\))|\s+(?:pleaded|pled|was sentenced|was charged|was arrested|was extradited|admitted|faces|allegedly|is accused|were charged|has been charged|told|said|says|wrote|tweeted|posted|explained|added|noted))\b/i;
export const PERSON_BEFORE = /(?:\b(?:named|identified as|defendants?|suspects?|co-?founders?|founder|ceo|cto|director|researcher|analyst|investigator|attorney|judge|prosecutor|spokesperson|agent|hacker|developer|national|citizen|resident|brothers?|sisters?|wife|husband)\s+|\bsaid\s+)$/i;

export const SAID_AFTER = /^,?\s+(?:said|says|told|wrote|added|explained|noted|stated|tweeted|posted)\b/;

/** The type the words right around a name give it ("the eXch exchange", "a backdoor called X"), and the cue's rule id. */
export function cuedType(text: string, c: Candidate): { type: EntityType; rule: string } | null {
  const toks = c.tokens;
  const last = toks[toks.length - 1]!;
  const acronym = toks.length === 1 && COMMON_ACRONYMS.has(last.text);
  // at the start of a sentence a capital says nothing: "Security researchers found..." is no firm called Security
  // (after an opening parenthesis or quote too: "(Being ransomware) was a mechanism...")
  const plainAtStart = toks.length === 1 && !brandLike(last.text) && /(?:^|[.!?:]\s+|\n\s*)[("“'‘]{0,2}$/.test(text.slice(Math.max(0, c.start - 5), c.start));
  // "Yearn's v1 yDAI vault", "Yearn v2/v3 vaults": a DeFi protocol's own vaults, at a sentence start too
  if (!acronym && toks.length <= 2 && VAULT_AFTER.test(text.slice(c.end, c.end + 40))) return { type: 'protocol', rule: 'cue-vault' };
  if (acronym || plainAtStart || toks.length > 3) return null;
  const before = text.slice(Math.max(0, c.start - 60), c.start);
  const after = text.slice(c.end, c.end + 60);
  const paired = /\b(?:and|or|&)\s+$|,\s*$/.test(text.slice(Math.max(0, c.start - 6), c.start)) || /^\s+(?:and|or|&)\s/.test(after);
  if (MALWARE_CUE_AFTER.test(after) && !paired && (brandLike(toks[0]!.text) || toks.length === 1) && !/^(?:The|This|That|New|Malicious|A|An)$/.test(toks[0]!.text)) return { type: 'malware', rule: 'cue-malware-after' };
  if (MALWARE_CUE_BEFORE.test(before) && brandLike(toks[0]!.text)) return { type: 'malware', rule: 'cue-malware-before' };
  // "a remote access trojan, or RAT — essentially malware that ...": a malware word is no malware's name
  if (MALWARE_DEFINED_AFTER.test(after) && brandLike(toks[0]!.text) && toks.length <= 2 && !MALWARE_NAME_ITSELF.test(c.name)) return { type: 'malware', rule: 'cue-malware-defined' };
  if (ACTOR_CUE_BEFORE.test(before)) return { type: 'threat-actor', rule: 'cue-actor' };
  if (COIN_CUE_BEFORE.test(before) && toks.length <= 2) return { type: 'cryptocurrency', rule: 'cue-coin' };
  if (EXCHANGE_CUE_AFTER.test(after) || (EXCHANGE_CUE_BEFORE.test(before) && toks.length <= 2)) return { type: 'exchange', rule: 'cue-exchange' };
  if (PROTOCOL_CUE_AFTER.test(after) || PROTOCOL_CUE_BEFORE.test(before)) return { type: 'protocol', rule: 'cue-protocol' };
  if (ORG_CUE_BEFORE.test(before)) return { type: 'organization', rule: 'cue-org-before' };
  if (STAFF_AFTER.test(after) && !toks.some((t) => NOT_AN_EMPLOYER.test(lexTag(t.text)))) return { type: 'organization', rule: 'cue-org-staff' };
  if (ORG_CUE_AFTER.test(after)) return { type: 'organization', rule: 'cue-org-after' };
  return null;
}

/** Words before a kind-of-organisation noun that say nothing about the kind ("the firm", "its provider"). */
const KIND_DETERMINER = /^(?:the|a|an|its|their|his|her|our|this|that|another|other|one)$/;
/** compromise's tags a modifier of a kind noun cannot have ("said company X", "in firm X"); a noun that is also a verb ("finance") may. */
const NOT_A_KIND_MODIFIER = /(?:^|,)(?:PastTense|PresentTense|Copula|Modal|Auxiliary|Pronoun|Preposition|Conjunction|Adverb|QuestionWord)(?:,|$)/;
/** Heads of a group of people: with attack words among the modifiers ("a hacking group", "a ransomware gang") a threat actor. */
const ACTOR_KIND = /^(?:group|gang|crew|collective|syndicate)s?$/;
const ACTOR_MODIFIER = /\b(?:hacking|hacker|hackers|cybercrime|cybercriminal|criminal|ransomware|extortion|threat|apt|espionage|cyber-?espionage|state-sponsored|state-backed)\b/i;
/** DeFi words among a kind noun's modifiers: "decentralized finance company Drift" is a protocol. */
const DEFI_KIND = /\b(?:de-?fi|decentrali[sz]ed[ \t]+finance|lending|yield|liquidity|staking|dex)\b/i;
/** "its firewall provider, " right before a name: a determiner, one to three modifiers, a kind noun, a comma. */
const FRONTED_KIND_RE = /\b(?:its|their|his|her|our|the|a|an)[ \t]+((?:\p{Ll}[\p{L}-]*[ \t]+){1,3})(\p{Ll}+),[ \t]+$/u;
/** Up to five words right before a name, then an optional "called" ("a website called X"). */
const KIND_BEFORE_RE = /((?:[\p{L}][\p{L}\p{N}-]*[ \t]+){1,5}?)((?:called|named|dubbed)[ \t]+)?$/u;
/**
 * ", a technology company", ", the Spanish telecommunications giant", ", their custody provider", ", one of the largest clinical lab
 * testing companies": an appositive whose head noun is a kind of organisation, closed by punctuation or
 * by what follows a head noun ("used by", "based in", "that", "of").
 */
const KIND_AFTER_RE = /^,[ \t]+(?:a|an|the|its|their|one[ \t]+of[ \t]+the)[ \t]+((?:[\p{L}][\p{L}\p{N}-]*[ \t]+){0,5}?)(\p{Ll}[\p{L}-]*)(?=[ \t]*(?:[,.;:)]|$)|[ \t]+(?:that|which|who|whose|used|based|headquartered|in|of|with|for|from|at|on|and|serving|providing|owned|operating|founded|behind|known|believed|thought|suspected|linked|tied|responsible|accused|allegedly|reportedly|blamed)\b)/u;

/**
 * The organisation kind the words right next to a name give it, or null: a kind noun with at least one
 * modifier before it ("pharmaceutical giant Merck", "the shipping firm FedEx"; not "the company X", which
 * is as often the start of a clause), "a <kind> called X", or an appositive after it headed by a kind noun
 * ("Marquis, a technology company used by ..."). DeFi words make it a protocol; a group described with
 * attack words ("The Shadow Brokers, a hacking group believed to ...") a threat actor.
 */
export function describedKind(text: string, c: Candidate, kinds: ReadonlySet<string>): 'organization' | 'protocol' | 'threat-actor' | null {
  const lexTagOf = (w: string): string => lexTag(w);
  const after = KIND_AFTER_RE.exec(text.slice(c.end, c.end + 120));
  if (after && ACTOR_KIND.test(after[2]!) && ACTOR_MODIFIER.test(after[1]!)) return 'threat-actor';
  if (after && kinds.has(after[2]!)) return DEFI_KIND.test(after[1]!) ? 'protocol' : 'organization';
  // "sued its firewall provider, SonicWall, in February": a description then the name in apposition, closed
  const fronted = FRONTED_KIND_RE.exec(text.slice(Math.max(0, c.start - 70), c.start));
  if (fronted && kinds.has(fronted[2]!) && /^(?:[,.;:)\]]|$)/.test(text.slice(c.end, c.end + 1)) && fronted[1]!.trim().split(/[ \t]+/).every((w) => !NOT_A_KIND_MODIFIER.test(lexTagOf(w))))
    return DEFI_KIND.test(fronted[0]) ? 'protocol' : 'organization';
  // quotation marks say nothing here: 'a so-called "decentralized autonomous organization" called CityDAO'
  const before = text.slice(Math.max(0, c.start - 70), c.start).replace(/["“”]/g, '');
  if (!/[ \t]$/.test(before)) return null;
  const m = KIND_BEFORE_RE.exec(before);
  if (!m) return null;
  const words = m[1]!.trim().split(/[ \t]+/);
  const head = words[words.length - 1]!;
  if (!kinds.has(head)) return null;
  // the modifiers: the lower-case words right before the head, up to a determiner or a capitalised word
  const mods: string[] = [];
  for (let k = words.length - 2; k >= 0; k--) {
    const w = words[k]!;
    // a short acronym is a modifier too ("the IT company SolarWinds", "a UK bank")
    if (!(/^\p{Ll}/u.test(w) || /^\p{Lu}{2,4}$/u.test(w)) || KIND_DETERMINER.test(w)) break;
    // "at government contractor giant X": a preposition or verb before the modifiers ends them; right before
    // the kind noun ("said company X", "in firm X") it says the noun is no description
    if (/^\p{Ll}/u.test(w) && NOT_A_KIND_MODIFIER.test(lexTagOf(w))) {
      if (mods.length) break;
      return null;
    }
    mods.unshift(w);
  }
  if (!mods.length && !m[2]) return null;
  return DEFI_KIND.test(`${words.join(' ')}`) ? 'protocol' : 'organization';
}
