import { findPeopleAndOrgs } from '../../../lib/engine/ner';
import { tokenize } from '../../../lib/engine/text';

/** What the NER pass finds in a text outside the KB (nothing covered), as "type:name" labels. */
export function ner(text: string): string[] {
  return findPeopleAndOrgs(text, tokenize(text), () => false).map((e) => `${e.type}:${e.name}`);
}
