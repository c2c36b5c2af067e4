/**
 * zod schema of the knowledge base: source files (curated and derived) and the compiled file.
 * The inferred types must stay assignable to the interfaces in ./types (checked at compile time
 * at the bottom of this file), so the engine can code against ./types alone.
 */
import { z } from 'zod';
import { ENTITY_TYPES } from '../shared/contract';
import type { CompiledKb, KbAddress, KbAlias, KbEntity, KbIncident, KbLinks, KbRelation, KbSanction, KbSource } from './types';

/** Longest description we accept: a hover card shows it whole. */
export const MAX_DESCRIPTION_CHARS = 400;

export const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** YYYY, YYYY-MM or YYYY-MM-DD with plausible month and day. */
export const ISO_ISH_DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

export const isoDate = z.string().regex(ISO_ISH_DATE, 'date must be YYYY, YYYY-MM or YYYY-MM-DD');
export const httpsUrl = z.url({ protocol: /^https$/, message: 'source URL must be https' });

export const kbSourceSchema = z.strictObject({
  title: z.string().min(1),
  publisher: z.string().min(1),
  url: httpsUrl,
  date: isoDate.optional(),
});

export const kbAliasSchema = z.strictObject({
  name: z.string().min(1).max(120),
  usedBy: z.array(z.string().min(1)).optional(),
  ambiguous: z.boolean().optional(),
});

export const attributionLevelSchema = z.enum(['official', 'vendor', 'press']);

export const RELATION_TYPES = [
  'alias-of',
  'part-of',
  'attributed-to',
  'operated-by',
  'successor-of',
  'affiliated-with',
  'uses',
  'victim-of',
] as const;

export const kbRelationSchema = z.strictObject({
  type: z.enum(RELATION_TYPES),
  target: z.string().regex(KEBAB_ID),
  by: z.string().min(1).optional(),
  level: attributionLevelSchema.optional(),
  source: kbSourceSchema,
});

export const kbSanctionSchema = z.strictObject({
  authority: z.string().min(1),
  programme: z.string().min(1),
  date: isoDate,
  delisted: isoDate.optional(),
  note: z.string().max(MAX_DESCRIPTION_CHARS).optional(),
  source: kbSourceSchema,
});

/** Placeholders of explorer URL templates: exactly one per template. */
export const EXPLORER_PLACEHOLDERS = { explorerAddress: '{address}', explorerTx: '{tx}' } as const;

/** A template with exactly one `placeholder`, https, and a valid URL once filled in. */
function urlTemplate(placeholder: string) {
  return z
    .string()
    .refine((t) => t.split(placeholder).length === 2 && !/[{}]/.test(t.replace(placeholder, '')), {
      message: `template must contain ${placeholder} exactly once and no other braces`,
    })
    .refine((t) => httpsUrl.safeParse(t.replace(placeholder, 'x')).success, { message: 'template must be an https URL' });
}

export const kbLinksSchema = z.strictObject({
  website: httpsUrl.optional(),
  explorer: httpsUrl.optional(),
  explorerAddress: urlTemplate(EXPLORER_PLACEHOLDERS.explorerAddress).optional(),
  explorerTx: urlTemplate(EXPLORER_PLACEHOLDERS.explorerTx).optional(),
});

const usd = z.number().finite().nonnegative();

export const kbIncidentSchema = z.strictObject({
  date: isoDate,
  victim: z.string().min(1),
  victimName: z.string().min(1),
  amountUsd: usd.nullable(),
  amountOriginal: z.array(z.strictObject({ value: z.number().finite().nonnegative(), unit: z.string().min(1) })).optional(),
  chains: z.array(z.string().min(1)).optional(),
  technique: z.string().min(1).max(200).optional(),
  fundsRecovered: usd.nullable().optional(),
});

export const kbEntitySchema = z.strictObject({
  id: z.string().regex(KEBAB_ID, 'id must be kebab-case'),
  name: z.string().min(1).max(160),
  type: z.enum(ENTITY_TYPES),
  aliases: z.array(kbAliasSchema),
  description: z.string().min(1).max(MAX_DESCRIPTION_CHARS),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'country must be ISO 3166 alpha-2')
    .optional(),
  relations: z.array(kbRelationSchema),
  sanctions: z.array(kbSanctionSchema),
  sources: z.array(kbSourceSchema).min(1, 'every entry needs at least one source'),
  ambiguous: z.strictObject({ context: z.array(z.string().min(1)).min(1), note: z.string().optional() }).optional(),
  incident: kbIncidentSchema.optional(),
  origin: z.string().min(1).optional(),
  tags: z.array(z.string().min(1)).optional(),
  firstSeen: isoDate.optional(),
  links: kbLinksSchema.optional(),
});

export const kbAddressSchema = z.strictObject({
  address: z.string().min(10).max(128),
  chain: z.string().regex(/^[A-Z0-9]{2,6}$/),
  asOf: isoDate,
  entity: z.string().min(1).optional(),
  assets: z.array(z.string().regex(/^[A-Z0-9]{2,6}$/)).optional(),
  source: kbSourceSchema,
  entitySource: kbSourceSchema.optional(),
});

/** A source file: curated and derived entity files are arrays of entries. */
export const kbEntityFileSchema = z.array(kbEntitySchema);
export const kbAddressFileSchema = z.array(kbAddressSchema);

export const compiledKbSchema = z.strictObject({
  version: z.string().min(1),
  asOf: isoDate,
  addressesAsOf: isoDate.optional(),
  entities: z.array(kbEntitySchema),
  addresses: z.array(kbAddressSchema),
});

// ---- compile-time check: the schema's types are assignable to the interfaces in ./types ----
type Assignable<T extends U, U> = T;
export type SchemaMatchesTypes = [
  Assignable<z.infer<typeof kbSourceSchema>, KbSource>,
  Assignable<z.infer<typeof kbAliasSchema>, KbAlias>,
  Assignable<z.infer<typeof kbRelationSchema>, KbRelation>,
  Assignable<z.infer<typeof kbSanctionSchema>, KbSanction>,
  Assignable<z.infer<typeof kbIncidentSchema>, KbIncident>,
  Assignable<z.infer<typeof kbLinksSchema>, KbLinks>,
  Assignable<z.infer<typeof kbEntitySchema>, KbEntity>,
  Assignable<z.infer<typeof kbAddressSchema>, KbAddress>,
  Assignable<z.infer<typeof compiledKbSchema>, CompiledKb>,
];
// and the other way round for the entity, so a field added to types.ts is not forgotten here
export type TypesMatchSchema = [
  Assignable<KbEntity, z.infer<typeof kbEntitySchema>>,
  Assignable<KbAddress, z.infer<typeof kbAddressSchema>>,
  Assignable<CompiledKb, z.infer<typeof compiledKbSchema>>,
];
