/**
 * Cue passes for people and organisations the knowledge base lacks, used by `ner.ts`. Each looks at
 * what the article itself says a name is, so none needs a parse:
 *
 * - East Asian name shapes: "Park Jin Hyok", "Kim Se Un" (Korean: surname first, syllable given names),
 *   "Yajin Zhou", "Changpeng Zhao" (Chinese given name + surname in Western order).
 * - Lists after a cue: "credit: samczsun, Zellic.io, Kelvin Fichter" (thanks and credit lines name the
 *   researchers), "companies including InDeFi Bank, Exved, Old Vector, A7 and A7 Agent" (a plural
 *   noun says what every item of the list is).
 * - Indictment lists: "Marlon Ferro, 19 (Santa Ana, California)": a name followed by an age.
 */
import { NO_DEADLINE, type Deadline } from './deadline';
import type { Token } from './text';

/** Common Korean surnames in the romanisations news uses (North and South Korean spellings). */
const KOREAN_SURNAMES = new Set([
  'kim', 'lee', 'ri', 'yi', 'rim', 'lim', 'im', 'park', 'pak', 'choi', 'choe', 'jung', 'jong', 'chong', 'chung', 'kang', 'cho', 'jo',
  'yoon', 'yun', 'jang', 'chang', 'han', 'oh', 'seo', 'so', 'shin', 'sin', 'kwon', 'hwang', 'ahn', 'an', 'song', 'jeon', 'jon', 'chon',
  'hong', 'ko', 'moon', 'mun', 'yang', 'son', 'bae', 'paek', 'baek', 'heo', 'ho', 'nam', 'sim', 'shim', 'noh', 'ro', 'ha', 'kwak',
  'sung', 'cha', 'ju', 'joo', 'woo', 'min', 'ryu', 'yu', 'myong', 'jin', 'um', 'kil', 'kye', 'jun', 'hyon', 'hyun', 'tak', 'chae',
]);

/** Common Chinese surnames in pinyin (and a few Cantonese/Hokkien spellings seen in court filings). */
const CHINESE_SURNAMES = new Set([
  'wang', 'li', 'zhang', 'liu', 'chen', 'yang', 'huang', 'zhao', 'wu', 'zhou', 'xu', 'sun', 'ma', 'zhu', 'hu', 'guo', 'he', 'lin',
  'gao', 'luo', 'zheng', 'liang', 'xie', 'tang', 'song', 'deng', 'feng', 'han', 'cao', 'peng', 'zeng', 'xiao', 'tian', 'dong', 'pan',
  'yuan', 'cai', 'jiang', 'yu', 'du', 'ye', 'cheng', 'wei', 'su', 'lu', 'ding', 'ren', 'shen', 'yao', 'zhong', 'cui', 'tan', 'fan',
  'shou', 'qian', 'qin', 'xue', 'lei', 'hou', 'meng', 'bai', 'kong', 'mao', 'qiu', 'gu', 'duan', 'lai', 'wan', 'fu', 'shi', 'chan',
  'wong', 'cheung', 'leung', 'lam', 'ng', 'tsang', 'seng', 'ong', 'teo', 'goh', 'tan', 'lim',
]);

/** One romanised Korean or pinyin syllable ("jin", "hyok", "kyong", "chol", "zhou", "chao"). */
const SYLLABLE = '(?:[bcdfghjklmnprstwxyzq]{0,3})(?:a|e|i|o|u|ae|eo|eu|oe|ui|ya|yo|yu|ye|yeo|wa|wo|we|ai|ao|ei|ou|ia|ie|io|iu|ua|uo|ue|iao|uai|uei)(?:ng|n|k|l|m|p|t|r)?';
const ONE_OR_TWO_SYLLABLES = new RegExp(`^(?:${SYLLABLE}){1,2}$`);
const ONE_SYLLABLE = new RegExp(`^${SYLLABLE}$`);

/** Place names that have the shape of an East Asian personal name. */
const PLACE_SHAPED = new Set(['hong kong', 'ho chi minh', 'kim chaek', 'sun moon', 'wan chai', 'kowloon tong']);

