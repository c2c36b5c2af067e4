/**
 * The cheap gate: runs in the content script on every page, before anything expensive.
 *
 * Dependency-free on purpose (it is bundled into every page): the title, URL, meta description and the
 * first paragraphs are split into words once, and each word is looked up in one small table. It errs
 * towards letting pages through — the full detector in the background decides; the gate only spares
 * ordinary pages the cost.
 *
 * A table rather than regular expressions: a page that fails the gate runs it once, cold, so what counts
 * is the first call. Three large case-insensitive alternations cost about 0.7 ms to compile on that first
 * call in a page (docs/performance.md); one `\w+` scan and a few hundred map look-ups cost a fraction.
 * The words are those of the earlier expressions, with the same word boundaries (ASCII `\w`, case folded):
 * whole words, word prefixes ("hack" → hacked, hackers), and two-word phrases whose words are separated by
 * one space or hyphen ("north korea", "tornado-cash"; "apt-38" now too), or written as one word where the earlier expression
 * allowed it ("rugpull", "flashloan").
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
const ALL = STRONG | CRYPTO | SECURITY;
const SEPARATOR = /[\s-]/;

/** Whole words. */
const WORDS: Record<number, string> = {
  [STRONG]: 'ransomware lazarus dprk kimsuky bluenoroff apt38 rekt ofac flashloan',
  [CRYPTO]:
    'btc ethereum ether eth defi usdt usdc tether token tokens nft nfts web3 wallet wallets binance coinbase solana monero xmr exchange exchanges exchanger bridge dex dao',
  [SECURITY]: 'stole stolen theft heist malware drainer',
};
/** Word prefixes: any word that starts with one of these. */
const PREFIXES: Record<number, string> = {
  [STRONG]: 'cryptohack cryptoheist cryptotheft cryptoscam cryptodrainer cryptolaundering rugpull',
  [CRYPTO]: 'bitcoin crypto blockchain stablecoin altcoin mixer krypto cripto',
  [SECURITY]: 'hack exploit steal drain launder scam phish breach attack sanction seiz ransom fraud compromis vulnerab extort indict arrest cybercrim',
};
/**
 * Two words, separated by exactly one space or hyphen: "first second" (whole second word) or
 * "first second*" (second word starts with it).
 */
const PAIRS: Record<number, string> = {
  [STRONG]:
    'north korea* apt 38 tornado cash crypto hack* crypto heist* crypto theft* crypto scam* crypto drainer* crypto laundering* wallet drainer rug pull* flash loan sim swap* pig butchering',
  [CRYPTO]: 'smart contract*',
  [SECURITY]: '',
};

interface Tables {
  words: Map<string, number>;
  prefixes: Map<string, number>;
  /** the prefix lengths present, longest first */
  lengths: number[];
  /** "first second" → group, and "first second*" → group for prefix matches of the second word */
  pairs: Map<string, number>;
  pairPrefixes: Map<string, number>;
  pairPrefixLengths: number[];
}

let tables: Tables | null = null;

function add(map: Map<string, number>, key: string, group: number): void {
  map.set(key, (map.get(key) ?? 0) | group);
}

function buildTables(): Tables {
  const t: Tables = { words: new Map(), prefixes: new Map(), lengths: [], pairs: new Map(), pairPrefixes: new Map(), pairPrefixLengths: [] };
  for (const g of [STRONG, CRYPTO, SECURITY]) {
    for (const w of WORDS[g]!.split(' ')) add(t.words, w, g);
    for (const p of PREFIXES[g]!.split(' ')) add(t.prefixes, p, g);
    const pairWords = PAIRS[g]!.split(' ').filter(Boolean);
    for (let i = 0; i + 1 < pairWords.length; i += 2) {
      const second = pairWords[i + 1]!;
      if (second.endsWith('*')) add(t.pairPrefixes, `${pairWords[i]} ${second.slice(0, -1)}`, g);
      else add(t.pairs, `${pairWords[i]} ${second}`, g);
    }
  }
  t.lengths = [...new Set([...t.prefixes.keys()].map((p) => p.length))].sort((a, b) => b - a);
  t.pairPrefixLengths = [...new Set([...t.pairPrefixes.keys()].map((p) => p.length))].sort((a, b) => b - a);
  return t;
}

/** The groups one word (or "first second" phrase) belongs to. */
function groupsOf(word: string, exact: Map<string, number>, prefixes: Map<string, number>, lengths: number[]): number {
  let g = exact.get(word) ?? 0;
  for (const n of lengths) if (n <= word.length) g |= prefixes.get(word.slice(0, n)) ?? 0;
  return g;
}

function slug(url: string | null | undefined): string {
  if (!url) return '';
  const m = /^[a-z]+:\/\/[^/]*(\/[^?#]*)?/i.exec(url);
  return (m?.[1] ?? '').replace(/[-_/.]+/g, ' ');
}

/** Which of the three groups occur in the text, as bits. */
export function gateGroups(text: string): number {
  const t = (tables ??= buildTables());
  const lower = text.toLowerCase();
  const wordRe = /\w+/g;
  let seen = 0;
  let prev = '';
  let prevEnd = -2;
  for (let m = wordRe.exec(lower); m; m = wordRe.exec(lower)) {
    const word = m[0];
    // "thie\w+": thief, thieves (not the bare stem)
    seen |= groupsOf(word, t.words, t.prefixes, t.lengths) | (word.length > 4 && word.startsWith('thie') ? SECURITY : 0);
    // one whitespace character or a hyphen between the two words (as `[\s-]` in the earlier expressions)
    if (m.index === prevEnd + 1 && SEPARATOR.test(lower[prevEnd]!)) seen |= groupsOf(`${prev} ${word}`, t.pairs, t.pairPrefixes, t.pairPrefixLengths);
    if (seen === ALL) break; // nothing more to learn
    prev = word;
    prevEnd = m.index + word.length;
  }
  return seen;
}

export function gate(input: GateInput): GateResult {
  const lead = input.lead ? input.lead.slice(0, GATE_MAX_LEAD_CHARS) : '';
  const seen = gateGroups(`${input.title ?? ''}\n${slug(input.url)}\n${input.description ?? ''}\n${lead}`);
  const hits: string[] = [];
  if (seen & STRONG) hits.push('strong');
  if (seen & CRYPTO) hits.push('crypto');
  if (seen & SECURITY) hits.push('security');
  return { pass: (seen & STRONG) !== 0 || ((seen & CRYPTO) !== 0 && (seen & SECURITY) !== 0), hits };
}
