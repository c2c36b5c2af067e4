// @vitest-environment node
/**
 * The amount finder's crypto units as knowledge-base data (issue 19: the coin list moves into the KB's
 * data): every ticker points at a KB entry that holds it, or at its project's entry, or gives its own
 * source; the compiled list is up to date; and the engine reads amounts in exactly those units.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findAmounts } from '../../../lib/engine/money';
import { unitHintFileSchema, unitHintsCompiledSchema } from '../../../lib/kb/schema';
import { compileUnitHints } from '../../../tools/kb-build/unit-hints';
import { readCompiled, ROOT } from './helpers';

const source: unknown = JSON.parse(readFileSync(`${ROOT}lib/kb/data/hints/amount-units.json`, 'utf8'));
const compiled: unknown = JSON.parse(readFileSync(`${ROOT}lib/kb/compiled/amount-units.json`, 'utf8'));
const kb = readCompiled();
const about = 'crypto units for the test, in capitals';

describe('crypto units: the source file', () => {
  it('validates, and each ticker holds in the KB (its entry names it, or its project exists)', () => {
    const r = unitHintFileSchema.safeParse(source);
    expect(r.success ? [] : r.error.issues.slice(0, 5)).toEqual([]);
    expect(compileUnitHints(source, kb.entities).problems).toEqual([]);
  });

  it('rejects a unit with no link and no source, a ticker twice, a link to a non-coin, and a ticker its entry lacks', () => {
    expect(unitHintFileSchema.safeParse({ about, units: [{ ticker: 'BTC' }] }).success).toBe(false);
    expect(unitHintFileSchema.safeParse({ about, units: [{ ticker: 'SEI', name: 'Sei' }] }).success).toBe(false);
    const units = [
      { ticker: 'BTC', entity: 'bitcoin' },
      { ticker: 'BTC', entity: 'bitcoin' },
      { ticker: 'APT', entity: 'apt38' },
      { ticker: 'UNI', entity: 'uniswap' },
      { ticker: 'UNI2', project: 'uniswap' },
    ];
    expect(compileUnitHints({ about, units }, kb.entities).problems).toEqual([
      'units: BTC is listed twice',
      'units: APT points at apt38, which is no coin, protocol or exchange entry',
      'units: UNI is not a name of uniswap (use project for the project it belongs to)',
    ]);
  });
});

describe('crypto units: the compiled list', () => {
  it('is what the source file compiles to (run npm run kb:build)', () => {
    expect(unitHintsCompiledSchema.safeParse(compiled).success).toBe(true);
    expect(compiled).toEqual(compileUnitHints(source, kb.entities).list);
  });

  it('is what the amount finder reads: a listed ticker after a number is an amount, an unlisted one is not', () => {
    const words = (compiled as { words: string[] }).words;
    expect(words).toContain('SNX');
    expect(words).not.toContain('ABCD');
    expect(findAmounts('The attacker took 1,200 SNX from the pool.').map((a) => a.currency)).toEqual(['SNX']);
    expect(findAmounts('The attacker took 1,200 ABCD from the pool.')).toEqual([]);
  });
});
