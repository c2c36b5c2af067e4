/**
 * When the text treats a plain (not defanged) domain, URL or IP address as the attackers' own: what
 * makes one an indicator outside an IOC section (issue 18, docs/indicators.md).
 *
 * A threat word somewhere near a name is not enough: "a phishing campaign targeting crates.io users"
 * names the victim, "malicious guides on a trusted domain (chatgpt.com)" the abused service, "featured
 * on rekt.news ... a scam" a news site. The threat word must belong to the name's own phrase:
 * - before it, as what the name is: "the phishing domain X", "C2 server at X", "malicious sites such
 *   as X, Y and Z", "look-alike X", "the attackers' server X";
 * - after it, in apposition or as a predicate: "X, a phishing site", "X (a malicious domain)",
 *   "X was the attackers' C2 server", "X served as C2";
 * - as the object of an attacker's act: "the threat actor registered the domain X", "exfiltrates the
 *   results to X", "beacons to X";
 * - in a list that a line introduces ("Phishing domains:") or a table whose header says so
 *   ("| Indicator | Type |"): see `listOpener`.
 *
 * Each test reads a bounded window on the name's line, so the whole pass stays linear in the text.
 */

/** A threat word that can qualify an infrastructure noun ("phishing site", "attacker-controlled server"). */
const CUE = String.raw`(?:phishing|malicious|look-?alike|typo-?squat\w*|drainers?|scam|fraudulent|rogue|botnet|exfiltration|(?:attacker|hacker|threat actor|scammer)(?:s'|s’|'s|’s)|(?:attacker|hacker|scammer)-(?:controlled|owned|operated|registered)|C2|C&C|command[- ]and[- ]control)`;
/** Command-and-control: a noun of its own ("its C2 at X"). */
const C2 = String.raw`(?:C2|C&C|command[- ]and[- ]control)`;
/** What a name can be: the noun the threat word qualifies. */
const HEAD = String.raw`(?:(?:sub)?domains?(?: names?)?|(?:web ?)?sites?|web ?pages?|landing pages?|pages?|servers?|URLs?|links?|hosts?|host ?names?|infrastructure|IPs?(?: address(?:es)?)?|endpoints?|panels?|gateways?|relays?|nodes?|portals?|proxies|proxy)`;
/** Up to two words between the threat word and its noun ("phishing and malware domains"), not a preposition or an article. */
const MODS = String.raw`(?:(?!(?:on|at|to|of|for|from|by|via|in|into|against|targeting|impersonating|mimicking|copying|spoofing|posing|the|a|an|that|which|who)\b)[\w'’&-]+\s+){0,2}?`;
/** Words that join the noun to the name: "at", "such as", a colon, an opening bracket or quote. */
const LINK = String.raw`(?:\s*(?:at|on|named|called|such as|like|including|is|was|were|are|:|,|\(|[-–—]))*\s*`;
/** A name as written (dots defanged or not). */
const NAME = String.raw`[\w-]+(?:(?:\.|\[\.\]|\(\.\)|\[dot\]|:)[\w-]+)+[\w/.:%?=&\[\]-]*`;
/** Earlier names of the same list: "domains X, Y and the subdomain Z". */
const LISTED = String.raw`(?:[\x60"“‘'(*_]*${NAME}[\x60"”’')*_]*\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?(?:(?:sub)?domains?\s+)?)*`;
const OPEN = String.raw`[\x60"“‘'(*_]*`;

