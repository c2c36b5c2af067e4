/**
 * Screening of addresses against the OFAC-listed addresses the knowledge base ships: listed or not,
 * and when listed, who is designated, under which programme, since when, and where it is written.
 * Not being listed means only that: the lists we ship do not name it (as of their date).
 */
import type { AddressHit, AddressScreening } from '../../shared/contract';
import type { CompiledKb, KbAddress, KbEntity } from '../../kb/types';
import { addressKey } from '../../kb/lookup';


export function addressScreener(
  kb: Pick<CompiledKb, 'asOf' | 'addressesAsOf'>,
  sanctioned: ReadonlyMap<string, KbAddress>,
  entity: (id: string) => KbEntity | undefined,
): (hit: AddressHit) => AddressScreening {
  const asOf = kb.addressesAsOf ?? kb.asOf ?? null;
  return (hit) => {
    const listed = sanctioned.get(addressKey(hit.text));
    if (!listed) return { listed: false, asOf };
    const e = listed.entity ? entity(listed.entity) : undefined;
    const ofac = e?.sanctions.filter((s) => /OFAC/i.test(s.authority)) ?? [];
    const programmes = [...new Set(ofac.map((s) => s.programme))];
    const date = listed.entitySource?.date ?? ofac[0]?.date ?? listed.source.date;
    const src = listed.source;
    return {
      listed: true,
      asOf: listed.asOf ?? asOf,
      ...(listed.entity ? { designated: e?.name ?? listed.entity } : {}),
      ...(programmes.length ? { programme: programmes.join(', ') } : {}),
      ...(date ? { date } : {}),
      source: { title: src.title, url: src.url, ...(src.publisher ? { publisher: src.publisher } : {}), ...(src.date ? { date: src.date } : {}) },
    };
  };
}
