/**
 * Why a page was not taken as an article or as crypto security, in plain words. The background sends reasons as
 * codes with their parameters (lib/shared/reasons.ts); the popup words each one for the reader here, through
 * browser.i18n, so the reasons read right in any language. The checks' own notes (`checksNotes`) stay under
 * "What the extension did".
 */
import type { Analysis } from '../../lib/shared/contract';
import { t } from '../../lib/shared/i18n';
import { analysisNotes, reasonParams, type Reason, type ReasonCode } from '../../lib/shared/reasons';

/** The message that says each reason to the reader. */
const PLAIN: Record<ReasonCode, string> = {
  fewWords: 'popWhyFewWords',
  mostlyLinks: 'popWhyLinks',
  noParagraphs: 'popWhyNoParagraphs',
  notReaderable: 'popWhySection',
  // a list page, or (never sent for a page that is not an article) a declared article or its paragraphs
  listPage: 'popWhyLayout',
  declared: 'popWhyLayout',
  paragraphs: 'popWhyLayout',
  notArticle: 'popWhyNotArticle',
  notCryptoSecurity: 'popWhyTooLittle',
  knownNames: 'popWhyNames',
  error: 'popReasonError',
  gateFailed: 'popReasonGateFailed',
  noText: 'popReasonNoText',
};

/** A count in the reader's locale ("1,234"). */
const count = (n: number): string => n.toLocaleString();

/** One reason for the reader, in a sentence. */
function plainReason(r: Reason): string {
  switch (r.code) {
    case 'fewWords':
      return t(PLAIN.fewWords, reasonParams(r, count).slice(0, 1));
    case 'knownNames':
      // "It does name Lazarus Group, Bybit."
      return t(PLAIN.knownNames, reasonParams(r, count).join(', '));
    default:
      return t(PLAIN[r.code]);
  }
}

/** The reasons for the reader, one sentence each (a page without any: that it does not look like an article). */
export function plainReasons(reasons: readonly Reason[]): string[] {
  return (reasons.length ? reasons : [{ code: 'notArticle' as const }]).map(plainReason);
}

/**
 * The checks' own notes, under "What the extension did": the analysis's (the detection's notes and why a text read
 * as crypto security is not reported), or without an analysis the background's reasons in a sentence each.
 */
export function checksNotes(reasons: readonly Reason[], analysis: Analysis | undefined): string[] {
  return analysis ? analysisNotes(analysis, t, count) : reasons.map(plainReason);
}
