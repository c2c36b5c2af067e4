/** What the extension did on this page, in plain words, and the promise that nothing left the browser. */
import type { Analysis } from '../../lib/shared/contract';
import { formatDate } from '../shared/format';
import { t } from '../../lib/shared/i18n';
import { analysisNotes } from '../../lib/shared/reasons';
import { Section } from './Section';

/** A count in the reader's locale ("1,234"). */
const count = (n: number): string => n.toLocaleString();

export function Transparency(props: { analysis?: Analysis | undefined; headline: string; reasons?: readonly string[] | undefined }) {
  const a = props.analysis;
  const reasons = props.reasons ?? (a ? analysisNotes(a, t, count) : []);
  const named = a ? a.entities.filter((e) => !e.inferred).length : 0;
  const inferred = a ? a.entities.filter((e) => e.inferred).length : 0;
  return (
    <Section id="transparency" title={t('popDidTitle')} class="transparency">
      <ul>
        <li>{props.headline}</li>
        {a ? (
          <li>
            {t('popDidChecks', [
              t(a.isArticle ? 'popDidArticle' : 'popDidNotArticle'),
              t(a.cryptoSecurity.detected ? 'popDidPassed' : 'popDidNotPassed'),
              a.cryptoSecurity.score.toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
            ])}
          </li>
        ) : null}
        {reasons.length > 0 && (
          <li>
            {t('popDidOwnWords')}
            <ul>
              {reasons.map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ul>
          </li>
        )}
        {a ? (
          <li>
            {t(inferred ? 'popDidFoundLinked' : 'popDidFound', [count(named), count(a.amounts.length), count(a.addresses.length), ...(inferred ? [count(inferred)] : [])])}
            {a.timingsMs.total ? ` ${t('popDidTook', count(Math.round(a.timingsMs.total)))}` : ''}
          </li>
        ) : null}
        {a?.kb ? (
          <li>{t('popDidKb', [a.kb.version, formatDate(a.kb.asOf)])}</li>
        ) : null}
        <li>
          <strong>{t('popDidNothingSent')}</strong> {t('popDidNothingSentMore')}
        </li>
      </ul>
    </Section>
  );
}
