/**
 * The analysis engine: text in, `Analysis` out. Pure TypeScript, no DOM: the same code runs in the
 * extension's service worker and in Node (CLI, tests).
 *
 *   const engine = createEngine(loadKb().kb);   // compiles the matcher once
 *   engine.analyze({ text, title, url });
 *
 * Every pass is linear in the text, and an analysis has a time budget: a pass that runs over it stops,
 * the result carries what is ready and `cut` names the pass.
 */
import type { AddressHit, Amount, Analysis, AnalysisEntity, AnalysisInput, EntityType } from '../shared/contract';
import type { CompiledKb, KbAddress, KbEntity } from '../kb/types';
import { addressIndex, findAddresses } from './addresses';
import { findIndicators } from './indicators';
import { addressScreener } from './indicators/screening';
import { detect } from './detect';
import { disclaimers } from './disclaimers';
import { inferEntities } from './infer';
import { isArticle } from './is-article';
import { compileMatcher, type CompiledMatcher } from './matcher';
import { USD_PER_UNIT, findAmounts } from './money';
import { addressEntities, inSpans, navigationLines } from './entities';
import { confidenceOf } from './evidence';
import { articleDescription } from './apposition';
import { findPeopleAndOrgs, warmUpNer } from './ner';
import { buildReverseIndex, related, type ReverseIndex } from './related';
import { attackPhrases, countryNameSpans, incidentsByVictim, resolveMentions } from './resolve';
import { summarize } from './summary';
import { buildKeyFacts } from './key-facts';
import { deadlineAfter } from './deadline';
import { spanIndex } from './spans';
import { ms, now, splitSentences, tokenize } from './text';

/** Texts longer than this are cut before analysis: no news article is longer; a data dump is not an article. */
export const MAX_TEXT_CHARS = 400_000;
/**
 * Milliseconds an analysis may take before its passes stop: a 400,000-character article (MAX_TEXT_CHARS)
 * takes well under it on a 2-core laptop, so only a hostile or broken page is cut, and the background
 * answers other tabs again within 2 s.
 */
export const ANALYSIS_BUDGET_MS = 1_500;
/** Summary and NER run from this score up: just under the threshold too, so borderline pages still get names in the popup. */
const SUMMARY_MIN_SCORE = 0.35;
/** The knowledge-base names an analysis keeps as the reason's data (`cryptoSecurity.names`), most mentioned first. */
const MAX_REASON_NAMES = 5;

const ACTOR_VICTIM: ReadonlySet<EntityType> = new Set(['threat-actor', 'agency', 'malware', 'exchange', 'protocol', 'mixer', 'incident', 'person', 'organization', 'sanctioned-jurisdiction']);

export interface AnalyzeOptions {
  /** Milliseconds before the passes stop (default ANALYSIS_BUDGET_MS; Infinity: no budget). */
  budgetMs?: number;
  /** The clock the budget is read on, in milliseconds (default: performance.now); tests inject their own. */
  clock?: () => number;
}

export interface Engine {
  analyze(input: AnalysisInput, options?: AnalyzeOptions): Analysis;
  readonly kb: CompiledKb;
  readonly matcher: CompiledMatcher;
}

type KbLike = CompiledKb | { kb: CompiledKb };

function kbOf(k: KbLike): CompiledKb {
  return 'entities' in k ? k : k.kb;
}

export function createEngine(kbLike: KbLike): Engine {
  const kb = kbOf(kbLike);
  const all = kb.entities;
  const byId = new Map<string, KbEntity>(all.map((e) => [e.id, e]));
  const matcher = compileMatcher({ entities: all });
  const sanctioned: Map<string, KbAddress> = addressIndex(kb.addresses ?? []);
  const reverse: ReverseIndex = buildReverseIndex(kb.entities);
  const entity = (id: string): KbEntity | undefined => byId.get(id);
  const incidentsOf = incidentsByVictim(all);
  warmUpNer();
  return { kb, matcher, analyze: (input, options = {}) => run(input, options, kb, matcher, entity, sanctioned, reverse, incidentsOf) };
}

const engines = new WeakMap<object, Engine>();

/** One-shot convenience: compiles (and caches per KB object) an engine, then analyses. */
export function analyze(input: AnalysisInput, kbLike: KbLike, options?: AnalyzeOptions): Analysis {
  const key = kbLike as object;
  let e = engines.get(key);
  if (!e) {
    e = createEngine(kbLike);
    engines.set(key, e);
  }
  return e.analyze(input, options);
}

