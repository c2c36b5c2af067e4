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
 * call in a page (docs/performance.md); one native split and a look-up or two per word cost a fraction.
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
  /** whole word → groups */
  words: Record<string, number>;
  /** the first four letters of a prefix → [prefix, groups] (every prefix has at least four) */
  prefixes: Record<string, [string, number][]>;
  /** first word of a phrase → [second word, second is a prefix, groups] */
  pairs: Record<string, [string, boolean, number][]>;
}

let tables: Tables | null = null;

function buildTables(): Tables {
  // null prototypes: a page's words such as "constructor" must not find Object.prototype's members
  const t: Tables = { words: Object.create(null) as Tables['words'], prefixes: Object.create(null) as Tables['prefixes'], pairs: Object.create(null) as Tables['pairs'] };
  for (const g of [STRONG, CRYPTO, SECURITY]) {
    for (const w of WORDS[g]!.split(' ')) t.words[w] = (t.words[w] ?? 0) | g;
    for (const p of PREFIXES[g]!.split(' ')) (t.prefixes[p.slice(0, 4)] ??= []).push([p, g]);
    const pairWords = PAIRS[g]!.split(' ').filter(Boolean);
    for (let i = 0; i + 1 < pairWords.length; i += 2) {
      const second = pairWords[i + 1]!;
      const prefix = second.endsWith('*');
      (t.pairs[pairWords[i]!] ??= []).push([prefix ? second.slice(0, -1) : second, prefix, g]);
    }
  }
  return t;
}

function slug(url: string | null | undefined): string {
  if (!url) return '';
  const m = /^[a-z]+:\/\/[^/]*(\/[^?#]*)?/i.exec(url);
  return (m?.[1] ?? '').replace(/[-_/.]+/g, ' ');
}

/**
 * Which of the three groups occur in the text, as bits. The text is cut into words and the separators
 * between them by the engine's own `split` (one native call); the loop then does one or two look-ups per
 * word. This runs once, cold, on every page that fails: no per-word slicing, no string building.
 */
export function gateGroups(text: string): number {
  const t = (tables ??= buildTables());
  // words at even indexes, the separators between them at odd ones (the first and last word may be '')
  const parts = text.toLowerCase().split(/(\W+)/);
  let seen = 0;
  for (let i = 0; i < parts.length; i += 2) {
    const word = parts[i]!;
    if (word.length < 3) continue; // every word of the tables has three letters or more
    seen |= t.words[word] ?? 0;
    if (word.length >= 4) {
      const candidates = t.prefixes[word.slice(0, 4)];
      if (candidates) for (const [p, g] of candidates) if (word.startsWith(p)) seen |= g;
      // "thie\w+": thief, thieves (not the bare stem)
      if (word.length > 4 && word.startsWith('thie')) seen |= SECURITY;
    }
    const pairs = t.pairs[word];
    // one whitespace character or a hyphen between the two words (as `[\s-]` in the earlier expressions)
    if (pairs && parts[i + 1]?.length === 1 && SEPARATOR.test(parts[i + 1]!)) {
      const next = parts[i + 2]!;
      for (const [second, prefix, g] of pairs) if (prefix ? next.startsWith(second) : next === second) seen |= g;
    }
    if (seen === ALL) break; // nothing more to learn
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
