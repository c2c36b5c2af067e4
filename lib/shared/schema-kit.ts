/**
 * The small tools every message schema is built with: schemas built on first use (importing a module does
 * no work), the shared field types, and parsing that never throws.
 */
import * as z from 'zod/mini';
import { ENTITY_TYPES } from './contract';
import { MAX_ID_CHARS, MAX_SHORT_CHARS, MAX_TEXT_CHARS } from './limits';

/** Builds a value on first use and keeps it: importing a module does no work. */
export function once<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

/** Field types shared by the schemas. */
export const primitives = /* @__PURE__ */ once(() => {
  // No generated code: zod would otherwise probe `new Function` and compile parsers with it where a context
  // allows eval (Firefox content scripts). Our rule is no eval anywhere; a strict page CSP would also log
  // the probe as a violation.
  z.config({ jitless: true });
  const shortString = z.string().check(z.maxLength(MAX_SHORT_CHARS));
  const id = z.string().check(z.minLength(1), z.maxLength(MAX_ID_CHARS));
  const tabId = z.int().check(z.nonnegative());
  const offset = z.int().check(z.nonnegative(), z.lte(MAX_TEXT_CHARS));
  const entityType = z.enum(ENTITY_TYPES);
  return { shortString, id, tabId, offset, entityType };
});

/**
 * The parameters of a reason, an update failure or a disclaimer, worded where shown: at most `maxParams`
 * strings (each at most `maxChars` long) or numbers.
 */
export function wordParams(maxParams: number, maxChars: number = MAX_SHORT_CHARS) {
  return z.array(z.union([z.string().check(z.maxLength(maxChars)), z.number()])).check(z.maxLength(maxParams));
}

export interface SafeParser<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false };
}

/** A validator whose schema is built on its first `safeParse` (and only if some code parses with it). */
export function lazy<T>(build: () => SafeParser<T>): SafeParser<T> {
  return { safeParse: (data) => build().safeParse(data) };
}

/** Parse or return undefined: a receiver never throws on a bad message, it ignores it. */
export function parseMessage<T>(schema: SafeParser<T>, raw: unknown): T | undefined {
  const r = schema.safeParse(raw);
  return r.success ? r.data : undefined;
}
