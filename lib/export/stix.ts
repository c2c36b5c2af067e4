/**
 * A STIX 2.1 bundle of what an article names (OASIS STIX 2.1; checked against the OASIS JSON Schemas
 * in test/unit/export/stix.test.ts):
 *
 * - a `report` for the article (its URL and the sources the analysis lists as external references)
 *   whose `object_refs` list everything else;
 * - an `indicator` per distinct indicator, with a STIX pattern: `[ipv4-addr:value = '…']`,
 *   `[ipv6-addr:value = '…']`, `[domain-name:value = '…']`, `[url:value = '…']`,
 *   `[file:hashes.MD5 = '…']`, `[file:hashes.'SHA-1' = '…']`, `[file:hashes.'SHA-256' = '…']`.
 *   STIX 2.1 has no object for crypto wallets or transactions: the patterns use the types
 *   `cryptocurrency-wallet` (address, ens_name) and `cryptocurrency-transaction` (hash), the names
 *   OpenCTI and the published community `new-sco` extension definitions use. Their
 *   `extension-definition` objects are not put in the bundle: the OASIS bundle schema accepts an
 *   object of a type it does not list only when it matches exactly one of its core and
 *   cyber-observable core schemas, and an extension definition matches both, so no valid bundle can
 *   carry one (the JSON Schemas do not check pattern contents, which the 2.1 spec leaves open);
 * - a `vulnerability` per CVE id (external reference `cve`), the STIX idiom for CVEs;
 * - from the knowledge base, with their aliases and sources: groups as `intrusion-set`s (MITRE
 *   ATT&CK's convention), the state bodies they are part of as `threat-actor`s (nation-state), and
 *   `malware` families; `relationship`s between them say who attributes them (`description` and an
 *   external reference to the source).
 *
 * Ids are UUIDv5 of the content, so the same article exports the same ids. Nothing is fetched.
 */
import type { Analysis, EntityType, Indicator, IndicatorKind } from '../shared/contract';
import { distinctIndicators, KIND_LABELS } from './text';
import { uuidv5 } from './uuid';

/** What the export needs of a knowledge-base entry (a KbEntity and the popup's CardEntity both fit). */
export interface ExportEntity {
  id: string;
  name: string;
  type: EntityType;
  aliases: readonly { name: string }[];
  description: string;
  relations: readonly { type: string; target: string; by?: string; level?: string; source: { title: string; url: string; publisher?: string } }[];
  sources: readonly { title: string; url: string; publisher?: string }[];
  tags?: readonly string[];
}

export interface StixOptions {
  /** the knowledge-base entries of the analysis's entities (and of the agencies its groups are part of) */
  entity: (id: string) => ExportEntity | undefined;
  /** the time written as created/modified/valid_from (default: now) */
  now?: Date;
}

type StixObject = Record<string, unknown> & { type: string; id: string };

const PRODUCER = 'Crypto News Context';
const sid = (type: string, name: string): string => `${type}--${uuidv5(`${type}|${name}`)}`;

