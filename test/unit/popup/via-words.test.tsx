/**
 * How the popup words the way to a name the article does not mention (components/popup/Entities.tsx; issue 17):
 * a sentence from the `via` chain (uiInferredWhy), in English word for word as the engine wrote it before the
 * move, and each link of the chain in its title through browser.i18n (popVia_*, popViaLevel_*). A sentence stored
 * by an older version (`why`) is shown as it is.
 */
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { EntityGroups } from '../../../components/popup/Entities';
import type { AnalysisEntity, AttributionStep } from '../../../lib/shared/contract';

const i18n = (browser as unknown as { i18n: { getMessage: (k: string, s?: string[]) => string } }).i18n;

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const source = { title: 'Notice', url: 'https://example.org/n' };
const step = (from: string, relation: string, to: string, by: string, level: AttributionStep['level']): AttributionStep => ({ from, to, relation, by, level, source });
const entity = (id: string, name: string, over: Partial<AnalysisEntity> = {}) =>
  ({ id, name, type: 'threat-actor', mentions: [], inferred: false, ...over }) as unknown as AnalysisEntity;

const entities = [
  entity('apt38', 'APT38', { mentions: [{ start: 0, end: 5 }] as unknown as AnalysisEntity['mentions'] }),
  entity('lazarus', 'Lazarus Group', {
    inferred: true,
    via: [step('apt38', 'part-of', 'lazarus', 'Mandiant', 'vendor'), step('lazarus', 'attributed-to', 'rgb', 'OFAC', 'official')],
  }),
  entity('x', 'Other', { inferred: true, via: [step('apt38', 'alias-of', 'x', 'Reuters', 'press'), step('x', 'operated-by', 'y', 'FBI', 'official'), step('y', 'successor-of', 'x', 'FBI', 'official')] }),
];

const whys = () => {
  const { container } = render(<EntityGroups entities={entities} onShow={() => undefined} canScroll={false} />);
  return [...container.querySelectorAll('.entity-why')].map((p) => ({ text: p.textContent, title: p.getAttribute('title') }));
};

describe('the links to an inferred name', () => {
  it('in English, word for word as before: the first name of the chain and who says the last link', () => {
    expect(whys().map((w) => w.text)).toEqual(['not named in the article; APT38 is attributed to it by OFAC', 'not named in the article; APT38 is attributed to it by FBI']);
  });

  it('every link of the chain in the title', () => {
    expect(whys().map((w) => w.title)).toEqual([
      'APT38 part of Lazarus Group (Mandiant, vendor); Lazarus Group attributed to rgb (OFAC, official)',
      'APT38 alias of Other (Reuters, press); Other operated by y (FBI, official); y successor of Other (FBI, official)',
    ]);
  });

  it('from the browser’s messages, names and who says so passed as they are', () => {
    vi.spyOn(i18n, 'getMessage').mockImplementation((k, s) => `[${k}${s ? `|${s.join('|')}` : ''}]`);
    const [first] = whys();
    expect(first!.text).toBe('[uiInferredWhy|APT38|OFAC]');
    expect(first!.title).toBe('[popVia_part_of|APT38|Lazarus Group|Mandiant|[popViaLevel_vendor]]; [popVia_attributed_to|Lazarus Group|rgb|OFAC|[popViaLevel_official]]');
  });

  it('an analysis stored by an older version keeps its sentence, whatever the messages', () => {
    vi.spyOn(i18n, 'getMessage').mockImplementation((k) => `[${k}]`);
    const old = entity('rgb', 'Reconnaissance General Bureau', { inferred: true, why: 'not named in the article; APT38 is attributed to it by OFAC', via: entities[1]!.via });
    const { container } = render(<EntityGroups entities={[entities[0]!, old]} onShow={() => undefined} canScroll={false} />);
    expect(container.querySelector('.entity-why')!.textContent).toBe('not named in the article; APT38 is attributed to it by OFAC');
  });
});
