/**
 * Topic vocabularies used by the detector. Each is one precompiled global regular expression; counting
 * is a single linear scan of the text per vocabulary.
 */

/** Cryptocurrency vocabulary. */
export const CRYPTO_TERMS =
  /\b(?:bitcoins?|btc|ethereum|ether|eth|crypto(?:currenc(?:y|ies)|s)?|crypto-?\w+|blockchains?|defi|stablecoins?|usdt|usdc|tether|(?<!(?:access|auth|authentication|session|refresh|bearer|api|id|oauth|jwt|security|sso|saml|csrf|github|npm|pypi|personal)[\s-])tokens?|nfts?|web3|wallets?|smart contracts?|on-?chain|dex(?:es)?|binance|coinbase|solana|monero|altcoins?|airdrops?|memecoins?|seed phrases?|multi-?sigs?|validators?|arbitrum|uniswap|staking|hot wallets?|cold wallets?|xmr|weth|satoshi|metamask|trezor|crypto exchanges?|tron|bnb|terra|luna|polkadot|cardano|ripple|xrp|litecoin|dogecoin|mempool|dapps?|tornado cash|mixers?|ledger|recovery phrases?|hardware wallets?)\b/gi;

/** DeFi mechanics: crypto-specific in context, but each word alone also has ordinary meanings (counted at half weight). */
export const DEFI_TERMS =
  /\b(?:protocols?|liquidity|pools?|vaults?|collateral|oracles?|mint(?:ed|ing|s)?|swap(?:s|ped|ping)?|governance|bridges?|chains?|audit(?:s|ed|or|ors)?|lending|borrow(?:ed|ing|s)?|price feeds?|contracts?|lps?|deployer|exploiter|rekt|treasury|devs?|whales?|yields?|farms?|farming|rug(?:ged)?)\b/gi;

/** Words about theft, attacks and crime (the "security" half of crypto-security). */
export const SECURITY_TERMS =
  /\b(?:hack(?:s|ed|er|ers|ing)?|exploit(?:s|ed|er|ers)?|stole|stolen|steal(?:s|ing)?|theft|thefts|drain(?:s|ed|er|ers|ing)?|launder(?:s|ed|ing)?|money laundering|scams?|scammers?|phishing|attackers?|heists?|breach(?:es|ed)?|compromised?|vulnerabilit(?:y|ies)|flash ?loans?|rug ?pulls?|reentrancy|re-entrancy|oracle manipulation|price manipulation|malicious|fraud(?:ulent|sters?)?|ransom|extort(?:ion|ed)?|seiz(?:e|ed|ure|ures)|indict(?:ed|ment)|arrest(?:ed|s)?|sanction(?:s|ed)?|mixers?|tornado cash|stolen funds|siphon(?:ed)?|attack(?:s|ed)?|thie(?:f|ves)|bounty|post-?mortem|infostealers?|stealers?|malware|backdoor(?:ed)?|cybercrim(?:e|inals?)|pig butchering|impersonat\w+|social engineering|bad actors?|perpetrators?|rekt)\b/gi;

/** North Korea as a country (needs cyber or crypto vocabulary to be in scope). */
export const DPRK_TERMS =
  /\b(?:north korea(?:n|ns|'s|’s)?|dprk|pyongyang|kim jong[- ]un)\b/gi;

/** North Korean cyber operations by name: in scope on their own. */
export const DPRK_OPS_TERMS =
  /\b(?:lazarus (?:group|hackers?|apt)|kimsuky|apt ?3[78]|apt ?43|bluenoroff|andariel|tradertraitor|jade sleet|famous chollima|labyrinth chollima|hidden cobra|reconnaissance general bureau|it workers?|laptop farms?|scarcruft|konni|moonstone sleet|sapphire sleet|diamond sleet|citrine sleet)\b/gi;

/** Ransomware operations. */
export const RANSOMWARE_TERMS =
  /\b(?:ransomware|ransom notes?|ransom demands?|decryptors?|double extortion|lockbit|blackcat|alphv|akira|clop|cl0p|black ?basta|ryuk|revil|sodinokibi|darkside|blacksuit|qilin|rhysida|hunters international|ransomhub|wannacry|notpetya|babuk|lockergoga|stop\/djvu|ragnar locker|8base|bianlian)\b/gi;

/** Cyber vocabulary that makes DPRK or sanctions mentions about hacking rather than politics. */
export const CYBER_TERMS =
  /\b(?:cyber\w*|hack\w*|malware|apt\d*|threat actors?|intrusions?|phishing|espionage|backdoors?|exploit\w*|attack(?:s|ers)?|breach\w*|spyware|trojans?|implants?|payloads?|compromised?)\b/gi;

/** Phrases that mark an investment-risk warning or promotion (boilerplate, not the story). */
export const BOILERPLATE_RE =
  /(?:don[’']t invest unless|high-risk investment|not (?:financial|investment) advice|join our telegram|join our (?:discord|community)|subscribe to our newsletter|sign up for (?:our|the) newsletter|follow us on|this article is for informational purposes|do your own research|(?<![\w-])sponsored\b(?! by the)|affiliate link|click here|read next|related articles?|share this article|advertisement|we use cookies|cookie (?:policy|settings|preferences)|accept (?:all )?cookies)/i;

export function countMatches(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

export function distinctMatches(re: RegExp, text: string): Set<string> {
  re.lastIndex = 0;
  const s = new Set<string>();
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) s.add(m[0].toLowerCase().replace(/['’]s$/, '').replace(/(?<=\w{3})(?:es|s)$/, ''));
  return s;
}
