import { describe, expect, it } from 'vitest';
import { inferEntities } from '../../../lib/engine/infer';
import type { KbEntity } from '../../../lib/kb/types';
import { TEST_ENTITIES } from './kb-fixture';

const src = { title: 'Charges', publisher: 'US Department of Justice', url: 'https://www.justice.gov/example' };
const withState: KbEntity[] = TEST_ENTITIES.map((e) =>
  e.id === 'reconnaissance-general-bureau' ? { ...e, relations: [{ type: 'part-of', target: 'north-korea', by: 'US Treasury', level: 'official', source: src }] } : e,
);
const byId = (id: string): KbEntity | undefined => withState.find((e) => e.id === id);

describe('inference beyond actors (issue 14)', () => {
  it('infers the state behind a named group through the sourced links, with the chain', () => {
    const out = inferEntities([byId('lazarus-group')!], byId);
    const nk = out.find((i) => i.entity.id === 'north-korea');
    expect(nk?.via.map((s) => `${s.from}->${s.to} (${s.by})`)).toEqual(['lazarus-group->reconnaissance-general-bureau (US Treasury)', 'reconnaissance-general-bureau->north-korea (US Treasury)']);
    expect(nk?.via.every((s) => s.source.url.startsWith('https://'))).toBe(true);
  });

  it('does not infer what the article already names, nor anything from a country', () => {
    expect(inferEntities([byId('lazarus-group')!, byId('north-korea')!], byId).some((i) => i.entity.id === 'north-korea')).toBe(false);
    expect(inferEntities([byId('north-korea')!, byId('iran')!], byId)).toEqual([]);
  });
});
