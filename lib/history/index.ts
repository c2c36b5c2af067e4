/**
 * Local reading history: which crypto-security articles this browser read and which entities they
 * named, so the popup can say "You read 3 other articles about Lazarus Group".
 *
 * Stored only in browser.storage.local (never sync, never sent anywhere), bounded, cleared in one
 * call. An entry keeps only what the popup needs: the URL (without its #fragment and tracking
 * parameters), the title, the site name, the entity ids and the date read.
 */
import { browser } from 'wxt/browser';
import { getSettings } from '../settings';

export const HISTORY_KEY = 'history.v1';
/** Enough for months of reading; about 150 KB at most, far under storage.local's quota. */
export const HISTORY_MAX_ENTRIES = 500;
/** An article that names hundreds of entities is rare; capping keeps one entry small. */
export const HISTORY_MAX_ENTITIES_PER_ENTRY = 100;
/** Long titles are cut: the popup shows one line. */
const MAX_TITLE_LENGTH = 300;

export interface HistoryEntry {
  url: string;
  title: string;
  siteName?: string;
  entityIds: string[];
  /** ISO time the article was (last) read */
  readAt: string;
}

/** Query parameters that only track the reader; dropping them makes one article one entry. */
const TRACKING_PARAMS = /^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|ref_src|igshid|_hsenc|_hsmi)$/i;

/** "https://x.com/a?utm_source=t#top" -> "https://x.com/a". Returns null for non-web URLs. */
export function canonicalArticleUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  u.username = '';
  u.password = '';
  for (const key of [...u.searchParams.keys()]) if (TRACKING_PARAMS.test(key)) u.searchParams.delete(key);
  return u.toString();
}

function isEntry(value: unknown): value is HistoryEntry {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  return (
    typeof e.url === 'string' &&
    typeof e.title === 'string' &&
    typeof e.readAt === 'string' &&
    Array.isArray(e.entityIds) &&
    e.entityIds.every((id) => typeof id === 'string')
  );
}

/** All entries, newest first. Unreadable entries are skipped. */
export async function getHistory(): Promise<HistoryEntry[]> {
  const got = await browser.storage.local.get(HISTORY_KEY);
  const list = got[HISTORY_KEY];
  return Array.isArray(list) ? list.filter(isEntry) : [];
}

/** Writes from this context are queued so two quick records cannot overwrite each other. */
let queue: Promise<unknown> = Promise.resolve();
function serialised<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

export interface RecordInput {
  url: string;
  title: string | null;
  siteName?: string | null;
  entityIds: readonly string[];
  /** defaults to now */
  readAt?: Date;
}

/**
 * Adds (or refreshes) the entry for an article. Does nothing when reading history is off in the
 * settings or the URL is not a web page. Returns whether something was stored.
 */
export function recordArticle(input: RecordInput): Promise<boolean> {
  return serialised(async () => {
    if (!(await getSettings()).history) return false;
    const url = canonicalArticleUrl(input.url);
    if (!url) return false;
    const entry: HistoryEntry = {
      url,
      title: (input.title ?? '').trim().slice(0, MAX_TITLE_LENGTH) || url,
      ...(input.siteName ? { siteName: input.siteName.slice(0, MAX_TITLE_LENGTH) } : {}),
      entityIds: [...new Set(input.entityIds)].slice(0, HISTORY_MAX_ENTITIES_PER_ENTRY),
      readAt: (input.readAt ?? new Date()).toISOString(),
    };
    const rest = (await getHistory()).filter((e) => e.url !== url);
    // newest first; the oldest fall off the end
    const next = [entry, ...rest].slice(0, HISTORY_MAX_ENTRIES);
    await browser.storage.local.set({ [HISTORY_KEY]: next });
    return true;
  });
}

/** Deletes every entry. */
export function clearHistory(): Promise<void> {
  return serialised(() => browser.storage.local.remove(HISTORY_KEY));
}

/**
 * What "the current article" is, to leave it out of "other articles": a URL (the tab's address),
 * or several URLs (the tab's address and the page's canonical URL) and the title (the same story
 * under another address, e.g. an AMP copy, counts as the same article).
 */
export type CurrentArticle = string | null | undefined | { urls?: readonly (string | null | undefined)[]; title?: string | null };

function isCurrent(current: CurrentArticle): (e: HistoryEntry) => boolean {
  if (current === null || current === undefined) return () => false;
  const spec = typeof current === 'string' ? { urls: [current] } : current;
  const urls = new Set((spec.urls ?? []).map((u) => (u ? canonicalArticleUrl(u) : null)).filter((u): u is string => !!u));
  const title = spec.title?.trim().slice(0, MAX_TITLE_LENGTH) || null;
  return (e) => urls.has(e.url) || (title !== null && e.title === title);
}

/** Entries (newest first) that name `entityId`, other than the current article. */
export async function otherArticlesAbout(entityId: string, current: CurrentArticle): Promise<HistoryEntry[]> {
  const same = isCurrent(current);
  return (await getHistory()).filter((e) => !same(e) && e.entityIds.includes(entityId));
}

/** "You read N other articles about X": N. */
export async function countOtherArticlesAbout(entityId: string, current: CurrentArticle): Promise<number> {
  return (await otherArticlesAbout(entityId, current)).length;
}

/** For many entities at once (one storage read): entity id -> count of other articles. */
export async function countOtherArticlesByEntity(entityIds: readonly string[], current: CurrentArticle): Promise<Map<string, number>> {
  const same = isCurrent(current);
  const wanted = new Set(entityIds);
  const counts = new Map<string, number>();
  for (const e of await getHistory()) {
    if (same(e)) continue;
    for (const id of new Set(e.entityIds)) if (wanted.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}
