// @vitest-environment node
/**
 * The `analyze` command end to end: a named pipe, a device and bad UTF-8 among the inputs get their own
 * error, the good inputs after them are still analysed, and the exit status is 1. `-h` among inputs is a
 * usage error (exit 2), not help that skips them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
const run = (args: string[]): { status: number | null; stdout: string; stderr: string } =>
  spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'tools/cli/analyze.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, input: '' });

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cnc-analyze-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('analyze command', () => {
  it('bad inputs get an error each; the good ones after them are analysed; exit status 1', () => {
    const fifo = join(dir, 'pipe.html');
    execFileSync('mkfifo', [fifo]);
    const latin1 = join(dir, 'latin1.txt');
    writeFileSync(latin1, Buffer.from('Caf\xe9: hackers stole bitcoin', 'latin1'));
    const good = join(dir, 'good.txt');
    writeFileSync(good, '\uFEFFHackers stole $5 million in bitcoin from the exchange, the FBI said.\n');
    const r = run(['--json', fifo, '/dev/zero', '/dev/stdin', latin1, good]);
    expect(r.status).toBe(1);
    type Line = { input: string; error?: string; amounts?: { text: string }[]; entities?: { id: string; mentions: { start: number }[] }[] };
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Line);
    expect(lines.map((l) => l.input)).toEqual([fifo, '/dev/zero', '/dev/stdin', latin1, good]);
    expect(lines[0]!.error).toMatch(/not a regular file \(a named pipe/);
    expect(lines[1]!.error).toMatch(/not a regular file \(a character device\)/);
    expect(lines[2]!.error).toMatch(/not a regular file/);
    expect(lines[3]!.error).toMatch(/not valid UTF-8 at byte 3/);
    expect(lines[4]!.error).toBeUndefined();
    expect(lines[4]!.amounts!.map((a) => a.text)).toEqual(['$5 million']);
    // the BOM is not part of the text: "bitcoin" starts at 28 of "Hackers stole $5 million in bitcoin"
    expect(lines[4]!.entities!.find((e) => e.id === 'bitcoin')!.mentions[0]!.start).toBe(28);
  }, 60_000);

  it('words why a short text that reads as crypto security is not reported, from the extension’s English messages', () => {
    const short = join(dir, 'short.md');
    const story =
      'Lazarus Group hackers stole $100 million in crypto from the Bybit exchange in a hack, the FBI said. North Korea laundered the stolen bitcoin and ether through Tornado Cash. The hackers drained the hot wallet of the exchange after a phishing attack on its staff, and the stolen crypto was laundered.';
    writeFileSync(short, `---\ntitle: Lazarus Group hackers steal $100 million from Bybit exchange in crypto hack\n---\n${story}\n`);
    const r = run(['--json', short]);
    expect(r.status).toBe(0);
    const a = JSON.parse(r.stdout) as { isArticle: boolean; articleWhy: unknown; cryptoSecurity: { detected: boolean; notReported?: boolean; reasons: string[] } };
    expect(a.isArticle).toBe(false);
    expect(a.articleWhy).toEqual({ code: 'fewWords', params: [51] });
    expect(a.cryptoSecurity.notReported).toBe(true);
    expect(a.cryptoSecurity.reasons.at(-1)).toBe('not reported: the page does not look like an article (only 51 words)');
    expect(a.cryptoSecurity.reasons.every((r) => typeof r === 'string')).toBe(true);
  }, 60_000);

  it('words the engine’s codes in English, as the contract has them: the checks’ notes, why related items and inferred names are listed', () => {
    const r = run(['--json', join(ROOT, 'test/fixtures/articles/dprk-exchanges.txt')]);
    expect(r.status).toBe(0);
    type Out = { cryptoSecurity: { reasons: string[]; notes: { code: string }[] }; related: { why: string; reason: { code: string } }[]; entities: { inferred: boolean; why?: string }[] };
    const a = JSON.parse(r.stdout) as Out;
    expect(a.cryptoSecurity.notes.map((n) => n.code)).toContain('dprk');
    expect(a.cryptoSecurity.reasons).toContainEqual(expect.stringMatching(/^North Korean cyber activity \(\d+ mentions of North Korea or its hacking groups\)$/));
    expect(a.related.length).toBeGreaterThan(0);
    const shapes = /^(?:source on .+, which the article mentions|.+ sanctions on .+ \(.+, \d{4}(?:-\d{2}){0,2}\)|another incident attributed to .+?(?:, about \$[\d.]+(?: thousand| million| billion)?)?|background on .+?(?: \(inferred\))?)$/;
    for (const item of a.related) expect(item.why).toMatch(shapes);
    const inferred = a.entities.filter((e) => e.inferred);
    expect(inferred.length).toBeGreaterThan(0);
    for (const e of inferred) expect(e.why).toMatch(/^not named in the article; .+ is attributed to it by .+$/);
  }, 60_000);

  it('words the disclaimers in English from their kinds and parameters, word for word as before', () => {
    const r = run(['--json', join(ROOT, 'test/fixtures/pages/demo-article.html')]);
    expect(r.status).toBe(0);
    const a = JSON.parse(r.stdout) as { kb: { asOf: string }; disclaimers: { kind: string; text: string; params?: unknown[] }[] };
    const text = Object.fromEntries(a.disclaimers.map((d) => [d.kind, d.text]));
    expect(text).toEqual({
      informational: 'Informational only: this is not financial, legal or investment advice.',
      automatic: 'Names, amounts and links were extracted automatically and can be wrong; check the article and the sources.',
      attribution: 'Attributions are as stated by the named authority or researcher (US Department of Justice); they are claims, not findings of this extension.',
      'knowledge-date': `Background knowledge as of ${a.kb.asOf}; later events are not reflected.`,
      // the demo's risk box ("Investing in crypto assets is high risk.") is read as a risk warning since the summary's notice rule
      'page-risk-warning': 'The page carries an investment risk warning: “Investing in crypto assets is high risk.”',
      'page-promotional': 'The page contains promotional content: “Join our Telegram channel for breaking crypto news.”',
      'page-hedged': 'Some claims on the page are hedged (1× "believed", "allegedly", "reportedly" or similar), e.g. “Investigators believe the same operators later turned to exchanges in South Korea.”',
    });
    // the contract's fields first, the parameters after them
    expect(Object.keys(a.disclaimers[3]!)).toEqual(['kind', 'text', 'params']);
  }, 60_000);

  it('-h among inputs is a usage error (exit 2, nothing analysed); alone it is help (exit 0)', () => {
    const good = join(dir, 'good2.txt');
    writeFileSync(good, 'Hackers stole bitcoin.');
    const mixed = run(['--json', good, '-h']);
    expect(mixed.status).toBe(2);
    expect(mixed.stdout).toBe('');
    expect(mixed.stderr).toMatch(/-h must be given alone/);
    const help = run(['-h']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^usage: /);
  }, 60_000);
});
