/**
 * Integration: the engine with the real compiled knowledge base (lib/kb/compiled/kb.json, committed),
 * on fixtures written for these tests. Asserts by name, not by id, so KB edits do not break it needlessly.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../lib/engine/analyze';
import { textInput } from '../../../lib/engine/plain-text';
import { loadKb } from '../../../lib/kb/index';

const FIXTURES = join(__dirname, '../../fixtures/articles');
const engine = createEngine(loadKb().kb);
const run = (file: string) => engine.analyze(textInput(readFileSync(join(FIXTURES, file), 'utf8'), { markdown: file.endsWith('.md') }));

describe('analyze with the real KB', () => {
  const a = run('dprk-exchanges.txt');
  const named = (re: RegExp) => a.entities.find((e) => !e.inferred && re.test(e.name));

  it('detects the DPRK story and finds its names', () => {
    expect(a.cryptoSecurity.detected).toBe(true);
    for (const re of [/^North Korea$/, /Reconnaissance General Bureau/, /WannaCry/, /Bangladesh Bank/, /^Iran$/, /^Venezuela$/, /^Petro$/, /Federal Bureau of Investigation|FBI/]) {
      expect(named(re), String(re)).toBeTruthy();
    }
    expect(named(/Reconnaissance General Bureau/)!.mentions.map((m) => m.text)).toContain('RGB');
    expect(a.entities.some((e) => /\bIBM/.test(e.name) || e.mentions.some((m) => m.text === 'IBMs'))).toBe(false);
  });

  it('infers Lazarus Group with a sourced chain', () => {
    const laz = a.entities.find((e) => /Lazarus/.test(e.name));
    expect(laz?.inferred).toBe(true);
    expect(laz?.mentions).toEqual([]);
    expect(laz?.via?.length).toBeGreaterThan(0);
    expect(laz?.via?.[0]?.source.url).toMatch(/^https?:\/\//);
  });

  it('reads the headline amount and the page signals', () => {
    expect(a.amounts.some((x) => x.value === 2e9 && x.usd === 2e9)).toBe(true);
    const kinds = a.disclaimers.map((d) => d.kind);
    expect(kinds).toContain('page-risk-warning');
    expect(kinds).toContain('page-promotional');
  });

  it.each(['bitcoin-price.md', 'wallet-tutorial.md', 'router-patch.md', 'sudan-sanctions.md', 'lazarus-novel.md', 'rgb-colour.md', 'petro-refinery.md'])(
    '%s stays undetected and free of look-alike entities',
    (file) => {
      const r = run(file);
      expect(r.cryptoSecurity.detected).toBe(false);
      expect(r.entities.some((e) => /Lazarus|Reconnaissance General Bureau|^Petro$/.test(e.name))).toBe(false);
    },
  );
});

describe('an acronym the article defines as something else', () => {
  // a detected crypto-security story (ambiguous names need one), with a paragraph added
  const base = readFileSync(join(FIXTURES, 'dprk-exchanges.txt'), 'utf8');
  const text = (s: string) => engine.analyze(textInput(`${base}\n\n${s}`, { markdown: false }));
  const names = (s: string) => text(s).entities.filter((e) => !e.inferred).map((e) => e.name);
  const hack = 'The attacker drained the DeFi pool in a smart contract exploit and laundered the stolen crypto. ';

  it('drops a ticker written as an acronym the article defines ("Protocol-Owned Liquidity (POL)" is not Polygon)', () => {
    expect(names(`${hack}The pools hold Protocol-Owned Liquidity (POL). The attacker exploited POL in the second phase.`)).not.toContain('Polygon');
  });

  it('keeps the ticker where nothing redefines it, and an acronym whose entity the definition names ("DPRK")', () => {
    const polygon = text(`${hack}The attacker bridged the POL tokens from Polygon to Ethereum.`).entities.find((e) => e.name === 'Polygon');
    expect(polygon?.mentions.map((m) => m.text)).toContain('POL');
    const nk = text(`${hack}Officials blamed the Democratic People's Republic of Korea (DPRK). The DPRK denied it.`).entities.find((e) => e.name === 'North Korea');
    expect(nk?.mentions.map((m) => m.text)).toContain('DPRK');
  });
});

describe("a country's full name named as a place", () => {
  const story =
    'Hackers drained $40 million in bitcoin and ether from the crypto exchange Bitrue on Tuesday, the exchange said. ' +
    'The attackers exploited a hot wallet and laundered the stolen funds through Tornado Cash.\n\nInvestigators said the attack resembled earlier thefts.\n\n';
  const names = (s: string) => engine.analyze(textInput(`${story}${s}`, { markdown: false })).entities.map((e) => e.name);

  it('yields no shorter name from inside it ("Republic of Korea" in "Democratic People\'s Republic of Korea")', () => {
    const n = names("A delegation of the Democratic People's Republic of Korea attended a football match in Bangkok.");
    expect(n.some((x) => /Republic of Korea|Democratic People/.test(x))).toBe(false);
  });

  it('leaves the names next to it alone, and a name of its own that merely resembles it', () => {
    const n = names("The Bank of Korea said it was watching. A delegation of the Democratic People's Republic of Korea attended a football match.");
    expect(n).toContain('Bank of Korea');
    // South Korea's formal name is no knowledge-base name: the name finder still reads it
    expect(names('The Republic of Korea said its central bank was watching the market.')).toContain('Republic of Korea');
  });
});
