/**
 * The card's words that are computed, not stored: the lead (one or two sentences of what the thing is,
 * cut only between sentences or, for one long sentence, between words) and "Why marked" (the name the
 * article used and how it matched), in the reader's language; and the type's name.
 */
import type { CardEntity } from '../../lib/shared/messages';
import type { EntityType } from '../../lib/shared/contract';
import { t } from '../../lib/shared/i18n';

/** "Threat actor", "Government agency"... (messages cardType_<type>). */
export const typeLabel = (type: EntityType): string => t(`cardType_${type.replace(/-/g, '_')}`);

/** The lead takes a second sentence only while it stays this short (about two lines at 320 px). */
const LEAD_MAX_CHARS = 100;
/** A first sentence longer than this is cut at a word boundary before it, with an ellipsis. */
export const LEAD_HARD_MAX_CHARS = 100;

/** Full stops that do not end a sentence: initials ("U.S.", "J.P.") and common abbreviations. */
const NOT_AN_END = /\b(?:[A-Za-z]|Mr|Dr|St|Mt|No|Inc|Co|vs)\.$/;
const END = /[.!?]["”’)]?(?=\s+["“(]?[A-Z0-9])/g;

/** The sentences of `text`, each with its end punctuation. */
export function sentencesOf(text: string): string[] {
  const s = text.replace(/\s+/g, ' ').trim();
  const out: string[] = [];
  let from = 0;
  for (const m of s.matchAll(END)) {
    const end = m.index + m[0].length;
    if (NOT_AN_END.test(s.slice(from, m.index + 1))) continue;
    out.push(s.slice(from, end).trim());
    from = end;
  }
  const rest = s.slice(from).trim();
  if (rest) out.push(rest);
  return out;
}

/** One or two sentences of `description` (the rest is behind "More"). Never ends mid-word. */
export function leadOf(description: string): string {
  const [first = '', second] = sentencesOf(description);
  if (first.length > LEAD_HARD_MAX_CHARS) {
    const room = first.slice(0, LEAD_HARD_MAX_CHARS);
    const at = room.lastIndexOf(' ');
    return `${(at > 40 ? room.slice(0, at) : room).replace(/[\s,;:–—-]+$/, '')}…`;
  }
  return second && first.length + 1 + second.length <= LEAD_MAX_CHARS ? `${first} ${second}` : first;
}

const norm = (s: string): string => s.normalize('NFKC').replace(/[’']/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Why this mark is here, in words: which name the article used and how it matched. The engine does not
 * (yet) report which context words decided an ambiguous name, so the card does not claim any.
 */
export function whyMarked(entity: Pick<CardEntity, 'name' | 'aliases'>, mentionText: string | undefined): string {
  const said = mentionText?.replace(/\s+/g, ' ').trim();
  if (!said) return t('cardWhyNamed');
  if (norm(said) === norm(entity.name)) return t('cardWhyNames');
  const alias = entity.aliases.find((a) => norm(a.name) === norm(said));
  const by = alias?.usedBy?.slice(0, 2).join(', ');
  return !alias ? t('cardWhySays', said) : by ? t('cardWhyAliasBy', [said, by]) : t('cardWhyAlias', said);
}
