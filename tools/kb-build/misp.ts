/**
 * Threat groups, agencies, ransomware and malware entries from the MISP galaxy clusters.
 * We take names, synonyms, countries, ATT&CK ids, first-seen dates and reference URLs; descriptions
 * are written here from those facts (never the galaxies' prose).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KbAlias, KbEntity, KbSource } from '../../lib/kb/types';
import type { EntityType } from '../../lib/shared/contract';
import { normalizeName } from '../../lib/kb/normalize';
import {
  addAlias,
  isJunkAlias,
  isOrdinaryWord,
  humanDate,
  listNames,
  mispGalaxySource,
  needsContext,
  parseLooseDate,
  sentence,
  urlSource,
  vendorOfName,
} from './common';
import { AGENCIES, ATTACK_SOFTWARE_GROUP_TAGS, DPRK_GROUPS, GALAXY_FILES, GALAXY_OWNER, MALWARE, OTHER_GROUPS, RANSOMWARE, type ClusterSpec, type GalaxyKey } from './selection';
import { slugify } from '../../lib/kb/normalize';

interface Cluster {
  value: string;
  description?: string;
  uuid?: string;
  related?: { 'dest-uuid': string; type: string }[];
  meta?: {
    synonyms?: string[];
    country?: string | string[];
    refs?: string[];
    external_id?: string;
    date?: string;
    since?: string;
    observed_motivations?: string[];
    'payment-method'?: string | string[];
    group_attack_id?: string;
  };
}

export type Galaxies = Record<GalaxyKey, Map<string, Cluster>>;

export function readGalaxies(dir: string): Galaxies {
  const out = {} as Galaxies;
  for (const [key, file] of Object.entries(GALAXY_FILES) as [GalaxyKey, string][]) {
    const json = JSON.parse(readFileSync(join(dir, `${file}.json`), 'utf8')) as { values: Cluster[] };
    out[key] = new Map(json.values.map((c) => [c.value, c]));
  }
  return out;
}

const COUNTRY_NAMES: Record<string, string> = {
  KP: 'North Korea', RU: 'Russia', CN: 'China', IR: 'Iran', UA: 'Ukraine', BY: 'Belarus', VN: 'Vietnam', KR: 'South Korea', PS: 'Palestine',
  US: 'the United States', IT: 'Italy', ID: 'Indonesia', IN: 'India', PK: 'Pakistan', TR: 'Turkey',
};

function countryOf(c: Cluster): string | undefined {
  const v = c.meta?.country;
  const code = Array.isArray(v) ? v[0] : v;
  return code && /^[A-Z]{2}$/.test(code) ? code : undefined;
}

/** "Lazarus Group - G0032" -> "Lazarus Group"; "LockBit (Windows)" -> "LockBit". */
function baseName(value: string): string {
  return value
    .replace(/\s+-\s+[GS]\d{4}$/, '')
    .replace(/\s*\((ELF|Windows|OS X|Android|Javascript|iOS|Python|Powershell|Go|PHP)\)\s*$/i, '')
    .trim();
}

const PREFERRED_REF_HOSTS = [
  /attack\.mitre\.org/,
  /malpedia\.caad\.fkie\.fraunhofer\.de/,
  /(cisa|us-cert|fbi|ic3|justice|treasury)\.gov/,
  /microsoft\.com/,
  /(mandiant\.com|cloud\.google\.com)/,
  /crowdstrike\.com/,
  /securelist\.com/,
  /proofpoint\.com/,
  /unit42\.paloaltonetworks\.com/,
];

/** Up to `max` reference URLs, official and vendor sites first. */
function pickRefs(refs: string[], max: number, what: string): KbSource[] {
  const rank = (u: string): number => {
    const i = PREFERRED_REF_HOSTS.findIndex((re) => re.test(u));
    return i < 0 ? PREFERRED_REF_HOSTS.length : i;
  };
  const sorted = [...new Set(refs)].filter((u) => !/\.(zip|exe|bin)$/i.test(u)).sort((a, b) => rank(a) - rank(b));
  const out: KbSource[] = [];
  for (const u of sorted) {
    const s = urlSource(u, `Reference on ${what} cited by the MISP galaxy`);
    if (s && !out.some((o) => o.url === s.url)) out.push(s);
    if (out.length >= max) break;
  }
  return out;
}

