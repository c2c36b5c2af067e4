/**
 * What the reader must be told: the extension's own disclaimers, and what the page itself signals
 * (an investment risk warning, promotion, hedged claims). As data: each disclaimer's kind and its parameters
 * (names, a date, the page's own sentence, a count), worded where shown (lib/shared/analysis-words.ts
 * `disclaimerText`: the popup through browser.i18n, the analyze command in English).
 */
import { MAX_DISCLAIMER_PARAMS, MAX_DISCLAIMER_PARAM_CHARS, type Disclaimer } from '../shared/contract';
import { NO_DEADLINE, type Deadline } from './deadline';
import type { Sentence } from './text';

const RISK_WARNING_RE =
  /(?:don[’']t invest unless|high[- ]risk investment|you (?:should not expect|are unlikely) to be protected|capital (?:is )?at risk|not (?:financial|investment) advice|investing in crypto(?:\w*| assets?) (?:is|carries) (?:risky|(?:a )?high[- ]risk)|(?:money|more than) you can(?:not|'t|’t)? afford to lose|lose (?:all|some) (?:of )?(?:the|your) money|past performance is not|cfds? are complex instruments|do your own research|\bDYOR\b)/i;
const PROMO_RE =
  /(?:(?:join|follow|subscribe to) (?:our|us on) (?:telegram|discord|community|whatsapp)|sponsored (?:post|content|article)|affiliate (?:link|commission)|we may earn a commission|referral (?:link|code)|promo code|sign[- ]up bonus|use code \w+|presale|limited[- ]time offer|buy now)/i;
const HEDGE_RE = /\b(?:believed|believes?|allegedly|alleged|reportedly|purportedly|suspected|presumably|likely|possibly|claimed|unconfirmed|is said to|are said to|appears to|may have|might have)\b/gi;

/** A parameter cut to the length a disclaimer's parameter may have. */
function clip(t: string): string {
  return t.length > MAX_DISCLAIMER_PARAM_CHARS ? `${t.slice(0, MAX_DISCLAIMER_PARAM_CHARS - 1)}…` : t;
}

/** A sentence of the page as quoted: its spaces made single, cut to length. */
function quote(s: string): string {
  return clip(s.replace(/\s+/g, ' ').trim());
}

/** A sentence the page carries as a notice to its readers (an investment risk warning, promotion), not as news. */
export function isPageNotice(text: string): boolean {
  return RISK_WARNING_RE.test(text) || PROMO_RE.test(text);
}

export interface DisclaimerInput {
  sentences: Sentence[];
  kbAsOf: string;
  /** who made the attributions reported (e.g. "FBI", "US Department of Justice") */
  attributedBy: string[];
  hasActors: boolean;
  /** once expired, the page's own signals are looked for no further */
  deadline?: Deadline;
}

export function disclaimers(input: DisclaimerInput): Disclaimer[] {
  const out: Disclaimer[] = [{ kind: 'informational' }, { kind: 'automatic' }];
  if (input.hasActors) {
    const by = input.attributedBy.slice(0, MAX_DISCLAIMER_PARAMS).map(clip);
    out.push(by.length ? { kind: 'attribution', params: by } : { kind: 'attribution' });
  }
  out.push({ kind: 'knowledge-date', params: [clip(input.kbAsOf)] });

  const seenRisk = new Set<string>();
  const seenPromo = new Set<string>();
  // the first hedged sentence, quoted (the disclaimer is a pointer, not a list)
  let hedged = '';
  let hedgeCount = 0;
  const deadline = input.deadline ?? NO_DEADLINE;
  for (const s of input.sentences) {
    if (deadline.step()) break;
    if (RISK_WARNING_RE.test(s.text) && !seenRisk.has(s.text)) {
      seenRisk.add(s.text);
      if (seenRisk.size === 1) out.push({ kind: 'page-risk-warning', params: [quote(s.text)] });
    }
    if (PROMO_RE.test(s.text) && !seenPromo.has(s.text)) {
      seenPromo.add(s.text);
      if (seenPromo.size === 1) out.push({ kind: 'page-promotional', params: [quote(s.text)] });
    }
    HEDGE_RE.lastIndex = 0;
    const n = (s.text.match(HEDGE_RE) ?? []).length;
    if (n) {
      hedgeCount += n;
      if (!hedged) hedged = quote(s.text);
    }
  }
  if (hedgeCount) out.push({ kind: 'page-hedged', params: [hedgeCount, hedged] });
  return out;
}
