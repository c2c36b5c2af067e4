/**
 * The extension's English messages (public/_locales/en/messages.json) for the Node commands: what the popup and
 * options word through browser.i18n, the analyze and kb:verify commands word with the same messages, from this.
 */
import type { Analysis } from '../../lib/shared/contract';
import { disclaimerText, inferredWhy, relatedWhy, type Formats } from '../../lib/shared/analysis-words';
import { fillMessage, type Message, type Word } from '../../lib/shared/message-text';
import { analysisNotes } from '../../lib/shared/reasons';
import { formatUsdWords } from '../../lib/shared/usd';
import messages from '../../public/_locales/en/messages.json';

/** A message in English with its substitutions, as the browser would fill it. */
export const english: Word = (key, substitutions) => fillMessage(messages as Record<string, Message>, key, substitutions);

/** The command's dates and amounts: dates as the knowledge base writes them (ISO), amounts in words ("$625 million"). */
export const englishFormats: Formats = { date: (iso) => iso, usd: formatUsdWords };

/**
 * The analysis with the contract's words (../shared/docs/analyze-contract.md) filled in English from the engine's
 * codes: the checks' notes (`cryptoSecurity.reasons`), why each related item is listed (`related[].why`), why
 * each name the article does not mention is listed (`entities[].why`) and what the reader must be told
 * (`disclaimers[].text`, before the parameters it is worded from).
 */
export function withEnglishWords(a: Analysis): Analysis {
  const names = new Map(a.entities.map((e) => [e.id, e.name]));
  const nameOf = (id: string): string => names.get(id) ?? id;
  return {
    ...a,
    cryptoSecurity: { ...a.cryptoSecurity, reasons: analysisNotes(a, english) },
    entities: a.entities.map((e) => (e.inferred && !e.why && e.via?.length ? { ...e, why: inferredWhy(e, nameOf, english) } : e)),
    related: a.related.map((r) => ({ ...r, why: relatedWhy(r, english, englishFormats) })),
    disclaimers: a.disclaimers.map((d) => ({ kind: d.kind, text: disclaimerText(d, english, englishFormats), ...(d.params ? { params: d.params } : {}) })),
  };
}
