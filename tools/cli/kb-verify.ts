/**
 * Check a knowledge pack as the extension would (lib/kb/pack.ts verifyPack).
 *
 *   npm run -s kb:verify -- --pub PUBLIC_KEY_FILE PACK        with a given public key (repeat --pub for several)
 *   npm run -s kb:verify -- PACK                              with the keys the extension ships (lib/kb/keys.ts)
 *   options: --current VERSION (reject unless newer), --max-bytes N (default the extension's cap)
 *
 * Exit 0 and a one-line summary when the pack is good; exit 1 and the reason when it is not; exit 2 on
 * a usage or file error. A public key file holds the raw 32-byte key in base64 (what kb:keygen writes).
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { base64 } from '@scure/base';
import { PACK_PUBLIC_KEYS } from '../../lib/kb/keys';
import { PACK_MAX_BYTES, verifyPack } from '../../lib/kb/pack';
import { updateWords } from '../../lib/shared/update-words';
import { english } from './english';
import { FileInputError, readRegularFile } from './read-file';

const USAGE = 'usage: kb-verify [--pub PUBLIC_KEY_FILE]... [--current VERSION] [--max-bytes N] PACK';

class UsageError extends Error {}

async function publicKeyOf(path: string): Promise<string> {
  const text = (await readRegularFile(path, 4096)).toString('utf8').trim();
  let raw: Uint8Array | undefined;
  try {
    raw = base64.decode(text);
  } catch {
    raw = undefined;
  }
  if (raw?.length !== 32) throw new FileInputError(`${path}: not a public key (expected 32 bytes in base64, as kb:keygen writes)`);
  return text;
}

const positiveInt = (name: string, v: string | undefined): number => {
  if (!v || !/^\d+$/.test(v)) throw new UsageError(`${name} needs a whole number`);
  return Number(v);
};

async function main(argv: string[]): Promise<number> {
  if (argv.length === 1 && (argv[0] === '-h' || argv[0] === '--help')) {
    console.log(USAGE);
    return 0;
  }
  const pubs: string[] = [];
  let current: number | null = null;
  let maxBytes = PACK_MAX_BYTES;
  let pack: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--pub') {
      const v = argv[++i];
      if (!v) throw new UsageError('--pub needs a file');
      pubs.push(await publicKeyOf(v));
    } else if (a === '--current') current = positiveInt(a, argv[++i]);
    else if (a === '--max-bytes') maxBytes = positiveInt(a, argv[++i]);
    else if (a.startsWith('-') || pack) throw new UsageError(`unexpected argument: ${a}`);
    else pack = a;
  }
  if (!pack) throw new UsageError('which pack? (a file)');
  let size: number;
  try {
    size = statSync(pack).size;
  } catch {
    throw new FileInputError(`no such file: ${pack}`);
  }
  const bytes = size > maxBytes ? new Uint8Array(size) : await readRegularFile(pack, maxBytes);
  const r = await verifyPack(bytes, { publicKeys: pubs.length ? pubs : PACK_PUBLIC_KEYS, currentVersion: current, maxBytes });
  if (!r.ok) {
    // the reason in the words the options page shows (the extension's English messages)
    console.error(`kb-verify: ${pack}: rejected (${r.reason}): ${updateWords(r.why, english)}`);
    return 1;
  }
  const m = r.manifest;
  console.log(
    `ok: ${pack}: version ${m.version} of ${m.created}, KB ${m.kbVersion} as of ${m.asOf} (${r.kb.entities.length} entities, ${r.kb.addresses.length} addresses), ` +
      `${m.size}-byte payload, signed by key ${r.keyId}${m.previousHash ? `, after payload ${m.previousHash.slice(0, 12)}` : ''}; ` +
      `sources: ${m.sources.map((s) => `${s.name} ${s.asOf}`).join('; ')}`,
  );
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      console.error(`kb-verify: ${e instanceof Error ? e.message : String(e)}`);
      if (e instanceof UsageError) console.error(USAGE);
      process.exitCode = 2;
    },
  );
}
