import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../tools/cli/analyze-args';

describe('analyze --export', () => {
  it('takes stix, csv or json, as two arguments or with =', () => {
    expect(parseArgs(['--export', 'stix', 'a.html'])).toEqual({ kind: 'run', json: false, inputs: ['a.html'], exportFormat: 'stix' });
    expect(parseArgs(['--export=csv', 'a.html', 'b.md'])).toEqual({ kind: 'run', json: false, inputs: ['a.html', 'b.md'], exportFormat: 'csv' });
    expect(parseArgs(['a.html'])).toEqual({ kind: 'run', json: false, inputs: ['a.html'] });
  });
  it('refuses an unknown format, a missing one, and --json with --export', () => {
    expect(parseArgs(['--export', 'xml', 'a.html']).kind).toBe('usage-error');
    expect(parseArgs(['a.html', '--export']).kind).toBe('usage-error');
    expect(parseArgs(['--json', '--export', 'json', 'a.html']).kind).toBe('usage-error');
  });
});
