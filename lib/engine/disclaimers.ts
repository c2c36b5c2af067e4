/**
 * What the reader must be told: the extension's own disclaimers, and what the page itself signals
 * (an investment risk warning, promotion, hedged claims).
 */
import type { Disclaimer } from '../shared/contract';
import { NO_DEADLINE, type Deadline } from './deadline';
import type { Sentence } from './text';

const RISK_WARNING_RE =
  /(?:don[’']t invest unless|high[- ]risk investment|you should not expect to be protected|capital (?:is )?at risk|not (?:financial|investment) advice|investing in crypto\w* (?:is|carries) (?:risky|high risk)|lose (?:all|some) (?:of )?(?:the|your) money|past performance is not|cfds? are complex instruments|do your own research|\bDYOR\b)/i;
const PROMO_RE =
  /(?:join our (?:telegram|discord|community|whatsapp)|telegram channel|sponsored (?:post|content|article)|affiliate (?:link|commission)|we may earn a commission|referral (?:link|code)|promo code|sign[- ]up bonus|use code \w+|presale|limited[- ]time offer|buy now)/i;
const HEDGE_RE = /\b(?:believed|believes?|allegedly|alleged|reportedly|purportedly|suspected|presumably|likely|possibly|claimed|unconfirmed|is said to|are said to|appears to|may have|might have)\b/gi;

/** Hedged sentences quoted at most (the disclaimer is a pointer, not a list). */
const MAX_HEDGE_EXAMPLES = 2;
/** Quotes from the page are cut to this length. */
const MAX_QUOTE_CHARS = 160;

function quote(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > MAX_QUOTE_CHARS ? `${t.slice(0, MAX_QUOTE_CHARS - 1)}…` : t;
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
  const out: Disclaimer[] = [
    { kind: 'informational', text: 'Informational only: this is not financial, legal or investment advice.' },
    { kind: 'automatic', text: 'Names, amounts and links were extracted automatically and can be wrong; check the article and the sources.' },
  ];
  if (input.hasActors) {
    const by = input.attributedBy.length ? ` (${input.attributedBy.slice(0, 4).join('; ')})` : '';
    out.push({
      kind: 'attribution',
      text: `Attributions are as stated by the named authority or researcher${by}; they are claims, not findings of this extension.`,
    });
  }
  out.push({ kind: 'knowledge-date', text: `Background knowledge as of ${input.kbAsOf}; later events are not reflected.` });

  const seenRisk = new Set<string>();
  const seenPromo = new Set<string>();
  const hedged: string[] = [];
  let hedgeCount = 0;
  const deadline = input.deadline ?? NO_DEADLINE;
  for (const s of input.sentences) {
    if (deadline.step()) break;
    if (RISK_WARNING_RE.test(s.text) && !seenRisk.has(s.text)) {
      seenRisk.add(s.text);
      if (seenRisk.size === 1) out.push({ kind: 'page-risk-warning', text: `The page carries an investment risk warning: “${quote(s.text)}”` });
    }
    if (PROMO_RE.test(s.text) && !seenPromo.has(s.text)) {
      seenPromo.add(s.text);
      if (seenPromo.size === 1) out.push({ kind: 'page-promotional', text: `The page contains promotional content: “${quote(s.text)}”` });
    }
    HEDGE_RE.lastIndex = 0;
    const n = (s.text.match(HEDGE_RE) ?? []).length;
    if (n) {
      hedgeCount += n;
      if (hedged.length < MAX_HEDGE_EXAMPLES) hedged.push(quote(s.text));
    }
  }
  if (hedgeCount) {
    out.push({
      kind: 'page-hedged',
      text: `Some claims on the page are hedged (${hedgeCount}× "believed", "allegedly", "reportedly" or similar), e.g. “${hedged[0]}”`,
    });
  }
  return out;
}
