// @vitest-environment node
/** The `analyze` command's arguments (tools/cli/analyze-args.ts): `-h` is help only alone; unknown options are errors. */
import { describe, expect, it } from 'vitest';
import { parseArgs, USAGE } from '../../../tools/cli/analyze-args';

describe('parseArgs', () => {
  it('-h or --help alone is help', () => {
    expect(parseArgs(['-h'])).toEqual({ kind: 'help' });
    expect(parseArgs(['--help'])).toEqual({ kind: 'help' });
  });

  it('-h among inputs is a usage error, not help that skips them', () => {
    for (const argv of [['a.html', '-h'], ['-h', 'a.html'], ['--json', '--help', 'a.html'], ['--json', '-h']]) {
      const r = parseArgs(argv);
      expect(r.kind).toBe('usage-error');
      expect(r.kind === 'usage-error' && r.message).toMatch(/must be given alone/);
    }
  });

  it('after --, anything is an input, a file named -h too', () => {
    expect(parseArgs(['--json', '--', '-h', '--json'])).toEqual({ kind: 'run', json: true, inputs: ['-h', '--json'] });
    expect(parseArgs(['./-h'])).toEqual({ kind: 'run', json: false, inputs: ['./-h'] });
  });

  it('unknown options and a missing input are usage errors', () => {
    expect(parseArgs(['--jsn', 'a.html'])).toMatchObject({ kind: 'usage-error', message: expect.stringMatching(/unknown option "--jsn"/) });
    expect(parseArgs(['--json'])).toEqual({ kind: 'usage-error', message: 'no input given' });
    expect(parseArgs([])).toEqual({ kind: 'usage-error', message: 'no input given' });
  });

  it('keeps inputs in order, URLs included', () => {
    expect(parseArgs(['b.md', '--json', 'https://example.com/x', 'a.html'])).toEqual({ kind: 'run', json: true, inputs: ['b.md', 'https://example.com/x', 'a.html'] });
  });

  it('the help names what a bad input gets', () => {
    for (const s of ['named pipe', '/dev/zero', 'UTF-8', 'BOM', 'exit status', '--']) expect(USAGE).toContain(s);
  });
});