/** A string literal of the STIX patterning language. */
function lit(v: string): string {
  return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function stixPattern(kind: IndicatorKind, value: string): string | null {
  switch (kind) {
    case 'ipv4':
      return `[ipv4-addr:value = ${lit(value)}]`;
    case 'ipv6':
      return `[ipv6-addr:value = ${lit(value)}]`;
    case 'domain':
      return `[domain-name:value = ${lit(value)}]`;
    case 'url':
      return `[url:value = ${lit(value)}]`;
    case 'md5':
      return `[file:hashes.MD5 = ${lit(value)}]`;
    case 'sha1':
      return `[file:hashes.'SHA-1' = ${lit(value)}]`;
    case 'sha256':
      return `[file:hashes.'SHA-256' = ${lit(value)}]`;
    case 'address':
      return `[cryptocurrency-wallet:address = ${lit(value)}]`;
    case 'ens':
      return `[cryptocurrency-wallet:ens_name = ${lit(value)}]`;
    case 'tx':
      return `[cryptocurrency-transaction:hash = ${lit(value)}]`;
    case 'cve':
      return null;
  }
}

const MALWARE_TYPES: Record<string, string> = { ransomware: 'ransomware', rat: 'remote-access-trojan', stealer: 'spyware', loader: 'dropper', backdoor: 'backdoor', wiper: 'wiper', trojan: 'trojan', worm: 'worm' };

function refsOf(sources: ExportEntity['sources']): { source_name: string; url: string; description: string }[] {
  return sources.filter((s) => /^https?:\/\//.test(s.url)).map((s) => ({ source_name: s.publisher || s.title, url: s.url, description: s.title }));
}

function isoOr(date: string | null | undefined, fallback: string): string {
  if (!date) return fallback;
  const t = Date.parse(date);
  return Number.isFinite(t) ? new Date(t).toISOString() : fallback;
}

function indicatorDescription(i: Indicator, article: string): string {
  const parts = [`${KIND_LABELS[i.kind].replace(/s$/, '')} named in ${article}; found automatically on the reader's device, check it before use.`];
  if (i.kind === 'address') {
    if (i.chain) parts.push(`Chain: ${i.chain}${i.valid === false ? ' (checksum failed: possibly mistyped)' : ''}.`);
    const s = i.screening;
    if (s?.listed) parts.push(`On the OFAC SDN list${s.designated ? ` (${s.designated}${s.programme ? `, ${s.programme}` : ''})` : ''}, as of ${s.asOf ?? 'unknown'}.`);
    else if (s) parts.push(`Not on the lists shipped with the extension (as of ${s.asOf ?? 'unknown'}); this does not mean it is safe.`);
  }
  if (i.defanged) parts.push(`Written defanged in the article: ${i.value}`);
  return parts.join(' ');
}

export function stixBundle(a: Analysis, opts: StixOptions): { type: 'bundle'; id: string; objects: StixObject[] } {
  const ts = (opts.now ?? new Date()).toISOString();
  const articleKey = a.url || a.title || (a.indicators ?? []).map((i) => i.refanged).join(' ');
  const articleName = a.title ? `the article "${a.title}"` : a.url ? `the article at ${a.url}` : 'the article';
  const identity: StixObject = {
    type: 'identity',
    spec_version: '2.1',
    id: sid('identity', PRODUCER),
    created: ts,
    modified: ts,
    name: `${PRODUCER} (automatic extraction)`,
    description: 'A browser extension that recognises crypto-security news and extracts what it names, on the reader\'s device.',
    identity_class: 'system',
  };
  const common = (type: string, id: string): StixObject => ({ type, spec_version: '2.1', id, created_by_ref: identity.id, created: ts, modified: ts });

  const objects: StixObject[] = [];

  for (const i of distinctIndicators(a.indicators ?? [])) {
    if (i.kind === 'cve') {
      objects.push({ ...common('vulnerability', sid('vulnerability', i.refanged)), name: i.refanged, external_references: [{ source_name: 'cve', external_id: i.refanged }] });
      continue;
    }
    const pattern = stixPattern(i.kind, i.refanged)!;
    objects.push({
      ...common('indicator', sid('indicator', pattern)),
      name: `${KIND_LABELS[i.kind].replace(/s$/, '')}: ${i.refanged}`,
      description: indicatorDescription(i, articleName),
      pattern,
      pattern_type: 'stix',
      pattern_version: '2.1',
      valid_from: ts,
      ...(i.sanctioned ? { labels: ['ofac-sanctioned'] } : {}),
    });
  }
  // knowledge-base objects: groups, the state bodies they belong to, malware
  const stixIdOf = new Map<string, string>();
  const exported: ExportEntity[] = [];
  const add = (e: ExportEntity, stixType: string, extra: Record<string, unknown>): void => {
    if (stixIdOf.has(e.id)) return;
    const id = sid(stixType, e.id);
    stixIdOf.set(e.id, id);
    exported.push(e);
    const aliases = [...new Set(e.aliases.map((x) => x.name).filter((n) => n !== e.name))];
    const refs = refsOf(e.sources);
    objects.push({
      ...common(stixType, id),
      name: e.name,
      ...(e.description ? { description: e.description } : {}),
      ...(aliases.length ? { aliases } : {}),
      ...extra,
      ...(refs.length ? { external_references: refs } : {}),
    });
  };
  const ids = [...new Set(a.entities.filter((e) => e.type === 'threat-actor' || e.type === 'malware').map((e) => e.id))];
  for (const id of ids) {
    const e = opts.entity(id);
    if (!e) continue;
    if (e.type === 'threat-actor') add(e, 'intrusion-set', {});
    else if (e.type === 'malware') {
      const types = [...new Set((e.tags ?? []).map((t) => MALWARE_TYPES[t]).filter((t): t is string => !!t))];
      add(e, 'malware', { is_family: true, ...(types.length ? { malware_types: types } : {}) });
    }
  }
  for (const g of [...exported]) {
    if (g.type !== 'threat-actor') continue;
    for (const r of g.relations) {
      if (r.type !== 'part-of' && r.type !== 'operated-by') continue;
      const t = opts.entity(r.target);
      if (t?.type === 'agency' || t?.type === 'threat-actor') add(t, t.type === 'agency' ? 'threat-actor' : 'intrusion-set', t.type === 'agency' ? { threat_actor_types: ['nation-state'] } : {});
    }
  }

  const rels = new Map<string, StixObject>();
  const relate = (src: ExportEntity, type: string, tgt: ExportEntity, r: ExportEntity['relations'][number], saying: string): void => {
    const s = stixIdOf.get(src.id);
    const t = stixIdOf.get(tgt.id);
    if (!s || !t || s === t) return;
    const key = `${s}|${type}|${t}|${r.by ?? ''}|${r.source.url}`;
    if (rels.has(key)) return;
    const who = r.by ?? r.source.publisher ?? r.source.title;
    rels.set(key, {
      ...common('relationship', sid('relationship', key)),
      relationship_type: type,
      source_ref: s,
      target_ref: t,
      description: `${saying}, according to ${who}${r.level ? ` (${r.level})` : ''}.`,
      ...(/^https?:\/\//.test(r.source.url) ? { external_references: [{ source_name: who, url: r.source.url, description: r.source.title }] } : {}),
    });
  };
  const byId = new Map(exported.map((e) => [e.id, e]));
  for (const e of exported) {
    for (const r of e.relations) {
      const t = byId.get(r.target);
      if (!t) continue;
      if (e.type === 'threat-actor' && r.type === 'uses' && t.type === 'malware') relate(e, 'uses', t, r, `${e.name} uses ${t.name}`);
      else if (e.type === 'threat-actor' && (r.type === 'part-of' || r.type === 'operated-by' || r.type === 'attributed-to') && t !== e) relate(e, 'attributed-to', t, r, `${e.name} is ${r.type === 'attributed-to' ? 'attributed to' : r.type === 'part-of' ? 'part of' : 'operated by'} ${t.name}`);
      else if (e.type === 'malware' && (r.type === 'attributed-to' || r.type === 'operated-by' || r.type === 'uses') && t.type === 'threat-actor') relate(t, 'uses', e, r, `${e.name} is attributed to ${t.name}`);
    }
  }
  objects.push(...rels.values());

  const articleRefs: { source_name: string; url: string; description?: string }[] = [];
  if (a.url && /^https?:\/\//.test(a.url)) articleRefs.push({ source_name: a.siteName || 'article', url: a.url, description: 'The article these indicators were extracted from' });
  for (const r of a.related ?? []) if (r.kind === 'source' && /^https?:\/\//.test(r.url) && articleRefs.length < 25) articleRefs.push({ source_name: r.title, url: r.url, description: r.why });
  const report: StixObject = {
    ...common('report', sid('report', articleKey)),
    name: a.title || a.url || 'Article',
    description: `What ${articleName} names: indicators found automatically on the reader's device, and the groups and malware the knowledge base (as of ${a.kb?.asOf ?? 'unknown'}) links to it.`,
    report_types: ['threat-report'],
    published: isoOr(a.publishedAt, ts),
    object_refs: objects.length ? objects.map((o) => o.id) : [identity.id],
    ...(articleRefs.length ? { external_references: articleRefs } : {}),
  };
  return { type: 'bundle', id: sid('bundle', report.id), objects: [identity, report, ...objects] };
}

/** Ids the STIX export needs entries for: the groups and malware of the analysis. */
export function stixEntityIds(a: Pick<Analysis, 'entities'>): string[] {
  return [...new Set(a.entities.filter((e) => e.type === 'threat-actor' || e.type === 'malware').map((e) => e.id))];
}

/** The further entries a group needs: the bodies it is part of or operated by. */
export function stixParentIds(entries: readonly ExportEntity[]): string[] {
  return [...new Set(entries.filter((e) => e.type === 'threat-actor').flatMap((e) => e.relations.filter((r) => r.type === 'part-of' || r.type === 'operated-by').map((r) => r.target)))];
}
