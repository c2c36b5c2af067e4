/**
 * zod schema of the knowledge base: source files (curated and derived) and the compiled file.
 * The inferred types must stay assignable to the interfaces in ./types (checked at compile time
 * at the bottom of this file), so the engine can code against ./types alone.
 */
import * as z from 'zod/mini';
import { ENTITY_TYPES } from '../shared/contract';
import type { CompiledKb, KbAddress, KbAlias, KbEntity, KbIncident, KbLinks, KbRelation, KbSanction, KbSource } from './types';

// zod/mini, not full zod: the full build compiles parsers with `new Function`, which the background
// must not contain (no eval anywhere; addons-linter reports it as DANGEROUS_EVAL).
z.config({ jitless: true });

/** Longest description we accept: a hover card shows it whole. */
export const MAX_DESCRIPTION_CHARS = 400;

const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** YYYY, YYYY-MM or YYYY-MM-DD with plausible month and day. */
export const ISO_ISH_DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

const isoDate = z.string().check(z.regex(ISO_ISH_DATE, 'date must be YYYY, YYYY-MM or YYYY-MM-DD'));
const httpsUrl = z.url({ protocol: /^https$/, message: 'source URL must be https' });
const nonEmpty = () => z.string().check(z.minLength(1));
const usd = z.number().check(z.nonnegative());
const TICKER = /^[A-Z0-9]{2,6}$/;

const kbSourceSchema = z.strictObject({
  title: nonEmpty(),
  publisher: nonEmpty(),
  url: httpsUrl,
  date: z.optional(isoDate),
});

const kbAliasSchema = z.strictObject({
  name: z.string().check(z.minLength(1), z.maxLength(120)),
  usedBy: z.optional(z.array(nonEmpty())),
  ambiguous: z.optional(z.boolean()),
});

const attributionLevelSchema = z.enum(['official', 'vendor', 'press']);

const RELATION_TYPES = [
  'alias-of',
  'part-of',
  'attributed-to',
  'operated-by',
  'successor-of',
  'affiliated-with',
  'uses',
  'victim-of',
] as const;

const kbRelationSchema = z.strictObject({
  type: z.enum(RELATION_TYPES),
  target: z.string().check(z.regex(KEBAB_ID)),
  by: z.optional(nonEmpty()),
  level: z.optional(attributionLevelSchema),
  source: kbSourceSchema,
});

const kbSanctionSchema = z.strictObject({
  authority: nonEmpty(),
  programme: nonEmpty(),
  date: isoDate,
  delisted: z.optional(isoDate),
  note: z.optional(z.string().check(z.maxLength(MAX_DESCRIPTION_CHARS))),
  source: kbSourceSchema,
});

/** Placeholders of explorer URL templates: exactly one per template. */
export const EXPLORER_PLACEHOLDERS = { explorerAddress: '{address}', explorerTx: '{tx}' } as const;

/** A template with exactly one `placeholder`, https, and a valid URL once filled in. */
function urlTemplate(placeholder: string) {
  return z.string().check(
    z.refine((t) => t.split(placeholder).length === 2 && !/[{}]/.test(t.replace(placeholder, '')), {
      message: `template must contain ${placeholder} exactly once and no other braces`,
    }),
    z.refine((t) => httpsUrl.safeParse(t.replace(placeholder, 'x')).success, { message: 'template must be an https URL' }),
  );
}

export const kbLinksSchema = z.strictObject({
  website: z.optional(httpsUrl),
  explorer: z.optional(httpsUrl),
  explorerAddress: z.optional(urlTemplate(EXPLORER_PLACEHOLDERS.explorerAddress)),
  explorerTx: z.optional(urlTemplate(EXPLORER_PLACEHOLDERS.explorerTx)),
});

const kbIncidentSchema = z.strictObject({
  date: isoDate,
  victim: nonEmpty(),
  victimName: nonEmpty(),
  amountUsd: z.nullable(usd),
  amountOriginal: z.optional(z.array(z.strictObject({ value: usd, unit: nonEmpty() }))),
  chains: z.optional(z.array(nonEmpty())),
  technique: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  fundsRecovered: z.optional(z.nullable(usd)),
});

export const kbEntitySchema = z.strictObject({
  id: z.string().check(z.regex(KEBAB_ID, 'id must be kebab-case')),
  name: z.string().check(z.minLength(1), z.maxLength(160)),
  type: z.enum(ENTITY_TYPES),
  aliases: z.array(kbAliasSchema),
  description: z.string().check(z.minLength(1), z.maxLength(MAX_DESCRIPTION_CHARS)),
  country: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/, 'country must be ISO 3166 alpha-2'))),
  relations: z.array(kbRelationSchema),
  sanctions: z.array(kbSanctionSchema),
  sources: z.array(kbSourceSchema).check(z.minLength(1, 'every entry needs at least one source')),
  ambiguous: z.optional(z.strictObject({ context: z.array(nonEmpty()).check(z.minLength(1)), note: z.optional(z.string()) })),
  incident: z.optional(kbIncidentSchema),
  origin: z.optional(nonEmpty()),
  tags: z.optional(z.array(nonEmpty())),
  firstSeen: z.optional(isoDate),
  links: z.optional(kbLinksSchema),
});

