/**
 * The card's mute buttons: "Don't mark on this site" and "Never mark this" (every site), for the entity,
 * address and "from this article" cards alike.
 */
import { t } from '../../lib/shared/i18n';

export interface MuteButtonsProps {
  /** "Don't mark on this site" */
  onMute?: (() => void) | undefined;
  /** "Never mark this": every site */
  onMuteEverywhere?: (() => void) | undefined;
}

export function MuteButtons({ onMute, onMuteEverywhere }: MuteButtonsProps) {
  return (
    <>
      {onMute && (
        <button type="button" class="cnc-button" onClick={onMute}>
          {t('cardMuteSite')}
        </button>
      )}
      {onMuteEverywhere && (
        <button type="button" class="cnc-button" onClick={onMuteEverywhere}>
          {t('cardMuteEverywhere')}
        </button>
      )}
    </>
  );
}