interface Claim {
  specId: string;
  alias: string;
  usedBy: string[];
  votes: number;
  own: boolean; // the spec's own name, or its cluster's primary name
  ambiguous: boolean;
}

interface Draft {
  spec: ClusterSpec;
  type: EntityType;
  clusters: { galaxy: GalaxyKey; cluster: Cluster }[];
  claims: Map<string, Claim>;
}

function collect(spec: ClusterSpec, type: EntityType, g: Galaxies, warn: (m: string) => void): Draft {
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
function resolveClaims(drafts: Draft[]): Map<string, string> {
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

function platforms(clusters: Draft['clusters']): string[] {
  const out = new Set<string>();
  for (const { cluster } of clusters) {
    const m = /\((ELF|Windows|OS X|Android|Javascript)\)\s*$/i.exec(cluster.value);
    if (m?.[1]) out.add(m[1] === 'ELF' ? 'Linux' : m[1] === 'OS X' ? 'macOS' : m[1]);
  }
  return [...out];
}

const TAG_WORDS: Record<string, string> = {
  stealer: 'information stealer',
  clipper: 'clipboard hijacker (swaps copied wallet addresses)',
  loader: 'loader',
  rat: 'remote access trojan',
  banking: 'banking trojan',
  trojan: 'trojan',
  tunneler: 'tunnelling tool',
  atm: 'ATM and payment-switch cash-out malware',
  wiper: 'destructive wiper disguised as ransomware',
  tool: 'post-exploitation tool',
  c2: 'command-and-control framework',
  backdoor: 'backdoor',
  downloader: 'downloader',
};

function describeDraft(d: Draft, aliases: KbAlias[], country: string | undefined, attackId: string | undefined, firstSeen: string | undefined): string {
  const msName = d.clusters.find((c) => c.galaxy === 'mag')?.cluster.value;
  const others = aliases
    .map((a) => a.name)
    .filter((n) => normalizeName(n) !== normalizeName(d.spec.name) && normalizeName(n) !== normalizeName(msName ?? '') && !/^[GS]\d{4}$/.test(n));
  const motivations = d.clusters.flatMap((c) => c.cluster.meta?.observed_motivations ?? []);
  const text = (d.clusters.map((c) => `${c.cluster.description ?? ''}`).join(' ')).toLowerCase();
  const aka = others.length ? `Also known as ${listNames(others, 6)}.` : undefined;
  if (d.type === 'threat-actor') {
    const where = country ? `linked to ${COUNTRY_NAMES[country] ?? country}` : 'of unstated origin';
    const topics = [
      /cryptocurrenc|bitcoin|crypto exchange|crypto wallet|blockchain|defi\b/.test(text) ? 'cryptocurrency' : undefined,
      /ransomware/.test(text) ? 'ransomware' : undefined,
      /cryptomin|crypto-?jack|monero|coinmin/.test(text) ? 'cryptomining or cryptojacking' : undefined,
    ].filter(Boolean);
    return sentence([
      `Threat group ${where}${country === 'KP' ? ' (DPRK)' : ''} in the MISP threat-actor galaxy.`,
      attackId ? `MITRE ATT&CK id ${attackId}.` : undefined,
      msName && normalizeName(msName) !== normalizeName(d.spec.name) ? `Microsoft tracks it as ${msName}.` : undefined,
      motivations.length ? `Observed motivations: ${[...new Set(motivations)].map((m) => m.toLowerCase()).join(', ')}.` : undefined,
      topics.length ? `Reporting collected on it mentions ${topics.join(', ')}.` : undefined,
      aka,
    ]);
  }
  if (d.type === 'agency') {
    return sentence([`Intelligence agency of ${COUNTRY_NAMES[country ?? ''] ?? 'a state'}.`, aka]);
  }
  const plat = platforms(d.clusters);
  const isRansomware = d.spec.tags?.includes('ransomware');
  const kind = isRansomware
    ? d.spec.tags?.includes('wiper')
      ? (TAG_WORDS.wiper ?? 'wiper')
      : 'ransomware family'
    : (d.spec.tags ?? []).map((t) => TAG_WORDS[t]).filter(Boolean).join(' and ') || 'malware family';
  const payment = d.clusters.flatMap((c) => {
    const p = c.cluster.meta?.['payment-method'];
    return Array.isArray(p) ? p : p ? [p] : [];
  });
  const coins = ['Bitcoin', 'Monero', 'Ethereum', 'Dash', 'Zcash', 'Litecoin'].filter((coin) => payment.some((p) => p.toLowerCase().includes(coin.toLowerCase())));
  const raas = /\braas\b|ransomware[- ]as[- ]a[- ]service/.test(text);
  return sentence([
    `${kind.charAt(0).toUpperCase()}${kind.slice(1)}${firstSeen ? ` first reported in ${humanDate(firstSeen)}` : ''}.`,
    isRansomware && raas ? 'Reported to be run as ransomware-as-a-service, with affiliates carrying out intrusions.' : undefined,
    isRansomware && coins.length ? `Ransom notes asked for payment in ${coins.join(' or ')}.` : undefined,
    plat.length ? `Builds for ${plat.join(', ')} are tracked.` : undefined,
    attackId ? `MITRE ATT&CK id ${attackId}.` : undefined,
    d.spec.tags?.includes('dprk') ? 'Public reporting ties it to North Korean operators.' : undefined,
    aka,
  ]);
}

function toEntity(d: Draft, owners: Map<string, string>, origin: string): KbEntity {
  const aliases: KbAlias[] = [];
  const nameKey = normalizeName(d.spec.name);
  for (const [key, c] of d.claims) {
    if (key === nameKey || owners.get(key) !== d.spec.id) continue;
    const extra = d.spec.extraAliases?.find((a) => normalizeName(a.name) === key);
    addAlias(aliases, c.alias, c.usedBy, extra?.ambiguous || c.ambiguous);
  }
  // an alias that contains the family's context word is safe even when the name is not ("Hive ransomware")
  if (d.spec.context && d.spec.tags?.includes('ransomware')) addAlias(aliases, `${d.spec.name} ransomware`);
  const country = d.clusters.map((c) => countryOf(c.cluster)).find(Boolean) ?? (DPRK_GROUPS.includes(d.spec) ? 'KP' : undefined);
  const attackId =
    d.clusters.map((c) => c.cluster.meta?.external_id).find((x) => x && /^[GS]\d{4}$/.test(x)) ??
    d.clusters.map((c) => /\s-\s([GS]\d{4})$/.exec(c.cluster.value)?.[1]).find(Boolean);
  const firstSeen = d.clusters
    .map((c) => parseLooseDate(c.cluster.meta?.date ?? c.cluster.meta?.since))
    .filter((x): x is string => !!x)
    .sort()[0];
  const sources: KbSource[] = [];
  if (attackId) {
    sources.push({
      title: `MITRE ATT&CK ${attackId.startsWith('G') ? 'group' : 'software'} ${attackId}`,
      publisher: 'MITRE ATT&CK',
      url: `https://attack.mitre.org/${attackId.startsWith('G') ? 'groups' : 'software'}/${attackId}/`,
    });
  }
  const refs = d.clusters.flatMap((c) => c.cluster.meta?.refs ?? []).filter((u) => !/attack\.mitre\.org/.test(u));
  sources.push(...pickRefs(refs, 3, d.spec.name));
  for (const g of [...new Set(d.clusters.map((c) => c.galaxy))]) sources.push(mispGalaxySource(GALAXY_FILES[g]));
  const entity: KbEntity = {
    id: d.spec.id,
    name: d.spec.name,
    type: d.type,
    aliases,
    description: describeDraft(d, aliases, country, attackId, firstSeen),
    ...(country ? { country } : {}),
    relations: [],
    sanctions: [],
    sources,
    ...(d.spec.context ? { ambiguous: { context: d.spec.context, note: `"${d.spec.name}" is also an ordinary word or another name.` } } : {}),
    origin,
    ...(d.spec.tags?.length ? { tags: d.spec.tags } : {}),
    ...(firstSeen ? { firstSeen } : {}),
  };
  return entity;
}

/**
 * MISP clusters link to each other by uuid ("uses", "similar", ...). Where both ends are KB entries we
 * keep the links that mean "group uses malware" or "family succeeds family".
 */
function addRelatedLinks(drafts: Draft[], entities: KbEntity[]): void {
  const byUuid = new Map<string, Draft>();
  for (const d of drafts) for (const { cluster } of d.clusters) if (cluster.uuid) byUuid.set(cluster.uuid, d);
  const entityOf = new Map(entities.map((e) => [e.id, e]));
  for (const d of drafts) {
    const self = entityOf.get(d.spec.id);
    if (!self) continue;
    for (const { galaxy, cluster } of d.clusters) {
      for (const rel of cluster.related ?? []) {
        const other = byUuid.get(rel['dest-uuid']);
        if (!other || other.spec.id === d.spec.id) continue;
        let type: KbEntity['relations'][number]['type'] | undefined;
        if (rel.type === 'uses' && d.type === 'threat-actor' && other.type === 'malware') type = 'uses';
        else if (rel.type === 'successor-of' && d.type === other.type) type = 'successor-of';
        if (!type || self.relations.some((r) => r.type === type && r.target === other.spec.id)) continue;
        self.relations.push({ type, target: other.spec.id, by: 'MISP galaxy contributors', level: 'vendor', source: mispGalaxySource(GALAXY_FILES[galaxy]) });
      }
    }
  }
}

export interface MispDerived {
  groups: KbEntity[];
  ransomware: KbEntity[];
  malware: KbEntity[];
  warnings: string[];
}

/** KP clusters of the actor galaxies that no spec lists get a spec of their own. */
function leftoverDprkSpecs(g: Galaxies): ClusterSpec[] {
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
function cryptoTopicSpecs(g: Galaxies, taken: ClusterSpec[]): ClusterSpec[] {
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

export function deriveFromMisp(dir: string, ordinaryWords: ReadonlySet<string> = new Set()): MispDerived {
  const g = readGalaxies(dir);
  const warnings: string[] = [];
  const warn = (m: string): void => {
    warnings.push(m);
  };
  const dprk = [...DPRK_GROUPS, ...leftoverDprkSpecs(g)];
  const picked = [...dprk, ...OTHER_GROUPS];
  const groupDrafts = [...picked, ...cryptoTopicSpecs(g, picked)].map((s) => collect(s, 'threat-actor', g, warn));
  const agencyDrafts = AGENCIES.map((s) => collect(s, 'agency', g, warn));
  const ransomSpecs = RANSOMWARE.map((s) => ({ ...s, tags: ['ransomware', ...(s.tags ?? [])] }));
  const ransomDrafts = ransomSpecs.map((s) => collect(s, 'malware', g, warn));
  const attackSpecs = attackSoftwareSpecs(g, picked, new Set(dprk.map((s) => s.id)), [...RANSOMWARE, ...MALWARE], ordinaryWordTest(ordinaryWords));
  const malwareDrafts = [...MALWARE, ...attackSpecs].map((s) => collect(s, 'malware', g, warn));
  for (const d of [...groupDrafts, ...agencyDrafts, ...ransomDrafts, ...malwareDrafts]) if (!d.clusters.length) warn(`${d.spec.id}: no cluster found, left out`);
  const found = (d: Draft): boolean => d.clusters.length > 0;
  const all = [...groupDrafts, ...agencyDrafts, ...ransomDrafts, ...malwareDrafts].filter(found);
  const owners = resolveClaims(all);
  const groups = [...groupDrafts, ...agencyDrafts].filter(found).map((d) => toEntity(d, owners, 'derived:misp-groups'));
  const ransomware = ransomDrafts.filter(found).map((d) => toEntity(d, owners, 'derived:misp-ransomware'));
  const malware = malwareDrafts.filter(found).map((d) => toEntity(d, owners, 'derived:misp-malware'));
  addRelatedLinks(all, [...groups, ...ransomware, ...malware]);
  return { groups, ransomware, malware, warnings };
}
