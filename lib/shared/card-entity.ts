/** Card data: the knowledge-base facts a hover card shows (a KbEntity is assignable to this), validated. */
import * as z from 'zod/mini';
import { lazy, once, primitives } from './schema-kit';

const buildCardEntity = /* @__PURE__ */ once(() => {
  const { id, shortString, entityType } = primitives();
  const source = z.object({ title: shortString, publisher: z.optional(shortString), url: shortString, date: z.optional(shortString) });
  const attributionLevel = z.enum(['official', 'vendor', 'press']);

  const cardEntitySchema = z.object({
    id,
    name: shortString,
    type: entityType,
    aliases: z.array(z.object({ name: shortString, usedBy: z.optional(z.array(shortString)) })).check(z.maxLength(200)),
    description: z.string().check(z.maxLength(5_000)),
    country: z.optional(shortString),
    relations: z
      .array(
        z.object({
          type: shortString,
          target: id,
          /** resolved by the background: the target's display name */
          targetName: z.optional(shortString),
          by: z.optional(shortString),
          level: z.optional(attributionLevel),
          source,
        }),
      )
      .check(z.maxLength(200)),
    sanctions: z
      .array(
        z.object({
          authority: shortString,
          programme: shortString,
          date: shortString,
          delisted: z.optional(shortString),
          note: z.optional(shortString),
          source,
        }),
      )
      .check(z.maxLength(100)),
    sources: z.array(source).check(z.maxLength(100)),
    incident: z.optional(
      z.object({
        date: shortString,
        victimName: shortString,
        amountUsd: z.nullable(z.number()),
        technique: z.optional(shortString),
      }),
    ),
    /** resolved by the background: incidents in the KB attributed to this entity, newest first */
    incidents: z.optional(
      z
        .array(z.object({ id, name: shortString, date: shortString, amountUsd: z.nullable(z.number()) }))
        .check(z.maxLength(20)),
    ),
    tags: z.optional(z.array(shortString)),
    firstSeen: z.optional(shortString),
    /** addresses (issue 18): what the card shows of a crypto address, resolved by the background */
    address: z.optional(
      z.object({
        address: shortString,
        chain: shortString,
        valid: z.boolean(),
        listed: z.boolean(),
        asOf: z.nullable(shortString),
        designated: z.optional(shortString),
        programme: z.optional(shortString),
        date: z.optional(shortString),
        source: z.optional(source),
        /** the chain's block explorer page for this address (a template of the knowledge base, filled in) */
        explorerUrl: z.optional(shortString),
      }),
    ),
  });
  return cardEntitySchema;
});

export type CardEntity = z.infer<ReturnType<typeof buildCardEntity>>;
export const cardEntitySchema = /* @__PURE__ */ lazy<CardEntity>(buildCardEntity);
