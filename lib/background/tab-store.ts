/**
 * What the background knows about each tab: the state of its analysis, the analysis itself and whether
 * annotations are shown. MV3 service workers are stopped after ~30 s idle, so records live in
 * `storage.session` (memory-only, cleared when the browser closes, not readable by content scripts);
 * where that area is missing, in this context's memory.
 *
 * A record being written is read back from memory until the write is done: callers need not wait for a
 * write (a storage round trip) before answering the page, and still read their own writes.
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
  /** `get` sees the record at once; it is written after `after` (if given) and the tab's earlier writes; resolves then */
  set(tabId: number, record: TabRecord, after?: Promise<unknown>): Promise<void>;
  /** forgets the record and its popup mark (`get` at once) */
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
  /** records (undefined: deleted) whose write to the area has not finished yet, the newest per tab */
  const writing = new Map<number, { record: TabRecord | undefined }>();
  /** each tab's last write: a tab's writes reach the area in the order they were made */
  const tails = new Map<number, Promise<void>>();
  function inOrder(tabId: number, write: () => Promise<void>, after?: Promise<unknown>): Promise<void> {
    const done = (tails.get(tabId) ?? Promise.resolve()).then(() => after).then(write);
    const tail = done.then(
      () => undefined,
      () => undefined, // a failed write does not stop the tab's next one
    );
    tails.set(tabId, tail);
    void tail.then(() => {
      if (tails.get(tabId) === tail) tails.delete(tabId);
    });
    return done;
  }
  /** Writes in order and shows `record` to `get` until the write is done (unless a newer write replaced it). */
  function track(tabId: number, record: TabRecord | undefined, write: () => Promise<void>, after?: Promise<unknown>): Promise<void> {
    const entry = { record };
    writing.set(tabId, entry);
    return inOrder(tabId, write, after).finally(() => {
      if (writing.get(tabId) === entry) writing.delete(tabId);
    });
  }
  return {
    async get(tabId) {
      const pending = writing.get(tabId);
      if (pending) return pending.record;
      const key = tabRecordKey(tabId);
      return (await area.get(key))[key] as TabRecord | undefined;
    },
    set(tabId, record, after) {
      return track(tabId, record, async () => {
        try {
          await area.set({ [tabRecordKey(tabId)]: record });
        } catch {
          // quota (many tabs with long analyses): keep the record without its analysis rather than nothing
          await area.set({ [tabRecordKey(tabId)]: { ...record, analysis: undefined } }).catch(() => undefined);
        }
      }, after);
    },
    delete(tabId) {
      return track(tabId, undefined, () => area.remove([tabRecordKey(tabId), popupAnswerKey(tabId)]));
    },
    markPopupAnswer(tabId, record) {
      const key = popupAnswerKey(tabId);
      return inOrder(tabId, () => (record ? area.set({ [key]: { readingId: record.readingId, url: record.url } }) : area.remove(key)).catch(() => undefined));
    },
    async all() {
      const out = new Map<number, TabRecord>();
      for (const [k, v] of Object.entries(await area.get(null))) {
        if (k.startsWith(TAB_RECORD_PREFIX)) out.set(Number(k.slice(TAB_RECORD_PREFIX.length)), v as TabRecord);
      }
      for (const [tabId, { record }] of writing) {
        if (record) out.set(tabId, record);
        else out.delete(tabId);
      }
      return out;
    },
  };
}
