/**
 * The card of a crypto address (issue 18): its chain, whether its checksum holds, what the OFAC list we
 * ship says of it (and, plainly, that not being listed does not mean safe), and plain links the reader
 * may choose to follow: the chain's block explorer and the OFAC sanctions search page. Nothing is looked
 * up: the explorer opens only when the reader clicks. Everything is text; links are http(s) only.
 */
import type { CardEntity } from '../../lib/shared/messages';
import { OFAC_SEARCH_URL, screeningText } from '../../lib/shared/screening';
import { TYPE_LABELS } from '../../lib/shared/labels';
import { safeHref } from '../shared/format';

export function AddressCard({ entity, headingId, onMute }: { entity: CardEntity & { address: NonNullable<CardEntity['address']> }; headingId?: string; onMute?: () => void }) {
  const x = entity.address;
  const explorer = safeHref(x.explorerUrl);
  const source = x.source ? safeHref(x.source.url) : null;
  return (
    <div class="cnc-card-body cnc-address-card">
      <header class="cnc-card-head">
        <h2 id={headingId} class="cnc-card-title" style="overflow-wrap: anywhere">
          {x.address}
        </h2>
        <span class="cnc-card-type" data-type="address">
          {TYPE_LABELS.address}
        </span>
      </header>
      <dl class="cnc-card-facts">
        <dt>Chain</dt>
        <dd>{x.chain}</dd>
        <dt>Checksum</dt>
        <dd>{x.valid ? 'valid' : 'fails: possibly mistyped'}</dd>
        <dt>Sanctions screening</dt>
        <dd data-listed={x.listed ? 'yes' : 'no'}>
          {screeningText({ listed: x.listed, asOf: x.asOf, ...(x.designated ? { designated: x.designated } : {}), ...(x.programme ? { programme: x.programme } : {}), ...(x.date ? { date: x.date } : {}) })}
          {source && (
            <>
              {' '}
              <a href={source} target="_blank" rel="noopener noreferrer">
                source
              </a>
            </>
          )}
        </dd>
      </dl>
      <section aria-label="Look it up yourself" class="cnc-card-section">
        <h3>Look it up yourself</h3>
        <ul>
          {explorer && (
            <li>
              <a href={explorer} target="_blank" rel="noopener noreferrer">
                Open in a {x.chain} block explorer
              </a>
            </li>
          )}
          <li>
            <a href={OFAC_SEARCH_URL} target="_blank" rel="noopener noreferrer">
              OFAC sanctions search
            </a>
          </li>
        </ul>
        <p class="cnc-muted">These links open other sites only when you choose them; nothing is looked up for you.</p>
      </section>
      {onMute && (
        <footer class="cnc-card-actions">
          <button type="button" class="cnc-button" onClick={onMute}>
            Don't mark on this site
          </button>
        </footer>
      )}
    </div>
  );
}
