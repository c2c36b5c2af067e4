/**
 * Make an Ed25519 key pair for signing knowledge packs (development, tests, or the pipeline's secret).
 *
 *   npm run -s kb:keygen                      writes .keys/kb-pack.key (private, mode 0600) and .keys/kb-pack.pub
 *   npm run -s kb:keygen -- --out DIR/NAME    writes DIR/NAME.key and DIR/NAME.pub
 *
 * The private key is PKCS#8 in PEM ("BEGIN PRIVATE KEY"; `openssl pkey` reads it); the public key file
 * holds the raw 32 bytes in base64, the form lib/kb/keys.ts lists. Never overwrites a file. `.keys/` is
 * git-ignored: a private key never goes into the repository.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { base64 } from '@scure/base';
import { keyIdOf } from '../../lib/kb/pack';

const USAGE = 'usage: kb-keygen [--out PATH_PREFIX]   (default .keys/kb-pack: writes .key and .pub)';

function toPem(der: Uint8Array): string {
  const b64 = base64.encode(der);
  return `-----BEGIN PRIVATE KEY-----\n${b64.match(/.{1,64}/g)!.join('\n')}\n-----END PRIVATE KEY-----\n`;
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    console.log(USAGE);
    return 0;
  }
  const outIdx = argv.indexOf('--out');
  const prefix = outIdx >= 0 ? argv[outIdx + 1] : '.keys/kb-pack';
  if (!prefix || argv.length !== (outIdx >= 0 ? 2 : 0)) {
    console.error(USAGE);
    return 2;
  }
  const keyFile = resolve(`${prefix}.key`);
  const pubFile = resolve(`${prefix}.pub`);
  const existing = [keyFile, pubFile].filter((f) => existsSync(f));
  if (existing.length) {
    console.error(`kb-keygen: ${existing.join(' and ')} already exist(s); not overwriting a key (choose another --out)`);
    return 1;
  }
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  mkdirSync(dirname(keyFile), { recursive: true, mode: 0o700 });
  try {
    // 'wx': fail if the file exists, atomically; the mode applies when the file is created
    writeFileSync(keyFile, toPem(pkcs8), { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
      console.error(`kb-keygen: ${keyFile} exists; not overwriting a key (choose another --out)`);
      return 1;
    }
    throw e;
  }
  try {
    writeFileSync(pubFile, `${base64.encode(raw)}\n`, { mode: 0o644, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
      console.error(`kb-keygen: ${pubFile} exists; not overwriting it (the new private key is in ${keyFile})`);
      return 1;
    }
    throw e;
  }
  console.log(`key id ${await keyIdOf(raw)}`);
  console.log(`private key (keep secret, mode 0600): ${keyFile}`);
  console.log(`public key: ${pubFile}`);
  console.log(`public key (base64, for lib/kb/keys.ts): ${base64.encode(raw)}`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      console.error(`kb-keygen: ${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = 1;
    },
  );
}