function run(
  input: AnalysisInput,
  options: AnalyzeOptions,
  kb: CompiledKb,
  matcher: CompiledMatcher,
  entity: (id: string) => KbEntity | undefined,
  sanctioned: Map<string, KbAddress>,
  reverse: ReverseIndex,
  incidentsOf: (victimId: string) => readonly KbEntity[],
): Analysis {
  const timings: Record<string, number> = {};
  const deadline = deadlineAfter(options.budgetMs ?? ANALYSIS_BUDGET_MS, options.clock);
  let cut: Analysis['cut'] = null;
  const t0 = now();
  let t = t0;
  // the first stage in which a pass found the budget spent is the one reported as cut
  const lap = (name: string): void => {
    const n = now();
    timings[name] = ms(n - t);
    t = n;
    if (deadline.hit && !cut) cut = { stage: name, reason: 'time' };
  };

  const text = input.text.length > MAX_TEXT_CHARS ? input.text.slice(0, MAX_TEXT_CHARS) : input.text;
  const tokens = tokenize(text, deadline);
  const sentences = splitSentences(text, deadline);
  lap('tokenize');

  const raw = matcher.match(text, tokens, undefined, deadline);
  const mentions = attackPhrases(text, resolveMentions(text, tokens, raw, entity, deadline), incidentsOf);
  lap('match');

  const amounts: Amount[] = findAmounts(text, deadline);
  lap('amounts');
  const addresses: AddressHit[] = findAddresses(text, sanctioned, deadline);
  lap('addresses');
  const indicators = findIndicators(text, { addresses, screen: addressScreener(kb, sanctioned, entity), deadline });
  lap('indicators');

  // group mentions per entity
  const perEntity = new Map<string, { e: KbEntity; mentions: typeof mentions }>();
  for (const m of mentions) {
    const e = entity(m.entityId)!;
    const g = perEntity.get(e.id);
    if (g) g.mentions.push(m);
    else perEntity.set(e.id, { e, mentions: [m] });
  }
  const kbTypes: Partial<Record<EntityType, number>> = {};
  for (const g of perEntity.values()) kbTypes[g.e.type] = (kbTypes[g.e.type] ?? 0) + g.mentions.length;

  const kbNames = [...perEntity.values()]
    .filter((g) => g.e.type !== 'sanctioned-jurisdiction' && g.e.type !== 'cryptocurrency')
    .sort((a, b) => b.mentions.length - a.mentions.length)
    .map((g) => g.e.name);
  const detection = detect({
    text,
    title: input.title,
    kbTypes,
    kbNames,
    stolenAmounts: amounts.filter((a) => a.role === 'stolen' || a.role === 'laundered').length,
    cryptoAmounts: amounts.filter((a) => !(a.currency in USD_PER_UNIT)).length,
  });
  const article = isArticle(input, detection.features.words);
  const detected = detection.detected && article.isArticle;
  lap('detect');

  // The page's navigation lines ("Search Inside Bitcoins") name no entity of the story (issue 14). A
  // knowledge-base name equal to the site's own stays: a project's blog reports its own incidents.
  const nav = navigationLines(text);
  for (const [id, g] of perEntity) {
    g.mentions = g.mentions.filter((m) => !inSpans(nav, m.start, m.end));
    if (!g.mentions.length) perEntity.delete(id);
  }
  // Ambiguous names count only on pages about the topic
  if (!detected) {
    for (const [id, g] of perEntity) {
      g.mentions = g.mentions.filter((m) => !m.contextual);
      if (!g.mentions.length) perEntity.delete(id);
    }
  }

  const entities: AnalysisEntity[] = [];
  for (const g of perEntity.values()) {
    entities.push({
      id: g.e.id,
      name: g.e.name,
      type: g.e.type,
      aliases: g.e.aliases.map((a) => a.name).filter((n) => n !== g.e.name),
      mentions: g.mentions.map((m) => ({ text: m.text, start: m.start, end: m.end })),
      inferred: false,
      known: true,
      evidence: 'kb',
      why: g.e.description ? g.e.description.slice(0, 160) : undefined,
    });
  }

  if (detected || detection.score >= SUMMARY_MIN_SCORE) {
    // a country's name the resolver left out (a place, not a jurisdiction of the story) is no other name either
    const covered = spanIndex([...mentions, ...countryNameSpans(raw, entity)]).overlaps;
    const knownNames = new Set(entities.map((e) => e.name.toLowerCase()));
    for (const n of findPeopleAndOrgs(text, tokens, covered, deadline, input)) {
      if (knownNames.has(n.name.toLowerCase())) continue;
      const mentions = n.mentions.filter((m) => !inSpans(nav, m.start, m.end));
      if (!mentions.length) continue;
      const articleDesc = articleDescription(text, mentions);
      entities.push({ id: n.id, name: n.name, type: n.type, aliases: n.aliases, mentions, inferred: false, known: false, evidence: 'name-finder', rule: n.rule, why: n.why, ...(articleDesc ? { articleDescription: articleDesc } : {}) });
    }
  }
  lap('ner');

  const named = [...perEntity.values()].map((g) => g.e);
  const inferred = detected ? inferEntities(named, entity) : [];
  for (const inf of inferred) {
    entities.push({
      id: inf.entity.id,
      name: inf.entity.name,
      type: inf.entity.type,
      aliases: inf.entity.aliases.map((a) => a.name),
      mentions: [],
      inferred: true,
      via: inf.via,
      known: true,
      evidence: 'inferred',
      // no `why`: the popup words it from `via`, the analyze command in English (lib/shared/analysis-words.ts inferredWhy)
    });
  }
  lap('infer');

  entities.push(...addressEntities(addresses));
  for (const e of entities) {
    const c = confidenceOf(e);
    if (c !== null) e.confidence = c;
  }
  entities.sort((a, b) => Number(a.inferred) - Number(b.inferred) || (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0));

  const keyFacts = buildKeyFacts({ text, title: input.title, sentences, amounts, entities, publishedAt: input.publishedAt, incidentVictim: (id) => incidentVictim(entity(id)), deadline });
  lap('keyFacts');

  const summary = detected || detection.score >= SUMMARY_MIN_SCORE
    ? summarize({
        sentences,
        title: input.title,
        amounts,
        entitySpans: entities
          .filter((e) => ACTOR_VICTIM.has(e.type))
          .flatMap((e) => e.mentions.map((m) => ({ start: m.start, end: m.end, weight: e.known ? 1 : 0.6 }))),
        totalWords: detection.features.words,
        keyFacts,
        deadline,
      })
    : [];
  lap('summary');

  const attributedBy = [...new Set(inferred.flatMap((i) => i.via.map((v) => v.by)))];
  const actors = entities.filter((e) => e.type === 'threat-actor');
  const discl = disclaimers({ sentences, kbAsOf: kb.asOf, attributedBy, hasActors: actors.length > 0, deadline });
  lap('disclaimers');

  const rel = detected
    ? related(
        [...perEntity.values()].map((g) => ({ entity: g.e, inferred: false, mentions: g.mentions.length })).concat(inferred.map((i) => ({ entity: i.entity, inferred: true, mentions: 0 }))),
        reverse,
      )
    : [];
  lap('related');


  const total = ms(now() - t0);
  return {
    input: undefined,
    title: input.title ?? null,
    isArticle: article.isArticle,
    // the checks' reasons: detect's notes, and as data why the page is or is not an article and the names
    // that counted, worded where shown (lib/shared/reasons.ts; the analyze command adds the article's note)
    cryptoSecurity: {
      detected,
      score: detection.score,
      // the notes as codes (`notes`); `reasons`, the contract's words, are filled by the analyze command
      reasons: [],
      notes: detection.notes,
      ...(detection.detected && !article.isArticle ? { notReported: true } : {}),
      ...(kbNames.length ? { names: kbNames.slice(0, MAX_REASON_NAMES) } : {}),
    },
    articleWhy: article.why,
    entities,
    amounts,
    addresses,
    indicators,
    summary,
    disclaimers: discl,
    related: rel,
    timingsMs: { ...timings, total },
    url: input.url ?? null,
    siteName: input.siteName ?? null,
    publishedAt: input.publishedAt ?? null,
    keyFacts,
    kb: { version: kb.version, asOf: kb.asOf },
    cut,
  };
}

/** The victim of an incident the knowledge base records (its entry id, else its name). */
function incidentVictim(k: KbEntity | undefined): { id: string; name: string } | null {
  return k?.incident ? { id: k.incident.victim, name: k.incident.victimName } : null;
}
