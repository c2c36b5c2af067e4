/**
 * Local reading history: which crypto-security articles this browser read and which entities they
 * named, so the popup can say "You read 3 other articles about Lazarus Group".
 *
 * Stored only in browser.storage.local (never sync, never sent anywhere), bounded, cleared in one
 * call. An entry keeps only what the popup needs: the address without its ?query and #fragment (a
 * query can hold tracking ids or session tokens), the title, the site name, the entity ids and the
 * date read. As addresses without their query no longer tell every article apart (`news.php?id=1`,
 * `news.php?id=2`), an article is its address AND its title.
 *
 * Versions: `history.v1` (up to 0.x: addresses kept their non-tracking query parameters) is moved to
 * `history.v2` without losing an entry: queries are dropped, entries that then name the same article
 * are merged (entity ids united, the latest date kept). Readers see the merged list at once
 * (`getHistory`); the background writes it (`migrateHistory`, on start, and any `recordArticle`).
 */
import { browser } from 'wxt/browser';
import { getSettings } from '../settings';

export const HISTORY_KEY = 'history.v2';
/** Earlier formats, read and moved into HISTORY_KEY (oldest last). */
const LEGACY_HISTORY_KEYS = ['history.v1'] as const;
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

/**
 * "https://u:p@x.com/a?id=3&utm_source=t#top" -> "https://x.com/a": no user name or password, no query, no
 * fragment. Returns null for non-web URLs.
 */
export function canonicalArticleUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  return `${u.origin}${u.pathname}`;
}

/** For stored entries: the canonical form, or (an address that no longer parses) the text before any ? or #. */
function withoutQuery(url: string): string {
  return canonicalArticleUrl(url) ?? url.replace(/[?#][\s\S]*$/, '');
}

/** One article: its address and its title. */
const articleKey = (e: HistoryEntry): string => `${e.url}\n${e.title}`;

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

/** Entity ids without repeats, at most HISTORY_MAX_ENTITIES_PER_ENTRY of them. */
function cappedIds(ids: readonly string[]): string[] {
  return [...new Set(ids)].slice(0, HISTORY_MAX_ENTITIES_PER_ENTRY);
}

function readList(value: unknown): HistoryEntry[] {
  return Array.isArray(value) ? value.filter(isEntry) : [];
}

/** An entry in today's form: address without query; a title that was the old address becomes the new one. */
function normalised(e: HistoryEntry): HistoryEntry {
  const url = withoutQuery(e.url);
  const title = e.title === e.url ? url : e.title;
  return { url, title, ...(e.siteName ? { siteName: e.siteName } : {}), entityIds: e.entityIds, readAt: e.readAt };
}

/**
 * Entries that name the same article (address and title) become one: the first one's place (lists are newest
 * first), the latest date, every entity id (capped), the first site name. Then bounded.
 */
function merged(list: readonly HistoryEntry[]): HistoryEntry[] {
  const byKey = new Map<string, HistoryEntry>();
  for (const raw of list) {
    const e = normalised(raw);
    const key = articleKey(e);
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, { ...e, entityIds: cappedIds(e.entityIds) });
      continue;
    }
    byKey.set(key, {
      ...seen,
      ...(seen.siteName || !e.siteName ? {} : { siteName: e.siteName }),
      entityIds: cappedIds([...seen.entityIds, ...e.entityIds]),
      readAt: e.readAt > seen.readAt ? e.readAt : seen.readAt,
    });
  }
  return [...byKey.values()].slice(0, HISTORY_MAX_ENTRIES);
}

interface Stored {
  entries: HistoryEntry[];
  /** an earlier format is still in storage */
  legacy: boolean;
}

async function readStored(): Promise<Stored> {
  const got = await browser.storage.local.get([HISTORY_KEY, ...LEGACY_HISTORY_KEYS]);
  const legacy = LEGACY_HISTORY_KEYS.filter((k) => got[k] !== undefined);
  if (!legacy.length) return { entries: readList(got[HISTORY_KEY]), legacy: false };
  // current entries are newer than any legacy one (legacy keys are no longer written)
  return { entries: merged([...readList(got[HISTORY_KEY]), ...legacy.flatMap((k) => readList(got[k]))]), legacy: true };
}

/** Writes the list in the current format and removes earlier ones. */
async function writeStored(entries: HistoryEntry[], legacy: boolean): Promise<void> {
  await browser.storage.local.set({ [HISTORY_KEY]: entries });
  if (legacy) await browser.storage.local.remove([...LEGACY_HISTORY_KEYS]);
}

/** All entries, newest first. Unreadable entries are skipped. Entries of an earlier format are read as migrated. */
export async function getHistory(): Promise<HistoryEntry[]> {
  return (await readStored()).entries;
}

/** Writes from this context are queued so two quick records cannot overwrite each other. */
let queue: Promise<unknown> = Promise.resolve();
function serialised<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Moves an earlier format into the current one (addresses lose their query; see the file comment). Called by
 * the background on start; returns whether anything was moved. Nothing is lost: the new list is written
 * before the old one is removed.
 */
export function migrateHistory(): Promise<boolean> {
  return serialised(async () => {
    const { entries, legacy } = await readStored();
    if (!legacy) return false;
    await writeStored(entries, true);
    return true;
  });
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
      entityIds: cappedIds(input.entityIds),
      readAt: (input.readAt ?? new Date()).toISOString(),
    };
    const { entries, legacy } = await readStored();
    const key = articleKey(entry);
    const rest = entries.filter((e) => articleKey(e) !== key);
    // newest first; the oldest fall off the end
    const next = [entry, ...rest].slice(0, HISTORY_MAX_ENTRIES);
    await writeStored(next, legacy);
    return true;
  });
}

/** Deletes every entry. */
export function clearHistory(): Promise<void> {
  return serialised(() => browser.storage.local.remove([HISTORY_KEY, ...LEGACY_HISTORY_KEYS]));
}

/**
 * What "the current article" is, to leave it out of "other articles": a URL (the tab's address),
 * or several URLs (the tab's address and the page's canonical URL) and the title (the same story
 * under another address, e.g. an AMP copy, counts as the same article). As stored addresses have no
 * query, an entry at the same address under another title is another article (`news.php?id=1` and
 * `news.php?id=2`) — unless the entry has no title of its own (its title is its address).
 */
export type CurrentArticle = string | null | undefined | { urls?: readonly (string | null | undefined)[]; title?: string | null };

function isCurrent(current: CurrentArticle): (e: HistoryEntry) => boolean {
  if (current === null || current === undefined) return () => false;
  const spec = typeof current === 'string' ? { urls: [current] } : current;
  const urls = new Set((spec.urls ?? []).map((u) => (u ? canonicalArticleUrl(u) : null)).filter((u): u is string => !!u));
  const title = spec.title?.trim().slice(0, MAX_TITLE_LENGTH) || null;
  return (e) => (title !== null && e.title === title) || (urls.has(e.url) && (title === null || e.title === e.url));
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
