/**
 * Indicators as CSV (RFC 4180), safe to open in a spreadsheet: a cell that starts with `=`, `+`, `-`,
 * `@`, a tab or a carriage return would be read as a formula (CSV injection), so it is prefixed with `'`.
 */
import type { Indicator } from '../shared/contract';

const CSV_COLUMNS = ['input', 'kind', 'value', 'refanged', 'defanged', 'chain', 'valid', 'sanctioned', 'screening', 'start', 'end'] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: neutralised when it could start a formula, quoted when it holds a quote, comma or line break. */
export function csvCell(v: string | number | boolean | null | undefined): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function screeningCell(i: Indicator): string {
  const s = i.screening;
  if (!s) return '';
  if (!s.listed) return `not on the lists we ship (as of ${s.asOf ?? 'unknown'})`;
  return ['listed (OFAC)', s.designated, s.programme, s.date, s.source?.url].filter(Boolean).join('; ');
}

/** The rows of one input (no header). */
export function csvRows(input: string, list: readonly Indicator[]): string[] {
  return list.map((i) =>
    [input, i.kind, i.value, i.refanged, i.defanged ? 'yes' : 'no', i.chain, i.valid, i.sanctioned, screeningCell(i), i.start, i.end].map(csvCell).join(','),
  );
}

export function csvHeader(): string {
  return CSV_COLUMNS.join(',');
}

/** A whole CSV file: the header and the rows of each input, CRLF line ends (RFC 4180). */
export function indicatorsCsv(inputs: readonly { input: string; indicators: readonly Indicator[] }[]): string {
  return [csvHeader(), ...inputs.flatMap((x) => csvRows(x.input, x.indicators))].join('\r\n') + '\r\n';
}
