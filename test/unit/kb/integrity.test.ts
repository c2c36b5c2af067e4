// @vitest-environment node
/**
 * Data tests over the compiled knowledge base: the shape, and the rules the schema alone cannot see
 * (unique ids and aliases, relation targets, sources on every fact, plausible dates and amounts).
 */
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../../../lib/shared/contract';
import { ISO_ISH_DATE, MAX_DESCRIPTION_CHARS, compiledKbSchema } from '../../../lib/kb/schema';
import { namesOf, readCompiled } from './helpers';

const kb = readCompiled();
const ids = new Set(kb.entities.map((e) => e.id));
/** Plausible time window of the KB's facts. */
const EARLIEST_YEAR = 2007;
/** Country sanctions programmes go back decades (the Cuba embargo dates from 1963). */
const EARLIEST_SANCTION_YEAR = 1945;
const LATEST_DATE = new Date().toISOString().slice(0, 10);
/** Largest single theft on record is $1.5 billion (Bybit, 2025); LuBian's $3.5 billion is the outlier we hold. */
const MAX_PLAUSIBLE_USD = 5e9;

describe('compiled KB shape', () => {
  it('validates against the zod schema', () => {
    const r = compiledKbSchema.safeParse(kb);
    expect(r.success ? [] : r.error.issues.slice(0, 10)).toEqual([]);
  });

  it('has a version and an as-of date the UI can show', () => {
    expect(kb.version).toMatch(/^\d{4}-\d{2}-\d{2}\+[0-9a-f]{10}$/);
    expect(kb.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(kb.asOf <= LATEST_DATE).toBe(true);
  });
});

describe('entries', () => {
  it('have unique ids', () => {
    const seen = new Set<string>();
    const dup = kb.entities.map((e) => e.id).filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
    expect(dup).toEqual([]);
  });

  it('have known types', () => {
    expect(kb.entities.filter((e) => !(ENTITY_TYPES as readonly string[]).includes(e.type)).map((e) => e.id)).toEqual([]);
  });

  it('claim no alias that another entry claims, unless all but one claim is flagged ambiguous', () => {
    const claims = new Map<string, { id: string; ambiguous: boolean }[]>();
    for (const e of kb.entities) {
      const own = new Set<string>();
      for (const n of namesOf(e)) {
        if (!n.key || own.has(n.key)) continue;
        own.add(n.key);
        const list = claims.get(n.key) ?? [];
        list.push({ id: e.id, ambiguous: n.ambiguous || e.ambiguous !== undefined });
        claims.set(n.key, list);
      }
    }
    const clashes = [...claims]
      .filter(([, list]) => list.length > 1 && list.filter((c) => !c.ambiguous).length > 1)
      .map(([key, list]) => `${key}: ${list.map((c) => c.id).join(', ')}`);
    expect(clashes).toEqual([]);
  });

  it('point relations at entries that exist', () => {
    const dangling = kb.entities.flatMap((e) => e.relations.filter((r) => !ids.has(r.target)).map((r) => `${e.id} -> ${r.target}`));
    expect(dangling).toEqual([]);
  });

  it('carry a source URL on every entry, relation and sanction', () => {
    const missing: string[] = [];
    for (const e of kb.entities) {
      if (!e.sources.length || e.sources.some((s) => !s.url.startsWith('https://'))) missing.push(e.id);
      for (const r of e.relations) if (!r.source.url.startsWith('https://')) missing.push(`${e.id} relation ${r.target}`);
      for (const s of e.sanctions) if (!s.source.url.startsWith('https://')) missing.push(`${e.id} sanction ${s.programme}`);
    }
    expect(missing).toEqual([]);
  });

  it('keep descriptions short and non-empty', () => {
    const bad = kb.entities.filter((e) => !e.description.trim() || e.description.length > MAX_DESCRIPTION_CHARS).map((e) => e.id);
    expect(bad).toEqual([]);
  });

  it('have plausible dates', () => {
    const bad: string[] = [];
    const check = (where: string, d: string | undefined): void => {
      if (d === undefined) return;
      if (!ISO_ISH_DATE.test(d) || Number(d.slice(0, 4)) < EARLIEST_SANCTION_YEAR || d > LATEST_DATE) bad.push(`${where}: ${d}`);
    };
    for (const e of kb.entities) {
      check(`${e.id} incident`, e.incident?.date);
      check(`${e.id} firstSeen`, e.firstSeen);
      for (const s of e.sources) check(`${e.id} source`, s.date);
      for (const s of e.sanctions) {
        check(`${e.id} sanction`, s.date);
        check(`${e.id} delisted`, s.delisted);
      }
    }
    expect(bad).toEqual([]);
  });

  it('have incidents with plausible dates and amounts', () => {
    const bad: string[] = [];
    for (const e of kb.entities.filter((x) => x.type === 'incident')) {
      const i = e.incident;
      if (!i) {
        bad.push(`${e.id}: no incident block`);
        continue;
      }
      if (Number(i.date.slice(0, 4)) < EARLIEST_YEAR) bad.push(`${e.id}: date ${i.date}`);
      if (i.amountUsd !== null && !(i.amountUsd >= 0 && i.amountUsd <= MAX_PLAUSIBLE_USD)) bad.push(`${e.id}: amount ${i.amountUsd}`);
      if (i.fundsRecovered != null && i.amountUsd != null && i.fundsRecovered > i.amountUsd * 1.5) bad.push(`${e.id}: recovered > stolen`);
    }
    expect(bad).toEqual([]);
  });

  it('give ambiguous names context words', () => {
    const bad = kb.entities.filter((e) => e.ambiguous && !e.ambiguous.context.some((c) => c.trim().length > 0)).map((e) => e.id);
    expect(bad).toEqual([]);
  });
});

describe('OFAC addresses', () => {
  it('are unique per chain and dated', () => {
    const seen = new Set<string>();
    const dup: string[] = [];
    for (const a of kb.addresses) {
      const k = `${a.chain}:${a.address}`;
      if (seen.has(k)) dup.push(k);
      seen.add(k);
      expect(a.asOf).toMatch(ISO_ISH_DATE);
    }
    expect(dup).toEqual([]);
  });

  it('link designated entities to KB entries, with a source', () => {
    const bad = kb.addresses
      .filter((a) => a.entity !== undefined)
      .filter((a) => !ids.has(a.entity!) || !a.entitySource?.url.startsWith('https://'))
      .map((a) => `${a.address} -> ${a.entity}`);
    expect(bad).toEqual([]);
  });
});
