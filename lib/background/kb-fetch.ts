/**
 * One check for a knowledge update: a GET of the pack's fixed URL without credentials, referrer or query,
 * revalidated with the last ETag / Last-Modified, read up to the size cap and verified (`verifyPack`) before
 * anything of it is used. Every failure comes back as a code and its parameters (lib/shared/update-words.ts),
 * which the options page words.
 */
import { PACK_MAX_BYTES, verifyPack, type PackFailure } from '../kb/pack';
import type { CompiledKb } from '../kb/types';
import type { CheckOutcome, KbUpdatesState } from '../shared/kb-updates';
import type { KnowledgeInUse } from '../shared/knowledge-in-use';
import { whyParam, type UpdateWhy } from '../shared/update-words';

type Failure = PackFailure | 'network' | 'http' | 'permission' | 'storage';

/** What a check needs from the browser (lib/background/kb-updates.ts, UpdaterDeps). */
export interface FetchDeps {
  url: string;
  hostPattern: string;
  publicKeys: readonly string[];
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  permissions: { contains(p: { origins: string[] }): Promise<boolean>; remove(p: { origins: string[] }): Promise<boolean> };
  now: () => number;
  timeoutMs: number;
}

const HEADER_VALUE = /^[\x20-\x7e]{1,200}$/;
const validator = (v: string | null): string | null => (v && HEADER_VALUE.test(v) ? v : null);

/** Reads a response body, giving up (null) past `max` bytes without reading the rest. */
async function readCapped(res: Response, max: number): Promise<Uint8Array | null> {
  const reader = res.body?.getReader();
  if (!reader) {
    const all = new Uint8Array(await res.arrayBuffer());
    return all.length > max ? null : all;
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

type CheckResult =
  | {
      ok: true;
      outcome: Extract<CheckOutcome, 'applied' | 'not-modified' | 'up-to-date'>;
      patch: Partial<KbUpdatesState>;
      applied?: { version: number; kb: CompiledKb; packText: string; sources: KnowledgeInUse['sources'] };
    }
  | { ok: false; reason: Failure; why: UpdateWhy };

/** Fetches and verifies the pack; `versionInUse`: the knowledge in use, which a pack must be newer than. */
export async function fetchPack(deps: FetchDeps, state: KbUpdatesState, versionInUse: number | null): Promise<CheckResult> {
  const host = new URL(deps.url).host;
  const seconds = Math.round(deps.timeoutMs / 1000);
  const allowed = await deps.permissions.contains({ origins: [deps.hostPattern] }).catch(() => false);
  if (!allowed) {
    return { ok: false, reason: 'permission', why: { code: 'noLongerAllowed', params: [host] } };
  }
  const headers: Record<string, string> = {};
  if (state.etag) headers['If-None-Match'] = state.etag;
  if (state.lastModified) headers['If-Modified-Since'] = state.lastModified;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), deps.timeoutMs);
  try {
    let res: Response;
    try {
      res = await deps.fetch(deps.url, {
        method: 'GET',
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        cache: 'no-cache',
        redirect: 'error',
        headers,
        signal: abort.signal,
      });
    } catch {
      return { ok: false, reason: 'network', why: abort.signal.aborted ? { code: 'noAnswer', params: [host, seconds] } : { code: 'unreachable', params: [host] } };
    }
    if (res.status === 304) return { ok: true, outcome: 'not-modified', patch: {} };
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      return { ok: false, reason: 'http', why: { code: 'http', params: [host, whyParam(`${res.status}${res.statusText ? ` ${res.statusText}` : ''}`)] } };
    }
    const declared = Number(res.headers.get('content-length') ?? '0');
    let bytes: Uint8Array | null = null;
    if (!(declared > PACK_MAX_BYTES)) {
      try {
        bytes = await readCapped(res, PACK_MAX_BYTES);
      } catch {
        return { ok: false, reason: 'network', why: abort.signal.aborted ? { code: 'downloadSlow', params: [host, seconds] } : { code: 'downloadBroke', params: [host] } };
      }
    } else {
      await res.body?.cancel().catch(() => undefined);
    }
    if (!bytes) return { ok: false, reason: 'too-large', why: { code: 'downloadTooLarge', params: [PACK_MAX_BYTES] } };
    const patch: Partial<KbUpdatesState> = { etag: validator(res.headers.get('etag')), lastModified: validator(res.headers.get('last-modified')) };
    const verified = await verifyPack(bytes, { publicKeys: deps.publicKeys, currentVersion: versionInUse, maxBytes: PACK_MAX_BYTES });
    if (!verified.ok) {
      if (verified.reason === 'not-newer') return { ok: true, outcome: 'up-to-date', patch };
      return { ok: false, reason: verified.reason, why: verified.why };
    }
    return {
      ok: true,
      outcome: 'applied',
      applied: {
        version: verified.manifest.version,
        kb: verified.kb,
        // verified: the whole file is UTF-8, so its text gives back the same bytes
        packText: new TextDecoder().decode(bytes),
        sources: verified.manifest.sources.map(({ name, asOf }) => ({ name, asOf })),
      },
      patch: { ...patch, pack: { version: verified.manifest.version, asOf: verified.kb.asOf, appliedAt: deps.now(), keyId: verified.keyId } },
    };
  } finally {
    clearTimeout(timer);
  }
}
