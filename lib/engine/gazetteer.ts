/**
 * Built-in names every crypto-security reader needs that the knowledge base may not carry: the major
 * cryptocurrencies and chains (with their tickers), the best-known DeFi protocols, wallets and exchanges. Merged into the matcher
 * only where the KB has no entry of the same name, so the KB always wins.
 *
 * Tickers are matched in capitals only (case rules in matcher.ts); tickers that are ordinary words
 * ("ONE", "DOT", "LINK", "UNI", "OP") are left out.
 */
import type { EntityType } from '../shared/contract';
import type { KbEntity } from '../kb/types';

interface Builtin {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  description: string;
}

const COINS: [string, string, string[]][] = [
  ['bitcoin', 'Bitcoin', ['BTC', 'bitcoin', 'bitcoins', 'XBT']],
  ['ethereum', 'Ethereum', ['ETH', 'Ether', 'ether', 'Ethereum mainnet']],
  ['tether', 'Tether', ['USDT', 'Tether USD']],
  ['usd-coin', 'USD Coin', ['USDC']],
  ['dai', 'Dai', ['DAI']],
  ['solana', 'Solana', ['SOL']],
  ['tron', 'Tron', ['TRX', 'TRON']],
  ['polygon', 'Polygon', ['MATIC', 'POL']],
  ['bnb', 'BNB', ['BNB Chain', 'BNB Smart Chain', 'Binance Smart Chain', 'BSC', 'WBNB']],
  ['xrp', 'XRP', ['Ripple']],
  ['litecoin', 'Litecoin', ['LTC']],
  ['bitcoin-cash', 'Bitcoin Cash', ['BCH']],
  ['monero', 'Monero', ['XMR']],
  ['zcash', 'Zcash', ['ZEC']],
  ['dash', 'Dash', ['DASH']],
  ['dogecoin', 'Dogecoin', ['DOGE']],
  ['cardano', 'Cardano', ['ADA']],
  ['avalanche', 'Avalanche', ['AVAX']],
  ['arbitrum', 'Arbitrum', ['ARB', 'Arbitrum One']],
  ['optimism', 'Optimism', ['OP Mainnet']],
  ['base', 'Base chain', ['Base network']],
  ['shiba-inu', 'Shiba Inu', ['SHIB']],
  ['wrapped-ether', 'Wrapped Ether', ['WETH', 'wETH']],
  ['wrapped-bitcoin', 'Wrapped Bitcoin', ['WBTC']],
  ['ethereum-classic', 'Ethereum Classic', ['ETC']],
  ['toncoin', 'Toncoin', ['TON']],
  ['stellar', 'Stellar', ['XLM']],
  ['cosmos', 'Cosmos', ['ATOM']],
  ['polkadot', 'Polkadot', []],
  ['near', 'NEAR Protocol', ['NEAR']],
  ['aptos', 'Aptos', ['APT token']],
  ['sui', 'Sui', ['SUI']],
  ['fantom', 'Fantom', ['FTM']],
  ['axie-infinity-shards', 'Axie Infinity Shards', ['AXS']],
  ['terrausd', 'TerraUSD', ['UST']],
  ['terra-luna', 'Terra', ['LUNA', 'Terra Luna']],
  ['gnosis-chain', 'Gnosis Chain', ['xDai', 'Gnosis chain']],
  ['moonbeam', 'Moonbeam', ['GLMR', 'Moonbeam Network']],
  ['evmos', 'Evmos', ['EVMOS']],
  ['milkomeda', 'Milkomeda', []],
  ['liquity-usd', 'Liquity USD', ['LUSD']],
  ['ethena-token', 'Ethena token', ['ENA']],
  ['busd', 'Binance USD', ['BUSD']],
  ['pyusd', 'PayPal USD', ['PYUSD']],
  ['frax', 'Frax', ['FRAX']],
  ['chainlink', 'Chainlink', []],
  ['pepe', 'Pepe', ['PEPE']],
];

