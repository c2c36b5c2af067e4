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
 * (./schema-kit.ts) so that importing this module does no work. The always-injected gate script does
 * not import this module at all: its one message is described and hand-checked in `lib/shared/gate-protocol.ts`.
 */
import * as z from 'zod/mini';
import type { CardEntity } from './card-entity';
import type { GatePassedAnswer } from './gate-protocol';
import { MAX_ENTITIES, MAX_MENTIONS, MAX_QUERY_CHARS, MAX_TEXT_CHARS } from './limits';
import { lazy, once, primitives } from './schema-kit';
import type { TabAnalysisState } from './tab-state';

// The parts kept in files of their own, still importable from here.
export { cardEntitySchema, type CardEntity } from './card-entity';
export { parseMessage } from './schema-kit';
export { isExtensionPage, isTopFrameContentScript, type SenderLike } from './senders';
export { parseTabAnalysisState, type TabAnalysisState } from './tab-state';

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
   * "Analyse this page anyway": the page was not taken as an article or as crypto security, by the quick gate
   * or after it was read; the reader asks for it to be analysed and marked all the same (this page only: a new
   * page in the tab is judged again). Answer `{ ok: false }` when the page cannot be read.
   */
  const analyseAnyway = z.object({ type: z.literal('popup/analyse-anyway'), tabId });

  const popupToBackgroundSchema = z.discriminatedUnion('type', [getTabAnalysis, lookup, popupGetEntity, toggleAnnotations, annotateTab, analyseAnyway]);
  return popupToBackgroundSchema;
});

// ---------------------------------------------------------------------------------------------------
// Background / popup -> content script

/** The longest article description a plan carries (the engine keeps them to 100 characters and an ellipsis). */
export const MAX_ARTICLE_DESCRIPTION_CHARS = 160;

const buildHighlightEntity = /* @__PURE__ */ once(() => {
  const { id, shortString, offset, entityType } = primitives();
  const highlightEntity = z.object({
    id,
    name: shortString,
    type: entityType,
    why: z.optional(shortString),
    /** a name the knowledge base lacks: what the article says it is (the card labels it "From this article") */
    articleDescription: z.optional(z.string().check(z.minLength(1), z.maxLength(MAX_ARTICLE_DESCRIPTION_CHARS))),
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
  /**
   * The background lost what it knew about the tab (worker restarted without session storage, a navigation event):
   * read again. `asked`: the reader asked for this page to be analysed anyway ("Analyse this page anyway"): read
   * it whatever the quick gate says, as long as the page stays at this address.
   */
  const reread = z.object({ type: z.literal('background/reread'), asked: z.optional(z.literal(true)) });
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

const buildPageReadAnswer = /* @__PURE__ */ once(() =>
  z.union([
    z.object({ ok: z.literal(true), plan: buildHighlightPlan() }),
    z.object({ ok: z.literal(false), reason: z.enum(['disabled', 'not-detected', 'error', 'stale']) }),
  ]),
);

export type AnalysisInputMessage = z.infer<ReturnType<typeof analysisInput>>;
export type ContentToBackground = z.infer<ReturnType<typeof buildContentToBackground>>;
export type PopupToBackground = z.infer<ReturnType<typeof buildPopupToBackground>>;
export type HighlightEntity = z.infer<ReturnType<typeof buildHighlightEntity>>;
export type HighlightPlan = z.infer<ReturnType<typeof buildHighlightPlan>>;
export type ToContent = z.infer<ReturnType<typeof buildToContent>>;
export type ContentStatus = z.infer<ReturnType<typeof buildContentStatus>>;

export const contentToBackgroundSchema = /* @__PURE__ */ lazy<ContentToBackground>(buildContentToBackground);
export const popupToBackgroundSchema = /* @__PURE__ */ lazy<PopupToBackground>(buildPopupToBackground);
/** What the content script paints: already filtered by the user's settings in the background. */
export const highlightPlanSchema = /* @__PURE__ */ lazy<HighlightPlan>(buildHighlightPlan);
export const toContentSchema = /* @__PURE__ */ lazy<ToContent>(buildToContent);
/** The content script's answer to `background/get-status`. */
export const contentStatusSchema = /* @__PURE__ */ lazy<ContentStatus>(buildContentStatus);
export const pageReadAnswerSchema = /* @__PURE__ */ lazy<PageReadAnswer>(buildPageReadAnswer);

// ---------------------------------------------------------------------------------------------------
// Answers

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
