/**
 * Names the reader turned off from a card: "Never mark this" (every site) and "Don't mark on this site"; each
 * can be marked again. Names are stored as knowledge-base ids: `names` has their display names when known.
 */
import { t } from '../../lib/shared/i18n';
import type { FieldsetProps } from './fieldset';

export function MutedFieldset({ settings, save, names }: FieldsetProps & { names: Record<string, string> }) {
  const nameOf = (id: string) => names[id] ?? id;
  const everywhere = settings.mutedEverywhere;
  const perSite = Object.entries(settings.mutedEntities);

  const unmuteOnSite = (site: string, id: string) => {
    const left = (settings.mutedEntities[site] ?? []).filter((x) => x !== id);
    const next = { ...settings.mutedEntities };
    if (left.length) next[site] = left;
    else delete next[site];
    void save({ mutedEntities: next });
  };

  return (
    <fieldset>
      <legend>{t('optMutedLegend')}</legend>
      <h2 class="subhead">{t('optMutedEverywhereHead')}</h2>
      {everywhere.length ? (
        <ul class="site-list" aria-label={t('optMutedEverywhereHead')}>
          {everywhere.map((id) => (
            <li key={id}>
              <span class="wrap-anywhere">{nameOf(id)}</span>
              <button
                type="button"
                onClick={() => void save({ mutedEverywhere: everywhere.filter((x) => x !== id) })}
                aria-label={t('optMarkAgainEverywhere', nameOf(id))}
              >
                {t('optMarkAgain')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('optMutedEverywhereNone')}</p>
      )}
      <h2 class="subhead">{t('optMutedSiteHead')}</h2>
      {perSite.length ? (
        <ul class="site-list" aria-label={t('optMutedSiteHead')}>
          {perSite.flatMap(([site, ids]) =>
            ids.map((id) => (
              <li key={`${site}/${id}`}>
                <span class="wrap-anywhere">
                  {nameOf(id)} <span class="muted">{t('optMutedOnSite', site)}</span>
                </span>
                <button type="button" onClick={() => unmuteOnSite(site, id)} aria-label={t('optMarkAgainOnSite', [nameOf(id), site])}>
                  {t('optMarkAgain')}
                </button>
              </li>
            )),
          )}
        </ul>
      ) : (
        <p class="muted">{t('optMutedSiteNone')}</p>
      )}
    </fieldset>
  );
}