const PROTOCOLS: [string, string, string[]][] = [
  ['uniswap', 'Uniswap', ['UNI token']],
  ['aave', 'Aave', ['AAVE']],
  ['sushiswap', 'SushiSwap', ['Sushi', 'SUSHI']],
  ['pancakeswap', 'PancakeSwap', ['CAKE']],
  ['makerdao', 'MakerDAO', ['Maker', 'MKR', 'Sky protocol']],
  ['lido', 'Lido', ['Lido Finance', 'stETH', 'LDO']],
  ['curve-finance', 'Curve Finance', ['Curve', 'CRV']],
  ['compound', 'Compound Finance', ['Compound', 'COMP']],
  ['balancer', 'Balancer', ['BAL']],
  ['synapse', 'Synapse Protocol', ['Synapse']],
  ['yearn', 'Yearn Finance', ['Yearn', 'YFI']],
  ['metamask', 'MetaMask', []],
  ['opensea', 'OpenSea', []],
  ['safe', 'Safe{Wallet}', ['Gnosis Safe', 'Safe wallet']],
  ['layerzero', 'LayerZero', []],
  ['stargate', 'Stargate Finance', []],
  ['gmx', 'GMX', []],
  ['dydx', 'dYdX', []],
  ['jupiter', 'Jupiter Exchange', []],
  ['raydium', 'Raydium', []],
  ['solend', 'Solend', []],
  ['euler', 'Euler Finance', ['Euler']],
  ['venus', 'Venus Protocol', []],
  ['axie-infinity', 'Axie Infinity', ['Axie DAO', 'Axie']],
  ['nexus-mutual', 'Nexus Mutual', []],
  ['ethena', 'Ethena', ['USDe']],
  ['chainlink-ccip', 'Chainlink CCIP', []],
  ['bzx', 'bZx', ['bZx Protocol', 'BZRX', 'Ooki DAO']],
  ['jpegd', "JPEG'd", ['JPEGd']],
  ['iron-bank', 'Iron Bank', []],
  ['liquity', 'Liquity', []],
];

/** Large centralised exchanges that stories name as venues, victims or cash-out points. */
const EXCHANGES: [string, string, string[]][] = [
  ['coinbase', 'Coinbase', []],
  ['okx', 'OKX', ['OKEx']],
  ['kraken', 'Kraken', []],
  ['bitfinex', 'Bitfinex', []],
  ['bitstamp', 'Bitstamp', []],
  ['crypto-com', 'Crypto.com', []],
  ['bybit', 'Bybit', []],
  ['kucoin', 'KuCoin', []],
  ['jpex', 'JPEX', []],
  ['mexc', 'MEXC', []],
  ['bitmex', 'BitMEX', []],
];

/** Wallet makers and wallets: victims or channels in many incidents. */
const WALLETS: [string, string, string[]][] = [
  ['ledger', 'Ledger', ['Ledger Live', 'Ledger Connect Kit']],
  ['trezor', 'Trezor', []],
  ['trust-wallet', 'Trust Wallet', []],
  ['phantom', 'Phantom', ['Phantom wallet']],
  ['exodus', 'Exodus', ['Exodus wallet']],
  ['slope', 'Slope', ['Slope wallet']],
  ['rabby', 'Rabby', ['Rabby wallet']],
  ['coinbase-wallet', 'Coinbase Wallet', []],
];

function entry(id: string, name: string, type: EntityType, aliases: string[], description: string): Builtin {
  return { id, name, type, aliases, description };
}

const BUILTIN: readonly Builtin[] = [
  ...COINS.map(([id, name, aliases]) => entry(id, name, 'cryptocurrency', aliases, `${name}: a cryptocurrency or blockchain (built-in name list).`)),
  ...PROTOCOLS.map(([id, name, aliases]) => entry(id, name, 'protocol', aliases, `${name}: a DeFi protocol or wallet (built-in name list).`)),
  ...WALLETS.map(([id, name, aliases]) => entry(id, name, 'organization', aliases, `${name}: a crypto wallet or wallet maker (built-in name list).`)),
  ...EXCHANGES.map(([id, name, aliases]) => entry(id, name, 'exchange', aliases, `${name}: a centralised cryptocurrency exchange (built-in name list).`)),
];

function key(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Built-in entries whose names the KB does not already use, as KB entities. */
export function builtinEntities(kbEntities: readonly KbEntity[]): KbEntity[] {
  const taken = new Set<string>();
  const ids = new Set<string>();
  for (const e of kbEntities) {
    ids.add(e.id);
    taken.add(key(e.name));
    for (const a of e.aliases) taken.add(key(a.name));
  }
  const out: KbEntity[] = [];
  for (const b of BUILTIN) {
    if (ids.has(b.id) || taken.has(key(b.name))) continue;
    out.push({
      id: b.id,
      name: b.name,
      type: b.type,
      aliases: b.aliases.filter((a) => !taken.has(key(a)) || a === a.toUpperCase()).map((name) => ({ name })),
      description: b.description,
      relations: [],
      sanctions: [],
      sources: [],
      origin: 'engine-builtin',
    });
  }
  return out;
}
