/**
 * Knowledge updates in the background (issue 20; docs/data-packs.md, docs/adr/0009): off until the reader
 * turns them on; then one GET of one fixed URL (built in, never from storage or a message) about daily on
 * a random schedule and on "Check now", without credentials, referrer or query, revalidated with the last
 * ETag / Last-Modified. A downloaded pack is used only if `verifyPack` accepts it (a shipped key, intact,
 * the KB schema, newer than the knowledge in use, under the size cap); then its text is kept in
 * `storage.local` and the engine is rebuilt with it (an analysis already running finishes with the old
 * one). At start-up the kept pack is verified again; one that no longer verifies is dropped, with the
 * reason. Any failure keeps the knowledge in use and is recorded, as a code and its parameters
 * (lib/shared/update-words.ts), which the options page words.
 *
 * Nothing from the network is trusted before verification; nothing about the reader is sent.
 */
import { browser } from 'wxt/browser';
import { loadKb } from '../kb';
import { PACK_PUBLIC_KEYS } from '../kb/keys';
import { verifyPack, versionOfDate } from '../kb/pack';
import { sourcesOf } from '../kb/sources';
import type { CompiledKb } from '../kb/types';
import { afterCheck, initialSchedule, isDue, manualCheck, type UpdateScheduleState } from '../kb/update-schedule';
import { isExtensionPage, type SenderLike } from '../shared/messages';
import type { UpdateWhy } from '../shared/update-words';
import {
  KB_UPDATES_PACK_KEY,
  KB_UPDATES_STATE_KEY,
  PACK_HOST_PATTERN,
  PACK_URL,
  parseUpdatesState,
  updatesMessageSchema,
  type KbUpdatesState,
  type UpdatesAnswer,
} from '../shared/kb-updates';
import { KB_IN_USE_KEY, parseKnowledgeInUse, type KnowledgeInUse } from '../shared/knowledge-in-use';
import { fetchPack, type FetchDeps } from './kb-fetch';

export const UPDATE_ALARM = 'cnc-kb-update';
/** A check that has not finished within this time is abandoned (and counts as a failure). */
const FETCH_TIMEOUT_MS = 60_000;

/**
 * The keys packs may be signed with: the shipped ones, and in a test build (wxt.config.ts: only with
 * CNC_PACK_URL on 127.0.0.1) one more from CNC_PACK_TEST_PUBKEY. A production build has no extra key.
 */
const UPDATE_KEYS: readonly string[] = [...PACK_PUBLIC_KEYS, ...(import.meta.env.CNC_PACK_TEST_PUBKEY ? [import.meta.env.CNC_PACK_TEST_PUBKEY] : [])];

export interface UpdaterDeps extends FetchDeps {
  /** The knowledge built into the extension. */
  builtIn: () => CompiledKb;
  /** Swaps the knowledge the engine and look-ups use (lib/background/engine.ts, `useKb`). */
  use: (kb: CompiledKb | null) => void;
  random: () => number;
}

export interface KbUpdater {
  /** Verifies the kept pack once per worker and puts it in use (never rejects; failures keep the built-in knowledge). */
  ensureLoaded(): Promise<void>;
  /** Browser start-up or install/update: load, and make sure the alarm exists while updates are on. */
  onStartup(): Promise<void>;
  onAlarm(name: string): Promise<void>;
  setEnabled(on: boolean): Promise<UpdatesAnswer>;
  checkNow(): Promise<UpdatesAnswer>;
  status(): Promise<UpdatesAnswer>;
  /** runtime.onMessage: answers `updates/*` from the extension's own pages only. */
  onMessage(raw: unknown, sender: SenderLike): Promise<UpdatesAnswer> | undefined;
}

/** The built-in knowledge's version, comparable with pack versions. */
export function builtInVersion(kb: CompiledKb): number {
  return versionOfDate(new Date(`${kb.asOf}T00:00:00Z`));
}

