/**
 * The results' sections below the summary and key facts: closed until the reader opens them, and as the
 * reader left them the next time (storage.local, POPUP_SECTIONS_KEY in lib/shared/storage-keys.ts).
 */

const SECTION_IDS = ['names', 'disclaimers', 'related', 'timeline', 'transparency'] as const;
export type SectionId = (typeof SECTION_IDS)[number];
/** Open (true) or closed; a section not listed is closed. */
export type SectionsOpen = Partial<Record<SectionId, boolean>>;

/** The stored value, checked: only known sections with a boolean; anything else counts as closed. */
export function parseSectionsOpen(raw: unknown): SectionsOpen {
  const out: SectionsOpen = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return out;
  for (const id of SECTION_IDS) {
    const v = (raw as Record<string, unknown>)[id];
    if (typeof v === 'boolean') out[id] = v;
  }
  return out;
}
