/**
 * `npm run -s analyze -- [--json] INPUT...`, `npm run -s analyze -- --export stix|csv|json INPUT...`
 *
 * Analyse .html/.htm pages, .md/.txt article texts and http(s) URLs with the same engine the extension
 * runs. Many inputs in one process; with --json, one JSON object per input per line (JSON Lines), in
 * input order, and nothing else on stdout. A bad input yields an object with `error`; the others are
 * still analysed, and the exit status is 1 at the end if any failed. Only regular files are read
 * (./read-file.ts); `--help` lists every refused input.
 */
import { extname } from 'node:path';
import type { Analysis, AnalysisInput } from '../../lib/shared/contract';
import { createEngine, type Engine } from '../../lib/engine/analyze';
import { textInput } from '../../lib/engine/plain-text';
import { loadKb } from '../../lib/kb/index';
import { readHtml } from './read-html';
import { readPage } from '../../lib/page/read-page';
import { decodeUtf8Strict, FileInputError, readRegularFile } from './read-file';
import { parseArgs, USAGE, type ExportFormat } from './analyze-args';
import { csvHeader, csvRows, indicatorsJson, stixBundle } from '../../lib/export';
import type { KbEntity } from '../../lib/kb/types';
import { withEnglishWords } from './english';

/** Inputs larger than this are refused: no article is 5 MB; a file that big is data or a mistake. */
const MAX_INPUT_BYTES = 5 * 1024 * 1024;
/** Network fetches give up after this long. */
const FETCH_TIMEOUT_MS = 15_000;
/** A file whose first 8 KB hold more than this share of control bytes is binary. */
const MAX_CONTROL_SHARE = 0.02;

class InputError extends Error {}

function looksBinary(buf: Buffer): boolean {
  const n = Math.min(buf.length, 8192);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control / n > MAX_CONTROL_SHARE;
}

function looksLikeHtml(s: string): boolean {
  return /<(?:!doctype\s+html|html|head|body|article|main|div|p)\b/i.test(s.slice(0, 20_000));
}

async function fromHtml(html: string, url: string | null): Promise<AnalysisInput> {
  if (!looksLikeHtml(html)) throw new InputError('not HTML: no <html>, <body> or block elements found');
  const { document, close } = readHtml(html, url);
  try {
    const reading = readPage(document);
    return { ...reading.input, url: reading.input.url ?? url };
  } finally {
    await close();
  }
}

async function loadInput(arg: string): Promise<AnalysisInput> {
  if (/^https?:\/\//i.test(arg)) {
    let res: Response;
    try {
      res = await fetch(arg, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'follow' });
    } catch (e) {
      const cause = e instanceof Error ? ((e.cause as Error | undefined)?.message ?? e.message) : String(e);
      throw new InputError(`could not fetch ${arg}: ${cause}`);
    }
    if (!res.ok) throw new InputError(`could not fetch ${arg}: HTTP ${res.status}`);
    const len = Number(res.headers.get('content-length') ?? 0);
    if (len > MAX_INPUT_BYTES) throw new InputError(`too large: ${len} bytes (limit ${MAX_INPUT_BYTES})`);
    const buf = Buffer.from(await res.arrayBuffer());
    if (buf.length > MAX_INPUT_BYTES) throw new InputError(`too large: ${buf.length} bytes (limit ${MAX_INPUT_BYTES})`);
    if (!buf.length) throw new InputError('empty response');
    if (looksBinary(buf)) throw new InputError('binary content, not a page');
    const type = res.headers.get('content-type') ?? '';
    const body = buf.toString('utf8');
    if (/text\/(?:plain|markdown)/i.test(type)) return { ...textInput(body, { markdown: /markdown/i.test(type) }), url: arg };
    return fromHtml(body, res.url || arg);
  }
  // only a regular file, at most MAX_INPUT_BYTES of it, strictly UTF-8 (./read-file.ts)
  const buf = await readRegularFile(arg, MAX_INPUT_BYTES);
  if (looksBinary(buf)) throw new InputError(`binary file, not a page or text: ${arg}`);
  const src = decodeUtf8Strict(buf, arg);
  if (!src.trim()) throw new InputError(`empty file: ${arg}`);
  const ext = extname(arg).toLowerCase();
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return fromHtml(src, null);
  if (ext === '.md' || ext === '.markdown') return textInput(src, { markdown: true });
  if (ext === '.txt' || ext === '.text' || ext === '') return textInput(src, { markdown: false });
  throw new InputError(`unsupported file type "${ext}": give .html/.htm, .md or .txt`);
}

