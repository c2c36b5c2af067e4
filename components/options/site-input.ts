/** Validation messages for the options form: plain functions so they are easy to test. */
import { CARD_DELAY_MAX_MS, CARD_DELAY_MIN_MS, normalizeHostname } from '../../lib/settings';
import { t } from '../../lib/shared/i18n';

export type SiteCheck = { ok: true; host: string } | { ok: false; message: string };

export function checkSiteInput(input: string, existing: readonly string[]): SiteCheck {
  const text = input.trim();
  if (!text) return { ok: false, message: t('siteEmpty') };
  const host = normalizeHostname(text);
  if (!host) return { ok: false, message: t('siteNotHost', text.slice(0, 80)) };
  if (existing.includes(host)) return { ok: false, message: t('siteDuplicate', host) };
  return { ok: true, host };
}

export type DelayCheck = { ok: true; value: number } | { ok: false; message: string };

export function checkCardDelay(input: string): DelayCheck {
  const text = input.trim();
  const value = Number(text);
  if (!text || !/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < CARD_DELAY_MIN_MS || value > CARD_DELAY_MAX_MS) {
    return { ok: false, message: t('delayRange', [String(CARD_DELAY_MIN_MS), String(CARD_DELAY_MAX_MS)]) };
  }
  return { ok: true, value };
}
