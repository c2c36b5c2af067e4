/**
 * Dates in news writing, with their precision: "on March 3", "3 March 2025", "2025-03-03", "in March",
 * "March 2025", "in 2018", "on Monday", "yesterday", "last month", "earlier this year". Relative forms
 * are resolved against the publication date and dropped when there is none. Pure; every function reads
 * its input once with non-nested patterns (linear).
 */

/** A calendar date with the precision the text gives it. */
export interface Ymd {
  y: number;
  m?: number; // 1..12
  d?: number; // 1..31
}

export type Precision = 'year' | 'month' | 'day';

export interface DateHit extends Ymd {
  start: number;
  end: number;
  /** the text states it against the publication date ("on Monday", "last month") */
  relative: boolean;
  /** a weekday or "today" right after a speech verb ("said Wednesday"): when it was said, not when it happened */
  speech: boolean;
  /** the days the text leaves open ("over the weekend", "three weeks ago"), as day keys (y*10000+m*100+d), for a later, finer date to fall in */
  range?: [number, number];
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_RE_SRC = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)`;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

function monthOf(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

export function iso(d: Ymd): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return d.m === undefined ? String(d.y) : d.d === undefined ? `${d.y}-${p(d.m)}` : `${d.y}-${p(d.m)}-${p(d.d)}`;
}

export function precisionOf(d: Ymd): Precision {
  return d.m === undefined ? 'year' : d.d === undefined ? 'month' : 'day';
}

function utc(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d);
}

function fromUtc(t: number): Ymd {
  const x = new Date(t);
  return { y: x.getUTCFullYear(), m: x.getUTCMonth() + 1, d: x.getUTCDate() };
}

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  return new Date(utc(y, m, d)).getUTCDate() === d;
}

/** The calendar day of a publication date ("2019-08-07T09:30:00Z", "2018_01_17", "April 1, 2026"), or null. */
export function parsePublished(raw: string | null | undefined): Ymd | null {
  if (!raw) return null;
  const s = raw.trim().slice(0, 80);
  const isoM = /^((?:19|20)\d{2})[-_/.](\d{1,2})[-_/.](\d{1,2})/.exec(s);
  if (isoM) {
    const [y, m, d] = [Number(isoM[1]), Number(isoM[2]), Number(isoM[3])];
    return validDay(y, m, d) ? { y, m, d } : null;
  }
  // the year last: "15-01-2022 14:47" (day first with "-" or "."), "01/15/2022" (month first with "/");
  // a first number over 12 is the day whatever the separator
  const yLast = /^(\d{1,2})([-/.])(\d{1,2})\2((?:19|20)\d{2})\b/.exec(s);
  if (yLast) {
    const [a, b, y] = [Number(yLast[1]), Number(yLast[3]), Number(yLast[4])];
    const dayFirst = a > 12 || (b <= 12 && yLast[2] !== '/');
    const [m, d] = dayFirst ? [b, a] : [a, b];
    return validDay(y, m, d) ? { y, m, d } : null;
  }
  const hits = findDates(s, null);
  const full = hits.find((h) => h.d !== undefined && !h.relative);
  return full ? { y: full.y, m: full.m, d: full.d } : null;
}

/** Lines at the top of a text looked at for a dateline. */
const DATELINE_LINES = 12;
/** A dateline is short: the date and a few words ("Posted: 3:58 PM PDT · April 1, 2026"). */
const DATELINE_MAX_CHARS = 64;

/**
 * The publication date a text carries in a dateline near its top: a short line holding a full date and
 * nothing else but a label ("Posted:", "Updated", "<date>"), a time of day and punctuation. Returns
 * the date and the line's span (so that it is never read as the event's date).
 */
export function findDateline(text: string): { date: Ymd; start: number; end: number } | null {
  let from = 0;
  for (let n = 0; n < DATELINE_LINES && from < text.length; n++) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    const line = text.slice(from, to);
    if (line.trim().length > 0 && line.length <= DATELINE_MAX_CHARS) {
      const hits = findDates(line, null).filter((h) => h.d !== undefined && !h.relative);
      if (hits.length === 1) {
        const h = hits[0]!;
        const rest = (line.slice(0, h.start) + line.slice(h.end))
          .replace(/<\/?[a-z]+>/gi, ' ')
          .replace(/\b\d{1,2}:\d{2}(?:\s?[ap]\.?m\.?)?/gi, ' ')
          .replace(/\b(?:posted|published|updated|date|last|modified|on|at|am|pm|[A-Z]{2,4}|mon|tue|wed|thu|fri|sat|sun)\b\.?/gi, ' ')
          .replace(/[\s:·|,.\-–—()/]+/g, '');
        if (rest.length === 0) return { date: { y: h.y, m: h.m, d: h.d }, start: from, end: to };
      }
    }
    from = to + 1;
  }
  return null;
}

/** Where something was said: "in a statement", "during an interview", "in a blog post" (its day is the day of saying). */
const STATEMENT = String.raw`(?:[Ii]n|[Oo]n|[Dd]uring) (?:a|an|its|his|her|their|the) (?:\w+ )?(?:statement|interview|post|email|briefing|press release|announcement|filing|letter|tweet)`;

const DATE_RE = new RegExp(
  [
    // 1: ISO-like Y-M-D
    String.raw`\b((?:19|20)\d{2})[-_/.](\d{2})[-_/.](\d{2})\b`,
    // 4: Month D(, Y)
    String.raw`\b(${MONTH_RE_SRC})\.? (\d{1,2})(?:st|nd|rd|th)?\b(?:,? ((?:19|20)\d{2})\b)?`,
    // 7: D Month( Y)
    String.raw`\b(\d{1,2})(?:st|nd|rd|th)? (?:of )?(${MONTH_RE_SRC})\b\.?(?:,? ((?:19|20)\d{2})\b)?`,
    // 10: Month (of) Y
    String.raw`\b(${MONTH_RE_SRC}) (?:of )?((?:19|20)\d{2})\b`,
    // 12: in/during/early/late/last Month (no day, no year)
    String.raw`\b(?:in|during|early|late|mid-|end of|beginning of|last|this past) (${MONTH_RE_SRC})\b(?! (?:of )?(?:19|20)\d{2})`,
    // 13: weekday, with what precedes it (a speech verb, a statement "in a statement on", or "last")
    String.raw`\b((?:said|says|told|announced|confirmed|disclosed|stated|reported|added|wrote|revealed|posted|tweeted)(?: \w+){0,2} (?:on )?|${STATEMENT} (?:on )?|last |this (?:past )?)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`,
    // 15: yesterday / today / last night
    String.raw`\b((?:said|says|told|announced|confirmed|disclosed|stated|reported|added) |${STATEMENT} )?(yesterday|today|last night|this morning|earlier today)\b`,
    // 17: this / last month, earlier this month / year, last year
    String.raw`\b(?:(earlier|later) )?(this|last) (month|year)\b`,
    // (no group): over / this past / last weekend
    String.raw`\b(?:over|during|this past|last|on) the weekend\b|\b(?:this past|last) weekend\b`,
    // 20: in / during / early / late Y (a year alone)
    String.raw`\b(?:in|during|early|late|mid-|of) ((?:19|20)\d{2})\b`,
    // 21: N days / weeks / months ago, or a sentence opening "Nearly three weeks after ..." (counted back from the day of writing)
    String.raw`\b(?:(?:[Nn]early|[Aa]lmost|[Aa]bout|[Aa]round|[Ss]ome|[Rr]oughly|[Mm]ore than|[Oo]ver|[Jj]ust over|[Ll]ess than) )?(\d{1,2}|[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve) (days?|weeks?|months?) (ago|after)\b`,
  ].join('|'),
  'g',
);

/**
 * The latest such weekday not after `pub`; `lastWeek`: that weekday of the week (Monday to Sunday) before
 * the publication's ("last Tuesday" written on a Thursday is nine days back: two days back is "on Tuesday").
 */
function lastWeekday(pub: Ymd, weekday: number, lastWeek = false): Ymd {
  const t = utc(pub.y, pub.m!, pub.d!);
  if (lastWeek) {
    const mondayBased = (d: number): number => (d + 6) % 7;
    const thisMonday = t - mondayBased(new Date(t).getUTCDay()) * 86_400_000;
    return fromUtc(thisMonday - (7 - mondayBased(weekday)) * 86_400_000);
  }
  const diff = (new Date(t).getUTCDay() - weekday + 7) % 7;
  return fromUtc(t - diff * 86_400_000);
}

const NUMBER_WORDS = ['a', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const DAY_MS = 86_400_000;

export function dayKeyOf(d: Ymd): number {
  return d.y * 10_000 + (d.m ?? 0) * 100 + (d.d ?? 0);
}

/** A day `lo`..`hi` days before the publication, at the precision that span allows (a day, a month, else a year), with the span. */
function spanBack(pub: Ymd, lo: number, hi: number): Ymd & { range: [number, number] } {
  const t = utc(pub.y, pub.m!, pub.d!);
  const a = fromUtc(t - hi * DAY_MS);
  const b = fromUtc(t - lo * DAY_MS);
  const range: [number, number] = [dayKeyOf(a), dayKeyOf(b)];
  if (lo === hi) return { ...a, range };
  if (a.y === b.y && a.m === b.m) return { y: a.y, m: a.m, range };
  return a.y === b.y ? { y: a.y, range } : { y: b.y, range };
}

/** "three weeks ago": the days it may mean (a week count is loose by three days either way; "nearly" and "more than" by the count's side). */
function agoSpan(pub: Ymd, countWord: string, unit: string): (Ymd & { range?: [number, number] }) | null {
  const n = /^\d/.test(countWord) ? Number(countWord) : Math.max(1, NUMBER_WORDS.indexOf(countWord.toLowerCase()));
  if (!(n >= 1)) return null;
  if (unit.startsWith('day')) return spanBack(pub, n, n);
  if (unit.startsWith('week')) return spanBack(pub, n * 7 - 3, n * 7 + 3);
  const back = pub.y * 12 + (pub.m! - 1) - n;
  return { y: Math.floor(back / 12), m: (back % 12) + 1 };
}

/** Resolve "Month D" without a year: the latest such day not after the publication date (+1 day). */
function yearFor(m: number, d: number, pub: Ymd): number {
  const t = utc(pub.y, m, d);
  return t > utc(pub.y, pub.m!, pub.d!) + 86_400_000 ? pub.y - 1 : pub.y;
}

/**
 * Every date the text states, in reading order; relative ones ("Monday", "last month") only when `pub`
 * (the publication day) is known. A month or day without a year takes the year from `pub`.
 */
export function findDates(text: string, pub: Ymd | null): DateHit[] {
  const out: DateHit[] = [];
  DATE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  const havePub = pub !== null && pub.m !== undefined && pub.d !== undefined;
  while ((m = DATE_RE.exec(text)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    const push = (d: Ymd | null, relative: boolean, speech = false): void => {
      if (d && d.y >= 1990 && d.y <= 2100) out.push({ ...d, start, end, relative, speech });
    };
    if (m[1]) {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      push(validDay(y, mo, d) ? { y, m: mo, d } : null, false);
    } else if (m[4]) {
      const mo = monthOf(m[4]);
      const d = Number(m[5]);
      // "May 2" is a date; "may 2" is not (the pattern is case-sensitive), and neither is a day past 31
      if (m[6]) push(validDay(Number(m[6]), mo, d) ? { y: Number(m[6]), m: mo, d } : null, false);
      else if (havePub && validDay(pub.y, mo, d)) push({ y: yearFor(mo, d, pub), m: mo, d }, true);
    } else if (m[8]) {
      const mo = monthOf(m[8]);
      const d = Number(m[7]);
      if (m[9]) push(validDay(Number(m[9]), mo, d) ? { y: Number(m[9]), m: mo, d } : null, false);
      else if (havePub && validDay(pub.y, mo, d)) push({ y: yearFor(mo, d, pub), m: mo, d }, true);
    } else if (m[10]) {
      push({ y: Number(m[11]), m: monthOf(m[10]) }, false);
    } else if (m[12]) {
      const mo = monthOf(m[12]);
      // "in June": the latest June not after the publication's month; "last June": the latest one before it
      if (havePub) {
        const lastYears = /^(?:last|this past) /.test(m[0]) ? mo >= pub.m! : mo > pub.m!;
        push({ y: lastYears ? pub.y - 1 : pub.y, m: mo }, true);
      }
    } else if (m[14]) {
      const before = (m[13] ?? '').trim();
      const speech = before.length > 0 && !/^(?:last|this)/.test(before);
      if (havePub) push(lastWeekday(pub, WEEKDAYS.indexOf(m[14].toLowerCase()), /^last/.test(before)), true, speech);
    } else if (m[21]) {
      // "three weeks after the attack, ..." counts from the day of writing only when it opens the sentence
      if (havePub && (m[23] === 'ago' || start === 0)) {
        const span = agoSpan(pub, m[21], m[22]!);
        if (span) out.push({ ...span, start, end, relative: true, speech: false });
      }
    } else if (m[16]) {
      if (!havePub) continue;
      const t = utc(pub.y, pub.m!, pub.d!);
      const back = m[16] === 'yesterday' || m[16] === 'last night' ? 1 : 0;
      push(fromUtc(t - back * 86_400_000), true, Boolean(m[15]));
    } else if (m[19]) {
      if (!havePub) continue;
      const last = m[18] === 'last';
      if (m[19] === 'year') push({ y: last ? pub.y - 1 : pub.y }, true);
      else {
        const mo = last ? (pub.m === 1 ? 12 : pub.m! - 1) : pub.m!;
        push({ y: last && pub.m === 1 ? pub.y - 1 : pub.y, m: mo }, true);
      }
    } else if (m[0].includes('weekend')) {
      if (!havePub) continue;
      // the weekend before publication (Friday to Sunday): only its month is sure, unless a later date names the day
      const sat = lastWeekday(fromUtc(utc(pub.y, pub.m!, pub.d!) - DAY_MS), 6);
      const t = utc(sat.y, sat.m!, sat.d!);
      out.push({ y: sat.y, m: sat.m, start, end, relative: true, speech: false, range: [dayKeyOf(fromUtc(t - DAY_MS)), dayKeyOf(fromUtc(t + DAY_MS))] });
    } else if (m[20]) {
      push({ y: Number(m[20]) }, false);
    }
  }
  return out;
}
