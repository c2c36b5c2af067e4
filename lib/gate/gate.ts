/**
 * The cheap gate: runs in the content script on every page, before anything expensive.
 *
 * Dependency-free on purpose (it is bundled into every page): the title, URL, meta description and the
 * first paragraphs are searched for a short list of words and phrases. It errs
 * towards letting pages through — the full detector in the background decides; the gate only spares
 * ordinary pages the cost.
 *
 * Plain string search rather than regular expressions: a page that fails the gate runs it once, cold, so
 * what counts is the first call. Three large case-insensitive alternations cost about 0.7 ms to compile on
 * that first call in a page, and code that builds look-up tables costs about as much to run cold
 * (docs/performance.md); about ninety native `indexOf` scans of a few kilobytes cost a fraction. The words
 * are those of the earlier expressions, with the same word boundaries (ASCII `\w`, case folded): whole
 * words, word prefixes ("hack" → hacked, hackers), and two-word phrases whose words are separated by one
 * whitespace character or hyphen ("north korea", "tornado-cash"; "apt-38" now too), or written as one word
 * where the earlier expression allowed it ("rugpull", "flashloan").
 */

export interface GateInput {
  title?: string | null;
  url?: string | null;
  description?: string | null;
  /** og:type / JSON-LD @type */
  pageType?: string | null;
  /** the first ~2 paragraphs of visible text */
  lead?: string | null;
}

export interface GateResult {
  pass: boolean;
  /** which groups of words were seen: 'strong', 'crypto', 'security' (in that order) */
  hits: string[];
}

/** Only this much lead text is scanned: the gate must stay in microseconds on huge pages. */
export const GATE_MAX_LEAD_CHARS = 4000;

const STRONG = 1;
const CRYPTO = 2;
const SECURITY = 4;

/**
 * The words of each group: `word` (a whole word), `word*` (any word starting so), `stem+` (the stem and at
 * least one more letter), and two-word phrases `first second` / `first second*` whose words are separated by
 * exactly one whitespace character or hyphen.
 */
export const GROUPS: [number, string[]][] = [
  [
    STRONG,
    // prettier-ignore
    ['ransomware', 'lazarus', 'north korea*', 'dprk', 'kimsuky', 'bluenoroff', 'apt38', 'apt 38', 'tornado cash', 'cryptohack*', 'crypto hack*',
      'cryptoheist*', 'crypto heist*', 'cryptotheft*', 'crypto theft*', 'cryptoscam*', 'crypto scam*', 'cryptodrainer*', 'crypto drainer*',
      'cryptolaundering*', 'crypto laundering*', 'rekt', 'wallet drainer', 'rugpull*', 'rug pull*', 'flashloan', 'flash loan', 'sim swap*',
      'pig butchering', 'ofac'],
  ],
  [
    CRYPTO,
    // prettier-ignore
    ['crypto*', 'bitcoin*', 'blockchain*', 'btc', 'ethereum', 'ether', 'eth', 'defi', 'stablecoin*', 'usdt', 'usdc', 'tether', 'token', 'tokens',
      'nft', 'nfts', 'web3', 'wallet', 'wallets', 'binance', 'coinbase', 'solana', 'monero', 'xmr', 'altcoin*', 'exchange', 'exchanges',
      'exchanger', 'bridge', 'smart contract*', 'dex', 'dao', 'mixer*', 'krypto*', 'cripto*'],
  ],
  [
    SECURITY,
    // prettier-ignore
    ['hack*', 'exploit*', 'stole', 'stolen', 'steal*', 'theft', 'thie+', 'drain*', 'launder*', 'scam*', 'phish*', 'breach*', 'attack*', 'heist',
      'sanction*', 'seiz*', 'ransom*', 'malware', 'fraud*', 'compromis*', 'vulnerab*', 'extort*', 'indict*', 'arrest*', 'cybercrim*'],
  ],
];

/**
 * JavaScript's `\s`, by character code. No regular expression in the gate: each one costs 50–250 µs to
 * compile on its first use in a page, more than the whole search (docs/performance.md, section 3).
 */
export function isSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** ASCII `\w` (the text is lower-cased first; NaN past the end is not a word character). */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || (c >= 65 && c <= 90);
}

