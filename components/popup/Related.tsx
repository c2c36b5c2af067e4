/**
 * Related coverage: knowledge-base incidents and primary sources (most relevant first, as the engine
 * ranks them), what the reader already read about the same names (local history), and web searches
 * set apart and labelled as searches.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { RelatedItem } from '../../lib/shared/contract';
import type { HistoryEntry } from '../../lib/history';
import { formatDate, formatUsd, safeHref } from '../shared/format';
import { t } from '../../lib/shared/i18n';
import { relatedWhy, type Formats } from '../../lib/shared/analysis-words';

const LOCALE_FORMATS: Formats = { date: (iso) => formatDate(iso), usd: (n) => formatUsd(n) };
import { withElement } from '../shared/with-element';

/** Why an item is listed, with its dates and amounts in the reader's locale ("OFAC sanctions on Lazarus Group (DPRK3, Sep 13, 2019)"). */
/** Why a related item is listed, in the reader's words (also the STIX export's description of it). */
export const whyOf = (r: RelatedItem): string => relatedWhy(r, t, LOCALE_FORMATS);

/** Items listed before "Show all": the most relevant ones fit the popup's first screens. */
const RELATED_INITIAL = 6;

/** Titles of a site's own pages rather than of coverage ("About Us", "Home", "Contact"), compared without case or punctuation. */
const SITE_PAGE_TITLE_RE = /^(?:about(?: us)?|home(?: ?page)?|welcome|contact(?: us)?|index|main page)$/;

/**
 * A link to a site's home or about page, not to coverage of anything: its path is `/` or empty (without a
 * query: a search's address can have an empty path), or its title is a site page's ("About Us", "Home").
 * An address that is not one counts as not a homepage (it is shown as text).
 */
export function isHomepageLink(item: Pick<RelatedItem, 'url' | 'title'>): boolean {
  const title = item.title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  if (SITE_PAGE_TITLE_RE.test(title)) return true;
  try {
    const u = new URL(item.url);
    return (u.pathname === '/' || u.pathname === '') && u.search === '';
  } catch {
    return false;
  }
}

/** Coverage (incidents and sources, without homepages) and web searches, apart. */
export function splitRelated(items: readonly RelatedItem[]): { coverage: RelatedItem[]; searches: RelatedItem[] } {
  return {
    coverage: items.filter((r) => r.kind !== 'search' && !isHomepageLink(r)),
    searches: items.filter((r) => r.kind === 'search'),
  };
}

function ExternalLink({ href, children }: { href: string | null; children: ComponentChildren }) {
  return href ? (
    <a href={href} target="_blank" rel="noopener noreferrer" class="wrap-anywhere">
      {children}
    </a>
  ) : (
    <span class="wrap-anywhere">{children}</span>
  );
}

export interface ReadBefore {
  entityId: string;
  name: string;
  count: number;
  articles?: HistoryEntry[];
}

export function Related(props: { items: readonly RelatedItem[]; readBefore: readonly ReadBefore[] }) {
  const { coverage, searches } = splitRelated(props.items);
  const [all, setAll] = useState(false);
  const shown = all ? coverage : coverage.slice(0, RELATED_INITIAL);
  return (
    <div class="related">
      {coverage.length > 0 && (
        <ul class="related-list" id="related-coverage-list">
          {shown.map((r, i) => (
            <li key={`c${i}`} class="related-item">
              <span class="badge">{t(r.kind === 'incident' ? 'popRelIncident' : 'popRelSource')}</span>{' '}
              <ExternalLink href={safeHref(r.url)}>{r.title}</ExternalLink>
              <span class="muted related-meta">
                {[r.date ? formatDate(r.date) : null, typeof r.amountUsd === 'number' && r.amountUsd > 0 ? formatUsd(r.amountUsd) : null, whyOf(r)]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      )}
      {coverage.length > RELATED_INITIAL && (
        <button type="button" class="link show-more" aria-expanded={all} aria-controls="related-coverage-list" onClick={() => setAll(!all)}>
          {all ? t('popRelFewer') : t('popRelAll', coverage.length.toLocaleString())}
        </button>
      )}
      {props.readBefore.length > 0 && (
        <ul class="read-before">
          {props.readBefore.map((r) => (
            <li key={r.entityId}>
              <details>
                <summary>
                  {withElement(r.count === 1 ? 'popReadOne' : 'popReadMany', <strong class="wrap-anywhere">{r.name}</strong>, [r.count.toLocaleString()])}
                </summary>
                {r.articles && r.articles.length > 0 ? (
                  <ul>
                    {r.articles.slice(0, 5).map((a) => (
                      <li key={a.url}>
                        <ExternalLink href={safeHref(a.url)}>{a.title}</ExternalLink>
                        <span class="muted"> · {t('popReadOn', formatDate(a.readAt))}</span>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </details>
            </li>
          ))}
        </ul>
      )}
      {searches.length > 0 && (
        <>
          <h4 class="group-title">{t('popSearchWeb')}</h4>
          <p class="muted small">{t('popSearchWebHelp')}</p>
          <ul class="related-list">
            {searches.map((r, i) => (
              <li key={`s${i}`} class="related-item">
                <span class="badge">{t('popSearch')}</span>{' '}
                <ExternalLink href={safeHref(r.url)}>{r.title}</ExternalLink>
                {whyOf(r) ? <span class="muted related-meta">{whyOf(r)}</span> : null}
              </li>
            ))}
          </ul>
        </>
      )}
      {coverage.length === 0 && searches.length === 0 && props.readBefore.length === 0 && (
        <p class="muted">{t('popRelNone')}</p>
      )}
    </div>
  );
}
