/**
 * The readable report of the articles-more figures (see more-figures.ts). Test-half figures are only
 * ever aggregates; article lines are printed for the dev half, and only with --verbose.
 */
import type { Prf } from '../eval-score';
import { EVIDENCE_KINDS, type PrecisionTally } from './entity-precision';
import type { EntityAggregate, FieldFigure, MoreReport, SummarySide } from './more';

function pct(n: number | null | undefined): string {
  return n === null || n === undefined ? '  n/a' : `${(n * 100).toFixed(1).padStart(5)}%`;
}

function prfLine(label: string, p: Prf, width = 44): string {
  const l = label.length > width ? `${label.slice(0, width - 1)}…` : label.padEnd(width);
  return `  ${l} P ${pct(p.precision)}  R ${pct(p.recall)}  F1 ${pct(p.f1)}   tp ${p.tp} fp ${p.fp} fn ${p.fn} tn ${p.tn}`;
}

function tallyText(t: PrecisionTally): string {
  return `${pct(t.precision)} (${t.correct}/${t.reported}; wrong type ${t.wrongType}, trap ${t.trap}, wrong ${t.wrong})`;
}

function entityLines(label: string, e: EntityAggregate): string[] {
  const p = e.precision;
  return [
    `  ${label}: ${e.articles} articles`,
    `    precision, names (KB + name finder)  ${tallyText(p.named)}`,
    ...EVIDENCE_KINDS.map((k) => `      ${k.padEnd(33)}  ${tallyText(p.byKind[k])}`),
    `    precision, everything reported       ${tallyText(p.overall)}`,
    `    precision, what the page marks       ${tallyText(e.marked)}`,
    `    must-find recall ${pct(e.must.recall)} (${e.must.found}/${e.must.must}); with the listed type ${pct(e.must.recallSameType)} (${e.must.foundSameType})`,
    `    trap hits ${e.trapHits} (in ${e.articlesWithTrap} articles)`,
  ];
}

function fieldText(f: FieldFigure): string {
  const split = f.withGold && f.withoutGold ? `   [gold has one: ${f.withGold.correct}/${f.withGold.n}; gold has none, engine must show none: ${f.withoutGold.correct}/${f.withoutGold.n}]` : '';
  return `${pct(f.rate)} (${f.correct}/${f.n})${split}`;
}

function sideLine(name: string, s: SummarySide): string {
  const l = s.length;
  const num = (n: number | null, d = 1): string => (n === null ? 'n/a' : n.toFixed(d));
  return `    ${name.padEnd(8)} key-sentence recall ${pct(s.recall)} (${s.covered}/${s.keySentences}); central fact first ${pct(s.centralFirst.rate)} (${s.centralFirst.ok}/${s.centralFirst.checkable}); sentences mean ${num(l.meanSentences)} max ${l.maxSentences ?? 'n/a'}; words mean ${num(l.meanWords)} max ${l.maxWords ?? 'n/a'}; >3 sentences ${pct(l.over3Share)}`;
}

