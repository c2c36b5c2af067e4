/** The extension's own disclaimers, then what the page itself signals (risk warnings, promotion, hedging). */
import type { Disclaimer } from '../../lib/shared/contract';
import { t } from '../../lib/shared/i18n';

const PAGE_KINDS = new Set(['page-risk-warning', 'page-promotional', 'page-hedged']);

export function Disclaimers({ items }: { items: readonly Disclaimer[] }) {
  const own = items.filter((d) => !PAGE_KINDS.has(d.kind));
  const page = items.filter((d) => PAGE_KINDS.has(d.kind));
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
