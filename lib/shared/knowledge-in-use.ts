/**
 * What the popup, cards and options show as "as of": the knowledge in use (built in or a downloaded update)
 * and each source's date, as the background publishes it under `kb.inUse` in `storage.local`. Apart from
 * the rest of lib/shared/kb-updates.ts so that the in-page card bundles only this small check.
 */
import * as z from 'zod/mini';

/** `kb.inUse` in `storage.local` → `KnowledgeInUse`. */
export const KB_IN_USE_KEY = 'kb.inUse';

const isoDay = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const short = (n: number) => z.string().check(z.maxLength(n));

export const knowledgeInUseSchema = z.object({
  origin: z.enum(['built-in', 'update']),
  /** The pack version (or the built-in knowledge's, from its date): newer packs have larger numbers. */
  version: z.number(),
  kbVersion: short(200),
  asOf: isoDay,
  /** Each data set and how fresh it is (lib/kb/sources.ts; a pack's signed manifest). */
  sources: z.array(z.object({ name: short(200), asOf: isoDay })).check(z.maxLength(50)),
  appliedAt: z.optional(z.number()),
});
export type KnowledgeInUse = z.infer<typeof knowledgeInUseSchema>;

export function parseKnowledgeInUse(raw: unknown): KnowledgeInUse | null {
  const r = knowledgeInUseSchema.safeParse(raw);
  return r.success ? r.data : null;
}
