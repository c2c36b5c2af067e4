/**
 * A message of a messages.json table with its placeholders filled the way the browser fills them (Chrome's
 * rules: named placeholders, then $1..$9, `$$` a dollar sign). Pure and free of extension APIs, so that Node
 * tools (the analyze and kb:verify commands) word the same messages as the extension: they read
 * public/_locales/en/messages.json and call this; the extension's pages call `t` (./i18n.ts), whose English
 * fallback is this too.
 */

export interface Message {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

/** Words a message key with its substitutions: `t` in the extension, `fillMessage` over messages.json in Node. */
export type Word = (key: string, substitutions?: readonly string[]) => string;

/** The text of `key` in `table` with its placeholders filled; the key itself when the table lacks it. */
export function fillMessage(table: Readonly<Record<string, Message>>, key: string, substitutions: readonly string[] = []): string {
  const m = table[key];
  if (!m) return key;
  const named = m.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const p = Object.entries(m.placeholders ?? {}).find(([k]) => k.toLowerCase() === name.toLowerCase());
    return p ? p[1].content : whole;
  });
  return named.replace(/\$(\$|[1-9])/g, (_w, d: string) => (d === '$' ? '$' : (substitutions[Number(d) - 1] ?? '')));
}
