/**
 * Indicators of compromise (issue 18) in the evaluation: how many of each kind the engine finds on the
 * positives (articles/ and articles-more/), and every indicator it finds on the negatives and the
 * Readability test pages, which should have none (ordinary text: versions, dates, prices, news sites,
 * file names). Those are listed so that a person can judge each one.
 */
import type { IndicatorKind } from '../../../lib/shared/contract';
import { INDICATOR_KINDS } from '../../../lib/shared/contract';
import { analysisOf, type Row } from './inputs';

export interface IndicatorFigures {
  positives: { pages: number; withIndicators: number; perKind: Partial<Record<IndicatorKind, number>> };
  negatives: { pages: number; indicators: number; perKind: Partial<Record<IndicatorKind, number>> };
  readability: { pages: number; indicators: number; perKind: Partial<Record<IndicatorKind, number>> };
  /** indicators on negatives and Readability pages: each a candidate false indicator */
  onNegatives: { file: string; kind: IndicatorKind; value: string }[];
}

type Group = 'positive' | 'negative' | 'readability' | null;

function groupOf(r: Row): Group {
  if (r.item.kind === 'readability') return 'readability';
  if (r.item.kind === 'article') return r.item.manifest?.label === 'positive' ? 'positive' : r.item.manifest?.label === 'negative' ? 'negative' : null;
  if (r.item.kind === 'more' && r.item.more) return r.item.more.positive ? 'positive' : 'negative';
  return null;
}

/** `nameOf` hides the file names of held-out pages. */
export function indicatorFigures(rows: readonly Row[], nameOf: (r: Row) => string): IndicatorFigures {
  const f: IndicatorFigures = {
    positives: { pages: 0, withIndicators: 0, perKind: {} },
    negatives: { pages: 0, indicators: 0, perKind: {} },
    readability: { pages: 0, indicators: 0, perKind: {} },
    onNegatives: [],
  };
  for (const r of rows) {
    const g = groupOf(r);
    const a = analysisOf(r);
    if (!g || !a) continue;
    const list = a.indicators ?? [];
    if (g === 'positive') {
      f.positives.pages++;
      if (list.length) f.positives.withIndicators++;
      for (const i of list) f.positives.perKind[i.kind] = (f.positives.perKind[i.kind] ?? 0) + 1;
      continue;
    }
    const slot = g === 'negative' ? f.negatives : f.readability;
    slot.pages++;
    slot.indicators += list.length;
    for (const i of list) {
      slot.perKind[i.kind] = (slot.perKind[i.kind] ?? 0) + 1;
      f.onNegatives.push({ file: nameOf(r), kind: i.kind, value: i.value.slice(0, 120) });
    }
  }
  return f;
}

const perKindLine = (m: Partial<Record<IndicatorKind, number>>): string =>
  INDICATOR_KINDS.filter((k) => m[k]).map((k) => `${k} ${m[k]}`).join(', ') || 'none';

/**
 * Kinds that only context makes indicators (a dotted name, a number, a hex run): on a negative or a
 * Readability page each is a false indicator. Addresses (checksummed), transaction hashes, ENS names and
 * CVE ids are what they are wherever they are written: on a negative (security news without crypto,
 * crypto news without an attack) they are real, and are counted apart.
 */
const CONTEXT_KINDS: readonly IndicatorKind[] = ['domain', 'url', 'ipv4', 'ipv6', 'md5', 'sha1', 'sha256'];
const sum = (m: Partial<Record<IndicatorKind, number>>, kinds: readonly IndicatorKind[]): number => kinds.reduce((n, k) => n + (m[k] ?? 0), 0);
const pick = (m: Partial<Record<IndicatorKind, number>>, kinds: readonly IndicatorKind[]): Partial<Record<IndicatorKind, number>> =>
  Object.fromEntries(kinds.filter((k) => m[k]).map((k) => [k, m[k]]));
const SELF_KINDS = INDICATOR_KINDS.filter((k) => !CONTEXT_KINDS.includes(k));

export function printIndicators(f: IndicatorFigures): string[] {
  const t = 'Indicators of compromise (issue 18)';
  const L = ['', t, '-'.repeat(t.length)];
  L.push(`  positives: ${f.positives.withIndicators} of ${f.positives.pages} pages have indicators; found per kind: ${perKindLine(f.positives.perKind)}`);
  for (const [name, slot] of [['negatives', f.negatives], ['Readability test pages', f.readability]] as const) {
    L.push(`  ${name} (${slot.pages} pages): false indicators (${CONTEXT_KINDS.join('/')}): ${sum(slot.perKind, CONTEXT_KINDS)} (${perKindLine(pick(slot.perKind, CONTEXT_KINDS))})   target: 0`);
    L.push(`      self-identifying ids (${SELF_KINDS.join('/')}), real where written: ${sum(slot.perKind, SELF_KINDS)} (${perKindLine(pick(slot.perKind, SELF_KINDS))})`);
  }
  const ctx = f.onNegatives.filter((x) => CONTEXT_KINDS.includes(x.kind));
  for (const x of ctx.slice(0, 15)) L.push(`    ${x.kind.padEnd(7)} ${x.value}  (${x.file})`);
  if (ctx.length > 15) L.push(`    ... and ${ctx.length - 15} more (test-output/eval.json)`);
  return L;
}
