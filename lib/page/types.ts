/**
 * The page adapter's output: the article text the engine reads, plus a map from offsets in that text
 * back to live text nodes, so that mentions found by the engine can be highlighted in place.
 */
import type { AnalysisInput } from '../shared/contract';

/** A run of article text that lives in one text node of the page. */
export interface TextSegment {
  /** offset of this run in the article text */
  start: number;
  /** the live text node (the page's own node, never a clone) */
  node: Text;
  /** offset inside node.data where the run begins */
  nodeOffset: number;
  length: number;
}

export interface TextMap {
  /** segments sorted by start; gaps between them are separators the adapter inserted ("\n\n", " ") */
  segments: TextSegment[];
}

export interface PageReading {
  input: AnalysisInput;
  /** null when the document is not live (CLI) or nothing could be mapped */
  map: TextMap | null;
  /** why Readability was not used, when it was not (too short, not readerable...) */
  note?: string;
}
