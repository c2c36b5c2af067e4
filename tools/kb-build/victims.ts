/**
 * Victim entries (exchanges and DeFi protocols) from the incident tables: every victim a table names
 * becomes an entry of its own, so that articles that merely mention a hacked exchange or protocol
 * ("Deribit", "AscendEX", "Alchemix") are recognised even when the incident itself is not named.
 *
 * FACTS only: the victim's name, what kind of target the table says it is, and the losses listed
 * (date, USD amount, the row's primary source). Descriptions are generated here from those facts.
 *
 * A one-word name that is an ordinary word ("Flow", "Save", "Mirror") gets no entry: it starts sentences
 * in every article. Which words are ordinary is read from running text (the caller passes words seen
 * written in lower case), not from a hand list. Another plain capitalised one-word name ("Deribit",
 * "Gamma") is flagged ambiguous: the engine counts it only next to words about an exploit or the
 * victim's kind.
 */
import type { KbEntity, KbSource } from '../../lib/kb/types';
import { normalizeName, slugify } from '../../lib/kb/normalize';
import { formatUsd, humanDate, sentence } from './common';
import { DEFI_TABLE_SOURCE, type RawIncident } from './incidents';

/** Losses below this are left out (the victim is too small to be named in coverage it is not the subject of). */
const MIN_VICTIM_USD = 1_000_000;
/** Sources kept per victim: the largest losses' primary sources, plus the table itself. */
const MAX_VICTIM_SOURCES = 2;

/** targetType of defi_exploits.csv -> entity type. Rows of other kinds ("Other", "Wallet") are skipped. */
const TYPE_OF_TARGET: Record<string, 'exchange' | 'protocol'> = {
  CEX: 'exchange',
  'DeFi Protocol': 'protocol',
  NFTfi: 'protocol',
  DAO: 'protocol',
  Gaming: 'protocol',
  'Layer 1': 'protocol',
};

/** Words near an ambiguous victim name that say the story is about it as a crypto target. */
const VICTIM_CONTEXT = ['exploit', 'exploited', 'exploiter', 'hack', 'hacked', 'hacker', 'attacker', 'drained', 'stolen', 'stole', 'theft', 'protocol', 'exchange', 'liquidity', 'flash loan', 'smart contract', 'vault', 'pool', 'bridge', 'token', 'rekt'];

function kindLabel(type: 'exchange' | 'protocol'): string {
  return type === 'exchange' ? 'centralised crypto exchange' : 'DeFi protocol';
}

/**
 * One entry per victim name (normalised). `ordinaryWords` holds lower-case words seen as ordinary
 * words in running text; a one-word victim name in it is flagged ambiguous.
 */
export function toVictimEntities(rows: RawIncident[], ordinaryWords: ReadonlySet<string>): KbEntity[] {
  const byKey = new Map<string, { name: string; type: 'exchange' | 'protocol'; rows: RawIncident[] }>();
  for (const r of rows) {
    const type = r.targetType ? TYPE_OF_TARGET[r.targetType] : undefined;
    if (!type || !r.victimName || (r.amountUsd ?? 0) < MIN_VICTIM_USD) continue;
    // names the table writes as a sentence or with a qualifier are not a brand ("Hundred Finance 2")
    if (!/^[\p{L}\p{N}][\p{L}\p{N} .'’&-]{1,40}$/u.test(r.victimName) || /\s\d+$/.test(r.victimName)) continue;
    const key = normalizeName(r.victimName);
    if (!key || key.length < 3) continue;
    const g = byKey.get(key);
    if (g) g.rows.push(r);
    else byKey.set(key, { name: r.victimName, type, rows: [r] });
  }
  const out: KbEntity[] = [];
  for (const { name, type, rows: rs } of byKey.values()) {
    // an ordinary word ("Flow", "Save", "Mirror") starts sentences in every article: no entry at all
    if (!/\s/.test(name.trim()) && ordinaryWords.has(name.trim().toLowerCase())) continue;
    rs.sort((a, b) => a.date.localeCompare(b.date));
    const losses = rs.map((r) => `about ${formatUsd(r.amountUsd ?? 0)} on ${humanDate(r.date)}`);
    const sources: KbSource[] = [];
    for (const r of [...rs].sort((a, b) => (b.amountUsd ?? 0) - (a.amountUsd ?? 0))) {
      for (const s of r.sources) if (s.url !== DEFI_TABLE_SOURCE.url && !sources.some((x) => x.url === s.url) && sources.length < MAX_VICTIM_SOURCES - 1) sources.push(s);
    }
    sources.push(DEFI_TABLE_SOURCE);
    // another plain capitalised word ("Deribit", "Gamma"): counted only near words about an exploit or the victim's kind
    const plain = /^\p{Lu}\p{Ll}+$/u.test(name.trim());
    out.push({
      id: slugify(name),
      name,
      type,
      aliases: [],
      description: sentence([
        `${name}: a ${kindLabel(type)} named as the victim of ${rs.length === 1 ? 'an exploit' : `${rs.length} exploits`} in a public incident table.`,
        `Losses listed: ${losses.slice(0, 4).join('; ')}${losses.length > 4 ? '; and more' : ''}.`,
      ]),
      relations: [],
      sanctions: [],
      sources,
      origin: 'derived:victims',
      ...(plain ? { ambiguous: { context: VICTIM_CONTEXT, note: 'a one-word name: counted only where the text is about an exploit, an exchange or a protocol' } } : {}),
      tags: ['incident-victim'],
    });
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Lower-case words of running text (link targets, code and markup removed), for `toVictimEntities`.
 * A word counts when it is written in lower case as a whole word at least `minCount` times.
 */
export function ordinaryWordsOf(texts: Iterable<string>, minCount = 2): Set<string> {
  const counts = new Map<string, number>();
  for (const raw of texts) {
    const text = raw
      .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<[^>]*>/g, ' ')
      .replace(/\]\([^)]*\)/g, ' ')
      .replace(/\b(?:https?:\/\/|www\.)\S+/g, ' ')
      .replace(/\S*[@/\\_#=]\S*/g, ' ');
    for (const m of text.matchAll(/(?<![\p{L}\p{N}.-])[a-z]{3,}(?![\p{L}\p{N}]|\.[a-z])/gu)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= minCount).map(([w]) => w));
}
