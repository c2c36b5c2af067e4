/** What the annotator asks of its hover card; the card itself (components/card/controller.tsx) is wired in by the entrypoint. */
import type { CardEntity, HighlightEntity } from '../shared/messages';
import type { CardTiming } from './card-timing';

export interface CardControllerOptions {
  doc: Document;
  signal: AbortSignal;
  getEntity(id: string): Promise<CardEntity | undefined>;
  /** what the current plan says about an entity (name, why) */
  planEntity(id: string): HighlightEntity | undefined;
  onMute(id: string): void;
  theme(): 'system' | 'light' | 'dark';
  /** homepage for "report a wrong match" (manifest homepage_url) */
  homepage: string | null;
  /** is this element one of our marks (not a page-made look-alike)? */
  isOurMark(el: Element): boolean;
}

export interface CardController {
  /** open the card for a mark from code (popup's "show in page") */
  openFor(mark: HTMLElement): void;
  close(): void;
  /** close and take the UI host out of the page (annotations turned off); it comes back on next use */
  detach(): void;
  setDwell(ms: number): void;
  readonly timing: CardTiming<HTMLElement>;
  dispose(): void;
}
