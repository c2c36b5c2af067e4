/**
 * Fuzzing the engine (lib/engine) with hostile text: it never throws, every offset it reports points at
 * exactly the text it claims, it is deterministic, and every number it reports is finite.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analysis, AnalysisInput } from '../../../lib/shared/contract';
import { createEngine, type Engine } from '../../../lib/engine/analyze';
import { loadKb } from '../../../lib/kb';
import { ENTITY_NAMES, OVERFLOWING_AMOUNTS, fragment, hostileText } from './arbitraries';

let engine: Engine;
beforeAll(() => {
  engine = createEngine(loadKb());
});

/** The analysis without its timings (which differ run to run by design). */
function stable(a: Analysis): Omit<Analysis, 'timingsMs'> {
  const { timingsMs: _t, ...rest } = a;
  return rest;
}

/** Every invariant the rest of the extension relies on. */
function checkInvariants(input: AnalysisInput, a: Analysis): void {
  const text = input.text;
  for (const e of a.entities) {
    expect(typeof e.id).toBe('string');
    expect(e.id.length).toBeGreaterThan(0);
    for (const m of e.mentions) {
      expect(Number.isInteger(m.start) && Number.isInteger(m.end)).toBe(true);
      expect(m.start).toBeGreaterThanOrEqual(0);
      expect(m.end).toBeGreaterThan(m.start);
      expect(m.end).toBeLessThanOrEqual(text.length);
      expect(text.slice(m.start, m.end)).toBe(m.text);
    }
  }
  for (const am of a.amounts) {
    expect(Number.isFinite(am.value)).toBe(true);
    if (am.usd !== null) expect(Number.isFinite(am.usd)).toBe(true);
    if (am.start !== undefined && am.end !== undefined) expect(text.slice(am.start, am.end)).toBe(am.text);
  }
  for (const ad of a.addresses) {
    expect(typeof ad.valid).toBe('boolean');
    expect(typeof ad.sanctioned).toBe('boolean');
    if (ad.start !== undefined && ad.end !== undefined) expect(text.slice(ad.start, ad.end)).toBe(ad.text);
  }
  expect(Number.isFinite(a.cryptoSecurity.score)).toBe(true);
  expect(Number.isFinite(a.timingsMs.total)).toBe(true);
  for (const r of a.related) expect(r.amountUsd === undefined || r.amountUsd === null || Number.isFinite(r.amountUsd)).toBe(true);
  // the result crosses runtime messaging: it must survive JSON unchanged in shape
  expect(() => JSON.stringify(a)).not.toThrow();
}

const inputOf = (text: string, title: string | null): AnalysisInput => ({ text, title, url: 'https://news.example/crypto/hack', pageType: 'NewsArticle' });

describe('engine fuzz', () => {
  it('hostile text: no crash, exact offsets, finite numbers, deterministic', () => {
    fc.assert(
      fc.property(hostileText, fc.option(fc.string({ unit: 'binary', maxLength: 80 }), { nil: null }), (text, title) => {
        const input = inputOf(text, title);
        const a = engine.analyze(input);
        checkInvariants(input, a);
        expect(stable(engine.analyze(input))).toEqual(stable(a));
      }),
      { numRuns: 200 },
    );
  }, 20_000);

  it('articles densely packed with repeated names, money and addresses keep exact offsets', () => {
    const article = fc
      .array(fc.oneof(fragment, fc.constantFrom(...ENTITY_NAMES).map((n) => `The ${n} stole $625 million in crypto, the FBI said. `)), { minLength: 40, maxLength: 200 })
      .map((parts) => parts.join(' '));
    fc.assert(
      fc.property(article, (text) => {
        const input = inputOf(text, 'Lazarus Group hackers stole crypto');
        const a = engine.analyze(input);
        checkInvariants(input, a);
        expect(stable(engine.analyze(input))).toEqual(stable(a));
      }),
      { numRuns: 100 },
    );
  }, 20_000);

  it('amounts just inside the double range stay finite', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.constantFrom('BTC', 'ETH', 'USDT', 'million dollars'), (digits, unit) => {
        const input = inputOf(`Hackers stole ${'9'.repeat(digits)} ${unit} from the exchange.`, null);
        checkInvariants(input, engine.analyze(input));
      }),
      { numRuns: 100 },
    );
  });

  it('an amount too large to represent (310+ digits) is left out, never reported as Infinity; real amounts beside it are kept', () => {
    for (const s of OVERFLOWING_AMOUNTS) {
      const input = inputOf(`The Lazarus Group stole ${s} from the bridge, and $625 million from Ronin, the FBI said.`, null);
      const a = engine.analyze(input);
      expect(a.amounts.map((x) => x.value)).toEqual([625_000_000]);
      checkInvariants(input, a);
    }
  });

  it('a Latin name written between Chinese characters without spaces (组织Lazarus Group从) is found', () => {
    const input = inputOf('美国联邦调查局称，朝鲜黑客组织Lazarus Group从Ronin跨链桥盗取了加密货币，并通过Tornado Cash洗钱。', null);
    const ids = engine.analyze(input).entities.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining(['lazarus-group', 'tornado-cash']));
  });

  it('huge whitespace and a 300,000-character text stay bounded in time', () => {
    const big = `${' \n\u00a0'.repeat(50_000)}Lazarus Group stole $625 million from the Ronin bridge. ${'Tornado Cash '.repeat(10_000)}`;
    const input = inputOf(big, null);
    const t0 = performance.now();
    const a = engine.analyze(input);
    expect(performance.now() - t0).toBeLessThan(8_000);
    checkInvariants(input, a);
  }, 20_000);
});