function report(a: Analysis): string {
  const lines: string[] = [];
  const d = a.cryptoSecurity;
  lines.push(`== ${a.input}`);
  lines.push(`title: ${a.title ?? '(none)'}`);
  lines.push(`article: ${a.isArticle ? 'yes' : 'no'}   crypto-security: ${d.detected ? 'YES' : 'no'} (score ${d.score.toFixed(2)})`);
  for (const r of d.reasons) lines.push(`  why: ${r}`);
  if (a.summary.length) {
    lines.push('summary:');
    for (const s of a.summary) lines.push(`  - ${s}`);
  }
  if (a.entities.length) {
    lines.push('entities:');
    for (const e of a.entities) {
      const where = e.inferred
        ? `inferred via ${(e.via ?? []).map((v) => `${v.from} -[${v.relation} by ${v.by}]-> ${v.to}`).join(', ')}`
        : `${e.mentions.length}× "${e.mentions[0]?.text ?? ''}"`;
      lines.push(`  ${e.name} [${e.type}${e.known ? '' : ', not in KB'}] ${where}`);
    }
  }
  if (a.amounts.length) {
    lines.push('amounts:');
    for (const m of a.amounts) lines.push(`  ${m.text} = ${m.value} ${m.currency}${m.usd !== null ? ` (≈ $${Math.round(m.usd).toLocaleString('en-US')})` : ''}${m.role ? ` [${m.role}]` : ''}`);
  }
  if (a.addresses.length) {
    lines.push('addresses:');
    for (const x of a.addresses) lines.push(`  ${x.text} ${x.chain} ${x.valid ? 'valid' : 'INVALID'}${x.sanctioned ? ' SANCTIONED' : ''}`);
  }
  if (a.related.length) {
    lines.push('related:');
    for (const r of a.related) lines.push(`  ${r.title} <${r.url}> (${r.why})`);
  }
  lines.push('disclaimers:');
  for (const x of a.disclaimers) lines.push(`  [${x.kind}] ${x.text}`);
  lines.push(`time: ${a.timingsMs.total} ms`);
  return lines.join('\n');
}

/**
 * The analysis budget counted in this process's CPU time rather than wall time: the command's output must not
 * depend on how busy the machine is (a loaded machine cut long pages short), while a page that really costs
 * too much is still cut.
 */
let cpuReadAt = -Infinity;
let cpuLast = 0;
const cpuMs = (): number => {
  // process.cpuUsage() is a system call: read it at most every 5 ms of wall time (passes ask often)
  const now = performance.now();
  if (now - cpuReadAt >= 5) {
    const u = process.cpuUsage();
    cpuLast = (u.user + u.system) / 1000;
    cpuReadAt = now;
  }
  return cpuLast;
};

/** One input's export: a STIX bundle or JSON object (one line), or its CSV rows (no header). */
function exported(format: ExportFormat, a: Analysis, engine: Engine): string {
  const input = a.input ?? '';
  const indicators = a.indicators ?? [];
  if (format === 'csv') return csvRows(input, indicators).join('\r\n');
  if (format === 'json') return JSON.stringify({ input, ...indicatorsJson(a) });
  const byId = new Map<string, KbEntity>(engine.kb.entities.map((e) => [e.id, e]));
  return JSON.stringify(stixBundle(a, { entity: (id) => byId.get(id) }));
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.kind === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (args.kind === 'usage-error') {
    process.stderr.write(`analyze: ${args.message}\n\n${USAGE}`);
    return 2;
  }
  const { inputs, exportFormat } = args;
  const json = args.json || !!exportFormat;
  let engine: Engine;
  try {
    engine = createEngine(loadKb().kb);
  } catch (e) {
    process.stderr.write(`cannot load the knowledge base: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  let failed = 0;
  let csvStarted = false;
  for (const arg of inputs) {
    let line: string;
    try {
      const t0 = performance.now();
      const input = await loadInput(arg);
      const readMs = Math.round((performance.now() - t0) * 100) / 100;
      if (!input.text.trim()) throw new InputError('no text found on the page');
      const a = engine.analyze(input, { clock: cpuMs });
      // the contract's words, worded here in English from the engine's codes: the checks' notes
      // (`cryptoSecurity.reasons`, with why a page that reads as crypto security is not reported), why each
      // related item and each inferred name is listed
      const out: Analysis = { ...withEnglishWords(a), input: arg, timingsMs: { read: readMs, ...a.timingsMs } };
      line = exportFormat ? exported(exportFormat, out, engine) : json ? JSON.stringify(out) : report(out);
    } catch (e) {
      failed++;
      const message = e instanceof InputError || e instanceof FileInputError ? e.message : `analysis failed: ${e instanceof Error ? e.message : String(e)}`;
      line = json ? JSON.stringify({ input: arg, error: message }) : `== ${arg}\nerror: ${message}`;
      if (exportFormat === 'csv') {
        // a CSV has no place for an error: it goes to stderr, the other inputs' rows still come
        process.stderr.write(`analyze: ${arg}: ${message}\n`);
        continue;
      }
    }
    if (exportFormat === 'csv') {
      if (!csvStarted) process.stdout.write(`${csvHeader()}\r\n`);
      csvStarted = true;
      if (line) process.stdout.write(`${line}\r\n`);
      continue;
    }
    process.stdout.write(`${line}\n${json ? '' : '\n'}`);
  }
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  },
);
