/**
 * The content script's work, start to end: cheap gate -> read the page -> ask the background ->
 * paint the plan it sends back -> keep it right while the page changes. Knows nothing of the KB or
 * the engine; every decision about what to mark is made in the background.
 */
import { markTypeName } from '../shared/labels';
import type { CardController, CardControllerOptions } from './card';
import type { GateResult } from '../gate/gate';
import type { ContentStatus, HighlightPlan, PageReadAnswer, ToContent, Answers, CardEntity } from '../shared/messages';
import { MAX_TEXT_CHARS } from '../shared/limits';
import type { AnalysisInput } from '../shared/contract';
import type { PageReading, TextMap } from '../page/types';
import { withoutHash } from '../page/address';
import { Highlighter, MARK_TAG, UI_HOST_SELECTOR, type MentionToMark } from './highlight';
import { MARK_CSS, addStyles } from './styles';
import { GATE_RECHECK_WINDOW_MS, MIN_REREAD_INTERVAL_MS, watchPage, type PageWatcher } from '../page/watch';


export interface AnnotatorDeps {
  doc: Document;
  signal: AbortSignal;
  readGate(doc: Document): GateResult;
  readPage(doc: Document): PageReading;
  pageRead(readingId: number, input: AnalysisInput): Promise<PageReadAnswer | undefined>;
  getEntity(id: string): Promise<CardEntity | undefined>;
  /** resolves to `{ ok: false }` (or rejects) when the mute was not saved */
  muteEntity(id: string, scope?: 'site' | 'everywhere'): Promise<unknown>;
  homepage: string | null;
  /** the hover card (components/card), wired in by the entrypoint */
  createCard(opts: CardControllerOptions): CardController;
}

export interface Annotator {
  /** gate, read, analyse, paint (or nothing when the gate says no) */
  run(force?: boolean): Promise<void>;
  handle(msg: ToContent): Promise<Answers[ToContent['type']]>;
  readonly highlighter: Highlighter;
  stop(): void;
}

function mentionsOf(plan: HighlightPlan): MentionToMark[] {
  const out: MentionToMark[] = [];
  for (const e of plan.entities) {
    const type = markTypeName(e.type);
    e.mentions.forEach((m, i) => {
      out.push({
        entityId: e.id,
        entityType: e.type,
        // Short: the role ("button") and aria-haspopup ("dialog") already say that it opens details.
        label: m.text === e.name ? `${m.text} (${type})` : `${m.text} (${e.name}, ${type})`,
        key: `${e.id}~${i}`,
        start: m.start,
        end: m.end,
        text: m.text,
      });
    });
  }
  return out;
}