const kbAddressSchema = z.strictObject({
  address: z.string().check(z.minLength(10), z.maxLength(128)),
  chain: z.string().check(z.regex(TICKER)),
  asOf: isoDate,
  entity: z.optional(nonEmpty()),
  assets: z.optional(z.array(z.string().check(z.regex(TICKER)))),
  source: kbSourceSchema,
  entitySource: z.optional(kbSourceSchema),
});

/** A source file: curated and derived entity files are arrays of entries. */
export const kbEntityFileSchema = z.array(kbEntitySchema);
export const kbAddressFileSchema = z.array(kbAddressSchema);

/** Kinds of organisation in the name finder's hints (`data/hints/organizations.json`). */
const ORG_HINT_TYPES = [
  'news-agency',
  'publisher',
  'security-firm',
  'audit-firm',
  'blockchain-analytics',
  'technology-company',
  'platform',
  'financial-company',
  'public-body',
  'non-profit',
] as const;

/** A form the name finder matches: lower case, trimmed, single spaces. */
const hintForm = z.string().check(
  z.minLength(2),
  z.refine((f) => f === f.toLowerCase() && f === f.trim() && !/\s{2,}/.test(f), { message: 'a form is lower case, trimmed, single-spaced' }),
);

/**
 * Names the engine's name finder knows as organisations (hints only: no KB entry, no mark, no card;
 * docs/adr/0012-known-names-as-kb-hints.md). Each organisation says what it is and where that is stated.
 */
export const orgHintFileSchema = z.strictObject({
  about: z.string().check(z.minLength(20)),
  organizations: z.array(
    z.strictObject({
      name: z.string().check(z.minLength(1), z.maxLength(120)),
      type: z.enum(ORG_HINT_TYPES),
      forms: z.array(hintForm).check(z.minLength(1)),
      /** the organisation's own site or its Wikipedia page: that it exists and what it is */
      source: httpsUrl,
    }),
  ).check(z.minLength(1)),
});

/** The compiled hints the engine reads (`compiled/org-hints.json`): a word list like the engine's own. */
export const orgHintsCompiledSchema = z.strictObject({
  about: z.string().check(z.minLength(20)),
  words: z.array(hintForm),
});

/**
 * Crypto units the amount finder reads after a number (`data/hints/amount-units.json`): each ticker
 * names its KB entry (`entity`), the KB entry of the project it belongs to (`project`), or, when the KB
 * has neither, its own name and source.
 */
export const unitHintFileSchema = z.strictObject({
  about: z.string().check(z.minLength(20)),
  units: z.array(
    z
      .strictObject({
        ticker: z.string().check(z.regex(TICKER)),
        entity: z.optional(z.string().check(z.regex(KEBAB_ID))),
        project: z.optional(z.string().check(z.regex(KEBAB_ID))),
        name: z.optional(nonEmpty()),
        source: z.optional(httpsUrl),
      })
      .check(
        z.refine((u) => [u.entity !== undefined, u.project !== undefined, u.name !== undefined && u.source !== undefined].filter(Boolean).length === 1 && (u.name === undefined) === (u.source === undefined), {
          message: 'a unit has exactly one of: entity, project, or name with source',
        }),
      ),
  ).check(z.minLength(1)),
});

/** The compiled units the engine reads (`compiled/amount-units.json`). */
export const unitHintsCompiledSchema = z.strictObject({
  about: z.string().check(z.minLength(20)),
  words: z.array(z.string().check(z.regex(TICKER))),
});

export const compiledKbSchema = z.strictObject({
  version: nonEmpty(),
  asOf: isoDate,
  addressesAsOf: z.optional(isoDate),
  entities: z.array(kbEntitySchema),
  addresses: z.array(kbAddressSchema),
});

// ---- compile-time check: the schema's types are assignable to the interfaces in ./types ----
type Assignable<T extends U, U> = T;
/** @public A compile-time check only: it fails to compile when the schema and ./types drift apart. */
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
/** @public A compile-time check only. */
export type TypesMatchSchema = [
  Assignable<KbEntity, z.infer<typeof kbEntitySchema>>,
  Assignable<KbAddress, z.infer<typeof kbAddressSchema>>,
  Assignable<CompiledKb, z.infer<typeof compiledKbSchema>>,
];
