/**
 * Markdown / plain-text articles to engine input: YAML or TOML front matter (its title, address and publication date), markdown
 * syntax stripped to readable text (links keep their words, images and raw HTML go), paragraphs kept
 * as blank-line-separated blocks. Pure; used by the CLI for .md/.txt inputs.
 */
import type { AnalysisInput } from '../shared/contract';
import { countParagraphs } from './is-article';

export interface FrontMatter {
  title?: string;
  date?: string;
  url?: string;
}

function unquote(v: string): string {
  const t = v.trim();
  if ((t.startsWith('"') && t.endsWith('"')) || (t.startsWith("'") && t.endsWith("'"))) return t.slice(1, -1);
  return t;
}

/** Front-matter keys that carry the publication date, as static-site generators and feed exports name it. */
const DATE_KEYS = new Set(['date', 'published', 'pubdate', 'published_at', 'publishedat', 'datepublished']);

/**
 * YAML front matter ("---" lines, `key: value`) or TOML front matter ("+++" lines, `key = value`): its title,
 * address and publication date. A site path with the day in it ("2025/09/24/slug") dates the page when no key does.
 */
function splitFrontMatter(src: string): { front: FrontMatter; body: string } {
  const m = /^\uFEFF?(---|\+\+\+)\r?\n([\s\S]*?)\r?\n\1\r?\n?/.exec(src);
  if (!m) return { front: {}, body: src };
  const front: FrontMatter = {};
  const sep = m[1] === '+++' ? '=' : ':';
  let pathDate: string | undefined;
  for (const line of m[2]!.split(/\r?\n/)) {
    const at = line.indexOf(sep);
    if (at < 1 || /^\s/.test(line)) continue; // nested keys ("  team: ...") and tables are not the page's own fields
    const key = line.slice(0, at).trim().toLowerCase();
    const val = unquote(line.slice(at + 1));
    if (!val) continue;
    if (key === 'title') front.title ??= val;
    else if (DATE_KEYS.has(key)) front.date ??= val;
    else if (key === 'url' || key === 'canonical_url' || key === 'link') front.url ??= val;
    else if (key === 'path' || key === 'slug') pathDate ??= /(?:^|\/)((?:19|20)\d{2})\/(\d{2})\/(\d{2})\//.exec(val)?.slice(1, 4).join('-');
  }
  if (!front.date && pathDate) front.date = pathDate;
  return { front, body: src.slice(m[0].length) };
}

/** Text without HTML comments; an unclosed "<!--" is left as it is (one scan, where a lazy pattern would rescan the rest of the text for each opener). */
function withoutComments(s: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = s.indexOf('<!--', from);
    if (open < 0) break;
    const close = s.indexOf('-->', open + 4);
    if (close < 0) break;
    out += s.slice(from, open);
    from = close + 3;
  }
  return out + s.slice(from);
}

/**
 * Markdown to plain text. Every pattern stops at the next opener of its kind ("[" in link and image
 * text and addresses, "<" in a tag), so that a page of unclosed openers is read once, not once per opener.
 */
