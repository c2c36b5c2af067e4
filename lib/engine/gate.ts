/**
 * The cheap gate: runs in the content script on every page, before anything expensive.
 *
 * Dependency-free on purpose (it is bundled into every page): a few precompiled regular expressions over
 * the title, URL, meta description/type and the first paragraphs. It errs towards letting pages through —
 * the full detector in the background decides; the gate only spares ordinary pages the cost.
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
  /** which groups of words were seen: 'crypto', 'security', 'strong' */
  hits: string[];
}

/** Only this much lead text is scanned: the gate must stay in microseconds on huge pages. */
export const GATE_MAX_LEAD_CHARS = 4000;

/** Names and words that on their own make a page worth the full analysis. */
const STRONG_RE =
  /\b(?:ransomware|lazarus|north[\s-]korea\w*|dprk|kimsuky|bluenoroff|apt ?38|tornado[\s-]cash|crypto[\s-]?(?:hack|heist|theft|scam|drainer|laundering)\w*|rekt|wallet[\s-]drainer|rug[\s-]?pull\w*|flash[\s-]?loan|sim[\s-]swap\w*|pig[\s-]butchering|ofac)\b/i;
/** Crypto vocabulary (English plus a few stems that are the same in most languages). */
const CRYPTO_RE =
  /\b(?:bitcoin\w*|btc|ethereum|ether|eth|crypto\w*|blockchain\w*|defi|stablecoin\w*|usdt|usdc|tether|tokens?|nfts?|web3|wallets?|binance|coinbase|solana|monero|xmr|altcoin\w*|exchange[sr]?|bridge|smart[\s-]contract\w*|dex|dao|mixer\w*|krypto\w*|cripto\w*)\b/i;
/** Security and crime vocabulary. */
const SECURITY_RE =
  /\b(?:hack\w*|exploit\w*|stole|stolen|steal\w*|theft|thie\w+|drain\w*|launder\w*|scam\w*|phish\w*|breach\w*|attack\w*|heist|sanction\w*|seiz\w*|ransom\w*|malware|fraud\w*|compromis\w*|vulnerab\w*|extort\w*|indict\w*|arrest\w*|money[\s-]laundering|cybercrim\w*|drainer)\b/i;

function slug(url: string | null | undefined): string {
  if (!url) return '';
  const m = /^[a-z]+:\/\/[^/]*(\/[^?#]*)?/i.exec(url);
  return (m?.[1] ?? '').replace(/[-_/.]+/g, ' ');
}

export function gate(input: GateInput): GateResult {
  const lead = input.lead ? input.lead.slice(0, GATE_MAX_LEAD_CHARS) : '';
  const text = `${input.title ?? ''}\n${slug(input.url)}\n${input.description ?? ''}\n${lead}`;
  const hits: string[] = [];
  if (STRONG_RE.test(text)) hits.push('strong');
  if (CRYPTO_RE.test(text)) hits.push('crypto');
  if (SECURITY_RE.test(text)) hits.push('security');
  const pass = hits.includes('strong') || (hits.includes('crypto') && hits.includes('security'));
  return { pass, hits };
}