export function createAnnotator(deps: AnnotatorDeps): Annotator {
  const { doc, signal } = deps;
  const highlighter = new Highlighter(doc);
  let gateResult: GateResult | null = null;
  let readingId = 0;
  let lastText: string | null = null;
  let map: TextMap | null = null;
  /** the map was used by a sync: node offsets in it may no longer hold */
  let mapUsed = false;
  let plan: HighlightPlan | null = null;
  let removeMarkStyles: (() => void) | null = null;
  let running: Promise<void> | null = null;
  let lastRunAt = 0;
  /** why the last run sent nothing although the gate passed (the popup shows it instead of "analysing") */
  let skipped: 'no-text' | null = null;
  /** the address (without #fragment) the reader asked to have analysed anyway: read there whatever the gate says */
  let askedFor: string | null = null;
  let rerunTimer: number | undefined;

  const card: CardController = deps.createCard({
    doc,
    signal,
    getEntity: deps.getEntity,
    planEntity: (id) => plan?.entities.find((e) => e.id === id),
    onMute: deps.muteEntity,
    theme: () => plan?.theme ?? 'system',
    homepage: deps.homepage,
    markRecord: (el) => highlighter.recordOf(el),
    piecesOf: (key) => highlighter.piecesOf(key),
  });

  const isOurs = (node: Node): boolean => {
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    return !!el?.closest(`${MARK_TAG},${UI_HOST_SELECTOR}`);
  };

  let navigatedAt = Date.now();
  const watcher: PageWatcher = watchPage(doc, {
    signal,
    isOurs,
    onChange: () => {
      if (!plan && !gateResult?.pass && Date.now() - navigatedAt > GATE_RECHECK_WINDOW_MS) return;
      scheduleRun();
    },
    onUrlChange: () => {
      navigatedAt = Date.now();
      card.close();
      lastText = null;
      scheduleRun();
    },
  });

  function scheduleRun(): void {
    if (signal.aborted) return;
    window.clearTimeout(rerunTimer);
    const wait = Math.max(0, lastRunAt + MIN_REREAD_INTERVAL_MS - Date.now());
    rerunTimer = window.setTimeout(() => void run(), wait);
  }

  /** A map that matches the page as it is now, or null when the article text changed. */
  function freshMap(): TextMap | null {
    if (map && !mapUsed) return map;
    const reading = deps.readPage(doc);
    if (reading.input.text !== lastText || !reading.map) return null;
    map = reading.map;
    mapUsed = false;
    return map;
  }

  /** Take everything of ours out of the page: marks (text nodes restored exactly), styles, the card host. */
  function unpaint(): void {
    card.detach();
    watcher.quietly(() => highlighter.clear());
    removeMarkStyles?.();
    removeMarkStyles = null;
  }

  function paint(): void {
    // After stop nothing of ours goes back into the page (a reading or a message may still be in flight).
    if (signal.aborted || !plan) return;
    if (!plan.show) {
      unpaint();
      return;
    }
    const m = freshMap();
    if (!m) {
      lastText = null;
      scheduleRun();
      return;
    }
    card.setDwell(plan.cardDelayMs);
    if (!removeMarkStyles) removeMarkStyles = addStyles(doc, MARK_CSS);
    const current = plan;
    watcher.quietly(() => highlighter.sync(m, mentionsOf(current), current.density === 'first'));
    mapUsed = true;
  }

  async function runOnce(force: boolean): Promise<void> {
    if (signal.aborted) return;
    lastRunAt = Date.now();
    if (!(doc.documentElement instanceof HTMLElement) || !doc.body) return;
    gateResult = deps.readGate(doc);
    if (!gateResult.pass && askedFor !== withoutHash(doc.URL)) {
      // The page may have stopped being one we annotate (SPA navigation): take our marks away.
      unpaint();
      plan = null;
      return;
    }
    const reading = deps.readPage(doc);
    if (reading.input.text.length > MAX_TEXT_CHARS) {
      // No article is this long; analyse the beginning (offsets into it stay valid in the map).
      reading.input = { ...reading.input, text: reading.input.text.slice(0, MAX_TEXT_CHARS) };
    }
    const text = reading.input.text;
    if (!reading.map || !text.trim()) {
      skipped = 'no-text';
      return;
    }
    skipped = null;
    if (!force && text === lastText) {
      // Same article text: no need to ask the background again; repaint what the page may have lost.
      if (plan?.show) {
        map = reading.map;
        mapUsed = false;
        paint();
      }
      return;
    }
    lastText = text;
    map = reading.map;
    mapUsed = false;
    const id = ++readingId;
    const answer = await deps.pageRead(id, reading.input);
    if (signal.aborted || id !== readingId) return; // a newer reading is on its way
    if (!answer?.ok) {
      unpaint();
      plan = null;
      return;
    }
    if (answer.plan.readingId !== id) return;
    plan = answer.plan;
    paint();
  }

  async function run(force = false): Promise<void> {
    if (running) {
      await running;
    }
    running = runOnce(force).finally(() => {
      running = null;
    });
    return running;
  }

  async function handle(msg: ToContent): Promise<Answers[ToContent['type']]> {
    switch (msg.type) {
      case 'background/analysis-ready':
        if (msg.plan.readingId !== readingId) return { ok: false };
        plan = msg.plan;
        paint();
        return { ok: true };
      case 'background/toggle':
        if (!plan) return { ok: false };
        plan = { ...plan, show: msg.show };
        paint();
        return { ok: true };
      case 'background/get-status': {
        const status: ContentStatus = { url: withoutHash(doc.URL).slice(0, 2000), readingId, ...(skipped ? { skipped } : {}), gate: gateResult ?? { pass: false, hits: [] }, marks: highlighter.all().length };
        return status;
      }
      case 'background/reread':
        if (msg.asked) askedFor = withoutHash(doc.URL);
        void run(true);
        return { ok: true };
      case 'popup/scroll-to-entity': {
        const mark = highlighter.marksOf(msg.id).find((m) => m.hasAttribute('tabindex')) ?? highlighter.marksOf(msg.id)[0];
        if (!mark) return { ok: false };
        const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
        mark.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
        mark.focus({ preventScroll: true });
        card.openFor(mark);
        return { ok: true };
      }
    }
  }

  function stop(): void {
    window.clearTimeout(rerunTimer);
    watcher.stop();
    card.dispose();
    highlighter.clear();
    removeMarkStyles?.();
  }
  signal.addEventListener('abort', stop, { once: true });

  return { run, handle, highlighter, stop };
}
