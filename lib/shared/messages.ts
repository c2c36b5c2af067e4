/**
 * Every message between the extension's contexts, typed and validated in one place.
 *
 * A message's `type` names its sender and intent: `content/*` comes from the content script of a page,
 * `popup/*` from an extension page (popup, options, the look-up tab), `background/*` from the background.
 * Receivers validate with the zod schemas below before acting; anything malformed or oversized is
 * dropped. See docs/adr/0004-messaging.md for why this is a small wrapper over `runtime`/`tabs`
 * messaging rather than a library.
 *
 * Imported by the annotator content script: only `zod/mini`, and only small schemas, built on first use
 * (`buildSchemas` below) so that importing this module does no work. The always-injected gate script does
 * not import this module at all: its one message is described and hand-checked in `lib/shared/gate-protocol.ts`.
 */
import * as z from 'zod/mini';
import type { Analysis } from './contract';
import type { GatePassedAnswer } from './gate-protocol';
import { ENTITY_TYPES } from './contract';

import { MAX_ENTITIES, MAX_ID_CHARS, MAX_MENTIONS, MAX_QUERY_CHARS, MAX_SHORT_CHARS, MAX_TEXT_CHARS } from './limits';

/** Builds a value on first use and keeps it: importing this module does no work. */
function once<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