/** A place whose name has the shape of a personal name ("Hong Kong"). */
export function placeShaped(name: string): boolean {
  return PLACE_SHAPED.has(name.toLowerCase().replace(/\s+/g, ' '));
}

/**
 * Is this run of Title Case words an East Asian personal name by its shape?
 * Korean: 2-3 words, a Korean surname first, then one-syllable given-name parts ("Park Jin Hyok").
 * Chinese in Western order: 2 words, a pinyin given name of one or two syllables, then a surname ("Yajin Zhou").
 */
export function eastAsianName(words: readonly string[]): boolean {
  if (words.length < 2 || words.length > 3) return false;
  if (!words.every((w) => /^\p{Lu}\p{Ll}{0,9}$/u.test(w))) return false;
  const low = words.map((w) => w.toLowerCase());
  if (PLACE_SHAPED.has(low.join(' '))) return false;
  if (KOREAN_SURNAMES.has(low[0]!) && low.slice(1).every((w) => ONE_SYLLABLE.test(w)) && (words.length === 3 || low[1]!.length >= 3)) return true;
  if (words.length === 2 && CHINESE_SURNAMES.has(low[1]!) && ONE_OR_TWO_SYLLABLES.test(low[0]!) && low[0]!.length >= 4 && !CHINESE_SURNAMES.has(low[0]!)) return true;
  return false;
}

/** A line that credits or thanks people: "Credit: a, b, c", "Credits: ...", "h/t a and b". */
const CREDIT_LINE_RE = /^[\s_*]*(?:credits?|h\/t|hat tip|thanks to|with thanks to)\s*:?\s+/i;
/** Longest credit line looked at: a real one lists a handful of names, not a paragraph. */
const MAX_CREDIT_LINE_CHARS = 400;

export interface CueItem {
  text: string;
  start: number;
  end: number;
}

/** Items of a "Credit: a, b and c" line. */
export function creditItems(text: string, deadline: Deadline = NO_DEADLINE): CueItem[] {
  const out: CueItem[] = [];
  let pos = 0;
  while (pos < text.length) {
    if (deadline.step()) break;
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    const m = eol - pos <= MAX_CREDIT_LINE_CHARS ? CREDIT_LINE_RE.exec(text.slice(pos, eol)) : null;
    if (m) out.push(...splitList(text, pos + m[0].length, eol));
    pos = eol + 1;
  }
  return out;
}

/** Characters after a list's end that a separator starting inside it may take. */
const SEPARATOR_LOOKAHEAD = 8;

