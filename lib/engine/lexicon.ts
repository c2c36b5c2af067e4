/**
 * Topic vocabularies used by the detector. Each is one precompiled global regular expression; counting
 * is a single linear scan of the text per vocabulary.
 */

/**
 * Cryptocurrency vocabulary: chains and coins by name, the generic words, and the wording of older
 * stories ("digital currency", "virtual currency", "bitcoins", "cryptocoins").
 */
export const CRYPTO_TERMS =
  /\b(?:bitcoins?|btc|ethereums?|ether|(?:digital|virtual|electronic) currenc(?:y|ies)|e-?currenc(?:y|ies)|cryptocoins?|cryptojack\w*|cryptomin\w+|initial coin offerings?|zcash|tezos|algorand|chainlink|shiba inu|stellar lumens|usd coin|eth|crypto(?:currenc(?:y|ies)|s)?|crypto-?(?!graph)\w+|blockchains?|defi|stablecoins?|usdt|usdc|tether|(?<!(?:access|auth|authentication|session|refresh|bearer|api|id|oauth|jwt|security|sso|saml|csrf|github|npm|pypi|personal)[\s-])tokens?|nfts?|web3|wallets?|smart contracts?|on-?chain|dex(?:es)?|binance|coinbase|solana|monero|altcoins?|airdrops?|memecoins?|seed phrases?|multi-?sigs?|validators?|arbitrum|uniswap|staking|hot wallets?|cold wallets?|xmr|weth|satoshi|metamask|trezor|crypto exchanges?|tron|bnb|terra|luna|polkadot|cardano|ripple|xrp|litecoin|dogecoin|mempool|dapps?|tornado cash|mixers?|ledger|recovery phrases?|hardware wallets?)\b/gi;

/**
 * Coin tickers, case-sensitive (capitals only). Those that are no English word count anywhere; those that
 * are, or name something else too ("SOL", "NEAR", "SUI", "LINK", "DOT"; "DOGE" a US department, "ICO" a UK
 * regulator), only as a cashtag ("$SOL"). Tickers after an amount ("300 SOL") are counted by the amount
 * finder; the case-insensitive ones (BTC, ETH, XMR, USDT...) are in CRYPTO_TERMS.
 */
export const TICKER_TERMS =
  /(?<![\p{L}\p{N}_$])(?:LTC|BCH|SHIB|TRX|AVAX|MATIC|ZEC|XLM|WBTC|BUSD|TUSD|USDe|stETH)(?![\p{L}\p{N}_])|(?<![\p{L}\p{N}_])\$(?:BTC|ETH|SOL|ADA|DOT|LINK|ATOM|NEAR|SUI|APT|ARB|OP|TON|XRP|BNB|DOGE|SHIB|PEPE|AVAX|TRX|UNI|AAVE)(?![\p{L}\p{N}_])/gu;

/** DeFi mechanics: crypto-specific in context, but each word alone also has ordinary meanings (counted at half weight). */
export const DEFI_TERMS =
  /\b(?:protocols?|liquidity|pools?|vaults?|collateral|oracles?|mint(?:ed|ing|s)?|swap(?:s|ped|ping)?|governance|bridges?|chains?|audit(?:s|ed|or|ors)?|lending|borrow(?:ed|ing|s)?|price feeds?|contracts?|lps?|deployer|exploiter|rekt|treasury|devs?|whales?|yields?|farms?|farming|rug(?:ged)?)\b/gi;

/** Words about theft, attacks and crime (the "security" half of crypto-security). */
export const SECURITY_TERMS =
  /\b(?:hack(?:s|ed|er|ers|ing)?|exploit(?:s|ed|er|ers)?|stole|stolen|steal(?:s|ing)?|theft|thefts|drain(?:s|ed|er|ers|ing)?|launder(?:s|ed|ing)?|money laundering|scams?|scammers?|phishing|attackers?|heists?|breach(?:es|ed)?|compromised?|vulnerabilit(?:y|ies)|flash ?loans?|rug ?pulls?|reentrancy|re-entrancy|oracle manipulation|price manipulation|malicious|fraud(?:ulent|sters?)?|ransom|extort(?:ion|ed)?|seiz(?:e|ed|ure|ures)|indict(?:ed|ment)|arrest(?:ed|s)?|sanction(?:s|ed)?|mixers?|tornado cash|stolen funds|siphon(?:ed)?|attack(?:s|ed)?|thie(?:f|ves)|bounty|post-?mortem|infostealers?|stealers?|malware|backdoor(?:ed)?|cybercrim(?:e|inals?)|pig butchering|impersonat\w+|social engineering|bad actors?|perpetrators?|rekt|ponzi|pyramid schemes?|defraud\w*|swindl\w+|embezzl\w+|bilk(?:ed|ing)|duped|dark ?net|dark web|cyber-?thie(?:f|ves)|money mules?|illicit)\b/gi;

