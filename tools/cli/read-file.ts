/**
 * Reading one input file for the command line, safely: only regular files are read (a FIFO, device,
 * socket or directory is refused before any byte is read, so `/dev/zero`, `/dev/stdin` or a named pipe
 * can neither hang the run nor fill memory), never more than a byte cap, and text is decoded as strict
 * UTF-8 (a leading BOM allowed), so a file in another encoding is reported rather than analysed as
 * replacement characters.
 */
import { constants, type Stats } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';

/** A problem with one input, worded for the user; the command line prints it as that input's `error`. */
export class FileInputError extends Error {}

/** What a non-regular file is, in words. */
function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

function ioMessage(path: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return `no such file: ${path}`;
  if (code === 'EACCES' || code === 'EPERM') return `permission denied: ${path}`;
  if (code === 'ELOOP') return `too many symbolic links: ${path}`;
  return `cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`;
}

function refuse(path: string, st: Stats, maxBytes: number): void {
  if (!st.isFile()) throw new FileInputError(`not a regular file (${kindOf(st)}): ${path}`);
  if (st.size > maxBytes) throw new FileInputError(`too large: ${st.size} bytes (limit ${maxBytes}): ${path}`);
}

/**
 * The bytes of the regular file at `path`, at most `maxBytes` of them. Checked twice: `stat` first, so a
 * device or pipe is never even opened; then the opened descriptor itself (`fstat`), opened non-blocking,
 * so a file swapped for a pipe between the two checks cannot block the open or the read. Reads at most
 * `maxBytes + 1` bytes, so a file that grows after the check is still refused, not read without end.
 */
export async function readRegularFile(path: string, maxBytes: number): Promise<Buffer> {
  let st: Stats;
  try {
    st = await stat(path);
  } catch (e) {
    throw new FileInputError(ioMessage(path, e));
  }
  refuse(path, st, maxBytes);
  let fh: FileHandle;
  try {
    fh = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (e) {
    throw new FileInputError(ioMessage(path, e));
  }
  try {
    const fst = await fh.stat();
    refuse(path, fst, maxBytes);
    // room for the size seen plus one byte (to notice growth), grown once to the cap if the file grew
    let buf = Buffer.allocUnsafe(Math.min(fst.size, maxBytes) + 1);
    let got = 0;
    for (;;) {
      if (got === buf.length) {
        if (got > maxBytes) throw new FileInputError(`too large: more than ${maxBytes} bytes (limit ${maxBytes}): ${path}`);
        const bigger = Buffer.allocUnsafe(maxBytes + 1);
        buf.copy(bigger, 0, 0, got);
        buf = bigger;
      }
      const { bytesRead } = await fh.read(buf, got, buf.length - got, null);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    if (got > maxBytes) throw new FileInputError(`too large: more than ${maxBytes} bytes (limit ${maxBytes}): ${path}`);
    return buf.subarray(0, got);
  } catch (e) {
    if (e instanceof FileInputError) throw e;
    throw new FileInputError(ioMessage(path, e));
  } finally {
    await fh.close().catch(() => undefined);
  }
}

/**
 * The offset of the first byte that is not part of well-formed UTF-8 (RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF), or -1 when all of `buf` is well-formed. One pass.
 */
export function firstInvalidUtf8(buf: Uint8Array): number {
  const n = buf.length;
  let i = 0;
  while (i < n) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0; // overlong
      if (b === 0xed) hi = 0x9f; // surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90; // overlong
      if (b === 0xf4) hi = 0x8f; // above U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined) return i; // truncated sequence at the end
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

const strict = new TextDecoder('utf-8', { fatal: true });

/** `buf` as text, strictly: a leading UTF-8 BOM is dropped; malformed UTF-8 is an error naming the byte offset. */
export function decodeUtf8Strict(buf: Uint8Array, what: string): string {
  try {
    return strict.decode(buf); // drops a leading BOM (ignoreBOM is false)
  } catch {
    const at = firstInvalidUtf8(buf);
    const where = at >= 0 ? ` at byte ${at} (0x${buf[at]!.toString(16).padStart(2, '0')})` : '';
    throw new FileInputError(`not valid UTF-8${where}: ${what} (convert it to UTF-8 first)`);
  }
}