/** Splits text[from, to) at commas, semicolons and "and"; items are trimmed of markup and punctuation. */
function splitList(text: string, from: number, to: number): CueItem[] {
  const out: CueItem[] = [];
  // separators are looked for in the list and a few characters after it (" and" needs the space that
  // follows), never in the rest of the text: callers keep lists short, so the pass stays linear
  const list = text.slice(from, to + SEPARATOR_LOOKAHEAD);
  const end = to - from;
  const re = /\s*(?:,\s*(?:and\s+)?|;\s*|\s+and\s+|\s+&\s+)/g;
  let s = 0;
  const push = (a: number, b: number): void => {
    while (a < b && /[\s_*"“”'(]/.test(list[a]!)) a++;
    while (b > a && /[\s_*"“”'.,)!?]/.test(list[b - 1]!)) b--;
    if (b > a) out.push({ text: list.slice(a, b), start: from + a, end: from + b });
  };
  for (;;) {
    const m = re.exec(list);
    if (!m || m.index >= end) break;
    push(s, m.index);
    s = m.index + m[0].length;
    if (s >= end) break;
  }
  if (s < end) push(s, end);
  return out;
}

/** The types a typed list gives its items. */
type ListItemType = 'organization' | 'exchange' | 'protocol' | 'threat-actor';

/** Plural nouns that say what a list's items are, and the type the items get. */
const LIST_HEADS: [RegExp, ListItemType][] = [
  [/\b(?:companies|firms|entities|organi[sz]ations|businesses|banks|vendors|providers|institutions|universities|hospitals|retailers|manufacturers|insurers|victims)$/i, 'organization'],
  [/\b(?:exchanges)$/i, 'exchange'],
  [/\b(?:protocols|bridges|projects)$/i, 'protocol'],
  [/\b(?:gangs|groups|operations|affiliates|crews)$/i, 'threat-actor'],
];
/**
 * "<head> [in Russia and Kyrgyzstan,] including|such as|like|:" then the list; words between head and cue
 * kept short. The head is the last part of a hyphenated word ("mid-sized companies"), so that a run of
 * hyphens is read once, and "(?:\s*,)?\s+" takes a run of spaces in one way only.
 */
const LIST_CUE_RE = /\b([A-Za-z]+)\b((?:\s+(?:in|from|based in|across|of)\s+\p{Lu}[^,.;:\n]{1,40})?)(?:\s*,)?\s+(?:including|included|include|includes|such as|like|namely)\s+|\b([A-Za-z]+):\s+/gu;
/** What an item may start with before its name: "cloud computing company Rackspace", "the Belgian city of Antwerp". */
const ITEM_LEAD_RE = /^(?:the\s+)?(?:[a-z][\w-]*\s+){0,4}(?:(?:\p{Lu}\p{Ll}+\s+)?(?:city|town|county|state|province|municipality|cities|towns|counties)\s+of\s+)?/u;
/** Items taken from one list at most: a longer run of commas is not a list of names. */
const MAX_LIST_ITEMS = 30;
/** Longest list read after a cue, in characters. */
const MAX_LIST_CHARS = 300;

/** Items of lists introduced by a typed plural noun, with the type they get. */
export function cueListItems(text: string, deadline: Deadline = NO_DEADLINE): (CueItem & { type: ListItemType })[] {
  const out: (CueItem & { type: ListItemType })[] = [];
  LIST_CUE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  // lists of the same type can overlap ("firms including A, firms including B, ..."): each item once
  const seen = new Set<string>();
  while ((m = LIST_CUE_RE.exec(text)) !== null) {
    if (deadline.step()) break;
    const head = m[1] ?? m[3] ?? '';
    const kind = LIST_HEADS.find(([re]) => re.test(head));
    if (!kind) continue;
    const from = m.index + m[0].length;
    // the list runs to the end of the sentence (a full stop followed by a space), a colon or a line end
    const rest = text.slice(from, from + MAX_LIST_CHARS);
    const endRel = rest.search(/[.;:!?](?:\s|$)|\n|\s(?:for|to|that|which|who|were|was|are|is|have|has|had|in order)\s/);
    const to = from + (endRel < 0 ? rest.length : endRel);
    for (const it of splitList(text, from, to).slice(0, MAX_LIST_ITEMS)) {
      // "Greenville (North Carolina)": the name without its parenthesis; lower-case words before it go
      const paren = it.text.indexOf(' (');
      const item = paren > 0 ? { ...it, text: it.text.slice(0, paren), end: it.start + paren } : it;
      const lead = ITEM_LEAD_RE.exec(item.text)?.[0].length ?? 0;
      if (lead >= item.text.length || !/^[\p{Lu}\p{N}]/u.test(item.text.slice(lead))) continue;
      const key = `${item.start + lead}:${item.end}:${kind[1]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ text: item.text.slice(lead), start: item.start + lead, end: item.end, type: kind[1] });
    }
  }
  return out;
}

/** "Marlon Ferro, 19 (Santa Ana" / "Jane Roe, 34, of": an age right after a name marks a person. */
export const AGE_AFTER_RE = /^,\s+\d{1,2}(?:\s+\(|,\s+(?:of|from)\b|\s*$|\s*\n)/;
/** "28-year-old Kevin Tyler Martin", "a 47-year-old": an age right before a name. */
export const AGE_BEFORE_RE = /\b\d{1,2}-year-old\s+$/i;

/** Index of the first token that ends after `pos` (binary search). */
export function tokenIndexAt(tokens: readonly Token[], pos: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Tokens of `text[start, end)` (for items found by the list passes), with the index of the first. */
export function tokensIn(tokens: readonly Token[], start: number, end: number): { toks: Token[]; first: number } {
  const first = tokenIndexAt(tokens, start);
  const toks: Token[] = [];
  for (let i = first; i < tokens.length && tokens[i]!.start < end; i++) toks.push(tokens[i]!);
  return { toks, first };
}
