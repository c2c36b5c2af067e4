/** Validation messages for the options form: plain functions so they are easy to test. */
import { CARD_DELAY_MAX_MS, CARD_DELAY_MIN_MS, normalizeHostname } from '../../lib/settings';

export type SiteCheck = { ok: true; host: string } | { ok: false; message: string };

export function checkSiteInput(input: string, existing: readonly string[]): SiteCheck {
  const text = input.trim();
  if (!text) return { ok: false, message: 'Enter a site, for example coindesk.com.' };
  const host = normalizeHostname(text);
  if (!host) return { ok: false, message: `“${text.slice(0, 80)}” is not a web address or site name. Enter one like coindesk.com or https://www.coindesk.com/.` };
  if (existing.includes(host)) return { ok: false, message: `${host} is already in the list.` };
  return { ok: true, host };
}

export type DelayCheck = { ok: true; value: number } | { ok: false; message: string };

export function checkCardDelay(input: string): DelayCheck {
  const text = input.trim();
  const value = Number(text);
  if (!text || !/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < CARD_DELAY_MIN_MS || value > CARD_DELAY_MAX_MS) {
    return { ok: false, message: `Enter a whole number of milliseconds from ${CARD_DELAY_MIN_MS} to ${CARD_DELAY_MAX_MS}.` };
  }
  return { ok: true, value };
}
