/**
 * The floor for benchmark 1: a plain single-pass dictionary scan over the KB's names. Every name and
 * alias is lower-cased into word tokens and put into a token trie (Map per node); the scan tokenises
 * the text once and walks the trie from each token. No case rules, no context, no overlap resolution:
 * it is what any name matching must at least cost, so the engine's time can be read against it.
 */
import type { CompiledKb } from '../../lib/kb/types';

interface Node {
  next: Map<string, Node>;
  ids: string[] | null;
}

const WORD_RE = /[\p{L}\p{N}]+/gu;

export interface DictionaryScanner {
  scan(text: string): number;
  names: number;
}

export function compileDictionary(kb: Pick<CompiledKb, 'entities'>): DictionaryScanner {
  const root: Node = { next: new Map(), ids: null };
  let names = 0;
  for (const e of kb.entities) {
    for (const name of [e.name, ...e.aliases.map((a) => a.name)]) {
      const toks = name.toLowerCase().match(WORD_RE);
      if (!toks) continue;
      let node = root;
      for (const t of toks) {
        let nx = node.next.get(t);
        if (!nx) {
          nx = { next: new Map(), ids: null };
          node.next.set(t, nx);
        }
        node = nx;
      }
      (node.ids ??= []).push(e.id);
      names++;
    }
  }
  return {
    names,
    /** Number of (possibly overlapping) name occurrences: returned so the work cannot be optimised away. */
    scan(text: string): number {
      const toks = text.toLowerCase().match(WORD_RE) ?? [];
      let hits = 0;
      for (let i = 0; i < toks.length; i++) {
        let node: Node | undefined = root;
        for (let j = i; j < toks.length; j++) {
          node = node.next.get(toks[j]!);
          if (!node) break;
          if (node.ids) hits += node.ids.length;
        }
      }
      return hits;
    },
  };
}
