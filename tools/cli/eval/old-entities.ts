/**
 * The old corpus's entity figures of `npm run -s eval`: recall and amounts on the hand-checked lists
 * (test/eval/expected-entities.json, rules in test/eval/README.md), type disagreements,
 * ambiguous-word and ambiguous-KB-name hits, entities reported on non-positive pages; and their
 * part of the readable report.
 */
import { ambiguousMentions, ambiguousNames, entityMatches, lowercaseMentions, scoreAmounts, scoreEntities } from '../eval-score';
import { analysisOf, capList, listPath, pct, round, type ExpectedList, type Row } from './inputs';

/** The knowledge base's ambiguous names; an empty map (and a note) when the KB cannot be loaded. */
async function loadAmbiguousNames(): Promise<{ names: Map<string, Set<string>>; note: string | null }> {
  try {
    const mod = await import('../../../lib/kb/index');
    return { names: ambiguousNames(mod.loadKb().kb.entities), note: null };
  } catch (e) {
    return { names: new Map(), note: `knowledge base not loaded: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/**
 * Figures on the lists. `rows` are the old corpus's rows (articles, Readability pages, seed), `byKey`
 * finds a row by its item key.
 */
export async function oldEntityFigures(data: string, lists: readonly ExpectedList[], rows: readonly Row[], byKey: ReadonlyMap<string, Row>) {
  // Entities and amounts on the hand-checked lists
  const perArticle = lists.map((l) => {
    const { key } = listPath(data, l.file);
    const row = byKey.get(key);
    const a = row ? analysisOf(row) : null;
    const ents = a?.entities ?? [];
    const es = scoreEntities(l.entities, ents, l.notExpected ?? []);
    const am = scoreAmounts(l.amounts, a?.amounts ?? []);
    return {
      file: l.file,
      analysed: a !== null,
      detected: a?.cryptoSecurity.detected ?? false,
      error: row && !row.outcome.ok ? row.outcome.error : row ? undefined : 'file not in the corpus',
      entities: {
        expected: es.expected,
        found: es.found,
        recall: round(es.recall),
        missed: es.missed.map((m) => `${m.name} [${m.type}]`),
        unexpected: es.unexpected.map((u) => u.name),
        extra: es.extra.map((u) => u.name),
        output: ents.length,
      },
      amounts: {
        expected: am.expected,
        found: am.found,
        recall: round(am.recall),
        missed: am.missed.map((m) => m.text),
        output: (a?.amounts ?? []).map((m) => `${m.text}=${m.value} ${m.currency}`),
      },
    };
  });
  // Name-finder rules: [names on the list, reported] (RULE_INFO's `old`; the lists are not exhaustive, so a lower bound)
  const rules: Record<string, [number, number]> = {};
  for (const l of lists) {
    const row = byKey.get(listPath(data, l.file).key);
    for (const f of row ? (analysisOf(row)?.entities ?? []) : []) {
      if (f.evidence !== 'name-finder') continue;
      const t = (rules[f.rule ?? '?'] ??= [0, 0]);
      if (l.entities.some((e) => entityMatches(e, f))) t[0]++;
      t[1]++;
    }
  }
  const sum = (f: (p: (typeof perArticle)[number]) => number): number => perArticle.reduce((s, p) => s + f(p), 0);
  const entExpected = sum((p) => p.entities.expected);
  const entFound = sum((p) => p.entities.found);
  const unexpectedTotal = sum((p) => p.entities.unexpected.length);
  const extraTotal = sum((p) => p.entities.extra.length);
  const outputTotal = sum((p) => p.entities.output);
  const amExpected = sum((p) => p.amounts.expected);
  const amFound = sum((p) => p.amounts.found);

  // Missed entities by type (patterns, not files)
  const missedByType: Record<string, { expected: number; missed: number }> = {};
  /** found entities whose type differs from the list's ("malware -> incident"); not counted as misses */
  const typeDisagreements = new Map<string, number>();
  /** expected entities found by an output entity of the same type (the stricter reading of the contract's types) */
  let sameTypeFound = 0;
  for (const l of lists) {
    const row = byKey.get(listPath(data, l.file).key);
    const ents = row ? (analysisOf(row)?.entities ?? []) : [];
    for (const e of l.entities) {
      const t = (missedByType[e.type] ??= { expected: 0, missed: 0 });
      t.expected++;
      // an output entity of the list's type wins over another match (the same name found twice, typed differently)
      const hits = ents.filter((f) => entityMatches(e, f));
      const hit = hits.find((f) => f.type === e.type) ?? hits[0];
      if (!hit) t.missed++;
      else if (hit.type === e.type) sameTypeFound++;
      else {
        const pair = `${e.type} -> ${hit.type}`;
        typeDisagreements.set(pair, (typeDisagreements.get(pair) ?? 0) + 1);
      }
    }
  }
  const typeDisagreementList = [...typeDisagreements.entries()].sort((a, b) => b[1] - a[1]).map(([pair, count]) => ({ pair, count }));

  // Recall by group of types: the gazetteer's core types vs everything but cryptocurrencies
  const CORE_TYPES = ['threat-actor', 'agency', 'malware', 'sanctioned-jurisdiction', 'exchange', 'protocol', 'mixer', 'incident'];
  const recallOver = (keep: (t: string) => boolean): { expected: number; found: number; recall: number | null } => {
    let expected = 0;
    let missed = 0;
    for (const [t, v] of Object.entries(missedByType))
      if (keep(t)) {
        expected += v.expected;
        missed += v.missed;
      }
    return { expected, found: expected - missed, recall: round(expected === 0 ? null : (expected - missed) / expected) };
  };
  const recallCore = recallOver((t) => CORE_TYPES.includes(t));
  const recallNoCrypto = recallOver((t) => t !== 'cryptocurrency');

  // Ambiguous-word hits: lower-case mentions of capitalised names, anywhere in the corpus
  const ambiguous = new Map<string, { entity: string; mentions: Set<string>; files: string[]; onNegative: number }>();
  for (const r of rows) {
    const a = analysisOf(r);
    if (!a) continue;
    for (const e of a.entities) {
      const lower = lowercaseMentions(e);
      if (lower.length === 0) continue;
      const k = e.id;
      const entry = ambiguous.get(k) ?? { entity: `${e.name} [${e.type}]`, mentions: new Set<string>(), files: [], onNegative: 0 };
      lower.forEach((m) => entry.mentions.add(m));
      entry.files.push(r.item.key);
      if (r.item.manifest?.label !== 'positive') entry.onNegative++;
      ambiguous.set(k, entry);
    }
  }
  // Ambiguous-name hits: mentions made through a name the KB flags as needing context, by page kind
  const kbAmbiguous = await loadAmbiguousNames();
  const ambiguousKb = new Map<string, { entity: string; mentions: Set<string>; positive: number; other: string[] }>();
  for (const r of rows) {
    const a = analysisOf(r);
    if (!a) continue;
    for (const e of a.entities) {
      const hits = ambiguousMentions(e, kbAmbiguous.names);
      if (hits.length === 0) continue;
      const entry = ambiguousKb.get(e.id) ?? { entity: `${e.name} [${e.type}]`, mentions: new Set<string>(), positive: 0, other: [] };
      hits.forEach((m) => entry.mentions.add(m));
      if (r.item.manifest?.label === 'positive' || r.item.kind === 'seed') entry.positive++;
      else entry.other.push(r.item.key);
      ambiguousKb.set(e.id, entry);
    }
  }
  const ambiguousKbList = [...ambiguousKb.values()]
    .sort((a, b) => b.other.length - a.other.length || b.positive - a.positive)
    .map((a) => ({ entity: a.entity, mentions: [...a.mentions], onPositives: a.positive, onOtherPages: a.other.length, examples: a.other.slice(0, 3) }));
  const ambiguousKbOnOther = ambiguousKbList.reduce((n, a) => n + a.onOtherPages, 0);

  const ambiguousList = [...ambiguous.values()]
    .sort((a, b) => b.files.length - a.files.length)
    .map((a) => ({ entity: a.entity, mentions: [...a.mentions], pages: a.files.length, onNonPositive: a.onNegative, examples: a.files.slice(0, 3) }));

  // Entities on pages that are not crypto-security (negatives + readability), by entity
  const negEntityCounts = new Map<string, number>();
  for (const r of rows) {
    if (r.item.kind === 'seed' || r.item.manifest?.label === 'positive') continue;
    for (const e of analysisOf(r)?.entities ?? []) if (!e.inferred) negEntityCounts.set(`${e.name} [${e.type}]`, (negEntityCounts.get(`${e.name} [${e.type}]`) ?? 0) + 1);
  }
  const negEntities = [...negEntityCounts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([entity, pages]) => ({ entity, pages }));

  return {
    perArticle,
    entities: {
        lists: lists.length,
        expected: entExpected,
        found: entFound,
        recall: round(entExpected === 0 ? null : entFound / entExpected),
        missedByType,
        recallCoreTypes: recallCore,
        typeDisagreements: typeDisagreementList,
        recallSameType: round(entExpected === 0 ? null : sameTypeFound / entExpected),
        foundSameType: sameTypeFound,
        recallWithoutCryptocurrencies: recallNoCrypto,
        unexpected: unexpectedTotal,
        extra: extraTotal,
        outputOnListedArticles: outputTotal,
        ambiguousWordHits: ambiguousList,
        ambiguousKbNames: { note: kbAmbiguous.note, names: kbAmbiguous.names.size, onNonPositivePages: ambiguousKbOnOther, entities: ambiguousKbList },
        entitiesOnNonPositivePages: negEntities,
        nameFinderRules: rules,
    },
    amounts: { expected: amExpected, found: amFound, recall: round(amExpected === 0 ? null : amFound / amExpected) },
  };
}

export type OldEntityFigures = Awaited<ReturnType<typeof oldEntityFigures>>;

/** The readable report's entity and amount sections. */
export function printOldEntities(f: OldEntityFigures, lists: number): string[] {
  const L: string[] = [];
  const h = (s: string): void => {
    L.push('', s, '-'.repeat(s.length));
  };
  const { perArticle } = f;
  const e = f.entities;
  h(`Entities on ${lists} hand-checked lists (test/eval/expected-entities.json)`);
  L.push(`  recall: ${e.found}/${e.expected} = ${pct(e.recall)}`);
  L.push(`    core types (actors, agencies, malware, jurisdictions, exchanges, protocols, mixers, incidents): ${e.recallCoreTypes.found}/${e.recallCoreTypes.expected} = ${pct(e.recallCoreTypes.recall)}`);
  L.push(`    all but cryptocurrencies: ${e.recallWithoutCryptocurrencies.found}/${e.recallWithoutCryptocurrencies.expected} = ${pct(e.recallWithoutCryptocurrencies.recall)}`);
  L.push(`  flagged wrong (notExpected) reported: ${e.unexpected}; other entities not on the lists: ${e.extra} of ${e.outputOnListedArticles} output entities`);
  L.push('  missed by expected type:');
  for (const [t, v] of Object.entries(e.missedByType).sort((a, b) => b[1].expected - a[1].expected))
    L.push(`    ${t.padEnd(24)} missed ${String(v.missed).padStart(3)} of ${String(v.expected).padStart(3)}`);
  L.push(`  found with the list's type too (types compared): ${e.foundSameType}/${e.expected} = ${pct(e.recallSameType)}`);
  L.push(
    `  found with another type than the list's (not counted as misses): ${e.typeDisagreements.length ? capList(e.typeDisagreements.map((t) => `${t.pair} ${t.count}`), 10) : 'none'}`,
  );
  L.push(`  name-finder rules (names on the list/reported, a lower bound; RULE_INFO old): ${Object.entries(e.nameFinderRules).sort((a, b) => b[1][1] - a[1][1]).map(([k, [c, n]]) => `${k} ${c}/${n}`).join(', ') || 'none'}`);
  L.push('  per article (recall, missed):');
  for (const p of perArticle) {
    const flag = p.error ? `  ERROR ${p.error}` : p.detected ? '' : '  (not detected)';
    L.push(`    ${pct(p.entities.recall)}  ${p.entities.found}/${p.entities.expected}  ${p.file}${flag}`);
    if (p.entities.missed.length) L.push(`           missed: ${capList(p.entities.missed)}`);
    if (p.entities.unexpected.length) L.push(`           WRONG: ${p.entities.unexpected.join(', ')}`);
  }
  L.push('  ambiguous-word hits (lower-case mentions of capitalised names), most pages first:');
  if (e.ambiguousWordHits.length === 0) L.push('    none');
  for (const a of e.ambiguousWordHits.slice(0, 15))
    L.push(`    ${a.entity}: "${a.mentions.join('", "')}" on ${a.pages} pages (${a.onNonPositive} not positive), e.g. ${a.examples.join(', ')}`);
  L.push(
    `  ambiguous KB names (${e.ambiguousKbNames.names} names flagged as needing context${e.ambiguousKbNames.note ? `; ${e.ambiguousKbNames.note}` : ''}): ${e.ambiguousKbNames.onNonPositivePages} reports on negatives / Readability pages`,
  );
  for (const a of e.ambiguousKbNames.entities.slice(0, 12))
    L.push(`    ${a.entity} as "${a.mentions.join('", "')}": ${a.onOtherPages} non-positive pages, ${a.onPositives} positives${a.examples.length ? `; e.g. ${a.examples.join(', ')}` : ''}`);
  L.push('  entities most often reported on negatives / Readability pages (named, not inferred):');
  if (e.entitiesOnNonPositivePages.length === 0) L.push('    none');
  for (const n of e.entitiesOnNonPositivePages.slice(0, 10)) L.push(`    ${String(n.pages).padStart(4)}  ${n.entity}`);

  h('Amounts on the hand-checked lists');
  L.push(`  recall: ${f.amounts.found}/${f.amounts.expected} = ${pct(f.amounts.recall)}`);
  for (const p of perArticle) if (p.amounts.missed.length) L.push(`    ${p.file}: missed ${capList(p.amounts.missed)}`);

  return L;
}
