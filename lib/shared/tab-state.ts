/**
 * The states of a tab, as the popup shows them: declared once, in TAB_STATES, with what each state carries
 * (TabStateFields). The background answers `popup/get-tab-analysis` with one of them (lib/background/tab-state.ts);
 * the popup checks the answer, or the one the background keeps in `storage.session`, with
 * `parseTabAnalysisState` and draws it.
 */
import * as z from 'zod/mini';
import type { Analysis } from './contract';
import { MAX_ENTITIES, MAX_MENTIONS, MAX_SHORT_CHARS } from './limits';
import { disclaimerSchema, relatedReasonSchema } from './analysis-words';
import { MAX_REASON_PARAMS, detectNoteSchema, reasonSchema, type Reason } from './reasons';
import { once, primitives } from './schema-kit';

/** Every state of a tab, and what it means. */
export const TAB_STATES = {
  unavailable: 'no script of ours can read the page (browser pages, stores, PDFs, file://), or the annotator could not be put in',
  disabled: 'annotations are off, everywhere or on this site',
  analysing: 'the page is being read and analysed',
  'click-to-annotate': "mode 'click': nothing was read or analysed on this page; the popup asks for it (`popup/annotate-tab`)",
  'not-article': 'the page was not taken as an article',
  'not-crypto-security': 'the page was not taken as crypto security, by the quick gate or after analysis',
  results: 'analysed and marked',
} as const;

type TabStateName = keyof typeof TAB_STATES;

/** What each state carries besides its name. */
interface TabStateFields {
  unavailable: unknown;
  disabled: { reason: 'off' | 'site-off' };
  analysing: unknown;
  'click-to-annotate': unknown;
  /** `reasons`: codes and parameters, worded by the popup (lib/shared/reasons.ts) */
  'not-article': { reasons: Reason[]; analysis?: Analysis };
  /**
   * `gateFailed`: the quick check of the title and first paragraphs said no, so the page was never read; the
   * reader can still have it read and analysed (`popup/analyse-anyway`).
   */
  'not-crypto-security': { reasons: Reason[]; analysis?: Analysis; gateFailed?: true };
  /** `asked`: the page was not taken as a crypto-security article, and the reader asked for it to be analysed anyway */
  results: { analysis: Analysis; annotationsShown: boolean; asked?: true };
}

/** What the popup shows for a tab: one of TAB_STATES with its fields. */
export type TabAnalysisState = { [K in TabStateName]: { state: K } & TabStateFields[K] }[TabStateName];

const buildTabAnalysisState = /* @__PURE__ */ once(() => {
  const { id, shortString, entityType } = primitives();
  const level = z.enum(['official', 'vendor', 'press']);
  const amount = z.looseObject({ text: shortString, value: z.number(), currency: z.string().check(z.maxLength(20)), usd: z.nullable(z.number()) });
  const list = <T extends z.core.SomeType>(item: T, max = MAX_ENTITIES) => z.array(item).check(z.maxLength(max));
  /**
   * The fields of an analysis the popup reads, checked with their types and bounds; fields it does not read
   * are kept as they are (loose objects), so that the check does not have to follow every extra field.
   */
  const analysis = z.looseObject({
    title: z.nullable(shortString),
    url: z.optional(z.nullable(shortString)),
    siteName: z.optional(z.nullable(shortString)),
    publishedAt: z.optional(z.nullable(shortString)),
    isArticle: z.boolean(),
    articleWhy: z.optional(reasonSchema()),
    cryptoSecurity: z.looseObject({
      detected: z.boolean(),
      score: z.number(),
      // the detection's notes as codes (`notes`); an analysis stored by an older version has them in words (`reasons`)
      reasons: list(shortString),
      notes: z.optional(list(detectNoteSchema(), 20)),
      notReported: z.optional(z.boolean()),
      names: z.optional(list(shortString, MAX_REASON_PARAMS)),
    }),
    entities: list(
      z.looseObject({
        id,
        name: shortString,
        type: entityType,
        mentions: list(z.looseObject({ start: z.number(), end: z.number() }), MAX_MENTIONS),
        inferred: z.boolean(),
        known: z.optional(z.boolean()),
        why: z.optional(shortString),
        via: z.optional(list(z.looseObject({ from: id, to: id, relation: shortString, by: shortString, level }))),
      }),
    ),
    amounts: list(amount),
    addresses: list(z.looseObject({})),
    summary: list(z.string().check(z.maxLength(MAX_SHORT_CHARS * 4))),
    // a kind and its parameters (plain text, bounded); an analysis stored by an older version has words (`text`)
    disclaimers: list(disclaimerSchema()),
    related: list(
      z.looseObject({
        title: shortString,
        url: shortString,
        // why it is listed: a code (`reason`), or words from an older version or a web search (`why`)
        why: z.optional(shortString),
        reason: z.optional(relatedReasonSchema()),
        date: z.optional(shortString),
        kind: z.optional(z.enum(['incident', 'source', 'search'])),
        amountUsd: z.optional(z.nullable(z.number())),
      }),
    ),
    timingsMs: z.looseObject({}),
    // a key-facts block the popup cannot read is dropped, not the answer: the popup then builds the block from
    // the amounts and names (components/popup/key-facts.ts)
    keyFacts: z.optional(
      z.catch(
        z.optional(
          z.looseObject({
            stolen: list(amount),
            actors: list(z.looseObject({ id, name: shortString, by: list(shortString), level: z.enum(['official', 'vendor', 'press', 'article']), inferred: z.boolean() })),
            victims: list(z.looseObject({ name: shortString })),
            dates: list(shortString),
          }),
        ),
        undefined,
      ),
    ),
    kb: z.optional(z.looseObject({ version: shortString, asOf: shortString })),
    cut: z.optional(z.nullable(z.looseObject({ stage: shortString }))),
  });
  const reasons = list(reasonSchema(), 50);
  const fields = {
    unavailable: {},
    disabled: { reason: z.enum(['off', 'site-off']) },
    analysing: {},
    'click-to-annotate': {},
    'not-article': { reasons, analysis: z.optional(analysis) },
    'not-crypto-security': { reasons, analysis: z.optional(analysis), gateFailed: z.optional(z.literal(true)) },
    results: { analysis, annotationsShown: z.boolean(), asked: z.optional(z.literal(true)) },
  } satisfies Record<TabStateName, Record<string, z.core.SomeType>>;
  const options = (Object.keys(TAB_STATES) as TabStateName[]).map((state) => z.looseObject({ state: z.literal(state), ...fields[state] }));
  return z.discriminatedUnion('state', options as [(typeof options)[number], ...(typeof options)[number][]]);
});

/**
 * The background's answer to `popup/get-tab-analysis`, or the results it keeps in `storage.session`,
 * checked before the popup shows them: undefined when it is not a state the popup knows.
 */
export function parseTabAnalysisState(raw: unknown): TabAnalysisState | undefined {
  const r = buildTabAnalysisState().safeParse(raw);
  return r.success ? (r.data as unknown as TabAnalysisState) : undefined;
}