/** Whether `term` (see GROUPS) occurs in the lower-cased text. */
function occurs(text: string, term: string): boolean {
  const last = term[term.length - 1];
  const open = last === '*' || last === '+';
  const body = open ? term.slice(0, -1) : term;
  const space = body.indexOf(' ');
  const first = space < 0 ? body : body.slice(0, space);
  for (let i = text.indexOf(first); i >= 0; i = text.indexOf(first, i + 1)) {
    if (i > 0 && isWordChar(text.charCodeAt(i - 1))) continue; // inside a word
    let end = i + first.length;
    if (space >= 0) {
      const second = body.slice(space + 1);
      const sep = text.charCodeAt(end);
      if (!(sep === 45 || isSpace(sep)) || !text.startsWith(second, end + 1)) continue; // one '-' or whitespace
      end += 1 + second.length;
    }
    const more = isWordChar(text.charCodeAt(end));
    if (last === '*' || (last === '+' ? more : !more)) return true;
  }
  return false;
}

/** The address's path with its separators (`-_/.`) as spaces: ".../north-korea-hack.html" → " north korea hack html". */
export function slug(url: string | null | undefined): string {
  if (!url) return '';
  const scheme = url.indexOf('://');
  if (scheme < 1) return '';
  for (let i = 0; i < scheme; i++) {
    const c = url.charCodeAt(i) | 32;
    if (c < 97 || c > 122) return ''; // not letters: no scheme
  }
  const pathAt = url.indexOf('/', scheme + 3); // the host is everything up to it
  if (pathAt < 0) return '';
  let end = url.length;
  const query = url.indexOf('?', pathAt);
  const fragment = url.indexOf('#', pathAt);
  if (query >= 0) end = query;
  if (fragment >= 0 && fragment < end) end = fragment;
  let out = '';
  let run = false;
  for (let i = pathAt; i < end; i++) {
    const ch = url[i]!;
    const sep = ch === '-' || ch === '_' || ch === '/' || ch === '.';
    if (!sep) out += ch;
    else if (!run) out += ' ';
    run = sep;
  }
  return out;
}

/**
 * Which of the three groups occur in the text, as bits: one native `indexOf` scan per term, and a look at
 * the characters around each place it is found. This runs once, cold, on every page that fails: no table
 * to build, no regular expression to compile. `verdictOnly`: the search stops once the verdict is known (a
 * strong word found; no crypto word, so the security words cannot matter), and the bits may miss a group.
 */
function gateGroups(text: string, verdictOnly: boolean): number {
  const lower = text.toLowerCase();
  let seen = 0;
  for (const [group, terms] of GROUPS) {
    if (verdictOnly && (seen & STRONG || (group === SECURITY && !(seen & CRYPTO)))) break;
    for (const term of terms) {
      if (occurs(lower, term)) {
        seen |= group;
        break;
      }
    }
  }
  return seen;
}

/**
 * The first words of GROUPS' two-word terms, as " north apt ... " (a test derives it from GROUPS): written
 * out, as building it on every page, cold, cost more than all the calls that read it.
 */
export const PHRASE_STARTS = ' north apt tornado crypto wallet rug flash sim pig smart ';

/** Longer than any first word of a two-word term: only this much of a text's end is looked at. */
const PHRASE_START_TAIL = 16;

/**
 * Whether the text ends with the first word of a two-word term ("... in North"): then what follows it
 * decides, and a text put after it may complete the phrase (lib/gate/read-gate-input.ts `gateWithoutLayout`).
 * Only the text's tail is lower-cased: a last word that fills it is longer than every first word.
 */
export function endsWithPhraseStart(text: string): boolean {
  const tail = text.slice(-PHRASE_START_TAIL).toLowerCase();
  let start = tail.length;
  while (start > 0 && isWordChar(tail.charCodeAt(start - 1))) start--;
  if (start === tail.length || (start === 0 && tail.length < text.length)) return false;
  return PHRASE_STARTS.includes(` ${tail.slice(start)} `);
}

/**
 * `maxLeadChars`: how much of the lead is searched (the gate's own limit unless a caller needs all of it).
 * `verdictOnly`: only `pass` is needed (the gate script's first look at a page): the search stops as soon
 * as it is known, and `hits` may then miss a group.
 */
export function gate(input: GateInput, maxLeadChars = GATE_MAX_LEAD_CHARS, verdictOnly = false): GateResult {
  const lead = input.lead ? input.lead.slice(0, maxLeadChars) : '';
  const seen = gateGroups(`${input.title ?? ''}\n${slug(input.url)}\n${input.description ?? ''}\n${lead}`, verdictOnly);
  const hits: string[] = [];
  if (seen & STRONG) hits.push('strong');
  if (seen & CRYPTO) hits.push('crypto');
  if (seen & SECURITY) hits.push('security');
  return { pass: (seen & STRONG) !== 0 || ((seen & CRYPTO) !== 0 && (seen & SECURITY) !== 0), hits };
}
