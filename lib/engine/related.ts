/**
 * Related coverage and primary sources for what the article names: the incidents it names (and their
 * sources), sanctions notices for named entities, other incidents the KB attributes to a named actor,
 * then the entities' own sources. Most relevant first; each with the reason it is listed, as a code and its
 * parameters (worded where shown: lib/shared/analysis-words.ts `relatedWhy`).
 */
import type { RelatedItem } from '../shared/contract';
import type { KbEntity } from '../kb/types';

/** At most this many related items: the popup shows a short list. */
const MAX_RELATED = 12;
/** Other incidents listed per named actor. */
const INCIDENTS_PER_ACTOR = 4;

export type ReverseIndex = Map<string, { from: KbEntity; type: string }[]>;

export function buildReverseIndex(entities: readonly KbEntity[]): ReverseIndex {
  const idx: ReverseIndex = new Map();
  for (const e of entities) {
    for (const r of e.relations) {
      const list = idx.get(r.target);
      if (list) list.push({ from: e, type: r.type });
      else idx.set(r.target, [{ from: e, type: r.type }]);
    }
  }
  return idx;
}

export interface RelatedEntityInput {
  entity: KbEntity;
  inferred: boolean;
  /** number of mentions (0 when inferred) */
  mentions: number;
}

export function related(found: readonly RelatedEntityInput[], reverse: ReverseIndex): RelatedItem[] {
  const items: (RelatedItem & { rank: number })[] = [];
  const seen = new Set<string>();
  const foundIds = new Set(found.map((f) => f.entity.id));
  const push = (it: RelatedItem, rank: number): void => {
    if (!it.url || seen.has(it.url)) return;
    seen.add(it.url);
    items.push({ ...it, rank });
  };
  const ordered = [...found].sort((a, b) => Number(a.inferred) - Number(b.inferred) || b.mentions - a.mentions);
  for (const f of ordered) {
    const e = f.entity;
    const base = f.inferred ? 20 : 0;
    if (e.type === 'incident') {
      for (const s of e.sources.slice(0, 2)) {
        push({ title: s.title, url: s.url, reason: { code: 'incidentSource', params: [e.name] }, date: s.date, kind: 'incident', entityId: e.id, amountUsd: e.incident?.amountUsd ?? null }, base + 1);
      }
    }
    for (const s of e.sanctions.slice(0, 2)) {
      push({ title: s.source.title, url: s.source.url, reason: { code: 'sanctions', params: [s.authority, e.name, s.programme, s.date] }, date: s.date, kind: 'source', entityId: e.id }, base + 2);
    }
    if (e.type === 'threat-actor' || e.type === 'agency' || e.type === 'malware') {
      const incidents = (reverse.get(e.id) ?? [])
        .filter((x) => x.from.type === 'incident' && x.type === 'attributed-to' && !foundIds.has(x.from.id))
        .map((x) => x.from)
        .sort((a, b) => (b.incident?.amountUsd ?? 0) - (a.incident?.amountUsd ?? 0))
        .slice(0, INCIDENTS_PER_ACTOR);
      for (const inc of incidents) {
        const s = inc.sources[0];
        if (!s) continue;
        const amount = inc.incident?.amountUsd;
        // its date is the item's `date` (the popup shows it in the reader's locale), not part of its title
        push({ title: inc.name, url: s.url, reason: amount ? { code: 'otherIncidentAmount', params: [e.name, amount] } : { code: 'otherIncident', params: [e.name] }, date: inc.incident?.date, kind: 'incident', entityId: inc.id, amountUsd: inc.incident?.amountUsd ?? null }, base + 5);
      }
    }
    for (const s of e.sources.slice(0, 2)) {
      push({ title: s.title, url: s.url, reason: { code: f.inferred ? 'backgroundInferred' : 'background', params: [e.name] }, date: s.date, kind: 'source', entityId: e.id }, base + 8);
    }
  }
  items.sort((a, b) => a.rank - b.rank);
  return items.slice(0, MAX_RELATED).map(({ rank: _rank, ...it }) => it);
}