export function markdownToText(md: string): string {
  let s = md.replace(/\r\n?/g, '\n');
  s = s.replace(/```[\s\S]*?```/g, '\n'); // code blocks
  s = withoutComments(s);
  s = s.replace(/<\/?[a-zA-Z][^<>\n]*>/g, ' '); // inline HTML tags
  s = s.replace(/!\[[^\][]*\]\([^)[]*\)/g, ''); // images
  s = s.replace(/\[!\[[^\][]*\]\([^)[]*\)\]\([^)[]*\)/g, '');
  // links keep their words, and a space before a word that follows right after the link ("[0xab…](url)and"
  // must not become "0xab…and", which breaks the address)
  s = s.replace(/\[([^\][]*)\]\((?:[^()[]|\([^()[]*\))*\)(?=([\p{L}\p{N}])?)/gu, (_m, words: string, next?: string) => (next ? `${words} ` : words));
  s = s.replace(/\[([^\][]+)\]\[[^\][]*\]/g, '$1');
  s = s.replace(/^[ \t]{0,3}\[[^\][\n]+\]:[ \t]+\S+.*$/gm, ''); // link definitions
  s = s.replace(/^[ \t]{0,3}#{1,6}[ \t]+/gm, ''); // headings
  s = s.replace(/^[ \t]{0,3}>[ \t]?/gm, ''); // quotes
  s = s.replace(/^[ \t]*(?:[-*+]|\d+[.)])[ \t]+/gm, ''); // list markers
  s = s.replace(/^[ \t]*(?:[-*_][ \t]*){3,}$/gm, ''); // rules
  s = s.replace(/(\*\*|__)(.+?)\1/g, '$2');
  s = s.replace(/(^|[\s(])[*_]([^*_\n]+)[*_](?=[\s).,;:!?]|$)/g, '$1$2');
  s = s.replace(/`([^`]+)`/g, '$1');
  s = s.replace(/^\|.*\|$/gm, (row) => (/^\|[\s:|-]+\|$/.test(row) ? '' : row.replace(/\|/g, ' ').trim()));
  s = s.replace(/[ \t\u00a0]+/g, ' ');
  s = s.replace(/ *\n */g, '\n');
  s = s.replace(/\n{3,}/g, '\n\n');
  return s.trim();
}

/** Words a headline line has at least / at most. */
const HEADLINE_MIN_WORDS = 4;
const HEADLINE_MAX_WORDS = 25;
/** Only the first lines of a plain text are considered for its headline. */
const HEADLINE_SCAN_LINES = 6;

/** A plain text's headline: an early line in Title Case without a full stop ("North Korea Has Raked in $2 Billion ..."). */
export function guessHeadline(text: string): string | null {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, HEADLINE_SCAN_LINES);
  for (const line of lines) {
    const words = line.split(/\s+/);
    if (words.length < HEADLINE_MIN_WORDS || words.length > HEADLINE_MAX_WORDS || /[.!?:]$/.test(line)) continue;
    const content = words.filter((w) => /^[\p{L}]/u.test(w) && !/^(?:a|an|the|and|or|of|in|on|at|to|for|from|by|with|as|is|its)$/i.test(w));
    if (content.length && content.filter((w) => /^\p{Lu}/u.test(w)).length / content.length >= 0.8) return line;
  }
  return null;
}

/** Lines of a plain text's head searched for XML-like fields. */
const FIELD_SCAN_LINES = 8;
/** A field line is at most this long (a title or an address); longer lines are body text and are not matched. */
const FIELD_MAX_CHARS = 1000;
/** A field line ("<title>Hospital pays ransom</title>") and a line that is only an opening or closing tag ("<text>"). */
const FIELD_LINE_RE = /^<([a-z]+)>\s*([^<>\n]*?)\s*<\/\1>$/i;
const TAG_LINE_RE = /^<\/?[a-z]+>$/i;

/**
 * A plain text exported as XML-like fields ("<title>…</title>", "<source>…</source>", "<date>…</date>",
 * then the body inside "<text>…</text>", as news-corpus exports are): its title, address and date, and
 * the body without the field and tag lines. Only the first lines are searched for fields; other texts
 * come back unchanged.
 */
export function splitFieldLines(text: string): { front: FrontMatter; body: string } {
  const lines = text.split('\n');
  const front: FrontMatter = {};
  let fields = 0;
  const keep: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.trim();
    const f = i < FIELD_SCAN_LINES && t.length <= FIELD_MAX_CHARS ? FIELD_LINE_RE.exec(t) : null;
    if (f) {
      const key = f[1]!.toLowerCase();
      const val = f[2]!;
      if (key === 'title' && val) front.title = val;
      else if ((key === 'source' || key === 'url' || key === 'link') && /^https?:\/\/\S+$/.test(val)) front.url = val;
      else if (key === 'date' && /^\d{4}[-_/.]\d{2}[-_/.]\d{2}$/.test(val)) front.date = val.replace(/[_/.]/g, '-');
      fields++;
      continue;
    }
    if (t.length <= FIELD_MAX_CHARS && TAG_LINE_RE.test(t)) continue;
    keep.push(lines[i]!);
  }
  return fields ? { front, body: keep.join('\n') } : { front: {}, body: text };
}

/** Build engine input from a .md/.txt source. */
export function textInput(src: string, opts: { markdown: boolean }): AnalysisInput {
  const split = splitFrontMatter(src);
  let front = split.front;
  let body = split.body;
  if (!opts.markdown) {
    const fields = splitFieldLines(body.replace(/\r\n?/g, '\n'));
    front = { ...fields.front, ...front };
    body = fields.body;
  }
  const heading = opts.markdown ? /^\s{0,3}#\s+(.+?)\s*#*\s*$/m.exec(body.slice(0, 2000))?.[1] : undefined;
  const text = opts.markdown ? markdownToText(body) : body.replace(/\r\n?/g, '\n').replace(/[ \t\u00a0]+/g, ' ').replace(/\n{3,}/g, '\n\n').trim();
  const paragraphs = countParagraphs(text);
  return {
    text,
    title: front.title ?? (heading ? markdownToText(heading) : guessHeadline(text)),
    url: front.url && /^https?:\/\//.test(front.url) ? front.url : null,
    publishedAt: front.date ?? null,
    structure: { paragraphs, linkDensity: 0 },
  };
}
