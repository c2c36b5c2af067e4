/**
 * Incident entries from the two shared incident tables. FACTS only (date, victim, amount, chains,
 * technique label, recovered funds, primary-source URL); descriptions are generated here from those
 * facts. defi_exploits.csv is CC BY-NC 4.0: we cite the primary source each row gives, and the table.
 */
import { readFileSync } from 'node:fs';
import type { KbEntity, KbIncident, KbRelation, KbSource } from '../../lib/kb/types';
import { normalizeName, slugify } from '../../lib/kb/normalize';
import { victimStem } from './merge';
import { DEFI_COMMIT, TAYVANO_COMMIT, addAlias, formatUsd, humanDate, sentence, urlSource } from './common';

/** defi_exploits rows below this loss are left out unless a DPRK table lists them (KB stays small). */
/**
 * Selection rule: every DPRK-attributed incident, and every other incident with a named victim and a
 * loss of at least MIN_DEFI_USD. A victim whose name is one plain capitalised word ("Gamma", "Roll",
 * "Save") is as often an ordinary word as a name, so its incident needs MIN_PLAIN_WORD_VICTIM_USD.
 */
export const MIN_DEFI_USD = 1_000_000;
export const MIN_PLAIN_WORD_VICTIM_USD = 10_000_000;

/** "Gamma", "Roll": one capitalised word with nothing distinctive in its spelling. */
function isPlainWordName(name: string): boolean {
  return /^\p{Lu}\p{Ll}+$/u.test(name.trim());
}

/** The incident selection rule (see MIN_DEFI_USD). */
export function isSelectedIncident(r: Pick<RawIncident, 'date' | 'victimName' | 'amountUsd' | 'dprk'>): boolean {
  if (!r.date || !r.victimName.trim()) return false;
  if (r.dprk) return true;
  return (r.amountUsd ?? 0) >= (isPlainWordName(r.victimName) ? MIN_PLAIN_WORD_VICTIM_USD : MIN_DEFI_USD);
}
/** Two rows are one incident when their victims match and dates are this close (the tables disagree by days). */
const SAME_INCIDENT_DAYS = 31;

export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows.filter((r) => r.length > 1 || (r[0] ?? '') !== '');
  if (!header) return [];
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

export const DEFI_TABLE_SOURCE: KbSource = {
  title: 'DeFi exploits dataset 2016-2026 (defi_exploits.csv, CC BY-NC 4.0; facts only)',
  publisher: 'G. J. Komansky / GJKapital Research (vault-risk-framework)',
  url: `https://github.com/eggbertgjk/vault-risk-framework/blob/${DEFI_COMMIT}/data/defi_exploits.csv`,
};

const TAYVANO_SOURCE: KbSource = {
  title: 'Lazarus / BlueNoroff research: breakdown of incidents attributed to North Korea',
  publisher: 'Taylor Monahan (tayvano)',
  url: `https://github.com/tayvano/lazarus-bluenoroff-research/blob/${TAYVANO_COMMIT}/README.md`,
};

/** Rows of the DPRK table that name no victim (a date, an amount, a malware name, a job-board lure). */
const NOT_A_VICTIM = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec) \d+ \d{4}$|^\d+(\.\d+)? btc$|^wannacry$|cryptojacking|developer jobs|theft from individual/i;

/** Victim display names cleaned of table-specific suffixes. */
function cleanVictim(name: string): string {
  return name
    .replace(/:\s*india$/i, '')
    .replace(/\s+aka\s+.*$/i, '')
    .replace(/\s*\(attempt\)$/i, '')
    .replace(/\s+theft$/i, '')
    .trim();
}

/** A comparison stem: "Harmony Horizon Bridge" and "Harmony Bridge" -> "harmony". */
function stem(name: string): string {
  return victimStem(cleanVictim(name));
}