/** North Korea as a country (needs cyber or crypto vocabulary to be in scope). */
export const DPRK_TERMS =
  /\b(?:north korea(?:n|ns|'s|’s)?|dprk|pyongyang|kim jong[- ]un)\b/gi;

/** North Korean cyber operations by names that mean nothing else: in scope on their own. */
export const DPRK_OPS_TERMS =
  /\b(?:lazarus (?:group|hackers?|apt)|kimsuky|apt ?3[78]|apt ?43|bluenoroff|tradertraitor|jade sleet|famous chollima|labyrinth chollima|hidden cobra|reconnaissance general bureau|scarcruft|moonstone sleet|sapphire sleet|diamond sleet|citrine sleet)\b/gi;

/** North Korean group names that are also other things (a game character, a surname): counted like the country, they need cyber or crypto words. */
export const DPRK_AMBIGUOUS_OPS_TERMS = /\b(?:andariel|konni)\b/gi;

/** The IT-worker schemes' own words: beside North Korea they are the cyber side of the story, not the country. */
export const IT_WORKER_TERMS = /\b(?:it workers?|laptop farms?|remote (?:it )?(?:jobs?|workers?)|(?:fake|false|stolen|borrowed) identit(?:y|ies)|identity theft|freelance developers?)\b/gi;

/** Ransomware operations. */
export const RANSOMWARE_TERMS =
  /\b(?:ransomware|ransom notes?|ransom demands?|decryptors?|double extortion|lockbit|blackcat|alphv|akira|clop|cl0p|black ?basta|ryuk|revil|sodinokibi|darkside|blacksuit|qilin|rhysida|hunters international|ransomhub|wannacry|notpetya|babuk|lockergoga|stop\/djvu|ragnar locker|8base|bianlian|samsam|locky|cryptolocker|cryptowall|teslacrypt|petya|bad ?rabbit|gandcrab|cerber|netwalker|egregor|avaddon|blackmatter|ransomexx|wannacrypt)\b/gi;

/**
 * What a ransomware attack is, in the words of stories that do not always say "ransomware": a ransom paid,
 * demanded or requested (not the bare word, which glossaries use too), files encrypted, a decryption key, staff locked out of the systems, a network "held hostage".
 * Counted at half weight and only beside cyber vocabulary (a kidnapping is also held for ransom).
 */
export const RANSOM_SIGN_TERMS =
  /\b(?:(?:pa(?:y|id|ys|ying)|demand(?:s|ed|ing)?|seek(?:s|ing)?|sought|extort(?:s|ed|ing)?) (?:\w+ ){0,3}?ransoms?|ransoms? (?:payments?|requests?|paid|of)|decryption keys?|decrypt(?:ed|ing)? (?:the |their |its )?(?:files|data|systems?)|encrypt(?:s|ed|ing)? (?:\w+ ){0,3}(?:files|data|systems|computers|servers|networks?)|held (?:\w+[ -]){0,2}hostage|locked (?:\w+ ){0,4}out of (?:\w+ ){0,3}(?:computers?|systems?|networks?|files|data)|to unlock (?:the |their |its )?(?:files|data|systems?|computers?|networks?))\b/gi;

/**
 * Cyber vocabulary that makes DPRK mentions about hacking rather than politics. Only words that are cyber in
 * every story: "attack", "payload", "breach", "compromise", "exploit" and "intrusion" are also the words
 * of missile launches and diplomacy.
 */
export const CYBER_TERMS =
  /\b(?:cyber\w*|hack\w*|malware|apt ?\d+|threat actors?|attackers|network intrusions?|data breach(?:es)?|phishing|backdoors?|spyware|trojans?|ransomware|zero-?days?|infostealers?)\b/gi;

/**
 * Phrases that mark an investment-risk warning or promotion (boilerplate, not the story). The word
 * "advertisement" counts only as an ad label: a line that is that word alone ("Advertisement",
 * "ADVERTISEMENT - Scroll to continue"), "story continues below advertisement" or an ad slot's
 * placeholder; in prose ("posted an advertisement for ...") it is the story's own word.
 */
export const BOILERPLATE_RE =
  /(?:don[’']t invest unless|high-risk investment|not (?:financial|investment) advice|join our telegram|join our (?:discord|community)|subscribe to our newsletter|sign up for (?:our|the) newsletter|follow us on|this article is for informational purposes|do your own research|(?<![\w-])sponsored\b(?! by the)|affiliate link|click here|read next|related articles?|share this article|^[ \t\-–—|·:([]*advertisements?[ \t.:)\]]*(?:[-–—|·:][ \t]*(?:scroll|continue|story|article|content)[^\n]{0,40})?$|\b(?:story|article|content|reading) continues (?:below|after) (?:this |the )?advertisement|\bthis advertisement has not loaded|we use cookies|cookie (?:policy|settings|preferences)|accept (?:all )?cookies)/im;

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
