import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressIndex, findAddresses } from '../../../lib/engine/addresses';
import { findIndicators, isIpv6, refang } from '../../../lib/engine/indicators';
import { addressScreener } from '../../../lib/engine/indicators/screening';
import { isTld } from '../../../lib/engine/indicators/tlds';
import { analyze } from '../../../lib/engine/analyze';
import { loadKb } from '../../../lib/kb';
import type { Indicator } from '../../../lib/shared/contract';
import { TEST_KB } from './kb-fixture';

const NO_LIST = addressIndex([]);
/** The indicators of `text`, with the address pass run as `analyze` runs it. */
function ind(text: string): Indicator[] {
  return findIndicators(text, { addresses: findAddresses(text, NO_LIST) });
}
const kinds = (text: string): [string, string][] => ind(text).map((i) => [i.kind, i.refanged]);

describe('addresses: checked with their chain checksum through the address API', () => {
  it.each([
    ['EIP-55 mixed case', '0x52908400098527886E0F7030069857D2E4169EE7', 'ETH', true],
    ['EIP-55 with one letter in the wrong case', '0x52908400098527886E0F7030069857D2E4169Ee7', 'ETH', false],
    ['base58check P2PKH', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', 'BTC', true],
    ['base58check with a broken checksum', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb', 'BTC', false],
    ['bech32 (segwit v0)', 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', 'BTC', true],
    ['bech32 with a broken checksum', 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5', 'BTC', false],
    ['bech32m (taproot v1)', 'bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297', 'BTC', true],
    ['bech32m with a broken checksum', 'bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3298', 'BTC', false],
    ['TRON base58check', 'TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL', 'TRX', true],
  ])('%s: %s', (_what, addr, chain, valid) => {
    const text = `The stolen funds were sent to ${addr} on Monday.`;
    const got = ind(text).filter((i) => i.kind === 'address');
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ value: addr, refanged: addr, chain, valid, sanctioned: false, start: text.indexOf(addr), end: text.indexOf(addr) + addr.length });
  });

  it('screens each address against the bundled list, and says so when it is not on it', () => {
    const kb = loadKb().kb;
    const listed = kb.addresses.find((a) => a.entity && a.chain === 'ETH')!;
    expect(listed).toBeDefined();
    const idx = addressIndex(kb.addresses);
    const byId = new Map(kb.entities.map((e) => [e.id, e]));
    const screen = addressScreener(kb, idx, (id) => byId.get(id));
    const other = '0x52908400098527886E0F7030069857D2E4169EE7';
    const text = `Funds went from ${listed.address.toLowerCase()} to ${other}.`;
    const got = findIndicators(text, { addresses: findAddresses(text, idx), screen }).filter((i) => i.kind === 'address');
    expect(got.map((i) => i.sanctioned)).toEqual([true, false]);
    const s = got[0]!.screening!;
    expect(s.listed).toBe(true);
    expect(s.designated).toBe(byId.get(listed.entity!)?.name ?? listed.entity);
    expect(s.source?.url).toBe(listed.source.url);
    expect(s.date).toMatch(/^\d{4}/);
    expect(got[1]!.screening).toEqual({ listed: false, asOf: kb.addressesAsOf ?? kb.asOf });
  });
});

describe('transaction hashes', () => {
  const h = 'a3f1'.repeat(16);
  it('0x + 64 hex is an EVM transaction wherever it is written', () => {
    expect(kinds(`See 0x${h} on the explorer.`)).toEqual([['tx', `0x${h}`]]);
    expect(ind(`See 0x${h}.`)[0]!.chain).toBe('EVM');
  });
  it('a bare 64-hex id is a transaction only when the text says so', () => {
    expect(kinds(`The bitcoin transaction ${h} moved 100 BTC.`)).toEqual([['tx', h]]);
    expect(kinds(`The txid: ${h}`)).toEqual([['tx', h]]);
    expect(kinds(`The string ${h} appeared in a forum post.`)).toEqual([]);
  });
  it('an EVM address is an address, not a transaction', () => {
    expect(ind('to 0x52908400098527886E0F7030069857D2E4169EE7.').map((i) => i.kind)).toEqual(['address']);
  });
});

describe('file hashes: only where the text marks them', () => {
  const md5 = '44d88612fea8a8f36de82e1278abb02f';
  const sha1 = '3395856ce81f2b7382dee72602f798b642f14140';
  const sha256 = '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f';
  it('labelled on the line', () => {
    expect(kinds(`The loader's MD5 is ${md5}.`)).toEqual([['md5', md5]]);
    expect(kinds(`SHA-1: ${sha1}`)).toEqual([['sha1', sha1]]);
    expect(kinds(`The sample (SHA256 ${sha256.toUpperCase()}) was signed.`)).toEqual([['sha256', sha256]]);
  });
  it('in a column under a hash header', () => {
    const text = `File name | SHA-256\nloader.dll | ${sha256}\nstage2.bin | ${'9f'.repeat(32)}\n\nThe campaign ran for weeks.`;
    expect(kinds(text)).toEqual([['sha256', sha256], ['sha256', '9f'.repeat(32)]]);
  });
  it('unlabelled hex runs and git commits are not file hashes', () => {
    expect(kinds(`The id ${md5} appeared in the log.`)).toEqual([]);
    expect(kinds(`Fixed in commit hash ${sha1}.`)).toEqual([]);
  });
});

describe('domains, URLs and IPs', () => {
  it.each([
    ['hxxps://evil-drainer[.]xyz/claim', 'url', 'https://evil-drainer.xyz/claim'],
    ['hxxp[:]//phish[.]example[.]com/login', 'url', 'http://phish.example.com/login'],
    ['hXXps://bad(.)io', 'url', 'https://bad.io'],
    ['evil[.]com', 'domain', 'evil.com'],
    ['evil(.)com', 'domain', 'evil.com'],
    ['evil[dot]network', 'domain', 'evil.network'],
    ['185.220.101[.]4', 'ipv4', '185.220.101.4'],
    ['2001:db8[:]85a3::8a2e:370:7334', 'ipv6', '2001:db8:85a3::8a2e:370:7334'],
  ])('defanged %s is a %s (%s)', (value, kind, refanged) => {
    const text = `Readers saw ${value} in the thread.`;
    const got = ind(text);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ kind, value, refanged, defanged: true, start: text.indexOf(value), end: text.indexOf(value) + value.length });
    expect(refang(value)).toBe(refanged);
  });

  it('plain domains, URLs and IPs count with a threat cue nearby or in an IOC section', () => {
    expect(kinds('The phishing domain coinbase-support.com copied the login page.')).toEqual([['domain', 'coinbase-support.com']]);
    expect(kinds('The malware beacons to its C2 server at 45.61.136.10 every hour.')).toEqual([['ipv4', '45.61.136.10']]);
    // naming a real service is not naming an indicator
    expect(kinds("Cloudflare's 1.1.1.1 resolver and the domain name arduino.org; block access to a fake copy of crates.io.")).toEqual([]);
    const ioc = 'Indicators of compromise\n\nwallet-verify.app.example.org\nhttps://drain.example.net/x\n2001:db8::1\n91.243.44.14\n';
    expect(kinds(ioc)).toEqual([
      ['domain', 'wallet-verify.app.example.org'],
      ['url', 'https://drain.example.net/x'],
      ['ipv6', '2001:db8::1'],
      ['ipv4', '91.243.44.14'],
    ]);
  });

  it('a plain name counts when its own phrase calls it the attackers\' (issue 18)', () => {
    const one = (text: string): string[] => ind(text).map((i) => i.refanged);
    // the threat word qualifies the noun that the name stands for
    expect(one('The scammers ran the phishing site at wallet-connect-sync.com for a week.')).toEqual(['wallet-connect-sync.com']);
    expect(one('Malicious domains such as claim-airdrop.net, airdrop-claims.org and claimdrop.xyz served the drainer.')).toEqual([
      'claim-airdrop.net',
      'airdrop-claims.org',
      'claimdrop.xyz',
    ]);
    expect(one("The implant reached the attackers' server 45.61.136.10 over HTTPS.")).toEqual(['45.61.136.10']);
    expect(one('Victims were sent to a look-alike uniswap-v4.org page.')).toEqual(['uniswap-v4.org']);
    // in apposition or as the predicate
    expect(one('Users who visited ledger-sync.io, a phishing site, lost their seed phrases.')).toEqual(['ledger-sync.io']);
    expect(one('The address bridge-claims.com (a malicious domain) was taken down.')).toEqual(['bridge-claims.com']);
    expect(one('By March, update-metamask.net was the C2 server for the campaign.')).toEqual(['update-metamask.net']);
    // as the object of an attacker's act
    expect(one('The threat actor registered the domain metrics-wallet.com and the subdomain api.metrics-wallet.com.')).toEqual([
      'metrics-wallet.com',
      'api.metrics-wallet.com',
    ]);
    expect(one('The loader exfiltrates the collected keys to https://collector.example.net/upload every hour.')).toEqual([
      'https://collector.example.net/upload',
    ]);
    // in a list or table that says what it lists
    expect(one('Phishing domains used in the campaign:\n\n- wallet-verify.com\n- verify-wallet.net\n\nThe exchange said users were safe.')).toEqual([
      'wallet-verify.com',
      'verify-wallet.net',
    ]);
    expect(one('| Indicator | Type |\n| --- | --- |\n| stake-rewards.org | domain |\n\nSee coindesk.com for more.')).toEqual(['stake-rewards.org']);
  });

  it('a threat word near a name is not enough: victims, abused services and news sites are not indicators', () => {
    expect(
      ind(
        [
          'We received reports of a phishing campaign targeting crates.io users, and mark them as phishing.',
          'There was suspicious activity on crates.io. Do not follow the links; mark them as phishing.',
          'The actors used the shared chat feature to host malicious guides on a trusted domain (chatgpt.com).',
          'The project was featured on rekt.news twice, with a scam affecting its holders.',
          'We have set up a page on phishing attacks: https://www.ledger.com/phishing-campaigns-status',
          '[Compounder.Finance: Deployer] deployed 7 Malicious Strategies.',
          'Only type your seed on ledger.com, phishing sites copy it; a fake site mimicking coinbase.com appeared.',
          'Hackers breached example.com and registered accounts on github.com to host malicious code.',
          'Phishing domains: see the report by coindesk.com, which covered the attack in depth and quoted the exchange at length.',
          '![Malicious site (BleepingComputer)](https://www.bleepstatic.com/images/news/phish.jpg)',
          "Attacker's address: https://hashscan.io/mainnet/account/0.0.2015717 (an explorer's page, not the attacker's server)",
        ].join('\n'),
      ),
    ).toEqual([]);
  });

  it('the IOC section ends at the next paragraph of prose', () => {
    const prose = 'The exchange said on Tuesday that it had moved most customer funds to cold storage, that withdrawals would resume within days, and that it would publish a full report with its auditors, as reported by coindesk.com and others.';
    expect(kinds(`IOCs\nbad.example.com\n\n${prose}`)).toEqual([['domain', 'bad.example.com']]);
  });

  it('ordinary text: news sites, versions, file names, abbreviations, dates, prices, colours, times', () => {
    const text = [
      'As reported by coindesk.com and theblock.co, the U.S. Treasury (i.e. OFAC) acted.',
      'Update the wallet to version 1.2.3.4 or v10.0.0.1 today; see report.pdf and invoice.zip, e.g. Node.js.',
      'The price rose to $1,234.56 on 2024.01.15 at 12:30:45; the theme used #a1b2c3 and #fff.',
      'Write to press@example.com. MAC 00:1a:2b:3c:4d:5e. Ratio 3.5.',
    ].join('\n');
    expect(ind(text)).toEqual([]);
  });

  it('hosts inside a URL are reported once, as the URL', () => {
    expect(kinds('Phishing at hxxps://evil[.]com/a and evil[.]org.').map((k) => k[0])).toEqual(['url', 'domain']);
  });

  it('knows real top-level domains from file extensions', () => {
    expect(['com', 'io', 'xyz', 'network', 'uk'].every(isTld)).toBe(true);
    expect(['pdf', 'exe', 'js', 'g', 's'].some(isTld)).toBe(false);
    expect(isIpv6('2001:db8::1')).toBe(true);
    expect(isIpv6('12:30:45')).toBe(false);
  });
});

