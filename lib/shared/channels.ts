/**
 * The typed senders: one function per message, for each direction (content script, extension pages,
 * background). Receivers validate with the schemas in ./messages.ts.
 */
import { browser } from 'wxt/browser';
import { GATE_SLOT_KEY } from './gate-protocol';
import { MAX_QUERY_CHARS } from './limits';
import {
  cardEntitySchema,
  contentStatusSchema,
  pageReadAnswerSchema,
  parseMessage,
  parseTabAnalysisState,
  type AnalysisInputMessage,
  type Answers,
  type CardEntity,
  type ContentStatus,
  type ContentToBackground,
  type HighlightPlan,
  type LookupResult,
  type PageReadAnswer,
  type PopupToBackground,
  type TabAnalysisState,
  type ToContent,
} from './messages';

type Msg<T extends keyof Answers> = Extract<ContentToBackground | PopupToBackground | ToContent, { type: T }>;

async function toBackground<T extends keyof Answers>(msg: Msg<T>): Promise<Answers[T]> {
  return (await browser.runtime.sendMessage(msg)) as Answers[T];
}

async function toTab<T extends keyof Answers>(tab: number, msg: Msg<T>): Promise<Answers[T] | undefined> {
  try {
    return (await browser.tabs.sendMessage(tab, msg, { frameId: 0 })) as Answers[T];
  } catch {
    return undefined; // no content script in that tab (browser page, store, not loaded yet)
  }
}

/** For the content script. */
export const contentApi = {
  async pageRead(readingId: number, input: AnalysisInputMessage): Promise<PageReadAnswer | undefined> {
    return parseMessage(pageReadAnswerSchema, await toBackground({ type: 'content/page-read', readingId, input }));
  },
  async getEntity(entityId: string): Promise<CardEntity | undefined> {
    return parseMessage(cardEntitySchema, await toBackground({ type: 'content/get-entity', id: entityId }));
  },
  /**
   * "Don't mark on this site": the background's answer, checked. `{ ok: false, message }` when the browser's
   * storage refused the save (`message`: why, in words, from `storageErrorMessage`); rejects when the
   * background could not be reached. `scope: 'everywhere'`: "Never mark this" (every site).
   */
  async muteEntity(entityId: string, scope: 'site' | 'everywhere' = 'site'): Promise<{ ok: boolean; message?: string }> {
    const answer = (await toBackground({ type: 'content/mute-entity', id: entityId, ...(scope === 'everywhere' ? { scope } : {}) })) as unknown;
    if (!answer || typeof answer !== 'object' || (answer as { ok?: unknown }).ok !== false) return { ok: true };
    const message = (answer as { message?: unknown }).message;
    return { ok: false, ...(typeof message === 'string' && message ? { message: message.slice(0, 400) } : {}) };
  },
};

/** For the popup, options and look-up pages. */
export const popupApi = {
  /** The tab's state, checked (`parseTabAnalysisState`): an answer that is not one counts as 'unavailable'. */
  getTabAnalysis: async (tab: number): Promise<TabAnalysisState> =>
    parseTabAnalysisState(await toBackground({ type: 'popup/get-tab-analysis', tabId: tab })) ?? { state: 'unavailable' },
  lookup: (query: string, limit?: number): Promise<LookupResult[]> =>
    toBackground({ type: 'popup/lookup', query: query.slice(0, MAX_QUERY_CHARS), ...(limit ? { limit } : {}) }),
  getEntity: (entityId: string): Promise<CardEntity | null> => toBackground({ type: 'popup/get-entity', id: entityId }),
  toggleAnnotations: (tab: number, on?: boolean): Promise<{ ok: boolean; show: boolean }> =>
    toBackground({ type: 'popup/toggle-annotations', tabId: tab, ...(on === undefined ? {} : { on }) }),
  /** Click mode: read and annotate this tab now (the popup was opened on it). */
  annotateTab: (tab: number): Promise<{ ok: boolean }> => toBackground({ type: 'popup/annotate-tab', tabId: tab }),
  /** "Analyse this page anyway": analyse and mark a page that was not taken as a crypto-security article. */
  analyseAnyway: (tab: number): Promise<{ ok: boolean }> => toBackground({ type: 'popup/analyse-anyway', tabId: tab }),
  /** Scrolls the tab to the entity's first mark and opens its card. false: nothing marked for it. */
  async scrollToEntity(tab: number, entityId: string): Promise<boolean> {
    return (await toTab(tab, { type: 'popup/scroll-to-entity', id: entityId }))?.ok === true;
  },
};

/** For the background. */
export const backgroundApi = {
  sendPlan: (tab: number, plan: HighlightPlan) => toTab(tab, { type: 'background/analysis-ready', plan }),
  sendToggle: (tab: number, show: boolean) => toTab(tab, { type: 'background/toggle', show }),
  /** Asks the page to read itself again: the annotator if it runs there, else the gate script (a re-check). */
  async reread(tab: number): Promise<{ ok: boolean } | undefined> {
    const answer = await toTab(tab, { type: 'background/reread' });
    if (answer !== undefined) return answer;
    return (await inGateScript(tab, 'recheck')) === true ? { ok: true } : undefined;
  },
  /**
   * "Analyse this page anyway": asks the annotator to read the page whatever the quick gate says. Undefined when
   * no annotator runs in the tab (the gate script alone cannot read a page).
   */
  readAnyway: (tab: number) => toTab(tab, { type: 'background/reread', asked: true }),
  /** The page's status: from the annotator if it runs there, else from the gate script's slot. */
  async getStatus(tab: number): Promise<ContentStatus | undefined> {
    const answer = await toTab(tab, { type: 'background/get-status' });
    return parseMessage(contentStatusSchema, answer !== undefined ? answer : await inGateScript(tab, 'status'));
  },
};

/**
 * Calls the gate script's slot (lib/shared/gate-protocol.ts) in the top frame of a tab: `scripting.executeScript`
 * runs the function in the content scripts' world, where the slot is. The function is sent as source, so it
 * uses nothing from outside it; what it returns is validated by the caller. Undefined: no gate script
 * there (a browser page, no access, the annotator took over, or an older copy of the extension).
 */
async function inGateScript(tab: number, call: 'status' | 'recheck'): Promise<unknown> {
  try {
    const [frame] = await browser.scripting.executeScript({
      target: { tabId: tab, frameIds: [0] },
      args: [GATE_SLOT_KEY, call],
      func: (key: string, what: string) => {
        const slot = (globalThis as unknown as Record<symbol, { status?: () => unknown; recheck?: () => void } | undefined>)[Symbol.for(key)];
        if (!slot?.status || !slot.recheck) return null;
        if (what === 'status') return slot.status();
        slot.recheck();
        return true;
      },
    });
    return frame?.result ?? undefined;
  } catch {
    return undefined;
  }
}
