/**
 * Words shown by lib/ modules go through browser.i18n (issue 17, "ready for translation"): the screening line
 * (lib/shared/screening.ts), the type in a mark's accessible name (lib/shared/labels.ts), the save errors and
 * the settings notice (lib/settings). In English each says exactly what it said before the move to messages.json.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { typeLabel } from '../../../components/card/card-text';
import { reportWrongMatchUrl } from '../../../components/card/EntityCard';
import { ENTITY_TYPES } from '../../../lib/shared/contract';
import { markTypeName } from '../../../lib/shared/labels';
import { screeningText } from '../../../lib/shared/screening';
import { formatSettingsNotice } from '../../../lib/settings/labels';
import { SettingsValidationError } from '../../../lib/settings/storage';
import { storageErrorMessage } from '../../../lib/settings/storage-errors';

const i18n = (browser as unknown as { i18n: { getMessage: (k: string, s?: string[]) => string } }).i18n;
/** A browser whose messages are the key and its substitutions: shows which message each word came from. */
const keysOnly = () => vi.spyOn(i18n, 'getMessage').mockImplementation((k, s) => `[${k}${s ? `|${s.join('|')}` : ''}]`);

afterEach(() => vi.restoreAllMocks());

describe('screening', () => {
  it('in English, word for word as before', () => {
    expect(screeningText({ listed: false, asOf: '2026-11-30' })).toBe('Not on the lists we ship (as of 2026-11-30) — this does not mean it is safe.');
    expect(screeningText({ listed: false, asOf: null })).toBe('Not on the lists we ship (as of an unknown date) — this does not mean it is safe.');
    expect(screeningText({ listed: true, asOf: '2026-11-30', designated: 'Lazarus Group', programme: 'DPRK3', date: '2022-04-14' })).toBe(
      'On the US Treasury OFAC sanctions list (designated: Lazarus Group, programme DPRK3, 2022-04-14; list as of 2026-11-30).',
    );
    expect(screeningText({ listed: true, asOf: null })).toBe('On the US Treasury OFAC sanctions list (designated; list as of an unknown date).');
    expect(screeningText({ listed: true, asOf: '2026-11-30', date: '2022-04-14' })).toBe('On the US Treasury OFAC sanctions list (designated, 2022-04-14; list as of 2026-11-30).');
  });

  it('every word from the browser’s messages; the data (names, programmes, dates) passed as it is', () => {
    keysOnly();
    expect(screeningText({ listed: false, asOf: null })).toBe('[uiScreeningNotListed|[uiScreeningUnknownDate]]');
    expect(screeningText({ listed: true, asOf: '2026-11-30', designated: 'Lazarus Group', programme: 'DPRK3', date: '2022-04-14' })).toBe(
      '[uiScreeningListed|[uiScreeningDesignatedAs|Lazarus Group], [uiScreeningProgramme|DPRK3], 2022-04-14|2026-11-30]',
    );
  });
});

describe("a mark's type name", () => {
  it('in English, the card’s type name in lower case, as marks said it before', () => {
    for (const type of ENTITY_TYPES) expect(markTypeName(type), type).toBe(typeLabel(type).toLowerCase());
    expect(markTypeName('threat-actor')).toBe('threat actor');
  });

  it('from the browser’s messages', () => {
    keysOnly();
    expect(markTypeName('sanctioned-jurisdiction')).toBe('[uiMarkType_sanctioned_jurisdiction]');
  });
});

describe('save errors and the settings notice', () => {
  it('in English, word for word as before', () => {
    expect(storageErrorMessage(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded'))).toBe(
      'Your browser limits how often synced settings can change, and that limit was reached, so this change was not saved. Your earlier settings are unchanged. Wait a minute, then try again.',
    );
    expect(storageErrorMessage(new SettingsValidationError('bad', ['cardDelayMs', 'theme']))).toBe(
      'This change was not saved: Card delay, Theme had a value that is not allowed. Your earlier settings are unchanged.',
    );
    expect(storageErrorMessage(new SettingsValidationError('bad', []))).toBe('This change was not saved: a setting had a value that is not allowed. Your earlier settings are unchanged.');
    expect(formatSettingsNotice({ fields: ['density'], newer: { version: 9, fields: ['enabled', 'theme'] } })).toBe(
      'Your settings were saved by a newer version of Crypto News Context. This version uses the settings it understands and leaves the others as they are; ' +
        'a change you make here changes only that setting. Until you update, it reads these the safest way: On/off (switched off), Theme (the default). ' +
        'Some settings could not be read and were reset: Which mentions to mark.',
    );
  });

  it('a setting this version does not know keeps its stored name, even one named like an Object property', () => {
    const fields = ['fancyNewThing', 'constructor'] as never[];
    expect(formatSettingsNotice({ fields, newer: { version: 9, fields } })).toContain('fancyNewThing (the default), constructor (the default).');
  });

  it('from the browser’s messages', () => {
    keysOnly();
    expect(storageErrorMessage(new Error('weird'))).toBe('[uiSaveErrorOther]');
    expect(formatSettingsNotice({ fields: ['history'] })).toBe('[uiNoticeReset|[uiSettingHistory]]');
  });
});

describe('the prefilled report of a wrong match', () => {
  it('in English as before, the marked words and the entity in it, the page address not', () => {
    const url = reportWrongMatchUrl('https://github.com/x/y/', { id: 'lazarus-group', name: 'Lazarus Group' }, 'Lazarus');
    const u = new URL(url!);
    expect(u.origin + u.pathname).toBe('https://github.com/x/y/issues/new');
    expect(u.searchParams.get('title')).toBe('Wrong match: Lazarus Group (lazarus-group)');
    expect(u.searchParams.get('body')).toBe(
      'Marked text: "Lazarus"\nMatched entity: Lazarus Group (lazarus-group)\n\nWhat it should be (or why it is wrong):\n\nPage address (optional, add it only if you want to share it):',
    );
    expect(reportWrongMatchUrl('javascript:alert(1)', { id: 'a', name: 'A' })).toBeNull();
  });
});
