/**
 * The shape of `test-output/bench.json` and the table `npm run bench` prints. A figure is one line of
 * the table: a median with its spread, the unit, and (when the issue sets one) the target and whether
 * it is met.
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import type { Summary } from './stats';

export interface Figure {
  /** short label, unique within its section */
  name: string;
  unit: string;
  /** median over runs (or over pages, as `over` says) */
  median: number;
  /** spread: p25–p75 (and min–max, p95) of the same samples */
  p25?: number;
  p75?: number;
  p95?: number;
  min?: number;
  max?: number;
  /** how many samples the median is over, and of what ("runs", "pages", "loads") */
  n?: number;
  over?: string;
  /** the issue's target, in words ("<= 1 ms at p95") */
  target?: string;
  /** whether the target is met; undefined when there is no target */
  met?: boolean;
  note?: string;
}

export interface Section {
  id: string;
  title: string;
  figures: Figure[];
  notes: string[];
  /** set when the section could not run (missing build, missing API): the reason, never a silent skip */
  error?: string;
  seconds?: number;
  /** raw per-item data for whoever wants to dig (per page, per article) */
  details?: unknown;
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  chromium: string | null;
  platform: string;
  date: string;
  /** 1-minute load average when the run started and ended: other work on the machine adds noise */
  loadAverage: { start: number; end?: number };
}

export interface BenchReport {
  machine: Machine;
  quick: boolean;
  sections: Section[];
}

export function fromSummary(name: string, unit: string, s: Summary, extra: Partial<Figure> = {}): Figure {
  return { name, unit, median: s.median, p25: s.p25, p75: s.p75, p95: s.p95, min: s.min, max: s.max, n: s.n, ...extra };
}

export function machineInfo(chromiumExecutable: string | null): Machine {
  const cpu = cpus();
  let chromium: string | null = null;
  if (chromiumExecutable) {
    try {
      chromium = execFileSync(chromiumExecutable, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      chromium = null;
    }
  }
  return {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    chromium,
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString(),
    loadAverage: { start: Math.round(loadavg()[0]! * 100) / 100 },
  };
}

/** Three significant figures, no exponent: 0.0123, 1.23, 123, 12300. */
export function currentLoad(): number {
  return Math.round(loadavg()[0]! * 100) / 100;
}

export function fmt(x: number | undefined): string {
  if (x === undefined || !Number.isFinite(x)) return '–';
  const a = Math.abs(x);
  if (a === 0) return '0';
  if (a >= 100) return x.toFixed(0);
  if (a >= 10) return x.toFixed(1);
  if (a >= 1) return x.toFixed(2);
  return x.toPrecision(2);
}

function spread(f: Figure): string {
  if (f.p25 === undefined || f.p75 === undefined) return '';
  if (f.n !== undefined && f.n <= 1) return '';
  return `${fmt(f.p25)}–${fmt(f.p75)}`;
}

function verdict(f: Figure): string {
  if (f.met === undefined) return '';
  return f.met ? 'met' : 'MISSED';
}

/** A Markdown table of every figure; the same text goes to the terminal and into the final report. */
export function renderTable(report: BenchReport): string {
  const rows: string[][] = [['benchmark', 'figure', 'median', 'p25–p75', 'p95', 'min–max', 'n', 'target', '']];
  for (const s of report.sections) {
    if (s.error) {
      rows.push([s.title, `not measured: ${s.error}`, '', '', '', '', '', '', '']);
      continue;
    }
    for (const f of s.figures) {
      const unit = f.unit ? ` ${f.unit}` : '';
      rows.push([
        s.title,
        f.note ? `${f.name} (${f.note})` : f.name,
        `${fmt(f.median)}${unit}`,
        spread(f),
        f.p95 !== undefined && (f.n ?? 2) > 1 ? fmt(f.p95) : '',
        f.min !== undefined && f.max !== undefined && (f.n ?? 2) > 1 ? `${fmt(f.min)}–${fmt(f.max)}` : '',
        f.n !== undefined ? `${f.n}${f.over ? ` ${f.over}` : ''}` : '',
        f.target ?? '',
        verdict(f),
      ]);
    }
  }
  const lines = rows.map((r) => `| ${r.join(' | ')} |`);
  lines.splice(1, 0, `|${rows[0]!.map(() => ' --- ').join('|')}|`);
  const m = report.machine;
  const machine = `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}, ${m.chromium ?? 'no Chromium'}, ${m.platform}, ${m.date}; load average ${m.loadAverage.start}${m.loadAverage.end !== undefined ? ` → ${m.loadAverage.end}` : ''}${report.quick ? ' (--quick)' : ''}`;
  const notes = report.sections.flatMap((s) => s.notes.map((n) => `- ${s.title}: ${n}`));
  return [machine, '', ...lines, '', ...(notes.length ? ['Notes:', ...notes] : [])].join('\n');
}