function days(a: string, b: string): number {
  const pa = Date.parse(a.length === 4 ? `${a}-07-01` : a.length === 7 ? `${a}-15` : a);
  const pb = Date.parse(b.length === 4 ? `${b}-07-01` : b.length === 7 ? `${b}-15` : b);
  return Math.abs(pa - pb) / 86_400_000;
}

export interface RawIncident {
  date: string;
  victimName: string;
  amountUsd: number | null;
  chains: string[];
  technique?: string;
  targetType?: string;
  fundsRecovered?: number | null;
  sources: KbSource[];
  dprk?: boolean;
  bridge?: boolean;
  attempt?: boolean;
}

function parseChains(text: string): string[] {
  return [...text.matchAll(/'([^']+)'/g)].map((m) => m[1] ?? '').filter(Boolean);
}

function num(text: string | undefined): number | null {
  if (text === undefined || text.trim() === '') return null;
  const n = Number(text);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

export function readDefiRows(file: string): RawIncident[] {
  return parseCsv(readFileSync(file, 'utf8')).map((r) => {
    const primary = r.source ? urlSource(r.source, `Report on the ${cleanVictim(r.name ?? '')} incident`, r.date) : undefined;
    return {
      date: r.date ?? '',
      victimName: cleanVictim(r.name ?? ''),
      amountUsd: num(r.amount),
      chains: parseChains(r.chain ?? ''),
      technique: r.technique?.trim() || undefined,
      targetType: r.targetType?.trim() || undefined,
      // returnedFunds is not used: in this table it mixes funds given back by attackers with losses
      // the operator covered itself (Bybit, DMM Bitcoin show the whole loss), so it is not "recovered".
      bridge: r.bridgeHack === 'True',
      sources: primary ? [primary, DEFI_TABLE_SOURCE] : [DEFI_TABLE_SOURCE],
    };
  });
}

export function readTayvanoRows(file: string): RawIncident[] {
  return parseCsv(readFileSync(file, 'utf8'))
    .filter((r) => !NOT_A_VICTIM.test((r.victim ?? '').trim()))
    .map((r) => {
      const amount = num(r.amount_usd);
      return {
        date: r.date_iso || r.year || '',
        victimName: cleanVictim(r.victim ?? ''),
        amountUsd: amount,
        chains: [],
        sources: [TAYVANO_SOURCE],
        dprk: true,
        attempt: /\(attempt\)/i.test(r.victim ?? ''),
      };
    });
}

/** Joins the two tables: one record per incident, DPRK attribution carried over. */
export function joinIncidents(defi: RawIncident[], dprk: RawIncident[]): RawIncident[] {
  const out: RawIncident[] = defi.map((d) => ({ ...d, sources: [...d.sources] }));
  for (const t of dprk) {
    const s = stem(t.victimName);
    const match = out.find((d) => {
      const ds = stem(d.victimName);
      return ds && s && (ds === s || ds.startsWith(s) || s.startsWith(ds)) && days(d.date, t.date) <= (t.date.length === 4 ? 366 : SAME_INCIDENT_DAYS);
    });
    if (match) {
      match.dprk = true;
      match.sources.push(TAYVANO_SOURCE);
      if (match.amountUsd === null) match.amountUsd = t.amountUsd;
      // "Gate.io" is more specific than "Gate"
      if (normalizeName(t.victimName).startsWith(normalizeName(match.victimName)) && t.victimName.length > match.victimName.length) match.victimName = t.victimName;
    } else out.push(t);
  }
  return out;
}

function kindWord(r: RawIncident): string {
  if (r.attempt) return 'attempted theft';
  if (r.technique && /rug ?pull|exit scam/i.test(r.technique)) return 'rug pull';
  return 'hack';
}

function describe(r: RawIncident): string {
  const where = r.chains.length ? ` on ${r.chains.slice(0, 4).join(', ')}${r.chains.length > 4 ? ' and other chains' : ''}` : '';
  const amount = r.amountUsd && r.amountUsd > 0 ? `about ${formatUsd(r.amountUsd)}` : 'an undisclosed amount';
  const what = r.attempt ? `Attempted theft from ${r.victimName}` : `Loss of ${amount} from ${r.victimName}${r.targetType === 'CEX' ? ' (a centralised exchange)' : ''}`;
  const when = r.date.length === 10 ? `on ${humanDate(r.date)}` : `in ${humanDate(r.date)}`;
  return sentence([
    `${what}${where} ${when}.`,
    r.technique ? `Cause recorded in the incident table: ${r.technique}.` : undefined,
    r.dprk ? 'Listed among thefts attributed to North Korea in an independent researcher’s incident table.' : undefined,
  ]);
}

export function toIncidentEntities(rows: RawIncident[], lazarusId: string): KbEntity[] {
  const selected = rows.filter(isSelectedIncident);
  selected.sort((a, b) => a.date.localeCompare(b.date) || a.victimName.localeCompare(b.victimName));
  const perVictim = new Map<string, number>();
  const perVictimMonth = new Map<string, number>();
  for (const r of selected) {
    const k = normalizeName(r.victimName);
    perVictim.set(k, (perVictim.get(k) ?? 0) + 1);
    perVictimMonth.set(`${k}|${r.date.slice(0, 7)}`, (perVictimMonth.get(`${k}|${r.date.slice(0, 7)}`) ?? 0) + 1);
  }
  const biggest = new Map<string, RawIncident>();
  for (const r of selected) {
    const k = normalizeName(r.victimName);
    const prev = biggest.get(k);
    if (!prev || (r.amountUsd ?? 0) > (prev.amountUsd ?? 0)) biggest.set(k, r);
  }
  const usedIds = new Set<string>();
  return selected.map((r) => {
    const year = r.date.slice(0, 4);
    const repeated = (perVictim.get(normalizeName(r.victimName)) ?? 0) > 1;
    const kind = kindWord(r);
    let id = slugify(`${r.victimName} ${kind} ${year}`);
    if (usedIds.has(id)) id = slugify(`${r.victimName} ${kind} ${r.date.slice(0, 7)}`);
    let n = 2;
    while (usedIds.has(id)) id = slugify(`${r.victimName} ${kind} ${r.date} ${n++}`);
    usedIds.add(id);
    const sameMonth = (perVictimMonth.get(`${normalizeName(r.victimName)}|${r.date.slice(0, 7)}`) ?? 0) > 1;
    const name = repeated ? `${r.victimName} ${kind} (${sameMonth ? r.date : r.date.slice(0, 7)})` : `${r.victimName} ${kind}`;
    const aliases: KbEntity['aliases'] = [];
    if (repeated && kind === 'hack' && biggest.get(normalizeName(r.victimName)) === r) addAlias(aliases, `${r.victimName} hack`);
    if (kind === 'hack' && (!repeated || biggest.get(normalizeName(r.victimName)) === r)) {
      addAlias(aliases, `${r.victimName} exploit`);
      addAlias(aliases, `${r.victimName} heist`);
    }
    const incident: KbIncident = {
      date: r.date,
      victim: r.victimName,
      victimName: r.victimName,
      amountUsd: r.amountUsd,
      ...(r.chains.length ? { chains: r.chains } : {}),
      ...(r.technique ? { technique: r.technique.slice(0, 200) } : {}),
      ...(r.fundsRecovered !== undefined ? { fundsRecovered: r.fundsRecovered } : {}),
    };
    const relations: KbRelation[] = r.dprk
      ? [{ type: 'attributed-to', target: lazarusId, by: 'Taylor Monahan (independent researcher)', level: 'press', source: TAYVANO_SOURCE }]
      : [];
    return {
      id,
      name,
      type: 'incident',
      aliases,
      description: describe(r),
      relations,
      sanctions: [],
      sources: r.sources,
      incident,
      origin: 'derived:incidents',
      tags: [r.bridge ? 'bridge' : undefined, r.targetType === 'CEX' ? 'exchange' : undefined, r.dprk ? 'dprk' : undefined].filter((t): t is string => !!t),
    } satisfies KbEntity;
  });
}
