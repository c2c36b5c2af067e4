/**
 * Knowledge updates, the part every context shares (issue 20, docs/data-packs.md): the one address packs
 * are fetched from (fixed at build time, never read from storage or a message), the storage keys and
 * shapes the background writes and the pages read, and the pages' messages to the background.
 *
 * The background (lib/background/kb-updates.ts) is the only writer of these keys.
 */
import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { PUBLISHED_PACK_URL, packHostPattern } from './pack-url';
import { knowledgeInUseSchema, type KnowledgeInUse } from './knowledge-in-use';
import { updateWhySchema, type UpdateWhy } from './update-words';

/** The pack's address: set by wxt.config.ts at build time (the published one, or a test build's 127.0.0.1). */
export const PACK_URL: string = import.meta.env.CNC_PACK_URL || PUBLISHED_PACK_URL;
/** The optional host permission requested when the reader turns updates on. */
export const PACK_HOST_PATTERN = packHostPattern(PACK_URL);
export const PACK_HOST = new URL(PACK_URL).host;

/** `kbUpdates.state` in `storage.local` → `KbUpdatesState`. */
export const KB_UPDATES_STATE_KEY = 'kbUpdates.state';
/** `kbUpdates.pack` in `storage.local` → the applied pack's text, exactly as downloaded and verified. */
export const KB_UPDATES_PACK_KEY = 'kbUpdates.pack';

const isoDay = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const text = z.string().check(z.maxLength(2000));
const short = (n: number) => z.string().check(z.maxLength(n));

const checkOutcomes = ['applied', 'not-modified', 'up-to-date', 'failed', 'dropped'] as const;
export type CheckOutcome = (typeof checkOutcomes)[number];

const kbUpdatesStateSchema = z.object({
  /** The reader turned updates on (this device only: not synced, as the permission is per browser). */
  enabled: z.boolean(),
  /** lib/kb/update-schedule.ts, `UpdateScheduleState`; null before the first time updates were on. */
  schedule: z.nullable(
    z.object({ lastCheckAt: z.nullable(z.number()), lastSuccessAt: z.nullable(z.number()), failures: z.number().check(z.int(), z.nonnegative()), nextCheckAt: z.number() }),
  ),
  /** Validators of the last pack that was accepted or found not newer, for a conditional request. */
  etag: z.nullable(short(200)),
  lastModified: z.nullable(short(200)),
  /** The applied pack (its text under KB_UPDATES_PACK_KEY), or null: the built-in knowledge is used. */
  pack: z.nullable(z.object({ version: z.number().check(z.int(), z.positive()), asOf: isoDay, appliedAt: z.number(), keyId: short(40) })),
  /**
   * The last check's (or start-up's) result: `why` a code and its parameters, worded by the options page
   * (./update-words.ts). `message`: the words themselves, as versions before it stored them; shown as they are.
   * A `why` this version cannot read is dropped, not the state.
   */
  last: z.nullable(
    z.object({
      at: z.number(),
      outcome: z.enum(checkOutcomes),
      reason: z.optional(short(40)),
      why: z.optional(z.catch(z.optional(updateWhySchema()), undefined)),
      message: z.optional(text),
      version: z.optional(z.number()),
    }),
  ),
});
export type KbUpdatesState = z.infer<typeof kbUpdatesStateSchema>;

export const INITIAL_UPDATES_STATE: KbUpdatesState = { enabled: false, schedule: null, etag: null, lastModified: null, pack: null, last: null };


/** The stored state, checked; missing or unreadable: updates off. */
export function parseUpdatesState(raw: unknown): KbUpdatesState {
  const r = kbUpdatesStateSchema.safeParse(raw);
  return r.success ? r.data : INITIAL_UPDATES_STATE;
}


/** Messages from the extension's own pages to the background. */
export const updatesMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('updates/set-enabled'), enabled: z.boolean() }),
  z.object({ type: z.literal('updates/check-now') }),
  z.object({ type: z.literal('updates/get-status') }),
]);
type UpdatesMessage = z.infer<typeof updatesMessageSchema>;

export type UpdatesAnswer =
  | { ok: true; state: KbUpdatesState; inUse: KnowledgeInUse | null }
  | { ok: false; why?: UpdateWhy; retryAt?: number; state: KbUpdatesState; inUse: KnowledgeInUse | null };

const answerSchema = z.object({
  ok: z.boolean(),
  why: z.optional(z.catch(z.optional(updateWhySchema()), undefined)),
  retryAt: z.optional(z.number()),
  state: kbUpdatesStateSchema,
  inUse: z.nullable(knowledgeInUseSchema),
});

async function send(msg: UpdatesMessage): Promise<UpdatesAnswer> {
  const r = answerSchema.safeParse(await browser.runtime.sendMessage(msg));
  if (!r.success) throw new Error('The extension’s background did not answer.');
  return r.data as UpdatesAnswer;
}

/** For the options and welcome pages. */
export const updatesApi = {
  setEnabled: (enabled: boolean) => send({ type: 'updates/set-enabled', enabled }),
  checkNow: () => send({ type: 'updates/check-now' }),
  getStatus: () => send({ type: 'updates/get-status' }),
};
