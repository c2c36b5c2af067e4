/**
 * The seed-article checks of `npm run -s eval` (the list in DEVELOPERS.md).
 */
import type { Analysis, AnalysisEntity } from '../../../lib/shared/contract';
import { entityMatches, type ExpectedEntity } from '../eval-score';
import { round } from './inputs';

export interface SeedCheck {
  check: string;
  ok: boolean;
  detail: string;
}

const entityLabel = (e: AnalysisEntity): string => `${e.name} [${e.type}${e.inferred ? ', inferred' : ''}]`;

export function seedChecks(a: Analysis | null, error: string | null): SeedCheck[] {
  if (!a) return [{ check: 'seed article analysed', ok: false, detail: error ?? 'no result' }];
  const ents = a.entities;
  const find = (exp: ExpectedEntity): AnalysisEntity | undefined => ents.find((e) => entityMatches(exp, e));
  const checks: SeedCheck[] = [];
  checks.push({ check: 'detected as crypto-security', ok: a.cryptoSecurity.detected, detail: `score ${round(a.cryptoSecurity.score)}` });
  const wanted: ExpectedEntity[] = [
    { name: 'Reconnaissance General Bureau', type: 'agency', aliases: ['RGB'] },
    { name: 'WannaCry', type: 'malware', aliases: ['WannaCrypt', 'WanaCrypt0r', 'WannaCry ransomware attack'] },
    { name: 'Sony', type: 'incident', aliases: ['Sony Pictures', 'Sony Entertainment', 'Sony Pictures Entertainment', 'Sony Pictures hack'] },
    { name: 'Bangladesh Bank', type: 'incident', aliases: ['Bangladesh Bank heist', 'Bangladesh Bank robbery'] },
    {
      name: 'UN sanctions committee',
      type: 'agency',
      aliases: ['1718 Committee', 'UN 1718 Committee', 'North Korea sanctions committee', 'UN Security Council 1718 Committee', 'UN Panel of Experts', 'UN Security Council', 'United Nations Security Council'],
    },
    { name: 'Iran', type: 'sanctioned-jurisdiction' },
    { name: 'Venezuela', type: 'sanctioned-jurisdiction' },
    { name: 'Petro', type: 'cryptocurrency', aliases: ['Petro coin', 'El Petro'] },
  ];
  for (const w of wanted) {
    const hit = find(w);
    checks.push({ check: `${w.name} found`, ok: hit !== undefined, detail: hit ? entityLabel(hit) : 'not in entities' });
  }
  const laz = find({ name: 'Lazarus Group', type: 'threat-actor', aliases: ['Lazarus'] });
  checks.push({
    check: 'Lazarus Group inferred',
    ok: laz !== undefined && laz.inferred,
    detail: laz ? `${entityLabel(laz)}${laz.via?.length ? ` via ${laz.via.map((s) => `${s.from}->${s.to} (${s.by})`).join(', ')}` : ''}` : 'not in entities',
  });
  const two = a.amounts.find((m) => m.value === 2e9 && m.currency.toUpperCase() === 'USD');
  checks.push({
    check: '"$2 billion" = 2e9 USD',
    ok: two !== undefined,
    detail: two ? `${two.text} -> ${two.value} ${two.currency}` : `amounts: ${a.amounts.map((m) => `${m.text}=${m.value} ${m.currency}`).join('; ') || 'none'}`,
  });
  const ibm = ents.find((e) => entityMatches({ name: 'IBM', type: 'organization', aliases: ['IBMs', 'International Business Machines'] }, e));
  checks.push({ check: 'IBM not reported', ok: ibm === undefined, detail: ibm ? `reported: ${entityLabel(ibm)}` : 'ok' });
  return checks;
}