const BEFORE: readonly RegExp[] = [
  // "the phishing domain X", "C2 server at X", "its C2: X", "look-alike X"
  new RegExp(String.raw`(?:\b${CUE}[\s-]+${MODS}${HEAD}|\b${C2})\b${LINK}${LISTED}${OPEN}$`, 'i'),
  new RegExp(String.raw`\b(?:look-?alike|typo-?squat\w*)\s+${LISTED}${OPEN}$`, 'i'),
  // "the threat actor registered the domain X"
  new RegExp(
    String.raw`\b(?:attackers?|threat actors?|hackers?|scammers?|fraudsters?|criminals?|perpetrators?)\b[^.!?\n]{0,80}?\bregister(?:ed|s|ing)?\s+(?:(?:the|a|an|several|multiple|\d+|two|three)\s+)?(?:(?:look-?alike|typo-?squat\w*|new|similar|fake)\s+)?(?:(?:sub)?domains?(?:\s+names?)?\s+)?(?:(?:such as|like|including)\s+|:\s*)?${LISTED}${OPEN}$`,
    'i',
  ),
  // "exfiltrates the results of this search to X", "beacons to X"
  new RegExp(String.raw`\b(?:exfiltrat\w*|beacon(?:s|ed|ing)?|call(?:s|ed|ing)? (?:back|home)|phon(?:es|ed|ing) home)(?:\s+[\w'’-]+){0,6}?\s+(?:to|at)\s+${LISTED}${OPEN}$`, 'i'),
];

const AFTER: readonly RegExp[] = [
  // "X, a phishing site", "X (a malicious domain)", "X – the attackers' C2"
  new RegExp(String.raw`^[\x60"”’')*_]*\s*(?:,|\(|\s[-–—])\s*(?:a|an|the|one|another|its|their)\s+(?:[\w-]+\s+){0,2}?(?:${CUE}[\s-]+${MODS}${HEAD}|${C2})\b`, 'i'),
  // "X (phishing site)", "X (C2)"
  new RegExp(String.raw`^[\x60"”’')*_]*\s*\(\s*(?:${CUE}[\s-]+${MODS}${HEAD}|${C2})\b`, 'i'),
  // "X was a phishing site", "X served as the C2"
  new RegExp(
    String.raw`^[\x60"”’')*_]*\s+(?:is|was|were|are|has been|had been|remains|served as|acted as|functioned as|became)\s+(?:(?:a|an|the|one|another|its|their)\s+)?(?:[\w-]+\s+){0,2}?(?:${CUE}[\s-]+${MODS}${HEAD}|${C2})\b`,
    'i',
  ),
];

/** A cheap first look: without one of these words no rule below can match. */
const ANY_CUE = /phishing|malicious|look-?alike|typo-?squat|drainer|scam|fraudulent|rogue|botnet|exfiltrat|beacon|call(?:s|ed|ing)? (?:back|home)|phon\w+ home|attacker|hacker|threat actor|scammer|fraudster|criminal|perpetrator|C2|C&C|command[- ]and[- ]control/i;

/**
 * True when the text treats the name between `pre` and `post` (the text just before and after it on
 * its line) as an indicator.
 */
export function treatedAsIndicator(pre: string, post: string): boolean {
  if (ANY_CUE.test(pre) && BEFORE.some((re) => re.test(pre))) return true;
  return ANY_CUE.test(post) && AFTER.some((re) => re.test(post));
}

const LIST_LABEL = new RegExp(String.raw`(?:\b${CUE}[\s-]+${MODS}${HEAD}|\b${C2})\b`, 'i');
const TABLE_HEADER_CELL = new RegExp(String.raw`\|\s*(?:indicators?|IOCs?|(?:${CUE}[\s-]+${MODS})?(?:domains?|URLs?|IPs?(?: address(?:es)?)?|hosts?)|${C2}(?:\s+${HEAD})?)\s*(?=\|)`, 'i');

/**
 * What a line opens: 'list' for a short line that introduces indicators ("Phishing domains used:"),
 * 'table' for a table header with an indicator column ("| Indicator | Type |", "| C2 domain | First seen |"),
 * or null.
 */
export function listOpener(line: string): 'list' | 'table' | null {
  const t = line.trim();
  if (t.length > 120) return null;
  if (t.endsWith(':') && ANY_CUE.test(t) && LIST_LABEL.test(t)) return 'list';
  if (t.startsWith('|') && TABLE_HEADER_CELL.test(t.endsWith('|') ? t : `${t}|`)) return 'table';
  return null;
}

/** A line that continues a list: a list item, or one bare token (a name on a line of its own). */
export function isListItem(line: string): boolean {
  const t = line.trim();
  return t.length <= 160 && (/^(?:[-*•+]|\d{1,3}[.)])\s/.test(t) || !/\s/.test(t));
}
