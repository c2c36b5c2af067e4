/**
 * The `analyze` command's arguments: options, inputs, and the help text (which also lists what a bad input
 * gets). Kept apart from ./analyze.ts so that the rules can be tested without running the command.
 */

export const USAGE = `usage: npm run -s analyze -- [--json] INPUT...
       npm run -s analyze -- --export stix|csv|json INPUT...
       npm run -s analyze -- --help

INPUT: an .html/.htm/.xhtml page, an .md/.markdown or .txt article text (UTF-8), or an http(s) URL.
  --json      one JSON object per input per line (JSON Lines), in input order; nothing else on stdout
  --export F  the indicators of each input instead (made locally, nothing fetched but URL inputs):
              stix: one STIX 2.1 bundle per input per line (JSON Lines); json: one {article, exportedAt,
              kb, indicators} object per input per line; csv: one CSV (RFC 4180) for all inputs, one
              header, each row's first column the input it comes from (a bad input: its error on stderr)
  --help, -h  this help, only when it is the one argument (given with inputs: a usage error)
  --          everything after it is an input, even if it starts with "-" (or write ./-h)

A bad input gets its own error ({"input", "error"} with --json) and the other inputs are still analysed;
the exit status is then 1. Refused inputs: a missing or unreadable file; anything that is not a regular
file (a directory, named pipe, device such as /dev/zero or /dev/stdin, socket; a symbolic link counts as
what it points to), checked before a byte is read; a file over 5 MB; an empty file; binary content;
text that is not valid UTF-8 (the error names the first bad byte's offset; a UTF-8 BOM is fine); a page
that is not HTML or has no text. Exit status 2: usage errors (no input, an unknown option), nothing run.
`;

export const EXPORT_FORMATS = ['stix', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type ParsedArgs = { kind: 'help' } | { kind: 'usage-error'; message: string } | { kind: 'run'; json: boolean; inputs: string[]; exportFormat?: ExportFormat };

export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h')) return { kind: 'help' };
  let json = false;
  const inputs: string[] = [];
  let optionsEnded = false;
  let exportFormat: ExportFormat | undefined;
  let wantFormat = false;
  for (const a of argv) {
    if (wantFormat) {
      if (!(EXPORT_FORMATS as readonly string[]).includes(a)) return { kind: 'usage-error', message: `--export takes ${EXPORT_FORMATS.join(', ')}, not ${JSON.stringify(a)}` };
      exportFormat = a as ExportFormat;
      wantFormat = false;
    } else if (optionsEnded || a === '-' || !a.startsWith('-')) inputs.push(a);
    else if (a === '--') optionsEnded = true;
    else if (a === '--export') wantFormat = true;
    else if (a.startsWith('--export=')) {
      const f = a.slice('--export='.length);
      if (!(EXPORT_FORMATS as readonly string[]).includes(f)) return { kind: 'usage-error', message: `--export takes ${EXPORT_FORMATS.join(', ')}, not ${JSON.stringify(f)}` };
      exportFormat = f as ExportFormat;
    }
    else if (a === '--json') json = true;
    else if (a === '--help' || a === '-h') {
      return { kind: 'usage-error', message: `${a} must be given alone; to analyse a file named ${a}, write ./${a} or put it after --` };
    } else return { kind: 'usage-error', message: `unknown option ${JSON.stringify(a)}; inputs that start with "-" go after --` };
  }
  if (wantFormat) return { kind: 'usage-error', message: `--export needs a format: ${EXPORT_FORMATS.join(', ')}` };
  if (exportFormat && json) return { kind: 'usage-error', message: '--json and --export are two different outputs: give one' };
  if (!inputs.length) return { kind: 'usage-error', message: 'no input given' };
  return { kind: 'run', json, inputs, ...(exportFormat ? { exportFormat } : {}) };
}
