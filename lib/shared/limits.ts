/** Size limits shared by every context: what a message, a reading or a query may hold. */

/** Article text larger than this (UTF-16 code units, ~2 MB) is refused: no real article is that long. */
export const MAX_TEXT_CHARS = 2_000_000;
/** Titles, names, URLs, reasons: short strings. */
export const MAX_SHORT_CHARS = 2_000;
/** Ids are kebab-case KB ids or short generated ids. */
export const MAX_ID_CHARS = 200;
/** Entities in one highlight plan; mentions per entity. Real articles have dozens at most. */
export const MAX_ENTITIES = 500;
export const MAX_MENTIONS = 1_000;
/** Look-up queries are what a person types or selects. */
export const MAX_QUERY_CHARS = 200;
