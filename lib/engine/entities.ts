/**
 * Entity records that are not knowledge-base names: validated crypto addresses as `address` entities
 * (the contract: "each valid one is also an entity of type address"), and the names on the page's own
 * navigation that no article names (the site's masthead, its search box).
 */
import type { AddressHit, AnalysisEntity } from '../shared/contract';
import { addressEntityId } from '../shared/address-id';
import { IDIOMS } from './vocab';

/** Valid addresses as entities, one per address (EVM addresses compared case-insensitively), mentions in reading order. */
export function addressEntities(hits: readonly AddressHit[]): AnalysisEntity[] {
  const byKey = new Map<string, AnalysisEntity>();
  for (const h of hits) {
    if (!h.valid || h.start === undefined || h.end === undefined) continue;
    const key = /^0x/i.test(h.text) ? h.text.toLowerCase() : h.text;
    const e = byKey.get(key);
    if (e) {
      e.mentions.push({ text: h.text, start: h.start, end: h.end });
      e.sanctioned ||= h.sanctioned;
      continue;
    }
    byKey.set(key, {
      id: addressEntityId(h.chain, key),
      name: h.text,
      type: 'address',
      aliases: [],
      mentions: [{ text: h.text, start: h.start, end: h.end }],
      inferred: false,
      known: false,
      evidence: 'address',
      chain: h.chain,
      valid: true,
      sanctioned: h.sanctioned,
      why: h.sanctioned
        ? `A ${h.chain} address on the US Treasury's OFAC sanctions list${h.designated ? ` (${h.designated})` : ''}.`
        : `A ${h.chain} address; its checksum is valid.`,
    });
  }
  return [...byKey.values()];
}

/** A short line that is a site's search box or navigation label ("Search Inside Bitcoins"). */
const NAV_LINE_RE = /^(?:search|menu|sign in|log in|subscribe to|home)\b[^.!?\n]{0,60}$/i;

/** Spans of the page's navigation lines: names on them are the site's, not the story's. */
export function navigationLines(text: string): [number, number][] {
  const out: [number, number][] = [];
  let pos = 0;
  // only the first lines of a page carry its masthead and search box
  for (let n = 0; n < 12 && pos < text.length; n++) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    const line = text.slice(pos, eol).trim();
    if (line && NAV_LINE_RE.test(line)) out.push([pos, eol]);
    pos = eol + 1;
  }
  return out;
}

/** Does [start, end) lie in one of `spans`? */
export function inSpans(spans: readonly [number, number][], start: number, end: number): boolean {
  return spans.some(([a, b]) => start >= a && end <= b);
}

/** Characters looked at either side of a name for an idiom built on it. */
const IDIOM_WINDOW = 24;

/**
 * Is the name at [start, end) part of an idiom built on a name ("a Trojan horse", "the Robin Hood of
 * DeFi", "a Swiss-cheese defence")? Then it names no one in the story.
 */
export function inIdiom(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - IDIOM_WINDOW);
  const win = text.slice(from, Math.min(text.length, end + IDIOM_WINDOW)).toLowerCase().replace(/[’]/g, "'");
  for (const idiom of IDIOMS) {
    let i = win.indexOf(idiom);
    while (i >= 0) {
      const a = from + i;
      const b = a + idiom.length;
      const whole = !/[\p{L}\p{N}]/u.test(win[i - 1] ?? ' ') && !/[\p{L}\p{N}]/u.test(win[i + idiom.length] ?? ' ');
      if (whole && a <= start && b >= end - 1 - (text[end - 1] === 's' ? 1 : 0) && a < end && b > start) return true;
      i = win.indexOf(idiom, i + 1);
    }
  }
  return false;
}
