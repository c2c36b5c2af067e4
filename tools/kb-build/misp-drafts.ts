/**
 * A draft entry per selected spec: the clusters it gathers and the aliases it claims; then each alias is
 * given to one entry.
 */
import type { EntityType } from '../../lib/shared/contract';
import { normalizeName } from '../../lib/kb/normalize';
import { isJunkAlias, isOrdinaryWord, needsContext, vendorOfName } from './common';
import { baseName, type Cluster, type Galaxies } from './misp-galaxies';
import { GALAXY_FILES, GALAXY_OWNER, type ClusterSpec, type GalaxyKey } from './selection';

interface Claim {
  specId: string;
  alias: string;
  usedBy: string[];
  votes: number;
  own: boolean; // the spec's own name, or its cluster's primary name
  ambiguous: boolean;
}

export interface Draft {
  spec: ClusterSpec;
  type: EntityType;
  clusters: { galaxy: GalaxyKey; cluster: Cluster }[];
  claims: Map<string, Claim>;
}

export function collect(spec: ClusterSpec, type: EntityType, g: Galaxies, warn: (m: string) => void): Draft {
  const clusters: Draft['clusters'] = [];
  for (const [galaxy, values] of Object.entries(spec.members) as [GalaxyKey, string[]][]) {
    for (const v of values) {
      const c = g[galaxy].get(v);
      if (c) clusters.push({ galaxy, cluster: c });
      else warn(`${spec.id}: no cluster "${v}" in ${GALAXY_FILES[galaxy]}`);
    }
  }
  const claims = new Map<string, Claim>();
  const drop = new Set((spec.dropAliases ?? []).map(normalizeName));
  // an ordinary word is dropped as an alias unless the spec lists it itself, flagged ambiguous
  const claim = (alias: string, usedBy: string | undefined, own: boolean, vote: boolean, flagged = false): void => {
    const clean = alias.replace(/^subgroup:\s*/i, '').replace(/\s+/g, ' ').trim();
    const key = normalizeName(clean);
    if (!key || drop.has(key) || isJunkAlias(clean)) return;
    if (key !== normalizeName(spec.name) && isOrdinaryWord(clean) && !flagged) return;
    const prev = claims.get(key);
    const who = [usedBy, vendorOfName(clean)].filter((x): x is string => !!x);
    if (prev) {
      if (vote) prev.votes++;
      prev.own ||= own;
      for (const w of who) if (!prev.usedBy.includes(w)) prev.usedBy.push(w);
    } else claims.set(key, { specId: spec.id, alias: clean, usedBy: [...new Set(who)], votes: vote ? 1 : 0, own, ambiguous: needsContext(clean) });
  };
  claim(spec.name, undefined, true, false);
  for (const { galaxy, cluster } of clusters) {
    claim(baseName(cluster.value), GALAXY_OWNER[galaxy], true, true);
    for (const s of cluster.meta?.synonyms ?? []) claim(s, undefined, false, true);
    const attackId = cluster.meta?.external_id ?? (galaxy === 'mis' ? /\s-\s(G\d{4})$/.exec(cluster.value)?.[1] : undefined);
    if (attackId && /^[GS]\d{4}$/.test(attackId)) claim(attackId, 'MITRE', false, true);
  }
  for (const a of spec.extraAliases ?? []) claim(a.name, a.usedBy, false, true, !!a.ambiguous);
  return { spec, type, clusters, claims };
}

/** Each alias goes to one entry: its own name first, then most votes, then the more specific entry. */
export function resolveClaims(drafts: Draft[]): Map<string, string> {
  const owner = new Map<string, Claim>();
  const umbrella = new Set(drafts.filter((d) => d.spec.umbrella).map((d) => d.spec.id));
  const order = new Map(drafts.map((d, i) => [d.spec.id, i]));
  const better = (a: Claim, b: Claim): boolean => {
    if (a.own !== b.own) return a.own;
    if (a.votes !== b.votes) return a.votes > b.votes;
    const ua = umbrella.has(a.specId);
    const ub = umbrella.has(b.specId);
    if (ua !== ub) return ub;
    return (order.get(a.specId) ?? 0) < (order.get(b.specId) ?? 0);
  };
  for (const d of drafts) {
    for (const [key, c] of d.claims) {
      const prev = owner.get(key);
      if (!prev || better(c, prev)) owner.set(key, c);
    }
  }
  return new Map([...owner].map(([k, c]) => [k, c.specId]));
}
