// @vitest-environment node
/**
 * The command line's safe file reader (tools/cli/read-file.ts): only regular files, a byte cap checked
 * before and while reading, strict UTF-8. Each case would hang, fill memory or analyse garbage without it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeUtf8Strict, FileInputError, firstInvalidUtf8, readRegularFile } from '../../../tools/cli/read-file';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cnc-read-file-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CAP = 1024;

async function refusal(path: string, cap = CAP): Promise<string> {
  const e = await readRegularFile(path, cap).then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(FileInputError);
  return (e as Error).message;
}

describe('readRegularFile', () => {
  it('reads a regular file whole', async () => {
    const p = join(dir, 'a.txt');
    writeFileSync(p, 'Hackers stole bitcoin.');
    expect((await readRegularFile(p, CAP)).toString('utf8')).toBe('Hackers stole bitcoin.');
  });

  it('reads a file of exactly the cap, refuses one byte more', async () => {
    const p = join(dir, 'cap.txt');
    writeFileSync(p, 'x'.repeat(CAP));
    expect((await readRegularFile(p, CAP)).length).toBe(CAP);
    writeFileSync(p, 'x'.repeat(CAP + 1));
    expect(await refusal(p)).toMatch(/^too large: 1025 bytes \(limit 1024\)/);
  });

  it('refuses a named pipe at once, without a writer (no hang)', async () => {
    const p = join(dir, 'fifo');
    execFileSync('mkfifo', [p]);
    const t0 = Date.now();
    expect(await refusal(p)).toMatch(/not a regular file \(a named pipe \(FIFO\)\)/);
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it('refuses /dev/zero (no unbounded read) and a symbolic link to it', async () => {
    expect(await refusal('/dev/zero')).toMatch(/not a regular file \(a character device\): \/dev\/zero/);
    const link = join(dir, 'zero.txt');
    symlinkSync('/dev/zero', link);
    expect(await refusal(link)).toMatch(/not a regular file \(a character device\)/);
  });

  it('refuses a directory, and names a missing file', async () => {
    const d = join(dir, 'sub.html');
    mkdirSync(d);
    expect(await refusal(d)).toMatch(/not a regular file \(a directory\)/);
    expect(await refusal(join(dir, 'missing.txt'))).toMatch(/^no such file: /);
    expect(await refusal(join(dir, 'a.txt', 'below'))).toMatch(/^no such file: /);
  });

  it('a dangling symbolic link is a missing file', async () => {
    const link = join(dir, 'dangling.txt');
    symlinkSync(join(dir, 'nowhere'), link);
    expect(await refusal(link)).toMatch(/^no such file: /);
  });
});

describe('decodeUtf8Strict', () => {
  const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);

  it('decodes UTF-8 and drops a leading BOM only', () => {
    expect(decodeUtf8Strict(Buffer.from('\uFEFFCafé ₿ 𝔸', 'utf8'), 'x')).toBe('Café ₿ 𝔸');
    expect(decodeUtf8Strict(Buffer.from('a\uFEFFb', 'utf8'), 'x')).toBe('a\uFEFFb');
  });

  it('reports Latin-1 text with the offset of the first bad byte', () => {
    expect(() => decodeUtf8Strict(Buffer.from('Caf\xe9 au lait', 'latin1'), 'menu.txt')).toThrow(
      'not valid UTF-8 at byte 3 (0xe9): menu.txt (convert it to UTF-8 first)',
    );
  });

  it.each([
    ['a lone continuation byte', bytes(0x61, 0x80), 1],
    ['an overlong slash', bytes(0x61, 0x62, 0xc0, 0xaf), 2],
    ['an overlong three-byte form', bytes(0xe0, 0x80, 0xaf), 0],
    ['a surrogate', bytes(0x41, 0xed, 0xa0, 0x80), 1],
    ['above U+10FFFF', bytes(0xf4, 0x90, 0x80, 0x80), 0],
    ['a sequence cut at the end', bytes(0x41, 0x42, 0xe2, 0x82), 2],
    ['0xFF', bytes(0xff), 0],
  ])('refuses %s, naming its offset', (_name, b, at) => {
    expect(firstInvalidUtf8(b)).toBe(at);
    expect(() => decodeUtf8Strict(b, 'f')).toThrow(new RegExp(`^not valid UTF-8 at byte ${at} `));
  });
});
