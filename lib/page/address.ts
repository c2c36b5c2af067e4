/**
 * A page's address as the extension compares pages: without its #fragment, so that a jump within a page is
 * not a new page. By hand, not a regular expression: the gate script runs this in every page, where an
 * expression costs more to compile than the rest of the work (docs/performance.md, section 3).
 */
export function withoutHash(url: string): string {
  const at = url.indexOf('#');
  return at < 0 ? url : url.slice(0, at);
}
