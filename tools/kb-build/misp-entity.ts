/** A draft made into a knowledge-base entry: its aliases, sources, a description written from its facts, its links. */
import type { KbAlias, KbEntity, KbSource } from '../../lib/kb/types';
import { normalizeName } from '../../lib/kb/normalize';
import { addAlias, humanDate, listNames, mispGalaxySource, parseLooseDate, sentence, urlSource } from './common';
import type { Draft } from './misp-drafts';
import { countryOf } from './misp-galaxies';
import { DPRK_GROUPS, GALAXY_FILES } from './selection';

const COUNTRY_NAMES: Record<string, string> = {
  KP: 'North Korea', RU: 'Russia', CN: 'China', IR: 'Iran', UA: 'Ukraine', BY: 'Belarus', VN: 'Vietnam', KR: 'South Korea', PS: 'Palestine',
  US: 'the United States', IT: 'Italy', ID: 'Indonesia', IN: 'India', PK: 'Pakistan', TR: 'Turkey',
};

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

export function toEntity(d: Draft, owners: Map<string, string>, origin: string): KbEntity {
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
export function addRelatedLinks(drafts: Draft[], entities: KbEntity[]): void {
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
