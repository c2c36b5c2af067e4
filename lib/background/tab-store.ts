/**
 * What the background knows about each tab: the state of its analysis, the analysis itself and whether
 * annotations are shown. MV3 service workers are stopped after ~30 s idle, so records live in
 * `storage.session` (memory-only, cleared when the browser closes, not readable by content scripts);
 * where that area is missing, in this context's memory.
 */
import { browser } from 'wxt/browser';
import type { Analysis } from '../shared/contract';
import { popupAnswerKey, TAB_RECORD_PREFIX, tabRecordKey } from '../shared/storage-keys';

/**
 * 'unavailable': the reader asked to annotate the tab (mode 'click') but the annotator could not be put into
 * it (a browser page, a store page, no permission).
 */
type TabPhase = 'analysing' | 'disabled' | 'not-article' | 'not-crypto-security' | 'results' | 'error' | 'unavailable';

export interface TabRecord {
  /** page address without #fragment, as the content script's sender reported it */
  url: string;
  host: string;
  phase: TabPhase;
  readingId: number;
  disabledReason?: 'off' | 'site-off';
  analysis?: Analysis;
  /** annotations shown in this tab (keyboard command / popup toggle) */
  show: boolean;
  /**
   * The reader asked for this page to be annotated (popup or keyboard command; mode 'click'). The record is
   * dropped when the tab loads another document, so the request covers this page only.
   */
  requested?: boolean;
  /**
   * The reader asked for this page to be analysed anyway ("Analyse this page anyway", `popup/analyse-anyway`):
   * its readings are kept as results whatever the article and topic checks say, until the tab loads another
   * page (the record goes then).
   */
  forced?: boolean;
  updatedAt: number;
}

export interface TabStore {
  get(tabId: number): Promise<TabRecord | undefined>;
  set(tabId: number, record: TabRecord): Promise<void>;
  /** forgets the record and its popup mark */
  delete(tabId: number): Promise<void>;
  all(): Promise<Map<number, TabRecord>>;
  /** marks `record` as the popup's answer for the tab (./session-keys.ts), or (null) removes the mark */
  markPopupAnswer(tabId: number, record: TabRecord | null): Promise<void>;
}

type Area = { get(keys?: string | string[] | null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void>; remove(keys: string | string[]): Promise<void> };

export function memoryArea(): Area {
  const data = new Map<string, unknown>();
  return {
    async get(keys) {
      const out: Record<string, unknown> = {};
      const list = keys == null ? [...data.keys()] : Array.isArray(keys) ? keys : [keys];
      for (const k of list) if (data.has(k)) out[k] = data.get(k);
      return out;
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data.set(k, v);
    },
    async remove(keys) {
      for (const k of Array.isArray(keys) ? keys : [keys]) data.delete(k);
    },
  };
}

function sessionArea(): Area {
  const session = (browser.storage as unknown as { session?: Area }).session;
  return session ?? memoryArea();
}

export function createTabStore(area: Area = sessionArea()): TabStore {
  return {
    async get(tabId) {
      const key = tabRecordKey(tabId);
      return (await area.get(key))[key] as TabRecord | undefined;
    },
    async set(tabId, record) {
      try {
        await area.set({ [tabRecordKey(tabId)]: record });
      } catch {
        // quota (many tabs with long analyses): keep the record without its analysis rather than nothing
        await area.set({ [tabRecordKey(tabId)]: { ...record, analysis: undefined } }).catch(() => undefined);
      }
    },
    async delete(tabId) {
      await area.remove([tabRecordKey(tabId), popupAnswerKey(tabId)]);
    },
    async markPopupAnswer(tabId, record) {
      const key = popupAnswerKey(tabId);
      await (record ? area.set({ [key]: { readingId: record.readingId, url: record.url } }) : area.remove(key)).catch(() => undefined);
    },
    async all() {
      const out = new Map<number, TabRecord>();
      for (const [k, v] of Object.entries(await area.get(null))) {
        if (k.startsWith(TAB_RECORD_PREFIX)) out.set(Number(k.slice(TAB_RECORD_PREFIX.length)), v as TabRecord);
      }
      return out;
    },
  };
}
