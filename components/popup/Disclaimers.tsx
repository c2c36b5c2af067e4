/**
 * The extension's own disclaimers, then what the page itself signals (risk warnings, promotion, hedging), worded
 * through browser.i18n from each disclaimer's kind and parameters, the knowledge's date in the reader's locale; the
 * page's sentences are parameters, shown as text. An analysis stored by an older version shows its words as they are.
 */
import type { Disclaimer } from '../../lib/shared/contract';
import { disclaimerText, type DisclaimerFormats } from '../../lib/shared/analysis-words';
import { t } from '../../lib/shared/i18n';
import { formatDate } from '../shared/format';

const LOCALE_FORMATS: DisclaimerFormats = { date: (iso) => formatDate(iso), num: (n) => n.toLocaleString() };

const PAGE_KINDS = new Set(['page-risk-warning', 'page-promotional', 'page-hedged']);

export function Disclaimers({ items }: { items: readonly Disclaimer[] }) {
  const worded = items.map((d) => ({ kind: d.kind, text: disclaimerText(d, t, LOCALE_FORMATS) })).filter((d) => d.text);
  const own = worded.filter((d) => !PAGE_KINDS.has(d.kind));
  const page = worded.filter((d) => PAGE_KINDS.has(d.kind));
  return (
    <div class="disclaimers">
      {own.length > 0 && (
        <>
          <h4 class="group-title">{t('popDisclaimersOwn')}</h4>
          <ul>
            {own.map((d, i) => (
              <li key={`o${i}`} data-kind={d.kind}>
                {d.text}
              </li>
            ))}
          </ul>
        </>
      )}
      {page.length > 0 && (
        <>
          <h4 class="group-title">{t('popDisclaimersPage')}</h4>
          <ul>
            {page.map((d, i) => (
              <li key={`p${i}`} data-kind={d.kind}>
                {d.text}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