export function createKbUpdater(deps: UpdaterDeps): KbUpdater {
  const storage = browser.storage.local;
  const host = new URL(deps.url).host;
  let loading: Promise<void> | undefined;
  /** The version in use (a pack's, else the built-in one's) once loaded. */
  let versionInUse: number | undefined;
  /** One state change at a time (checks, switching on and off, loading). */
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = chain.then(fn, fn);
    chain = run.catch(() => undefined);
    return run;
  };

  async function readState(): Promise<KbUpdatesState> {
    const got = await storage.get(KB_UPDATES_STATE_KEY);
    return parseUpdatesState(got[KB_UPDATES_STATE_KEY]);
  }

  async function publish(inUse: KnowledgeInUse): Promise<void> {
    const got = await storage.get(KB_IN_USE_KEY);
    if (JSON.stringify(got[KB_IN_USE_KEY]) !== JSON.stringify(inUse)) await storage.set({ [KB_IN_USE_KEY]: inUse });
  }

  const builtInUse = (): KnowledgeInUse => {
    const kb = deps.builtIn();
    return { origin: 'built-in', version: builtInVersion(kb), kbVersion: kb.version, asOf: kb.asOf, sources: sourcesOf(kb).map(({ name, asOf }) => ({ name, asOf })) };
  };

  async function load(): Promise<void> {
    const state = await readState();
    const base = deps.builtIn();
    versionInUse = builtInVersion(base);
    if (!state.pack) {
      await publish(builtInUse());
      return;
    }
    const kept = (await storage.get(KB_UPDATES_PACK_KEY))[KB_UPDATES_PACK_KEY];
    const result =
      typeof kept === 'string'
        ? await verifyPack(new TextEncoder().encode(kept), { publicKeys: deps.publicKeys, currentVersion: versionInUse })
        : ({ ok: false, reason: 'truncated', why: { code: 'keptMissing' } } as const);
    if (result.ok && result.manifest.version === state.pack.version) {
      deps.use(result.kb);
      versionInUse = result.manifest.version;
      await publish({
        origin: 'update',
        version: result.manifest.version,
        kbVersion: result.kb.version,
        asOf: result.kb.asOf,
        sources: result.manifest.sources.map(({ name, asOf }) => ({ name, asOf })),
        appliedAt: state.pack.appliedAt,
      });
      return;
    }
    const why: UpdateWhy = result.ok ? { code: 'keptOtherVersion' } : result.reason === 'not-newer' ? { code: 'keptNotNewer' } : result.why;
    await storage.remove(KB_UPDATES_PACK_KEY);
    await storage.set({
      [KB_UPDATES_STATE_KEY]: {
        ...state,
        pack: null,
        etag: null,
        lastModified: null,
        last: { at: deps.now(), outcome: 'dropped', reason: result.ok ? 'bad-format' : result.reason, why, version: state.pack.version },
      } satisfies KbUpdatesState,
    });
    deps.use(null);
    await publish(builtInUse());
  }

  function ensureLoaded(): Promise<void> {
    loading ??= serial(load).catch((err: unknown) => {
      console.error('Crypto News Context: could not load the downloaded knowledge', err);
      versionInUse ??= builtInVersion(deps.builtIn());
    });
    return loading;
  }

  async function setAlarm(schedule: UpdateScheduleState | null, enabled: boolean): Promise<void> {
    if (!enabled || !schedule) {
      await browser.alarms.clear(UPDATE_ALARM);
      return;
    }
    await browser.alarms.create(UPDATE_ALARM, { when: Math.max(schedule.nextCheckAt, deps.now() + 1_000) });
  }

  /** One check: fetch, verify, apply; then the schedule moves on (afterCheck) and the alarm follows it. */
  async function check(): Promise<void> {
    const state = await readState();
    if (!state.enabled) return;
    const startedAt = deps.now();
    const result = await fetchPack(deps, state, versionInUse ?? null);
    const schedule = afterCheck(state.schedule ?? initialSchedule(startedAt, deps.random), { ok: result.ok, startedAt, now: deps.now() }, deps.random);
    let next: KbUpdatesState;
    if (result.ok) {
      const applied = result.applied;
      next = { ...state, ...result.patch, schedule, last: { at: deps.now(), outcome: result.outcome, ...(applied ? { version: applied.version } : {}) } };
      if (applied) {
        try {
          // pack and state in one write: what is used is what is kept
          await storage.set({ [KB_UPDATES_PACK_KEY]: applied.packText, [KB_UPDATES_STATE_KEY]: next });
        } catch {
          const failed = afterCheck(state.schedule ?? initialSchedule(startedAt, deps.random), { ok: false, startedAt, now: deps.now() }, deps.random);
          next = { ...state, schedule: failed, last: { at: deps.now(), outcome: 'failed', reason: 'storage', why: { code: 'notSaved' } } };
          await storage.set({ [KB_UPDATES_STATE_KEY]: next }).catch(() => undefined);
          await setAlarm(next.schedule, next.enabled);
          return;
        }
        deps.use(applied.kb);
        versionInUse = applied.version;
        await publish({ origin: 'update', version: applied.version, kbVersion: applied.kb.version, asOf: applied.kb.asOf, sources: applied.sources, appliedAt: next.pack!.appliedAt });
        await setAlarm(next.schedule, next.enabled);
        return;
      }
    } else {
      next = { ...state, schedule, last: { at: deps.now(), outcome: 'failed', reason: result.reason, why: result.why } };
    }
    await storage.set({ [KB_UPDATES_STATE_KEY]: next });
    await setAlarm(next.schedule, next.enabled);
  }

  async function answer(ok: true): Promise<UpdatesAnswer>;
  async function answer(ok: false, why: UpdateWhy, retryAt?: number): Promise<UpdatesAnswer>;
  async function answer(ok: boolean, why?: UpdateWhy, retryAt?: number): Promise<UpdatesAnswer> {
    const got = await storage.get([KB_UPDATES_STATE_KEY, KB_IN_USE_KEY]);
    const state = parseUpdatesState(got[KB_UPDATES_STATE_KEY]);
    const inUse = parseKnowledgeInUse(got[KB_IN_USE_KEY]);
    return ok || !why ? { ok: true, state, inUse } : { ok: false, why, ...(retryAt ? { retryAt } : {}), state, inUse };
  }

  async function setEnabled(on: boolean): Promise<UpdatesAnswer> {
    await ensureLoaded();
    const refused = await serial(async (): Promise<UpdateWhy | null> => {
      const state = await readState();
      if (on) {
        // the page asked the browser for the host permission in the reader's click; without it, nothing is fetched
        const granted = await deps.permissions.contains({ origins: [deps.hostPattern] }).catch(() => false);
        if (!granted) return { code: 'stayOff', params: [host] };
        if (state.enabled) return null;
        // a new first check within a minute; the last check's time stays, so "Check now" keeps its limit
        const schedule = { ...initialSchedule(deps.now(), deps.random), lastCheckAt: state.schedule?.lastCheckAt ?? null };
        const next: KbUpdatesState = { ...state, enabled: true, schedule };
        await storage.set({ [KB_UPDATES_STATE_KEY]: next });
        await setAlarm(schedule, true);
        return null;
      }
      await storage.set({ [KB_UPDATES_STATE_KEY]: { ...state, enabled: false } });
      await setAlarm(null, false);
      // Chrome refuses to remove an origin that the required http/https host permissions also cover; then the
      // grant stays with them, and nothing is fetched because updates are off.
      await deps.permissions.remove({ origins: [deps.hostPattern] }).catch(() => false);
      return null;
    });
    return refused ? answer(false, refused) : answer(true);
  }

  async function checkNow(): Promise<UpdatesAnswer> {
    await ensureLoaded();
    const refused = await serial(async (): Promise<{ why: UpdateWhy; retryAt?: number } | null> => {
      const state = await readState();
      if (!state.enabled) return { why: { code: 'offCheck' } };
      const may = manualCheck(state.schedule ?? initialSchedule(deps.now(), deps.random), deps.now());
      if (!may.allowed) return { why: { code: 'tooSoon' }, retryAt: may.retryAt };
      await check();
      return null;
    });
    return refused ? answer(false, refused.why, refused.retryAt) : answer(true);
  }

  async function onAlarm(name: string): Promise<void> {
    if (name !== UPDATE_ALARM) return;
    await ensureLoaded();
    await serial(async () => {
      const state = await readState();
      if (!state.enabled || !state.schedule) return setAlarm(null, false);
      if (!isDue(state.schedule, deps.now())) return setAlarm(state.schedule, true); // fired early: wait on
      return check();
    });
  }

  async function onStartup(): Promise<void> {
    await ensureLoaded();
    await serial(async () => {
      const state = await readState();
      if (!state.enabled || !state.schedule) return;
      // alarms may not survive a browser restart or an extension update; one that is overdue fires at once
      const existing = await browser.alarms.get(UPDATE_ALARM);
      if (!existing) await setAlarm(state.schedule, true);
    });
  }

  async function status(): Promise<UpdatesAnswer> {
    await ensureLoaded();
    return answer(true);
  }

  const origin = browser.runtime.getURL('/');
  return {
    ensureLoaded,
    onStartup,
    onAlarm,
    setEnabled,
    checkNow,
    status,
    onMessage(raw, sender) {
      const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
      if (typeof type !== 'string' || !type.startsWith('updates/')) return undefined;
      if (!isExtensionPage(sender, browser.runtime.id, origin)) return undefined;
      const parsed = updatesMessageSchema.safeParse(raw);
      if (!parsed.success) return undefined;
      const msg = parsed.data;
      switch (msg.type) {
        case 'updates/set-enabled':
          return setEnabled(msg.enabled);
        case 'updates/check-now':
          return checkNow();
        case 'updates/get-status':
          return status();
      }
    },
  };
}

/** The updater with the browser's own fetch and permissions, the built-in URL and the shipped keys. */
export function browserKbUpdater(use: (kb: CompiledKb | null) => void): KbUpdater {
  return createKbUpdater({
    url: PACK_URL,
    hostPattern: PACK_HOST_PATTERN,
    publicKeys: UPDATE_KEYS,
    builtIn: () => loadKb().kb,
    use,
    fetch: (url, init) => fetch(url, init),
    permissions: {
      contains: (p) => browser.permissions.contains(p),
      remove: (p) => browser.permissions.remove(p),
    },
    now: Date.now,
    random: Math.random,
    timeoutMs: FETCH_TIMEOUT_MS,
  });
}