describe('ENS names and CVE ids', () => {
  it('are indicators wherever they are written', () => {
    expect(kinds('Funds went to vitalik.eth and then to a.b.eth; CVE-2024-3094 (xz) too.')).toEqual([
      ['ens', 'vitalik.eth'],
      ['cve', 'CVE-2024-3094'],
    ]);
    expect(kinds('cve-2021-44228')).toEqual([['cve', 'CVE-2021-44228']]);
  });
});

describe('in the analysis', () => {
  it('analyze returns indicators in text order with offsets into the text', () => {
    const text = 'Hackers used hxxps://evil[.]xyz and CVE-2023-1234 to drain 0x52908400098527886E0F7030069857D2E4169EE7.';
    const a = analyze({ text, title: 't' }, TEST_KB, { budgetMs: Infinity });
    expect(a.indicators!.map((i) => i.kind)).toEqual(['url', 'cve', 'address']);
    for (const i of a.indicators!) expect(text.slice(i.start, i.end)).toBe(i.value);
    expect(a.indicators!.find((i) => i.kind === 'address')!.screening?.listed).toBe(false);
  });
});

const ORDINARY = [
  'the', 'exchange', 'said', 'hackers', 'stole', 'funds', 'on', 'Monday', 'version', '1.2.3.4', 'v2.0.1', '$1,234.56', '€3.5m',
  '2024-01-15', '15.01.2024', '12:30', '10:30:45', '#fff', '#a1b2c3', 'report.pdf', 'e.g.', 'U.S.', 'i.e.', 'Node.js', 'ASP.NET',
  'coindesk.com', 'reuters.com', 'www.bbc.co.uk', '3.5%', '1.5x', 'No.', 'Inc.', 'St.', 'a.m.', 'p.m.', 'Ph.D.', 'deadbeef', '0x1f',
  'SHA', 'hash', 'MD5', 'wallet', 'bitcoin', '(', ')', ',', '.', ':', '-', '2.4GHz', 'CVE', 'eth', '.eth', 'transaction', 'tx',
];
// Words that mark an IP or a domain as an indicator ("server", "IP", "phishing") are left out on purpose:
// next to a dotted number they make it one ("1.2.3.4 server"); the cue tests above cover them.
describe('properties', () => {
  it('random ordinary text yields no indicators', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ORDINARY), { minLength: 1, maxLength: 60 }), fc.constantFrom(' ', '\n', ' \n\n'), (words, sep) => {
        const text = words.join(sep);
        expect(ind(text)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('threat words next to plain names, with no noun or act that makes a name theirs, yield no indicators', () => {
    const words = [...ORDINARY, 'phishing', 'malicious', 'scam', 'drainer', 'fraudulent', 'campaign', 'targeting', 'users', 'attack', 'on', 'of', 'trusted', 'crates.io', 'chatgpt.com', 'ledger.com', ',', '(', 'a', 'the', 'was'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 60 }), (list) => {
        expect(ind(list.join(' '))).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('defanged and plain forms of the same indicator refang to the same value', () => {
    const label = fc.stringMatching(/^[a-z][a-z0-9]{2,10}$/);
    fc.assert(
      fc.property(label, label, fc.constantFrom('com', 'io', 'org', 'xyz'), (a, b, tld) => {
        const plain = `${a}.${b}.${tld}`;
        for (const dot of ['[.]', '(.)', '[dot]']) {
          const got = ind(`phishing at ${a}${dot}${b}${dot}${tld} today`);
          expect(got.map((i) => [i.kind, i.refanged])).toEqual([['domain', plain]]);
        }
      }),
      { numRuns: 100 },
    );
  });

  /** Best of several runs, so a busy machine does not decide the result. */
  function bestMs(text: string): number {
    let best = Infinity;
    for (let i = 0; i < 9; i++) {
      const t0 = performance.now();
      ind(text);
      best = Math.min(best, performance.now() - t0);
    }
    return best;
  }
  it.each([
    ['hex', 'a1b2c3d4e5f6'],
    ['base58', '1A1zP1eP5QGefi2DMPTfTL5SLmv7Div'],
    ['dotted digits', '1.2.3.'],
    ['dotted labels', 'ab.'],
    ['defanged dots', 'ab[.]'],
    ['colons', 'a:b:'],
    ['hex with spaces and labels', 'SHA256 1f2e3d4c5b6a7980 '],
    ['URL-like', 'hxxps[:]//a[.]b/'],
  ])('linear on 100 KB of repeated %s', (_what, unit) => {
    const big = unit.repeat(Math.ceil(100_000 / unit.length));
    const small = big.slice(0, 25_000);
    bestMs(small);
    const tBig = bestMs(big);
    const tSmall = bestMs(small);
    // linear: 4x the text, about 4x the time (quadratic would be 16x; below 2 ms the clock and the
    // machine's load decide, not the algorithm); and well inside the analysis budget
    expect(tBig).toBeLessThan(Math.max(tSmall, 2) * 10);
    expect(tBig).toBeLessThan(500);
  });
});
