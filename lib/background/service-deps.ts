/** What the background service's parts work with: the tab store, the analysis queue, and the browser's reach into tabs. */
import { browser } from 'wxt/browser';
import { ANNOTATOR_FILE } from '../shared/gate-protocol';
import type { AnalysisQueue } from './analysis-queue';
import type { TabStore } from './tab-store';

/** Puts the annotator into one frame of a tab (the frame whose gate script passed). */
export type InjectAnnotator = (tabId: number, frameId: number) => Promise<void>;

export const injectAnnotator: InjectAnnotator = async (tabId, frameId) => {
  // Our own packaged file, never code built from a message. A frame that already runs the annotator
  // ignores the second copy (see entrypoints/annotator.content.ts).
  // injectImmediately: the gate already ran (at DOMContentLoaded or later); do not wait for document_idle.
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [ANNOTATOR_FILE], injectImmediately: true });
};

/** The tab's address, if this extension may see it (host permission or activeTab), else undefined. */
export type TabUrl = (tabId: number) => Promise<string | undefined>;

export const tabUrl: TabUrl = async (tabId) => {
  try {
    const tab = await browser.tabs.get(tabId);
    return tab.url || undefined;
  } catch {
    return undefined; // the tab closed
  }
};

export interface ServiceDeps {
  store: TabStore;
  /** Analyses, one at a time: per tab, newest tab first, throttled (./analysis-queue.ts). */
  queue: AnalysisQueue;
  inject: InjectAnnotator;
  /** the tab's address without its #fragment (see TabUrl) */
  addressOf(tabId: number): Promise<string | undefined>;
}
