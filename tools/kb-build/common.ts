/**
 * Helpers shared by the derivation steps of `npm run kb:build` (Node only: never imported by the
 * extension).
 */
import type { KbAlias, KbSource } from '../../lib/kb/types';
import { normalizeName } from '../../lib/kb/normalize';

/**
 * A snapshot's commit or date: the pinned value below, or the environment's when the pack pipeline
 * builds from freshly fetched sources (tools/kb-build/fetch-sources.sh writes them to snapshots.env).
 */
function snapshot(name: string, pinned: string, form: RegExp): string {
  const v = process.env[name];
  if (v === undefined || v === '') return pinned;
  if (!form.test(v)) throw new Error(`${name}=${v} is not a ${form === COMMIT ? '40-hex commit' : 'YYYY-MM-DD date'}`);
  return v;
}
const COMMIT = /^[0-9a-f]{40}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Commits of the shared snapshots we derive from (see each folder's SOURCE.md). */
const MISP_COMMIT = snapshot('KB_MISP_COMMIT', '9434ace4eb925c9a1c9b3bccf014a25f9d14f0b0', COMMIT);
export const MISP_DATE = snapshot('KB_MISP_DATE', '2026-08-06', DAY);
export const OFAC_LIST_COMMIT = snapshot('KB_OFAC_COMMIT', 'f2aee2265956bf28ce71824c2c2c8cab02c2e173', COMMIT);
export const OFAC_AS_OF = snapshot('KB_OFAC_AS_OF', '2024-09-27', DAY);
export const DEFI_COMMIT = snapshot('KB_DEFI_COMMIT', 'd0ce02cc8f301e21057963cad83952d39393f379', COMMIT);
/** Date of the defi_exploits snapshot (its commit) — the newest incident data we hold. */
export const DEFI_DATE = snapshot('KB_DEFI_DATE', '2026-02-17', DAY);
/** A hand transcription of a README table (tools/kb-build/pinned/): not refreshed by the pipeline. */
export const TAYVANO_COMMIT = '000ce4a904b729c8d5a147b263a8af442bcbaf0f';

export function mispGalaxySource(galaxy: string): KbSource {
  return {
    title: `MISP galaxy cluster "${galaxy}"`,
    publisher: 'MISP Project',
    url: `https://github.com/MISP/misp-galaxy/blob/${MISP_COMMIT}/clusters/${galaxy}.json`,
    date: MISP_DATE,
  };
}

/** https only; http links are upgraded (same resource), anything else is dropped. */
export function toHttps(url: string | undefined | null): string | undefined {
  if (!url) return undefined;
  const trimmed = url.trim();
  let u: URL;
  try {
    u = new URL(trimmed.replace(/^http:\/\//i, 'https://'));
  } catch {
    return undefined;
  }
  if (u.protocol !== 'https:' || !u.hostname.includes('.')) return undefined;
  // tracking parameters of tweet links add nothing
  if (/(^|\.)(twitter|x)\.com$/.test(u.hostname)) {
    u.search = '';
  }
  return u.toString();
}

const PUBLISHERS: [RegExp, string][] = [
  [/(^|\.)attack\.mitre\.org$/, 'MITRE ATT&CK'],
  [/(^|\.)(cisa|us-cert)\.gov$/, 'CISA'],
  [/(^|\.)fbi\.gov$/, 'FBI'],
  [/(^|\.)ic3\.gov$/, 'FBI IC3'],
  [/(^|\.)justice\.gov$/, 'US Department of Justice'],
  [/(^|\.)treasury\.gov$/, 'US Department of the Treasury'],
  [/(^|\.)microsoft\.com$/, 'Microsoft'],
  [/(^|\.)(mandiant\.com|cloud\.google\.com)$/, 'Mandiant / Google Cloud'],
  [/(^|\.)crowdstrike\.com$/, 'CrowdStrike'],
  [/(^|\.)securelist\.com$/, 'Kaspersky'],
  [/(^|\.)proofpoint\.com$/, 'Proofpoint'],
  [/(^|\.)unit42\.paloaltonetworks\.com$/, 'Palo Alto Networks Unit 42'],
  [/(^|\.)malpedia\.caad\.fkie\.fraunhofer\.de$/, 'Malpedia (Fraunhofer FKIE)'],
  [/(^|\.)rekt\.news$/, 'rekt.news'],
  [/(^|\.)(twitter|x)\.com$/, 'X (Twitter)'],
  [/(^|\.)medium\.com$/, 'Medium'],
  [/(^|\.)github\.com$/, 'GitHub'],
];

/** A source record for a bare reference URL: the publisher is the site, the title says what it is. */
export function urlSource(url: string, title: string, date?: string): KbSource | undefined {
  const https = toHttps(url);
  if (!https) return undefined;
  const host = new URL(https).hostname.replace(/^www\./, '');
  const publisher = PUBLISHERS.find(([re]) => re.test(host))?.[1] ?? host;
  return { title, publisher, url: https, ...(date ? { date } : {}) };
}

/** Who uses a threat-group name, judged from the vendor's naming scheme. */
const NAMING_SCHEMES: [RegExp, string][] = [
  [/^(.+ (sleet|tempest|typhoon|blizzard|sandstorm|hail|dust|flood|cyclone|rain|tsunami))$/i, 'Microsoft'],
  [/^(storm|dev)-\d{3,4}$/i, 'Microsoft'],
  [/^(zinc|plutonium|thallium|copernicium|cerium|osmium|lawrencium|americium|chromium|iridium)$/i, 'Microsoft'],
  [/^.+ (chollima|spider|panda|bear|kitten|jackal)$/i, 'CrowdStrike'],
  [/^(apt|unc|temp\.)\s?-?\d+$|^temp\.[a-z]+$/i, 'Mandiant'],
  [/^(nickel|gold|bronze|iron|cobalt) [a-z]+$/i, 'Secureworks'],
  [/^.+ pisces$|^.+ (libra|ursa|scorpius|serpens)$/i, 'Palo Alto Networks Unit 42'],
  [/^ta\d{3,4}$/i, 'Proofpoint'],
  [/^atk\d+$/i, 'Thales'],
  [/^apt-c-\d+$/i, 'Qihoo 360'],
  [/^g\d{4}$/i, 'MITRE'],
  [/^hidden cobra$/i, 'US government'],
  [/^(stonefly|springtail|appleworm|stardust|whitefly|.+fly)$/i, 'Symantec'],
  [/^(earth|water|void) [a-z]+$/i, 'Trend Micro'],
  [/^black [a-z]+$/i, 'PwC'],
];

export function vendorOfName(name: string): string | undefined {
  return NAMING_SCHEMES.find(([re]) => re.test(name.trim()))?.[1];
}

/**
 * Aliases we never index: ordinary words (or other well-known things) that would light up ordinary
 * pages. A family whose *name* is an ordinary word keeps it, flagged through the entity's `ambiguous`
 * block (see selection.ts).
 */
const ORDINARY_WORDS = new Set(
  [
    'gop', 'reaper', 'sun', 'hydra', 'snake', 'zeta', 'global', 'karma', 'pandora', 'fog', 'bert', 'play', 'royal',
    'hive', 'matrix', 'jigsaw', 'cuba', 'rook', 'cheers', 'hades', 'quantum', 'cactus', 'smoke', 'meh', 'fidel',
    'sharik', 'avos', 'trickster', 'thetrick', 'nightsky', 'bluesky', 'atlas', 'phoenix', 'legion', 'inferno',
    'guardian', 'medusa', 'lynx', 'mimic', 'money', 'sugar', 'magic', 'ragnarok', 'prometheus', 'dark', 'vice',
    'lilith', 'mora', 'kazu', 'cardinal', 'iron', 'venus', 'red', 'silence',
    // other things or words that news text uses
    'mailto', 'ncov', 'arena', 'chacha', 'fargo', 'lead', 'hangman', 'shindig', 'goldeneye', 'double dragon',
    'electrum', 'masan', 'yggdrasil', 'amoeba', 'hoodoo', 'sodin', 'coreid',
    // Microsoft's former name for a Chinese group, but first of all the browser engine
    'chromium',
  ].map(normalizeName),
);

/**
 * Aliases kept but flagged ambiguous (match only with context): Microsoft's former element names
 * ("PLUTONIUM" also appears in nuclear news about North Korea), and words with another common sense.
 */
const CONTEXT_WORDS = new Set(
  [
    'zinc', 'plutonium', 'thallium', 'copernicium', 'cerium', 'osmium', 'lawrencium', 'americium', 'iridium',
    'calcium', 'barium', 'strontium', 'phosphorus', 'mercury', 'bismuth', 'cobalt', 'agenda', 'elbrus', 'red eyes',
    'lazarus', 'konni', 'winnti', 'starfraud', 'planedown', 'vedalia', 'raccoon', 'racoon', 'redline',
    // ATT&CK software names that are also ordinary phrases or words
    'beacon', 'bazar', 'gold dragon', 'brave prince',
  ].map(normalizeName),
);

export function isOrdinaryWord(name: string): boolean {
  return ORDINARY_WORDS.has(normalizeName(name));
}

export function needsContext(name: string): boolean {
  return CONTEXT_WORDS.has(normalizeName(name));
}

/** True when an alias should not be indexed at all. */
export function isJunkAlias(name: string): boolean {
  const key = normalizeName(name);
  if (key.length <= 2) return true;
  if (/^\d+$/.test(key)) return true;
  const t = name.trim();
  if (/\.exe$/i.test(t)) return true;
  // identifiers and labels, not names: "wp_encrypt", "win.xloader", "Win32/Diskcoder.D", "Locky-Osiris 2016",
  // "TeslaCrypt 3.0+", "BlackEnergy (Group)", "Trojan Manuscript"
  if (/_|\/|\+$|\(|^(win|elf|osx|apk|js|ps1|py)\.|^trojan\s/i.test(t)) return true;
  if (/[a-z].*\s(19|20)\d\d$/i.test(t)) return true;
  if (/ransomsware|^java notdharma$|^no.?name/i.test(t)) return true;
  return false;
}

/** Adds an alias once (by normalised key), merging `usedBy`. */
export function addAlias(list: KbAlias[], name: string, usedBy?: string | string[], ambiguous?: boolean): void {
  const clean = name.replace(/^subgroup:\s*/i, '').replace(/\s+/g, ' ').trim();
  if (!clean) return;
  const key = normalizeName(clean);
  const who = (Array.isArray(usedBy) ? usedBy : usedBy ? [usedBy] : []).filter(Boolean);
  const existing = list.find((a) => normalizeName(a.name) === key);
  if (existing) {
    for (const w of who) {
      existing.usedBy ??= [];
      if (!existing.usedBy.includes(w)) existing.usedBy.push(w);
    }
    if (ambiguous) existing.ambiguous = true;
    return;
  }
  list.push({ name: clean, ...(who.length ? { usedBy: [...who] } : {}), ...(ambiguous ? { ambiguous: true } : {}) });
}

const MONTHS: Record<string, string> = {
  jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06', jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12',
};

/** "June 2021" -> "2021-06", "2019" -> "2019", "November/December 2016" -> "2016". Undefined when unsure. */
export function parseLooseDate(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const t = text.trim().toLowerCase();
  const m = /^([a-z]{3})[a-z]*\.?\s+(\d{4})$/.exec(t);
  if (m && m[1] && m[2] && MONTHS[m[1]]) return `${m[2]}-${MONTHS[m[1]]}`;
  const y = /\b((?:19|20)\d{2})\b/.exec(t);
  return y?.[1];
}

/** Joins sentence parts and cuts to the description limit at a word boundary. */
export function sentence(parts: (string | undefined | false)[], max = 400): string {
  let out = parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join(' ');
  if (out.length > max) {
    out = out.slice(0, max - 1);
    out = out.slice(0, out.lastIndexOf(' ')).replace(/[,;:]$/, '') + '…';
  }
  return out;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2021-06" -> "June 2021", "2019-03-25" -> "25 March 2019", "2018" -> "2018". */
export function humanDate(date: string): string {
  const [y, m, d] = date.split('-');
  const month = m ? MONTH_NAMES[Number(m) - 1] : undefined;
  if (!month) return y ?? date;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

export function listNames(names: string[], max: number): string {
  const shown = names.slice(0, max);
  return shown.join(', ') + (names.length > max ? ' and others' : '');
}

/** Amounts in the KB's descriptions, in English words: the one formatter in lib/shared/usd.ts. */
export { formatUsdWords as formatUsd } from '../../lib/shared/usd';
