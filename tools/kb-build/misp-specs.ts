/** Specs made from the galaxies themselves, beyond the hand-kept lists in selection.ts. */
import { normalizeName, slugify } from '../../lib/kb/normalize';
import { isJunkAlias, isOrdinaryWord, needsContext } from './common';
import { baseName, countryOf, type Cluster, type Galaxies } from './misp-galaxies';
import { ATTACK_SOFTWARE_GROUP_TAGS, DPRK_GROUPS, type ClusterSpec } from './selection';

/** KP clusters of the actor galaxies that no spec lists get a spec of their own. */
export function leftoverDprkSpecs(g: Galaxies): ClusterSpec[] {
  const listed = new Set<string>();
  for (const s of DPRK_GROUPS) for (const [galaxy, values] of Object.entries(s.members)) for (const v of values) listed.add(`${galaxy}:${v}`);
  const out: ClusterSpec[] = [];
  for (const galaxy of ['ta', 'mag'] as const) {
    for (const c of g[galaxy].values()) {
      if (countryOf(c) !== 'KP' || listed.has(`${galaxy}:${c.value}`)) continue;
      const id = normalizeName(c.value) ? c.value.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') : '';
      if (!id || out.some((o) => o.id === id)) continue;
      out.push({ id, name: c.value, members: { [galaxy]: [c.value] } });
    }
  }
  return out;
}

/** Descriptions that make a threat-actor cluster matter to us even when no spec lists it. */
const CRYPTO_TOPIC = /cryptocurrenc|bitcoin|crypto exchange|crypto wallet|\bdefi\b|blockchain|crypto-?jack|cryptomin|monero|wallet drain/i;
/** ...if public reporting is more than a single reference. */
const MIN_REFS_FOR_TOPIC_PICK = 2;

/** threat-actor clusters about crypto theft or cryptojacking that no spec lists get an entry of their own. */
export function cryptoTopicSpecs(g: Galaxies, taken: ClusterSpec[]): ClusterSpec[] {
  const listed = new Set<string>();
  for (const s of taken) for (const v of s.members.ta ?? []) listed.add(v);
  const ids = new Set(taken.map((s) => s.id));
  const out: ClusterSpec[] = [];
  for (const c of g.ta.values()) {
    if (listed.has(c.value) || !CRYPTO_TOPIC.test(c.description ?? '') || (c.meta?.refs?.length ?? 0) < MIN_REFS_FOR_TOPIC_PICK) continue;
    const id = c.value.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    if (!id || ids.has(id)) continue;
    ids.add(id);
    out.push({ id, name: c.value, members: { ta: [c.value] }, tags: ['crypto'] });
  }
  return out;
}

/**
 * ATT&CK software that a kept group uses according to the galaxy (see ATTACK_SOFTWARE_GROUP_TAGS in
 * selection.ts for the rule). `groups` are the group specs kept (DPRK ones listed in `dprkIds`),
 * `taken` every malware spec already chosen, `ordinary` says whether a name is an ordinary word.
 */
export function attackSoftwareSpecs(g: Pick<Galaxies, 'mis' | 'mm'>, groups: ClusterSpec[], dprkIds: Set<string>, taken: ClusterSpec[], ordinary: (name: string) => boolean): ClusterSpec[] {
  const mmByUuid = new Map<string, Cluster>();
  for (const c of g.mm.values()) if (c.uuid) mmByUuid.set(c.uuid, c);
  // names and members already covered by an entry
  const covered = new Set<string>();
  const takenMm = new Set<string>();
  for (const s of taken) {
    covered.add(normalizeName(s.name));
    for (const a of s.extraAliases ?? []) covered.add(normalizeName(a.name));
    for (const values of Object.values(s.members)) for (const v of values ?? []) covered.add(normalizeName(baseName(v)));
    for (const v of s.members.mm ?? []) takenMm.add(v);
  }
  // a group's own name ("Carbanak") stays the group's
  for (const s of groups) covered.add(normalizeName(s.name));
  const users = new Map<string, { cluster: Cluster; dprk: boolean }>();
  for (const spec of groups) {
    const dprk = dprkIds.has(spec.id);
    if (!dprk && !(spec.tags ?? []).some((t) => (ATTACK_SOFTWARE_GROUP_TAGS as readonly string[]).includes(t))) continue;
    for (const v of spec.members.mis ?? []) {
      for (const rel of g.mis.get(v)?.related ?? []) {
        const sw = rel.type === 'uses' ? mmByUuid.get(rel['dest-uuid']) : undefined;
        if (!sw) continue;
        const prev = users.get(sw.value);
        users.set(sw.value, { cluster: sw, dprk: dprk || (prev?.dprk ?? false) });
      }
    }
  }
  const out: ClusterSpec[] = [];
  const ids = new Set([...taken, ...groups].map((s) => s.id));
  for (const [value, { cluster, dprk }] of [...users].sort(([a], [b]) => a.localeCompare(b))) {
    const name = baseName(value);
    const names = [name, ...(cluster.meta?.synonyms ?? [])];
    if (takenMm.has(value) || names.some((n) => covered.has(normalizeName(n)))) continue;
    if (isJunkAlias(name) || isOrdinaryWord(name) || ordinary(name)) continue;
    const id = slugify(name);
    if (!id || ids.has(id)) continue;
    ids.add(id);
    out.push({
      id,
      name,
      members: { mm: [value] },
      tags: ['attack-software', ...(dprk ? ['dprk'] : [])],
      ...(needsContext(name) ? { context: SOFTWARE_CONTEXT } : {}),
    });
  }
  return out;
}

/** Context words for ATT&CK software whose name is also an ordinary phrase ("Gold Dragon"). */
const SOFTWARE_CONTEXT = ['malware', 'backdoor', 'trojan', 'RAT', 'loader', 'implant', 'payload', 'hackers', 'threat actor', 'Lazarus', 'North Korean', 'Kimsuky', 'ransomware', 'ATT&CK'];

/** A single word that is an ordinary lower-case word in `words` ("Prestige", "Anchor"). */
export function ordinaryWordTest(words: ReadonlySet<string>): (name: string) => boolean {
  return (name) => /^\p{L}+$/u.test(name) && words.has(name.toLowerCase());
}
