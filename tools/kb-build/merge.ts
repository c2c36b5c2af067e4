/**
 * Merge curated and derived entries into the compiled KB.
 *
 * Rule: curated entries win. A derived entry whose id, name or any alias (normalised) meets a
 * curated entry is merged into that entry (union of aliases with their usedBy, sources, relations,
 * tags; curated name, type and description kept), never duplicated. Derived incidents also merge
 * into a curated incident with the same victim within a month. An alias already claimed by another
 * entry is dropped from the newcomer unless both claims are flagged ambiguous.
 */
import { createHash } from 'node:crypto';
import type { CompiledKb, KbAddress, KbAlias, KbEntity, KbRelation, KbSource } from '../../lib/kb/types';
import { normalizeName } from '../../lib/kb/normalize';
import { compiledKbSchema, kbEntitySchema } from '../../lib/kb/schema';

/** Kinds of entry that can be the victim of an incident. */
const VICTIM_TYPES = new Set<string>(['exchange', 'protocol', 'organization', 'mixer', 'cryptocurrency']);

export interface SourceFile {
  file: string;
  origin: string;
  entries: unknown;
}

export interface MergeResult {
  entities: KbEntity[];
  warnings: string[];
  /** problems in curated files (invalid entries, alias clashes between curated entries, dangling relations) */
  curatedProblems: string[];
}

function entityKeys(e: KbEntity): string[] {
  return [normalizeName(e.name), ...e.aliases.map((a) => normalizeName(a.name))].filter(Boolean);
}

function mergeSources(into: KbSource[], from: KbSource[]): void {
  for (const s of from) if (!into.some((x) => x.url === s.url)) into.push(s);
}

function mergeAliases(into: KbAlias[], from: KbAlias[], skip: (key: string) => boolean): void {
  for (const a of from) {
    const key = normalizeName(a.name);
    if (!key) continue;
    const existing = into.find((x) => normalizeName(x.name) === key);
    if (existing) {
      for (const u of a.usedBy ?? []) {
        existing.usedBy ??= [];
        if (!existing.usedBy.includes(u)) existing.usedBy.push(u);
      }
      continue;
    }
    if (skip(key)) continue;
    into.push({ ...a, ...(a.usedBy ? { usedBy: [...a.usedBy] } : {}) });
  }
}

function mergeRelations(into: KbRelation[], from: KbRelation[]): void {
  for (const r of from) {
    if (!into.some((x) => x.type === r.type && x.target === r.target && (x.by ?? '') === (r.by ?? ''))) into.push(r);
  }
}

/** Words that do not tell victims apart ("Euler V1" = "Euler Finance", "Cetus CLMM" = "Cetus Protocol"). */
const GENERIC_VICTIM_WORDS = /^(the|bridge|horizon|finance|financial|protocol|network|exchange|dao|lending|markets?|dex|clmm|perps|capital|labs?|v\d|hack|heist|exploit|theft|attempted)$/i;

/** The first distinctive word of a victim name: how the two sources are matched. */
export function victimStem(name: string): string {
  const words = name
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\.(io|com|fi|finance)\b/gi, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !GENERIC_VICTIM_WORDS.test(w));
  return normalizeName(words[0] ?? name);
}

function daysApart(a: string, b: string): number {
  const p = (d: string): number => Date.parse(d.length === 4 ? `${d}-07-01` : d.length === 7 ? `${d}-15` : d);
  return Math.abs(p(a) - p(b)) / 86_400_000;
}

