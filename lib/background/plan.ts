/**
 * From an analysis and the user's settings to the plan the content script paints: which entities, which
 * of their mentions. Pure: the same inputs give the same plan, in the background and in tests.
 */
import type { Analysis } from '../shared/contract';
import { markable } from '../engine/evidence';
import { MAX_ARTICLE_DESCRIPTION_CHARS, type HighlightEntity, type HighlightPlan } from '../shared/messages';
import { mutedEntitiesFor } from '../settings';
import type { Settings } from '../settings/types';

/** A page that names one entity more often than this is a list or a spam page: the rest is not sent. */
const MAX_MENTIONS_PER_ENTITY = 200;

export function buildPlan(analysis: Analysis, settings: Settings, host: string, show: boolean, readingId: number): HighlightPlan {
  // names turned off on this site, and those turned off everywhere ("Never mark this")
  const muted = new Set([...mutedEntitiesFor(settings, host), ...settings.mutedEverywhere]);
  const entities: HighlightEntity[] = [];
  for (const e of analysis.entities) {
    if (e.inferred || !e.mentions.length) continue; // nothing in the page to mark
    // Only evidence measured at >= 0.95 precision is marked (lib/engine/evidence.ts): knowledge-base names,
    // validated addresses, name-finder rules that earned it (with the article's description of the name, which
    // its card shows). Other names are listed in the popup only.
    if (!markable(e)) continue;
    if (settings.types[e.type] === false || muted.has(e.id)) continue;
    // All mentions go to the page: with density 'first' the content script marks the first one that
    // can be marked (the first may sit in a <code> block or a form field).
    const mentions = [...e.mentions].sort((a, b) => a.start - b.start).slice(0, MAX_MENTIONS_PER_ENTITY);
    entities.push({
      id: e.id,
      name: e.name,
      type: e.type,
      ...(e.why ? { why: e.why.slice(0, 2000) } : {}),
      ...(e.articleDescription && e.known === false ? { articleDescription: e.articleDescription.slice(0, MAX_ARTICLE_DESCRIPTION_CHARS) } : {}),
      mentions: mentions.map((m) => ({ start: m.start, end: m.end, text: m.text.slice(0, 2000) })),
    });
  }
  return { readingId, show, entities, density: settings.density, theme: settings.theme, cardDelayMs: settings.cardDelayMs };
}

/** The number on the toolbar badge: the entities the page marks (inferred and unchecked names are not counted). */
export function badgeCount(analysis: Analysis): number {
  return analysis.entities.filter((e) => e.mentions.length > 0 && markable(e)).length;
}
