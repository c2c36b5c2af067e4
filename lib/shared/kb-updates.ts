/**
 * Knowledge updates, the part every context shares (issue 20, docs/data-packs.md): the one address packs
 * are fetched from (fixed at build time, never read from storage or a message), the storage keys and
 * shapes the background writes and the pages read, and the pages' messages to the background.
 *
 * The background (lib/background/kb-updates.ts) is the only writer of these keys.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { PUBLISHED_PACK_URL, packHostPattern } from './pack-url';

/** The pack's address: set by wxt.config.ts at build time (the published one, or a test build's 127.0.0.1). */
export const PACK_URL: string = import.meta.env.CNC_PACK_URL || PUBLISHED_PACK_URL;
/** The optional host permission requested when the reader turns updates on. */
export const PACK_HOST_PATTERN = packHostPattern(PACK_URL);
export const PACK_HOST = new URL(PACK_URL).host;

/** `kbUpdates.state` in `storage.local` → `KbUpdatesState`. */
export const KB_UPDATES_STATE_KEY = 'kbUpdates.state';
/** `kbUpdates.pack` in `storage.local` → the applied pack's text, exactly as downloaded and verified. */
export const KB_UPDATES_PACK_KEY = 'kbUpdates.pack';
/** `kb.inUse` in `storage.local` → `KnowledgeInUse`: what the popup, cards and options show as "as of". */
export const KB_IN_USE_KEY = 'kb.inUse';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const text = z.string().max(2000);

export const checkOutcomes = ['applied', 'not-modified', 'up-to-date', 'failed', 'dropped'] as const;
export type CheckOutcome = (typeof checkOutcomes)[number];

export const kbUpdatesStateSchema = z.object({
  /** The reader turned updates on (this device only: not synced, as the permission is per browser). */
  enabled: z.boolean(),
  /** lib/kb/update-schedule.ts, `UpdateScheduleState`; null before the first time updates were on. */
  schedule: z
    .object({ lastCheckAt: z.number().nullable(), lastSuccessAt: z.number().nullable(), failures: z.number().int().nonnegative(), nextCheckAt: z.number() })
    .nullable(),
  /** Validators of the last pack that was accepted or found not newer, for a conditional request. */
  etag: z.string().max(200).nullable(),
  lastModified: z.string().max(200).nullable(),
  /** The applied pack (its text under KB_UPDATES_PACK_KEY), or null: the built-in knowledge is used. */
  pack: z.object({ version: z.number().int().positive(), asOf: isoDay, appliedAt: z.number(), keyId: z.string().max(40) }).nullable(),
  /** The last check's (or start-up's) result, in words for the options page. */
  last: z
    .object({ at: z.number(), outcome: z.enum(checkOutcomes), reason: z.string().max(40).optional(), message: text.optional(), version: z.number().optional() })
    .nullable(),
});
export type KbUpdatesState = z.infer<typeof kbUpdatesStateSchema>;

export const INITIAL_UPDATES_STATE: KbUpdatesState = { enabled: false, schedule: null, etag: null, lastModified: null, pack: null, last: null };

export const knowledgeInUseSchema = z.object({
  origin: z.enum(['built-in', 'update']),
  /** The pack version (or the built-in knowledge's, from its date): newer packs have larger numbers. */
  version: z.number(),
  kbVersion: z.string().max(200),
  asOf: isoDay,
  /** Each data set and how fresh it is (lib/kb/sources.ts; a pack's signed manifest). */
  sources: z.array(z.object({ name: z.string().max(200), asOf: isoDay })).max(50),
  appliedAt: z.number().optional(),
});
export type KnowledgeInUse = z.infer<typeof knowledgeInUseSchema>;

/** The stored state, checked; missing or unreadable: updates off. */
export function parseUpdatesState(raw: unknown): KbUpdatesState {
  const r = kbUpdatesStateSchema.safeParse(raw);
  return r.success ? r.data : INITIAL_UPDATES_STATE;
}

export function parseKnowledgeInUse(raw: unknown): KnowledgeInUse | null {
  const r = knowledgeInUseSchema.safeParse(raw);
  return r.success ? r.data : null;
}

/** Messages from the extension's own pages to the background. */
export const updatesMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('updates/set-enabled'), enabled: z.boolean() }),
  z.object({ type: z.literal('updates/check-now') }),
  z.object({ type: z.literal('updates/get-status') }),
]);
export type UpdatesMessage = z.infer<typeof updatesMessageSchema>;

export type UpdatesAnswer =
  | { ok: true; state: KbUpdatesState; inUse: KnowledgeInUse | null }
  | { ok: false; message: string; retryAt?: number; state: KbUpdatesState; inUse: KnowledgeInUse | null };

const answerSchema = z.object({
  ok: z.boolean(),
  message: text.optional(),
  retryAt: z.number().optional(),
  state: kbUpdatesStateSchema,
  inUse: knowledgeInUseSchema.nullable(),
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
