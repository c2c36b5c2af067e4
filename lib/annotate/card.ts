/** What the annotator asks of its hover card; the card itself (components/card/controller.tsx) is wired in by the entrypoint. */
import type { CardEntity, HighlightEntity } from '../shared/messages';
import type { CardTiming } from './card-timing';
import type { MarkRecord } from './highlight';

export interface CardControllerOptions {
  doc: Document;
  signal: AbortSignal;
  getEntity(id: string): Promise<CardEntity | undefined>;
  /** what the current plan says about an entity (name, why) */
  planEntity(id: string): HighlightEntity | undefined;
  /**
   * "Don't mark on this site" (no scope, or 'site') or "Never mark this" ('everywhere'). Not saved: rejects,
   * or resolves to `{ ok: false }` (with the background's words for why in `message`, when it sends them);
   * the card then says so and stays open.
   */
  onMute(id: string, scope?: 'site' | 'everywhere'): Promise<unknown>;
  theme(): 'system' | 'light' | 'dark';
  /** homepage for "report a wrong match" (manifest homepage_url) */
  homepage: string | null;
  /** what one of our marks stands for, as recorded when it was made; undefined for a page's look-alike */
  markRecord(el: Element): MarkRecord | undefined;
  /** the live pieces of a mention in document order */
  piecesOf(key: string): HTMLElement[];
}

export interface CardController {
  /** open the card for a mark from code (popup's "show in page"), once a scroll to it has settled */
  openFor(mark: HTMLElement): void;
  close(): void;
  /** close and take the UI host out of the page (annotations turned off); it comes back on next use */
  detach(): void;
  setDwell(ms: number): void;
  readonly timing: CardTiming<HTMLElement>;
  dispose(): void;
}