export function printMore(r: MoreReport, verbose: boolean): string[] {
  const L: string[] = [];
  const h = (s: string): void => {
    L.push('', s, '-'.repeat(s.length));
  };
  const d = r.detection;
  h(`Detection on articles-more/ (${d.articles} articles, ${r.publishers} publishers; split test/eval/articles-more-split.json)`);
  if (r.problems.length) L.push(`  problems: ${r.problems.slice(0, 8).join('; ')}${r.problems.length > 8 ? ` +${r.problems.length - 8} more` : ''}`);
  L.push(prfLine('overall', d.overall));
  for (const [half, p] of Object.entries(d.byHalf)) L.push(prfLine(`${half} half`, p));
  L.push(`  publishers with ${r.minPublisherArticles}+ articles:`);
  for (const p of d.publishers) L.push(prfLine(`  ${p.source} (${p.half}, ${p.articles})`, p.prf));
  for (const [half, o] of Object.entries(d.otherPublishers)) L.push(prfLine(`  other ${half} publishers (${o.publishers}, ${o.articles} articles)`, o.prf));
  if (verbose) {
    L.push('  dev half misses:');
    for (const m of d.dev.falseNegatives) L.push(`    FN ${m.score.toFixed(2)}  ${m.file}   ${m.reasons.join('; ') || '(no reasons)'}`);
    for (const m of d.dev.falsePositives) L.push(`    FP ${m.score.toFixed(2)}  ${m.file}   ${m.reasons.join('; ') || '(no reasons)'}`);
  }

  h(`Entities on the articles-more labels (${r.labelled.all} articles: dev ${r.labelled.dev}, test ${r.labelled.test}) - issue 14`);
  L.push('  every reported name judged against the article\'s exhaustive list: correct / wrong type / trap (notExpected) / wrong (not listed);');
  L.push('  an inferred entity the list does not name is correct when the named entity its chain starts from is listed; an address, when its checksum holds');
  L.push(...entityLines('all', r.scopes.all.entities), ...entityLines('dev', r.scopes.dev.entities), ...entityLines('test', r.scopes.test.entities));
  L.push(`  per publisher (${r.minPublisherArticles}+ labelled articles; precision of names, must-find recall, traps):`);
  const pubLine = (label: string, e: EntityAggregate): string =>
    `    ${label.padEnd(40)} precision ${tallyText(e.precision.named)}  must ${pct(e.must.recall)} (${e.must.found}/${e.must.must})  traps ${e.trapHits}`;
  for (const p of r.entityPublishers.publishers) L.push(pubLine(`${p.source} (${p.half}, ${p.figures.articles})`, p.figures));
  for (const [half, o] of Object.entries(r.entityPublishers.others)) L.push(pubLine(`other ${half} publishers (${o.publishers}, ${o.figures.articles})`, o.figures));

  L.push('  name-finder rules on the dev half (correct/reported; lib/engine/ner/rules.ts RULE_INFO dev):');
  L.push(`    ${Object.entries(r.devRules).sort((a, b) => b[1][1] - a[1][1]).map(([k, [c, n]]) => `${k} ${c}/${n}`).join(', ') || 'none'}`);

  h('Key facts on labelled positives - issue 15');
  if (r.scopes.all.keyFacts.newShape === 0)
    L.push('  note: no analysis has keyFacts.event/amounts/date yet (older keyFacts shape): those fields read as empty.');
  for (const scope of ['all', 'dev', 'test'] as const) {
    const k = r.scopes[scope].keyFacts;
    L.push(`  ${scope}: ${k.articles} articles (${k.newShape} with the new keyFacts fields)`);
    L.push(`    event (exact)               ${fieldText(k.event)}`);
    L.push(`    victim                      ${fieldText(k.victim)}`);
    L.push(`    stolen amount (within 5%)   ${fieldText(k.stolen)}`);
    L.push(`    date (at gold precision)    ${fieldText(k.date)}`);
    L.push(`    actor                       ${fieldText(k.actor)}`);
    L.push(`    role errors                 ${k.roleErrors.total} in ${k.roleErrors.articles} of ${k.articles} articles (${pct(k.roleErrors.perArticle)} of articles; target <= 5%)`);
    const o = k.olderShape;
    if (o.articles > 0)
      L.push(`    (older shape, side figure: its keyFacts.stolen read as stolen amounts on ${o.articles} articles: stolen amount ${pct(o.stolen.rate)} (${o.stolen.correct}/${o.stolen.n}); articles with role errors ${o.roleErrorArticles})`);
  }

  h('Summaries on labelled positives with key sentences, beside the lead-3 baseline - issue 15');
  for (const scope of ['all', 'dev', 'test'] as const) {
    const s = r.scopes[scope].summaries;
    L.push(`  ${scope}: ${s.articles} articles; engine minus lead-3 key-sentence recall ${s.recallGain === null ? 'n/a' : (s.recallGain >= 0 ? '+' : '') + s.recallGain.toFixed(3)}`);
    L.push(sideLine('engine', s.engine), sideLine('lead-3', s.lead3));
  }

  if (verbose) {
    h('Dev half, per article (never the test half)');
    for (const a of r.devArticles) {
      const lines: string[] = [];
      if (a.error) lines.push(`      ERROR ${a.error}`);
      const errs = a.errors.map((j) => `${j.name} [${j.type}, ${j.kind}]${j.verdict === 'wrong-type' ? ` WRONG TYPE (listed ${j.listedType ?? '?'})` : j.verdict === 'trap' ? ' TRAP' : ''}`);
      if (errs.length) lines.push(`      not correct: ${errs.join('; ')}`);
      if (a.missedMust.length) lines.push(`      missed must: ${a.missedMust.join(', ')}`);
      if (a.keyFacts && (a.keyFacts.failed.length || a.keyFacts.roleErrors.length)) {
        const e = a.keyFacts.engine;
        const g = a.keyFacts.gold;
        lines.push(
          `      key facts failed: ${a.keyFacts.failed.join(', ') || '-'}${a.keyFacts.roleErrors.length ? `; role errors: ${a.keyFacts.roleErrors.join('; ')}` : ''}`,
          `        engine: event ${e.event ?? '-'}, victims ${e.victims.join('/') || '-'}, actors ${e.actors.join('/') || '-'}, date ${e.date ?? '-'}, amounts ${e.amounts.map((m) => `${m.text} ${m.role ?? '?'}`).join(', ') || '-'}`,
          `        gold:   event ${g.event ?? '-'}, victims ${g.victims.join('/') || '-'}, actors ${g.actors.map((x) => x.name).join('/') || '-'}, date ${g.date ?? '-'}, amounts ${g.amounts.map((m) => `${m.text} ${m.role}`).join(', ') || '-'}`,
        );
      }
      if (a.summary && a.summary.engineHits < a.summary.keys) lines.push(`      summary: ${a.summary.engineHits}/${a.summary.keys} key sentences (lead-3 ${a.summary.leadHits}); first: "${(a.summary.first ?? '').slice(0, 160)}"`);
      if (lines.length) L.push(`    ${a.file}`, ...lines);
    }
  }
  return L;
}