/** Parses the curated files; invalid entries are reported and left out so a work-in-progress file cannot block the build. */
export function readCurated(files: SourceFile[], problems: string[]): KbEntity[] {
  const out: KbEntity[] = [];
  for (const f of files) {
    if (!Array.isArray(f.entries)) {
      problems.push(`${f.file}: not a JSON array`);
      continue;
    }
    f.entries.forEach((raw, i) => {
      const r = kbEntitySchema.safeParse(raw);
      if (!r.success) {
        const id = typeof raw === 'object' && raw && 'id' in raw ? String((raw as { id: unknown }).id) : `#${i}`;
        problems.push(`${f.file} ${id}: ${r.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
        return;
      }
      out.push({ ...r.data, origin: r.data.origin ?? f.origin } as KbEntity);
    });
  }
  return out;
}

export function mergeEntities(curated: KbEntity[], derived: KbEntity[], curatedProblems: string[]): MergeResult {
  const warnings: string[] = [];
  const entities: KbEntity[] = [];
  const byId = new Map<string, KbEntity>();
  /** normalised alias -> ids of the entries that claim it */
  const claims = new Map<string, Set<string>>();
  const ambiguousClaims = new Set<string>(); // `${id}|${key}` flagged ambiguous
  const isCurated = new Set<string>();

  const claim = (e: KbEntity): void => {
    for (const a of [{ name: e.name } as KbAlias, ...e.aliases]) {
      const key = normalizeName(a.name);
      if (!key) continue;
      let set = claims.get(key);
      if (!set) claims.set(key, (set = new Set()));
      set.add(e.id);
      if (a.ambiguous) ambiguousClaims.add(`${e.id}|${key}`);
    }
  };

  for (const c of curated) {
    if (byId.has(c.id)) {
      curatedProblems.push(`duplicate curated id ${c.id}`);
      continue;
    }
    const copy: KbEntity = structuredClone(c);
    byId.set(copy.id, copy);
    isCurated.add(copy.id);
    entities.push(copy);
    claim(copy);
  }
  // alias clashes among curated entries: reported (the curation owner fixes them)
  for (const [key, ids] of claims) {
    if (ids.size < 2) continue;
    const unflagged = [...ids].filter((id) => !ambiguousClaims.has(`${id}|${key}`));
    if (unflagged.length > 1) curatedProblems.push(`alias "${key}" claimed by ${[...ids].join(', ')} without an ambiguous flag`);
  }

  const curatedIncidents = () => entities.filter((e) => isCurated.has(e.id) && e.incident);

  for (const d of derived) {
    // 1. find the curated entry it describes
    let target: KbEntity | undefined = byId.get(d.id);
    if (target && !isCurated.has(target.id)) {
      warnings.push(`derived id ${d.id} appears twice; second copy dropped`);
      continue;
    }
    if (!target) {
      const nameOwners = claims.get(normalizeName(d.name));
      const curatedNameOwner = nameOwners && [...nameOwners].find((id) => isCurated.has(id));
      if (curatedNameOwner) target = byId.get(curatedNameOwner);
    }
    if (!target) {
      const votes = new Map<string, number>();
      for (const key of entityKeys(d)) for (const id of claims.get(key) ?? []) if (isCurated.has(id)) votes.set(id, (votes.get(id) ?? 0) + 1);
      const best = [...votes].sort((a, b) => b[1] - a[1])[0];
      if (best) target = byId.get(best[0]);
    }
    if (!target && d.incident) {
      const stem = victimStem(d.incident.victimName);
      target = curatedIncidents().find((c) => c.incident && stem && victimStem(c.incident.victimName) === stem && daysApart(c.incident.date, d.incident!.date) <= 31);
    }
    if (target && target.type !== d.type && !(target.type === 'threat-actor' && d.type === 'agency')) {
      // same name, different kind of thing (e.g. AppleJeus the malware vs the group): keep both, the derived one loses the shared names
      target = undefined;
    }

    const claimedByOther = (selfId: string) => (key: string): boolean => {
      const owners = claims.get(key);
      return !!owners && [...owners].some((id) => id !== selfId);
    };

    if (target) {
      const t = target;
      mergeAliases(t.aliases, [{ name: d.name }, ...d.aliases], claimedByOther(t.id));
      mergeSources(t.sources, d.sources);
      mergeRelations(t.relations, d.relations);
      if (!t.country && d.country) t.country = d.country;
      if (!t.firstSeen && d.firstSeen) t.firstSeen = d.firstSeen;
      if (d.tags?.length) t.tags = [...new Set([...(t.tags ?? []), ...d.tags])];
      if (d.incident && t.incident) {
        t.incident.chains ??= d.incident.chains;
        t.incident.technique ??= d.incident.technique;
        if (t.incident.fundsRecovered === undefined && d.incident.fundsRecovered !== undefined) t.incident.fundsRecovered = d.incident.fundsRecovered;
      } else if (d.incident && !t.incident) t.incident = d.incident;
      if (!t.ambiguous && d.ambiguous && normalizeName(t.name) === normalizeName(d.name)) t.ambiguous = d.ambiguous;
      t.origin = [...new Set([...(t.origin ?? 'curated').split('+'), d.origin ?? 'derived'])].join('+');
      claim(t);
      continue;
    }

    const own: KbEntity = structuredClone(d);
    if (byId.has(own.id)) {
      // same id, different kind of thing: the derived entry gets a qualified id
      let n = 2;
      const base = `${own.id}-${own.type}`;
      own.id = base;
      while (byId.has(own.id)) own.id = `${base}-${n++}`;
      warnings.push(`${d.id}: id taken by a ${byId.get(d.id)?.type} entry; derived ${d.type} renamed ${own.id}`);
    }
    if (claimedByOther(own.id)(normalizeName(own.name))) {
      const owners = [...(claims.get(normalizeName(own.name)) ?? [])];
      // keep the entry but flag its name: another entry owns it
      own.ambiguous ??= { context: [own.type === 'malware' ? 'malware' : own.type], note: `"${own.name}" also names ${owners.join(', ')}.` };
      warnings.push(`${own.id}: name "${own.name}" also claimed by ${owners.join(', ')}; flagged ambiguous`);
    }
    const kept: KbAlias[] = [];
    mergeAliases(kept, own.aliases, claimedByOther(own.id));
    const dropped = own.aliases.length - kept.length;
    if (dropped > 0) warnings.push(`${own.id}: ${dropped} alias(es) dropped (claimed by another entry)`);
    own.aliases = kept;
    byId.set(own.id, own);
    entities.push(own);
    claim(own);
  }

  // a derived incident's victim becomes an entry id when the KB has the victim (exchange, protocol...)
  for (const e of entities) {
    if (!e.incident || isCurated.has(e.id) || e.incident.victim !== e.incident.victimName) continue;
    const owners = [...(claims.get(normalizeName(e.incident.victimName)) ?? [])]
      .map((id) => byId.get(id))
      .filter((x): x is KbEntity => !!x && VICTIM_TYPES.has(x.type));
    const victim = owners.length === 1 ? owners[0] : undefined;
    if (!victim) continue;
    e.incident.victim = victim.id;
    const source = e.sources[0];
    if (source && !victim.relations.some((r) => r.type === 'victim-of' && r.target === e.id)) {
      victim.relations.push({ type: 'victim-of', target: e.id, source });
    }
  }

  // relations must point at entries that exist
  for (const e of entities) {
    const before = e.relations.length;
    const dangling = e.relations.filter((r) => !byId.has(r.target));
    if (dangling.length) {
      const msg = `${e.id}: relation target(s) missing: ${dangling.map((r) => r.target).join(', ')}`;
      if (isCurated.has(e.id)) curatedProblems.push(msg);
      else warnings.push(msg);
      e.relations = e.relations.filter((r) => byId.has(r.target));
    }
    void before;
  }
  return { entities, warnings, curatedProblems };
}

/** Stable order: by type, then id. */
function sortEntities(entities: KbEntity[]): KbEntity[] {
  return [...entities].sort((a, b) => a.type.localeCompare(b.type) || a.id.localeCompare(b.id));
}

export function latestDate(dates: (string | undefined)[]): string {
  return dates.filter((d): d is string => !!d).sort().at(-1) ?? '1970';
}

export function compileKb(entities: KbEntity[], addresses: KbAddress[], asOf: string, addressesAsOf: string): CompiledKb {
  const sorted = sortEntities(entities);
  const hash = createHash('sha256').update(JSON.stringify({ sorted, addresses })).digest('hex').slice(0, 10);
  const kb: CompiledKb = { version: `${asOf}+${hash}`, asOf, addressesAsOf, entities: sorted, addresses };
  return compiledKbSchema.parse(kb) as CompiledKb;
}
