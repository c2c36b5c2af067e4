/**
 * The card of a crypto address (issue 18): its chain, whether its checksum holds, what the OFAC list we
 * ship says of it (and, plainly, that not being listed does not mean safe), and plain links the reader
 * may choose to follow: the chain's block explorer and the OFAC sanctions search page. Nothing is looked
 * up: the explorer opens only when the reader clicks. Everything is text; links are http(s) only.
 */
import type { ComponentChild } from 'preact';
import type { CardEntity } from '../../lib/shared/messages';
import { OFAC_SEARCH_URL, screeningText } from '../../lib/shared/screening';
import { t } from '../../lib/shared/i18n';
import { safeHref } from '../shared/format';
import { typeLabel } from './card-text';

/** `mute`: the card's mute buttons (MuteButtons.tsx), or nothing. */
export function AddressCard({ entity, headingId, mute }: { entity: CardEntity & { address: NonNullable<CardEntity['address']> }; headingId?: string; mute?: ComponentChild }) {
  const x = entity.address;
  const explorer = safeHref(x.explorerUrl);
  const source = x.source ? safeHref(x.source.url) : null;
  return (
    <div class="cnc-card-body cnc-address-card">
      <div class="cnc-card-head">
        <h2 id={headingId} class="cnc-card-title" style="overflow-wrap: anywhere">
          {x.address}
        </h2>
        <span class="cnc-card-type" data-type="address">
          {typeLabel('address')}
        </span>
      </div>
      <dl class="cnc-card-facts">
        <dt>{t('cardChain')}</dt>
        <dd>{x.chain}</dd>
        <dt>{t('cardChecksum')}</dt>
        <dd>{x.valid ? t('cardChecksumValid') : t('cardChecksumFails')}</dd>
        <dt>{t('cardScreening')}</dt>
        <dd data-listed={x.listed ? 'yes' : 'no'}>
          {screeningText({ listed: x.listed, asOf: x.asOf, ...(x.designated ? { designated: x.designated } : {}), ...(x.programme ? { programme: x.programme } : {}), ...(x.date ? { date: x.date } : {}) })}
          {source && (
            <>
              {' '}
              <a href={source} target="_blank" rel="noopener noreferrer">
                {t('cardSource')}
              </a>
            </>
          )}
        </dd>
      </dl>
      <section aria-label={t('cardLookItUp')} class="cnc-card-section">
        <h3>{t('cardLookItUp')}</h3>
        <ul>
          {explorer && (
            <li>
              <a href={explorer} target="_blank" rel="noopener noreferrer">
                {t('cardOpenExplorer', x.chain)}
              </a>
            </li>
          )}
          <li>
            <a href={OFAC_SEARCH_URL} target="_blank" rel="noopener noreferrer">
              {t('cardOfacSearch')}
            </a>
          </li>
        </ul>
        <p class="cnc-muted">{t('cardLinksNote')}</p>
      </section>
      {mute && <div class="cnc-card-actions">{mute}</div>}
    </div>
  );
}
