import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { EntityCard } from '../../../components/card/EntityCard';
import type { CardEntity } from '../../../lib/shared/messages';

const source = { title: 'Advisory', url: 'https://example.org/a' };
const FBI: CardEntity = {
  id: 'fbi',
  name: 'FBI',
  type: 'agency',
  aliases: [{ name: 'Federal Bureau of Investigation' }],
  description: 'US domestic intelligence and federal police agency within the Justice Department. Its cyber division investigates state hacking and crypto theft.',
  relations: [],
  sanctions: [],
  sources: [source],
};
const LAZARUS: CardEntity = {
  id: 'lazarus-group',
  name: 'Lazarus Group',
  type: 'threat-actor',
  aliases: [{ name: 'Hidden Cobra', usedBy: ['US government'] }],
  description: 'North Korean state hacking group. It stole billions in crypto.',
  relations: [{ type: 'part-of', target: 'rgb', targetName: 'Reconnaissance General Bureau', by: 'US Treasury', level: 'official', source }],
  sanctions: [{ authority: 'OFAC', programme: 'DPRK3', date: '2019-09-13', source }],
  sources: [source],
  incidents: [
    { id: 'a', name: 'Small heist', date: '2020-01-01', amountUsd: 1e6 },
    { id: 'b', name: 'Ronin bridge', date: '2022-03-23', amountUsd: 625e6 },
    { id: 'c', name: 'Bybit', date: '2025-02-21', amountUsd: 1.46e9 },
  ],
};

function show(entity: CardEntity, more: boolean, mentionText = entity.name): HTMLElement {
  const el = document.createElement('div');
  document.body.appendChild(el);
  render(<EntityCard entity={entity} found={{ mentionText }} more={more} onMore={() => {}} onMute={() => {}} reportUrl="https://example.org/issues/new" />, el);
  return el;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the entity card in the shape of Page Previews', () => {
  it('first screen: name, type, the lead, only the facts that exist, why marked; aliases and sources behind More', () => {
    const el = show(LAZARUS, false, 'Hidden Cobra');
    const text = el.textContent!;
    expect(el.querySelector('h2')!.textContent).toBe('Lazarus Group');
    expect(text).toContain('Threat actor');
    expect(el.querySelector('.cnc-card-desc')!.textContent).toBe('North Korean state hacking group. It stole billions in crypto.');
    expect(text).toContain('SanctionsOFAC, 2019');
    expect(text).toContain('AttributionPart of Reconnaissance General Bureau (US Treasury, official)');
    // the top incidents by amount
    expect(text).toMatch(/Top incidentsBybit \(2025, \$1\.46B\)Ronin bridge \(2022, \$625M\)and 1 more/);
    expect(text).toContain('Why marked The article says “Hidden Cobra”, a name it goes by (US government).');
    expect(text).not.toContain('Also known as');
    expect(el.querySelectorAll('a')).toHaveLength(0);
    expect(el.querySelector('button[aria-expanded="false"]')!.textContent).toBe('More');
  });

  it('"More": the whole description, other names, every fact with its source, the sources and the report link', () => {
    const el = show(LAZARUS, true);
    expect(el.textContent).toContain('Also known as Hidden Cobra (US government)');
    expect(el.textContent).toContain('Small heist');
    expect(el.textContent).not.toContain('and 1 more');
    expect(el.textContent).toContain('OFAC DPRK3, ');
    expect([...el.querySelectorAll('a')].map((a) => a.textContent)).toEqual(['source', 'source', 'Advisory', 'Report a wrong match']);
    expect(el.querySelector('button[aria-expanded="true"]')!.textContent).toBe('Less');
  });

  it('says nothing about sanctions on an agency without any, and "none in our data" on a threat actor', () => {
    expect(show(FBI, false).textContent).not.toContain('Sanctions');
    expect(show(FBI, true).textContent).not.toContain('Sanctions');
    expect(show({ ...LAZARUS, sanctions: [] }, false).textContent).toContain('SanctionsNone current in our data');
  });

  it('the lead is the first sentence when two would be long, and "Why marked" never repeats the description', () => {
    const el = show(FBI, false);
    expect(el.querySelector('.cnc-card-desc')!.textContent).toBe('US domestic intelligence and federal police agency within the Justice Department.');
    expect(el.querySelector('.cnc-why')!.textContent).toBe('Why marked The article names it.');
  });

  it('offers the page link a mark sits in as "Open link" (http(s) only)', () => {
    const el = document.createElement('div');
    document.body.appendChild(el);
    render(<EntityCard entity={FBI} onMore={() => {}} linkUrl="https://news.example/story" />, el);
    expect(el.querySelector('a.cnc-open')!.getAttribute('href')).toBe('https://news.example/story');
    render(<EntityCard entity={FBI} onMore={() => {}} linkUrl="javascript:alert(1)" />, el);
    expect(el.querySelector('a.cnc-open')).toBeNull();
  });

  it('the popup look-up (no More button) shows everything', () => {
    const el = document.createElement('div');
    document.body.appendChild(el);
    render(<EntityCard entity={LAZARUS} />, el);
    expect(el.textContent).toContain('Also known as');
    expect(el.querySelector('button')).toBeNull();
  });
});
