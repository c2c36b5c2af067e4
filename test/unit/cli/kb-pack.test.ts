// @vitest-environment node
/**
 * The pack commands end to end in a temporary folder, as a developer or the pipeline runs them:
 * kb:keygen -> kb:pack -> kb:verify exits 0; a tampered, foreign-key, stale or oversize pack exits 1
 * with its reason; keygen never overwrites a key and keeps the private one to its owner.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
const run = (tool: string, args: string[]): { status: number | null; stdout: string; stderr: string } =>
  spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, `tools/cli/${tool}.ts`), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, input: '' });

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cnc-kb-pack-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kb:keygen, kb:pack, kb:verify', () => {
  it('a fresh key pair packs the compiled KB into a pack that verifies; a changed byte makes verify fail with the reason', () => {
    const gen = run('kb-keygen', ['--out', join(dir, 'keys/dev')]);
    expect(gen.status).toBe(0);
    const keyFile = join(dir, 'keys/dev.key');
    const pubFile = join(dir, 'keys/dev.pub');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyFile, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(readFileSync(pubFile, 'utf8').trim()).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    // never overwrites
    const again = run('kb-keygen', ['--out', join(dir, 'keys/dev')]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/not overwriting/);

    const packed = run('kb-pack', ['--key', keyFile, '--out', join(dir, 'out')]);
    expect(packed.stderr).toBe('');
    expect(packed.status).toBe(0);
    const packFile = join(dir, 'out/kb-pack.json');
    const bytes = readFileSync(packFile);
    const whole = JSON.parse(bytes.toString('utf8')) as { payload: unknown; manifest: string };
    // the payload is the compiled KB, byte for byte
    expect(bytes.includes(readFileSync(join(ROOT, 'lib/kb/compiled/kb.json')))).toBe(true);
    const manifest = JSON.parse(whole.manifest) as { version: number; previousHash: string | null; sources: { name: string; asOf: string }[] };
    expect(manifest.previousHash).toBeNull();
    expect(manifest.sources.map((s) => s.name)).toEqual(expect.arrayContaining([expect.stringMatching(/MISP/), expect.stringMatching(/OFAC/)]));

    const ok = run('kb-verify', ['--pub', pubFile, packFile]);
    expect(ok.status).toBe(0);
    expect(ok.stdout.trim().split('\n')).toHaveLength(1);
    expect(ok.stdout).toMatch(new RegExp(`^ok: .*: version ${manifest.version} of .*\\(\\d+ entities, \\d+ addresses\\).*signed by key [0-9a-f]{16}`));

    // one changed byte in the payload
    const tampered = Buffer.from(bytes);
    const at = tampered.indexOf('Lazarus Group', tampered.indexOf('"payload":'));
    tampered[at] = 'l'.charCodeAt(0);
    writeFileSync(join(dir, 'tampered.json'), tampered);
    const bad = run('kb-verify', ['--pub', pubFile, join(dir, 'tampered.json')]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/rejected \(hash-mismatch\): .*altered or damaged/);

    // the extension's shipped keys do not include this fresh key
    const foreign = run('kb-verify', [packFile]);
    expect(foreign.status).toBe(1);
    expect(foreign.stderr).toMatch(/rejected \(unknown-key\)/);

    // the next pack follows this one: newer version, the previous payload's hash
    const next = run('kb-pack', ['--key', keyFile, '--out', join(dir, 'next'), '--previous', packFile]);
    expect(next.status).toBe(0);
    const nextManifest = JSON.parse((JSON.parse(readFileSync(join(dir, 'next/kb-pack.json'), 'utf8')) as { manifest: string }).manifest) as typeof manifest & { payloadSha256: string };
    expect(nextManifest.version).toBeGreaterThan(manifest.version);
    expect(nextManifest.previousHash).toBe(nextManifest.payloadSha256); // same KB, so the same payload
    const stale = run('kb-verify', ['--pub', pubFile, '--current', String(nextManifest.version), join(dir, 'next/kb-pack.json')]);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toMatch(/rejected \(not-newer\)/);
    const tooBig = run('kb-verify', ['--pub', pubFile, '--max-bytes', '1000', packFile]);
    expect(tooBig.status).toBe(1);
    expect(tooBig.stderr).toMatch(/rejected \(too-large\)/);
  }, 120_000);

  it('usage and file errors exit 2 (verify) or are named (pack)', () => {
    expect(run('kb-verify', []).status).toBe(2);
    expect(run('kb-verify', ['--pub', join(dir, 'missing.pub'), 'x']).stderr).toMatch(/no such file/);
    const noKey = run('kb-pack', ['--out', dir]);
    expect(noKey.status).toBe(2);
    expect(noKey.stderr).toMatch(/--key and --out are required/);
    writeFileSync(join(dir, 'not-a-key'), 'hello');
    const badKey = run('kb-pack', ['--key', join(dir, 'not-a-key'), '--out', dir]);
    expect(badKey.status).toBe(1);
    expect(badKey.stderr).toMatch(/not an Ed25519 private key/);
  }, 60_000);
});
