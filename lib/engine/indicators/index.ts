/**
 * Indicators of compromise in article text (issue 18): crypto addresses, transaction hashes, ENS
 * names, domains and URLs (defanged too), IPv4 and IPv6, file hashes (MD5, SHA-1, SHA-256), CVE ids.
 *
 * The rule, so that ordinary text yields none (docs/indicators.md):
 * - addresses (found and checked by `addresses.ts`), EVM transaction hashes (`0x` + 64 hex), ENS names
 *   (`name.eth`) and CVE ids have no ordinary meaning: they count wherever they are written;
 * - a 64-hex id without `0x` is a transaction only with "transaction", "tx", "txid"... just before it;
 * - a 32/40/64-hex run is a file hash only where the text marks it as one: "MD5", "SHA-256", "hash"...
 *   on its line just before it, or in a list or column of hashes under such a label;
 * - a domain, URL, IPv4 or IPv6 address counts only when it is written defanged (`evil[.]com`,
 *   `hxxps://`), or lies in a section headed "IOCs"/"Indicators (of compromise)" (up to the next
 *   paragraph of prose) or a list or table that says it lists them ("Phishing domains:"), or when its
 *   own phrase calls it the attackers' ("the phishing domain X", "X, a C2 server": `context.ts`). A
 *   threat word nearby is not enough: "a phishing campaign targeting crates.io users" names the victim.
 *   So news sites ("reported by coindesk.com"), version numbers ("version 1.2.3.4"), file names
 *   ("report.pdf": not a top-level domain) and abbreviations ("e.g.", "U.S.") are not indicators.
 *
 * One pass per pattern, each linear in the text (bounded repetitions, look-behinds that stop a scan
 * from restarting inside a run), and every match counts against the analysis deadline.
 */
import type { AddressHit, AddressScreening, Indicator, IndicatorKind } from '../../shared/contract';
import { NO_DEADLINE, type Deadline } from '../deadline';
import { isListItem, listOpener, treatedAsIndicator } from './context';
import { DOT_SRC, isDefanged, refang } from './refang';
import { isTld } from './tlds';

export { refang } from './refang';

export interface IndicatorOptions {
  /** the addresses the address pass found (each becomes an `address` indicator) */
  addresses?: readonly AddressHit[];
  /** the screening of an address against the bundled lists */
  screen?: (hit: AddressHit) => AddressScreening;
  deadline?: Deadline;
}