/** Field types shared by the schemas. */
const primitives = /* @__PURE__ */ once(() => {
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

// ---------------------------------------------------------------------------------------------------
// Content script -> background

const analysisInput = /* @__PURE__ */ once(() => {
  const { shortString } = primitives();
  const analysisInput = z.object({
    text: z.string().check(z.maxLength(MAX_TEXT_CHARS)),
    title: z.optional(z.nullable(shortString)),
    url: z.optional(z.nullable(shortString)),
    siteName: z.optional(z.nullable(shortString)),
    publishedAt: z.optional(z.nullable(shortString)),
    pageType: z.optional(z.nullable(shortString)),
    structure: z.optional(
      z.object({
        paragraphs: z.optional(z.number()),
        linkDensity: z.optional(z.number()),
        readabilityOk: z.optional(z.boolean()),
      }),
    ),
  });
  return analysisInput;
});

const buildContentToBackground = /* @__PURE__ */ once(() => {
  const { id } = primitives();
  /** The page passed the cheap gate and was read; `readingId` is echoed in the answer so stale plans are dropped. */
  const pageRead = z.object({ type: z.literal('content/page-read'), readingId: z.int(), input: analysisInput() });
  /** Card data for one entity (KB facts only: never another tab's data). */
  const getEntity = z.object({ type: z.literal('content/get-entity'), id });
  /**
   * "Not this?": mute an entity on the sender's own site (the site is taken from the sender, not the message), or
   * with `scope: 'everywhere'` on every site ("Never mark this").
   */
  const muteEntity = z.object({ type: z.literal('content/mute-entity'), id, scope: z.optional(z.enum(['site', 'everywhere'])) });

  /**
   * From the always-injected gate script (see lib/shared/gate-protocol.ts, which builds and documents it without
   * zod): the page passed the cheap gate; the background injects the annotator into the sender's frame.
   */
  const gatePassed = z.object({ type: z.literal('content/gate-passed') });

  const contentToBackgroundSchema = z.discriminatedUnion('type', [gatePassed, pageRead, getEntity, muteEntity]);
  return contentToBackgroundSchema;
});

// ---------------------------------------------------------------------------------------------------
// Extension pages (popup, options, look-up tab) -> background

const buildPopupToBackground = /* @__PURE__ */ once(() => {
  const { id, tabId } = primitives();
  const getTabAnalysis = z.object({ type: z.literal('popup/get-tab-analysis'), tabId });
  const lookup = z.object({
    type: z.literal('popup/lookup'),
    query: z.string().check(z.maxLength(MAX_QUERY_CHARS)),
    limit: z.optional(z.int().check(z.gte(1), z.lte(50))),
  });
  const popupGetEntity = z.object({ type: z.literal('popup/get-entity'), id });
  /** Show or hide annotations in one tab; `on` omitted = flip. */
  const toggleAnnotations = z.object({ type: z.literal('popup/toggle-annotations'), tabId, on: z.optional(z.boolean()) });
  /**
   * Click mode: the reader opened the popup on this tab (the toolbar click grants activeTab): read and annotate it now.
   * Answer `{ ok: false }` when the annotator could not be put into the tab (then the tab's state is 'unavailable'),
   * or annotations are off for it.
   */
  const annotateTab = z.object({ type: z.literal('popup/annotate-tab'), tabId });
  /**
   * "Analyse this page anyway": the page was read but not taken as an article or as crypto security; the
   * reader asks for it to be analysed and marked all the same (this page only: a new page in the tab is
   * judged again). Answer `{ ok: false }` when there is nothing the background can read again.
   */
  const analyseAnyway = z.object({ type: z.literal('popup/analyse-anyway'), tabId });

  const popupToBackgroundSchema = z.discriminatedUnion('type', [getTabAnalysis, lookup, popupGetEntity, toggleAnnotations, annotateTab, analyseAnyway]);
  return popupToBackgroundSchema;
});

// ---------------------------------------------------------------------------------------------------
// Background / popup -> content script

const buildHighlightEntity = /* @__PURE__ */ once(() => {
  const { id, shortString, offset, entityType } = primitives();
  const highlightEntity = z.object({
    id,
    name: shortString,
    type: entityType,
    why: z.optional(shortString),
    mentions: z.array(z.object({ start: offset, end: offset, text: shortString })).check(z.maxLength(MAX_MENTIONS)),
  });
  return highlightEntity;
});

const buildHighlightPlan = /* @__PURE__ */ once(() => {
  /** What the content script paints: already filtered by the user's settings in the background. */
  const highlightPlanSchema = z.object({
    readingId: z.int(),
    /** false: annotations are hidden in this tab (toggled off by the reader) */
    show: z.boolean(),
    entities: z.array(buildHighlightEntity()).check(z.maxLength(MAX_ENTITIES)),
    /** 'first': mark the first mention of each entity that can be marked; 'all': every mention */
    density: z.enum(['first', 'all']),
    theme: z.enum(['system', 'light', 'dark']),
    cardDelayMs: z.int().check(z.gte(0), z.lte(10_000)),
  });
  return highlightPlanSchema;
});

const buildToContent = /* @__PURE__ */ once(() => {
  const { id } = primitives();
  /** Pushed when settings or the tab's toggle change after the first answer. */
  const analysisReady = z.object({ type: z.literal('background/analysis-ready'), plan: buildHighlightPlan() });
  /** Keyboard command or popup: show or hide this tab's annotations. */
  const toggle = z.object({ type: z.literal('background/toggle'), show: z.boolean() });
  /** The popup asks what the content script saw when the background has no record (gate failed, nothing sent). */
  const getStatus = z.object({ type: z.literal('background/get-status') });
  /** The background lost what it knew about the tab (worker restarted without session storage, a navigation event): read again. */
  const reread = z.object({ type: z.literal('background/reread') });
  /** Popup: scroll to an entity's first mark and open its card. Sent straight to the tab. */
  const scrollToEntity = z.object({ type: z.literal('popup/scroll-to-entity'), id });

  const toContentSchema = z.discriminatedUnion('type', [analysisReady, toggle, getStatus, reread, scrollToEntity]);
  return toContentSchema;
});

const buildContentStatus = /* @__PURE__ */ once(() => {
  const { shortString } = primitives();
  /** The content script's answer to `background/get-status`. */
  const contentStatusSchema = z.object({
    /** the page address without its #fragment */
    url: shortString,
    readingId: z.int(),
    /** the gate passed but nothing was sent: no readable text */
    skipped: z.optional(z.literal('no-text')),
    gate: z.object({ pass: z.boolean(), hits: z.array(shortString).check(z.maxLength(10)) }),
    marks: z.int(),
  });
  return contentStatusSchema;
});

// ---------------------------------------------------------------------------------------------------
// Card data: the KB facts a hover card shows (a KbEntity is assignable to this)

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

const buildPageReadAnswer = /* @__PURE__ */ once(() =>
  z.union([
    z.object({ ok: z.literal(true), plan: buildHighlightPlan() }),
    z.object({ ok: z.literal(false), reason: z.enum(['disabled', 'not-detected', 'error', 'stale']) }),
  ]),
);

// ---------------------------------------------------------------------------------------------------
// Background -> extension pages: the tab's state (TabAnalysisState below)

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
    cryptoSecurity: z.looseObject({ detected: z.boolean(), score: z.number(), reasons: list(shortString) }),
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
    disclaimers: list(z.looseObject({ kind: shortString, text: z.string().check(z.maxLength(MAX_SHORT_CHARS * 4)) })),
    related: list(
      z.looseObject({
        title: shortString,
        url: shortString,
        why: shortString,
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
  const reasons = list(shortString, 50);
  return z.discriminatedUnion('state', [
    z.looseObject({ state: z.literal('unavailable') }),
    z.looseObject({ state: z.literal('disabled'), reason: z.enum(['off', 'site-off']) }),
    z.looseObject({ state: z.literal('analysing') }),
    z.looseObject({ state: z.literal('click-to-annotate') }),
    z.looseObject({ state: z.literal('not-article'), reasons, analysis: z.optional(analysis) }),
    z.looseObject({ state: z.literal('not-crypto-security'), reasons, analysis: z.optional(analysis) }),
    z.looseObject({ state: z.literal('results'), analysis, annotationsShown: z.boolean(), asked: z.optional(z.literal(true)) }),
  ]);
});

/**
 * The background's answer to `popup/get-tab-analysis`, or the results it keeps in `storage.session`,
 * checked before the popup shows them: undefined when it is not a state the popup knows.
 */
export function parseTabAnalysisState(raw: unknown): TabAnalysisState | undefined {
  const r = buildTabAnalysisState().safeParse(raw);
  return r.success ? (r.data as unknown as TabAnalysisState) : undefined;
}

export type AnalysisInputMessage = z.infer<ReturnType<typeof analysisInput>>;
export type ContentToBackground = z.infer<ReturnType<typeof buildContentToBackground>>;
export type PopupToBackground = z.infer<ReturnType<typeof buildPopupToBackground>>;
export type HighlightEntity = z.infer<ReturnType<typeof buildHighlightEntity>>;
export type HighlightPlan = z.infer<ReturnType<typeof buildHighlightPlan>>;
export type ToContent = z.infer<ReturnType<typeof buildToContent>>;
export type ContentStatus = z.infer<ReturnType<typeof buildContentStatus>>;
export type CardEntity = z.infer<ReturnType<typeof buildCardEntity>>;

/** A validator whose schema is built on its first `safeParse` (and only if some code parses with it). */
function lazy<T>(build: () => SafeParser<T>): SafeParser<T> {
  return { safeParse: (data) => build().safeParse(data) };
}

export const contentToBackgroundSchema = /* @__PURE__ */ lazy<ContentToBackground>(buildContentToBackground);
export const popupToBackgroundSchema = /* @__PURE__ */ lazy<PopupToBackground>(buildPopupToBackground);
/** What the content script paints: already filtered by the user's settings in the background. */
export const highlightPlanSchema = /* @__PURE__ */ lazy<HighlightPlan>(buildHighlightPlan);
export const toContentSchema = /* @__PURE__ */ lazy<ToContent>(buildToContent);
/** The content script's answer to `background/get-status`. */
export const contentStatusSchema = /* @__PURE__ */ lazy<ContentStatus>(buildContentStatus);
export const cardEntitySchema = /* @__PURE__ */ lazy<CardEntity>(buildCardEntity);
export const pageReadAnswerSchema = /* @__PURE__ */ lazy<PageReadAnswer>(buildPageReadAnswer);

// ---------------------------------------------------------------------------------------------------
// Answers

/** What the popup shows for a tab. */
export type TabAnalysisState =
  | { state: 'unavailable' } // no content script: browser pages, stores, PDFs, file://
  | { state: 'disabled'; reason: 'off' | 'site-off' }
  | { state: 'analysing' }
  // mode 'click': nothing was read or analysed on this page; the popup asks for it (`popup/annotate-tab`)
  | { state: 'click-to-annotate' }
  | { state: 'not-article'; reasons: string[]; analysis?: Analysis }
  | { state: 'not-crypto-security'; reasons: string[]; analysis?: Analysis }
  // `asked`: the page was not taken as a crypto-security article, and the reader asked for it to be analysed anyway
  | { state: 'results'; analysis: Analysis; annotationsShown: boolean; asked?: true };

export interface LookupResult {
  entity: CardEntity;
  /** 0 = best */
  score: number;
  matched: string;
  exact: boolean;
}

/** The background's answer to `content/page-read`: a plan to paint, or why there is none. */
export type PageReadAnswer =
  | { ok: true; plan: HighlightPlan }
  | { ok: false; reason: 'disabled' | 'not-detected' | 'error' | 'stale' };


export type { GatePassedAnswer } from './gate-protocol';

export interface Answers {
  'content/gate-passed': GatePassedAnswer;
  'content/page-read': PageReadAnswer;
  'content/get-entity': CardEntity | null;
  'content/mute-entity': { ok: boolean };
  'popup/get-tab-analysis': TabAnalysisState;
  'popup/lookup': LookupResult[];
  'popup/get-entity': CardEntity | null;
  'popup/toggle-annotations': { ok: boolean; show: boolean };
  'popup/annotate-tab': { ok: boolean };
  'popup/analyse-anyway': { ok: boolean };
  'background/analysis-ready': { ok: boolean };
  'background/toggle': { ok: boolean };
  'background/get-status': ContentStatus;
  'background/reread': { ok: boolean };
  'popup/scroll-to-entity': { ok: boolean };
}

// ---------------------------------------------------------------------------------------------------
// Validation helpers

interface SafeParser<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false };
}

/** Parse or return undefined: a receiver never throws on a bad message, it ignores it. */
export function parseMessage<T>(schema: SafeParser<T>, raw: unknown): T | undefined {
  const r = schema.safeParse(raw);
  return r.success ? r.data : undefined;
}

/** Minimal view of `runtime.MessageSender` (the parts the checks use). */
export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/** True when the sender is one of our own extension pages (popup, options, a tab showing popup.html). */
export function isExtensionPage(sender: SenderLike, extensionId: string, extensionOrigin: string): boolean {
  return sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

/** True when the sender is our content script in the top frame of a web page. */
export function isTopFrameContentScript(sender: SenderLike, extensionId: string, extensionOrigin: string): boolean {
  return (
    sender.id === extensionId &&
    typeof sender.tab?.id === 'number' &&
    sender.tab.id >= 0 &&
    (sender.frameId ?? 0) === 0 &&
    typeof sender.url === 'string' &&
    /^https?:/i.test(sender.url) &&
    !sender.url.startsWith(extensionOrigin)
  );
}
