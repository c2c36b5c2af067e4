// @vitest-environment node
/**
 * Fuzzing the command line's file reader (tools/cli/read-file.ts) with arbitrary bytes: the strict decoder
 * accepts exactly what a fatal TextDecoder accepts, names the first bad byte (everything before it is
 * well-formed), and a file is read back byte for byte up to the cap and refused above it.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeUtf8Strict, FileInputError, firstInvalidUtf8, readRegularFile } from '../../../tools/cli/read-file';

const fatal = new TextDecoder('utf-8', { fatal: true });
const accepts = (b: Uint8Array): boolean => {
  try {
    fatal.decode(b);
    return true;
  } catch {
    return false;
  }
};

/** Bytes that are mostly UTF-8 text with some damage: random bytes spliced into encoded strings. */
const mostlyText = fc
  .tuple(fc.string({ unit: 'binary', maxLength: 60 }), fc.uint8Array({ maxLength: 4 }), fc.string({ unit: 'binary', maxLength: 60 }))
  .map(([a, junk, b]) => Uint8Array.from([...Buffer.from(a, 'utf8'), ...junk, ...Buffer.from(b, 'utf8')]));
const bytes = fc.oneof(fc.uint8Array({ maxLength: 200 }), mostlyText);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cnc-read-file-fuzz-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('CLI file reader fuzz', () => {
  it('strict UTF-8: valid exactly when TextDecoder(fatal) says so; the named offset is the first bad byte', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        const at = firstInvalidUtf8(b);
        expect(at === -1).toBe(accepts(b));
        if (at === -1) {
          expect(decodeUtf8Strict(b, 'f')).toBe(fatal.decode(b));
        } else {
          expect(accepts(b.subarray(0, at))).toBe(true);
          // no longer prefix is valid up to the next character boundary: the byte at `at` starts the damage
          expect(accepts(b.subarray(0, Math.min(b.length, at + 4)))).toBe(false);
          expect(() => decodeUtf8Strict(b, 'f')).toThrow(`not valid UTF-8 at byte ${at} `);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('a regular file is read back exactly up to the cap and refused above it', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.integer({ min: 0, max: 300 }), async (b, cap) => {
        const p = join(dir, `f${n++}.bin`);
        writeFileSync(p, b);
        const got = await readRegularFile(p, cap).then(
          (x) => x,
          (e: unknown) => e,
        );
        if (b.length <= cap) expect(Buffer.compare(got as Buffer, Buffer.from(b))).toBe(0);
        else {
          expect(got).toBeInstanceOf(FileInputError);
          expect((got as Error).message).toMatch(/^too large: /);
        }
      }),
      { numRuns: 200 },
    );
  });
});