const LABEL_SRC = String.raw`[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?`;
/** A host: labels joined by dots, defanged or not. */
const HOST_RE = new RegExp(String.raw`(?<![\w.@/\-\]\)])(${LABEL_SRC}(?:${DOT_SRC}${LABEL_SRC}){1,126})(?![\w-]|${DOT_SRC}[a-z0-9])`, 'gi');
/** A URL with its scheme, defanged or not ("hxxps[:]//"). */
const URL_RE = /(?<![\w])(?:h(?:tt|xx)ps?|f(?:t|x)p)(?::\/\/|\[:\]\/\/|\(:\)\/\/|\[:\/\/\])[^\s<>"'`{}|\\^]+/gi;
const IPV6_RE = /(?<![\w:.])(?:[0-9a-f]{0,4}(?::|\[:\])){2,8}[0-9a-f]{0,4}(?![\w:.]|\[:\])/gi;
const HEX_RE = /(?<![\w$#/.-])(0x)?([0-9a-f]{32,64})(?![\w])/gi;
const CVE_RE = /(?<![\w-])CVE-\d{4}-\d{4,7}(?![\w-])/gi;

const HASH_LABEL = /\b(?:MD5|SHA-?1|SHA-?256|SHA2-?256|hash(?:es)?|checksums?|digests?)\b/i;
const TX_LABEL = /\b(?:tx(?:id|n|s|ids|ns)?|tx hash(?:es)?|txhash(?:es)?|transactions?(?: hash(?:es)?| ids?)?)\b/i;
const NOT_FILE_HASH = /\b(?:commit|git|revision)\b/i;
const VERSION_BEFORE = /\b(?:version|ver\.?|v|build|release|firmware|update|patch|rev\.?)\s*$/i;
const IOC_HEADING = /\b(?:IOCs?|indicators(?: of compromise)?)\b/i;
/** TLDs that are also common file extensions: a plain "invoice.zip" is a file name, "invoice[.]zip" a domain. */
const FILE_EXT_TLDS = new Set(['zip', 'mov', 'py', 'sh', 'rs', 'md', 'pl', 'app']);

/** Lines with what the context rules need: IOC sections, hash lists, line bounds. */
interface LineInfo {
  starts: number[];
  ends: number[];
  ioc: Uint8Array;
  /** 1: a hash list under a hash label, 2: a list of transaction ids */
  list: Uint8Array;
}

const HEX_RUN = /(?<![\w$#])(?:0x)?[0-9a-f]{32,64}(?!\w)/i;
const PROSE_LINE = 200;

function lineInfo(text: string, deadline: Deadline): LineInfo {
  const starts: number[] = [];
  const ends: number[] = [];
  let pos = 0;
  while (pos <= text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl;
    starts.push(pos);
    ends.push(end);
    pos = end + 1;
  }
  const n = starts.length;
  const ioc = new Uint8Array(n);
  const list = new Uint8Array(n);
  let inIoc = false;
  let prevLabel = 0; // the previous non-blank line's label: 0 none, 1 hash, 2 tx
  let prevList = 0;
  let listed: 'list' | 'table' | null = null; // inside a list or table that a line said lists indicators
  for (let i = 0; i < n; i++) {
    if (deadline.step()) break;
    const len = ends[i]! - starts[i]!;
    const line = len <= 2 * PROSE_LINE ? text.slice(starts[i], ends[i]) : '';
    if (len === 0 || (line !== '' && !line.trim())) {
      if (inIoc) ioc[i] = 1;
      continue;
    }
    const short = len > 0 && len <= 80;
    if (short && IOC_HEADING.test(line) && line.split(/\s+/).length <= 10) inIoc = true;
    else if (len > PROSE_LINE) inIoc = false;
    if (listed && (line === '' || !(listed === 'table' ? line.includes('|') : isListItem(line)))) listed = null;
    if (inIoc || listed) ioc[i] = 1;
    if (line !== '') listed = listOpener(line) ?? listed;
    const label = line && len <= 300 ? (TX_LABEL.test(line) ? 2 : HASH_LABEL.test(line) ? 1 : 0) : 0;
    const hex = line !== '' && HEX_RUN.test(line);
    list[i] = hex ? (label || prevList || prevLabel) : 0;
    prevLabel = label;
    prevList = list[i]!;
  }
  return { starts, ends, ioc, list };
}

function lineAt(info: LineInfo, pos: number): number {
  let lo = 0;
  let hi = info.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (info.starts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The text around [start, end) on its line: `before` characters before, `after` after. */
function around(text: string, info: LineInfo, line: number, start: number, end: number, before: number, after: number): { pre: string; post: string } {
  return {
    pre: text.slice(Math.max(info.starts[line]!, start - before), start),
    post: text.slice(end, Math.min(info.ends[line]!, end + after)),
  };
}

/** A (refanged) host name: labels of letters, digits and hyphens, a real top-level domain. */
function hostKind(host: string): 'domain' | 'ens' | 'ipv4' | null {
  const labels = host.split('.');
  if (labels.length < 2 || host.length > 253) return null;
  const last = labels[labels.length - 1]!;
  if (labels.length === 4 && labels.every((l) => /^\d{1,3}$/.test(l))) return labels.every((l) => Number(l) <= 255) ? 'ipv4' : null;
  if (last === 'eth') return labels.slice(0, -1).every((l) => /^[a-z0-9-]+$/.test(l)) && labels[labels.length - 2]!.length >= 3 ? 'ens' : null;
  if (!/^[a-z][a-z0-9-]*$/i.test(last) || !isTld(last)) return null;
  if (labels.some((l) => !/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i.test(l))) return null;
  return 'domain';
}

/** A (refanged) IPv6 address in full or `::` form. */
export function isIpv6(s: string): boolean {
  const parts = s.split('::');
  if (parts.length > 2) return false;
  const groups = (p: string): string[] | null => (p === '' ? [] : p.split(':'));
  const a = groups(parts[0]!);
  const b = parts.length === 2 ? groups(parts[1]!) : [];
  if (!a || !b) return false;
  const all = [...a, ...b];
  if (!all.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return false;
  if (parts.length === 2) return all.length <= 7 && all.length >= 1;
  return all.length === 8;
}

/** Strips what ends a sentence or closes a bracket from the end of a URL. */
function trimUrl(u: string): string {
  let s = u;
  for (;;) {
    const c = s[s.length - 1];
    if (c && '.,;:!?\'"»”’'.includes(c)) s = s.slice(0, -1);
    else if (c === ')' && count(s, '(') < count(s, ')')) s = s.slice(0, -1);
    else if (c === ']' && count(s, '[') < count(s, ']')) s = s.slice(0, -1);
    else return s;
  }
}
function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

/** Every indicator in `text`, in text order; once `deadline` has expired, those found so far. */
export function findIndicators(text: string, options: IndicatorOptions = {}): Indicator[] {
  const deadline = options.deadline ?? NO_DEADLINE;
  const out: Indicator[] = [];
  const info = lineInfo(text, deadline);
  const push = (kind: IndicatorKind, value: string, start: number, extra: Partial<Indicator> = {}, refanged?: string): void => {
    const defanged = isDefanged(value);
    out.push({ kind, value, refanged: refanged ?? refang(value), start, end: start + value.length, ...(defanged ? { defanged } : {}), ...extra });
  };
  /** in an IOC section or list, or its own phrase calls it the attackers' */
  const marked = (start: number, end: number): boolean => {
    const line = lineAt(info, start);
    if (info.ioc[line]) return true;
    const { pre, post } = around(text, info, line, start, end, 160, 80);
    return treatedAsIndicator(pre, post);
  };

  // URLs first: the hosts, hashes and addresses inside them are part of the URL
  const urlSpans: [number, number][] = [];
  URL_RE.lastIndex = 0;
  for (let m = URL_RE.exec(text); m; m = URL_RE.exec(text)) {
    if (deadline.step(4)) break;
    const value = trimUrl(m[0]);
    const ref = refang(value);
    let host: string;
    try {
      host = new URL(ref).hostname.replace(/^\[|\]$/g, '');
    } catch {
      continue;
    }
    const hk = hostKind(host);
    if (!hk && !isIpv6(host)) continue;
    urlSpans.push([m.index, m.index + value.length]);
    if (isDefanged(value) || marked(m.index, m.index + value.length)) push('url', value, m.index, {}, ref);
  }
  let u = 0;
  const inUrl = (start: number): boolean => {
    while (u < urlSpans.length && urlSpans[u]![1] <= start) u++;
    return u < urlSpans.length && urlSpans[u]![0] <= start;
  };

  HOST_RE.lastIndex = 0;
  u = 0;
  for (let m = HOST_RE.exec(text); m; m = HOST_RE.exec(text)) {
    if (deadline.step(2)) break;
    const value = m[1]!;
    const start = m.index;
    if (inUrl(start)) continue;
    const ref = refang(value);
    const kind = hostKind(ref);
    if (!kind) continue;
    const defanged = isDefanged(value);
    if (kind === 'ens') {
      if (!defanged && !/^[a-z0-9.-]+$/.test(value)) continue;
      push('ens', value, start, {}, ref.toLowerCase());
      continue;
    }
    if (kind === 'ipv4') {
      if (!defanged) {
        if (VERSION_BEFORE.test(text.slice(Math.max(0, start - 20), start))) continue;
        if (!marked(start, start + value.length)) continue;
      }
      push('ipv4', value, start, {}, ref);
      continue;
    }
    if (!defanged) {
      const tld = ref.slice(ref.lastIndexOf('.') + 1).toLowerCase();
      if (FILE_EXT_TLDS.has(tld)) continue;
      if (!marked(start, start + value.length)) continue;
    }
    push('domain', value, start, {}, ref.toLowerCase());
  }

  IPV6_RE.lastIndex = 0;
  u = 0;
  for (let m = IPV6_RE.exec(text); m; m = IPV6_RE.exec(text)) {
    if (deadline.step(2)) break;
    const value = m[0];
    if (inUrl(m.index)) continue;
    const ref = refang(value);
    if (!isIpv6(ref) || !/[0-9a-f]/i.test(ref)) continue;
    if (!isDefanged(value) && !marked(m.index, m.index + value.length)) continue;
    push('ipv6', value, m.index, {}, ref.toLowerCase());
  }

  HEX_RE.lastIndex = 0;
  u = 0;
  for (let m = HEX_RE.exec(text); m; m = HEX_RE.exec(text)) {
    if (deadline.step(2)) break;
    const value = m[0];
    const hex = m[2]!;
    const start = m.index;
    const prefixed = !!m[1];
    if (prefixed) {
      // 0x + 40 hex is an address (the address pass reports it); 0x + 64 hex an EVM transaction
      if (hex.length === 64) push('tx', value, start, { chain: 'EVM' }, value.toLowerCase());
      continue;
    }
    if (hex.length !== 32 && hex.length !== 40 && hex.length !== 64) continue;
    if (!/\d/.test(hex) || inUrl(start)) continue;
    const line = lineAt(info, start);
    const { pre } = around(text, info, line, start, start + value.length, 120, 0);
    const list = info.list[line]!;
    const txLabel = TX_LABEL.test(pre);
    if (hex.length === 64 && (txLabel || (!HASH_LABEL.test(pre) && list === 2))) {
      push('tx', value, start, {}, value.toLowerCase());
      continue;
    }
    if (NOT_FILE_HASH.test(pre)) continue;
    if (!(HASH_LABEL.test(pre) || list === 1 || info.ioc[line])) continue;
    push(hex.length === 32 ? 'md5' : hex.length === 40 ? 'sha1' : 'sha256', value, start, {}, value.toLowerCase());
  }

  CVE_RE.lastIndex = 0;
  for (let m = CVE_RE.exec(text); m; m = CVE_RE.exec(text)) {
    if (deadline.step()) break;
    push('cve', m[0], m.index, {}, m[0].toUpperCase());
  }

  for (const a of options.addresses ?? []) {
    if (a.start === undefined || a.end === undefined) continue;
    const screening = options.screen?.(a);
    out.push({
      kind: 'address',
      value: a.text,
      refanged: a.text,
      chain: a.chain,
      valid: a.valid,
      sanctioned: a.sanctioned,
      start: a.start,
      end: a.end,
      ...(screening ? { screening } : {}),
    });
  }

  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
