/** A fake PopupBackend and a sample analysis for the popup's component tests. */
import { vi } from 'vitest';
import type { Analysis } from '../../../lib/shared/contract';
import type { CardEntity, LookupResult, TabAnalysisState } from '../../../lib/shared/messages';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import type { Settings } from '../../../lib/settings/types';
import type { PopupBackend } from '../../../components/popup/backend';
import type { SectionsOpen } from '../../../components/popup/sections';
import type { HistoryEntry } from '../../../lib/history';

export function card(id: string, name: string, type: CardEntity['type'] = 'threat-actor', aliases: string[] = []): CardEntity {
  return {
    id,
    name,
    type,
    aliases: aliases.map((a) => ({ name: a })),
    description: `${name} is a test entity.`,
    relations: [],
    sanctions: [],
    sources: [{ title: `${name} source`, url: `https://example.org/${id}` }],
  };
}

export const KB: CardEntity[] = [
  card('lazarus-group', 'Lazarus Group', 'threat-actor', ['APT38', 'Hidden Cobra']),
  card('apt38', 'APT38', 'threat-actor', ['BlueNoroff', 'APT 38']),
  card('tornado-cash', 'Tornado Cash', 'mixer', ['Tornado']),
  card('garantex', 'Garantex', 'exchange'),
];

/** A tiny stand-in for the background's fuzzy search. */
export function fakeLookup(query: string, limit = 8): LookupResult[] {
  const q = query.toLowerCase().replace(/\s+/g, '');
  const out: LookupResult[] = [];
  for (const e of KB) {
    const names = [e.name, ...e.aliases.map((a) => a.name)];
    const fold = (n: string) => n.toLowerCase().replace(/\s+/g, '');
    const hit = names.find((n) => fold(n) === q) ?? names.find((n) => fold(n).includes(q));
    if (!hit) continue;
    const exact = fold(hit) === q;
    out.push({ entity: e, score: exact ? (hit === e.name ? 0 : 0.1) : 0.3, matched: hit, exact });
  }
  return out.sort((a, b) => a.score - b.score).slice(0, limit);
}

export const ANALYSIS: Analysis = {
  title: "UN monitors: North Korea's hackers took $2 billion from exchanges and banks",
  url: 'https://ledgerstreet.example/news/un-monitors',
  siteName: 'Ledger Street',
  publishedAt: '2019-08-07T09:30:00Z',
  isArticle: true,
  cryptoSecurity: { detected: true, score: 0.93, reasons: ['Names Lazarus Group, a state hacking group', 'Talks about stolen funds'] },
  entities: [
    { id: 'lazarus-group', name: 'Lazarus Group', type: 'threat-actor', aliases: ['APT38'], mentions: [{ text: 'Lazarus', start: 10, end: 17 }], inferred: false, known: true },
    {
      id: 'rgb',
      name: 'Reconnaissance General Bureau',
      type: 'agency',
      aliases: ['RGB'],
      mentions: [
        { text: 'Reconnaissance General Bureau', start: 100, end: 129 },
        { text: 'RGB', start: 200, end: 203 },
      ],
      inferred: false,
      known: true,
    },
    {
      id: 'wannacry',
      name: 'WannaCry',
      type: 'malware',
      aliases: [],
      mentions: [],
      inferred: true,
      known: true,
      why: 'WannaCry is attributed to Lazarus Group by the US government.',
    },
    {
      id: 'a-very-long-entity',
      name: 'The Extraordinarily Long-Named International Cryptocurrency Exchange Consortium Incorporated',
      type: 'exchange',
      aliases: [],
      mentions: [{ text: 'x', start: 1, end: 2 }],
      inferred: false,
      known: false,
    },
  ],
  amounts: [{ text: '$2 billion', value: 2e9, currency: 'USD', usd: 2e9, role: 'stolen' }],
  addresses: [],
  summary: ['North Korea collected about $2 billion through attacks on exchanges and banks, UN monitors say.', 'The Reconnaissance General Bureau runs the operations.'],
  disclaimers: [
    { kind: 'informational', text: 'Information only: not financial or legal advice.' },
    { kind: 'attribution', text: 'Attribution as stated by the named authority.' },
    { kind: 'page-risk-warning', text: 'The page carries an investment risk warning.' },
    { kind: 'page-promotional', text: 'The page promotes a Telegram channel.' },
  ],
  related: [
    { title: 'Bangladesh Bank heist', url: 'https://example.org/bangladesh', why: 'Attributed to Lazarus Group', date: '2016-02-04', kind: 'incident', entityId: 'bangladesh', amountUsd: 81_000_000 },
    { title: 'Ronin bridge hack', url: 'https://example.org/ronin', why: 'Lazarus Group', date: '2022-03-23', kind: 'incident', entityId: 'ronin', amountUsd: 625_000_000 },
    { title: 'Bybit hack', url: 'https://example.org/bybit', why: 'Lazarus Group', date: '2025-02-21', kind: 'incident', entityId: 'bybit', amountUsd: 1_460_000_000 },
    { title: 'UN Panel of Experts report S/2019/691', url: 'https://example.org/un', why: 'Primary source', date: '2019-08-30', kind: 'source' },
    { title: 'Lazarus Group news', url: 'https://duckduckgo.com/?q=Lazarus+Group', why: 'Web search', kind: 'search' },
    { title: 'javascript link must not be a link', url: 'javascript:alert(1)', why: 'hostile', kind: 'source' },
  ],
  timingsMs: { total: 42 },
  keyFacts: {
    stolen: [
      { text: '$2 billion', value: 2e9, currency: 'USD', usd: 2e9, role: 'stolen' },
      { text: '401,347 ETH', value: 401347, currency: 'ETH', usd: 1.46e9, role: 'stolen' },
    ],
    actors: [{ id: 'lazarus-group', name: 'Lazarus Group', by: ['FBI'], level: 'official', inferred: false }],
    victims: [{ name: 'Bangladesh Bank' }],
    dates: ['2019-08-07'],
  },
  kb: { version: '2026.11.1', asOf: '2026-11-01' },
};

export interface FakeBackendOptions {
  states?: TabAnalysisState[];
  settings?: Partial<Settings>;
  history?: Record<string, HistoryEntry[]>;
  tabUrl?: string | null;
  noTab?: boolean;
  inTab?: boolean;
  /** answers of annotateTab, in turn (the last one repeats); default ok */
  annotate?: ({ ok: boolean } | Error)[];
  /** answer of analyseAnyway; default ok */
  anyway?: { ok: boolean } | Error;
  /** the sections' stored open state; default none open */
  sections?: SectionsOpen;
}

export function fakeBackend(opts: FakeBackendOptions = {}) {
  const states = [...(opts.states ?? [{ state: 'results', analysis: ANALYSIS, annotationsShown: true }])];
  const annotate = [...(opts.annotate ?? [])];
  let settings: Settings = { ...structuredClone(DEFAULT_SETTINGS as Settings), ...opts.settings };
  const watchers = new Set<(s: Settings) => void>();
  let stored: SectionsOpen = { ...opts.sections };
  const backend = {
    resolveTab: vi.fn(async (requested: number | null) =>
      opts.noTab ? null : { id: requested ?? 7, url: opts.tabUrl === undefined ? 'https://ledgerstreet.example/news/un-monitors' : opts.tabUrl, title: 'Tab' },
    ),
    isInTab: vi.fn(async () => opts.inTab ?? false),
    getTabAnalysis: vi.fn(async (_tabId: number): Promise<TabAnalysisState> => (states.length > 1 ? states.shift()! : states[0]!)),
    annotateTab: vi.fn(async (_tabId: number): Promise<{ ok: boolean }> => {
      const next = annotate.length > 1 ? annotate.shift()! : (annotate[0] ?? { ok: true });
      if (next instanceof Error) throw next;
      return next;
    }),
    analyseAnyway: vi.fn(async (_tabId: number): Promise<{ ok: boolean }> => {
      if (opts.anyway instanceof Error) throw opts.anyway;
      return opts.anyway ?? { ok: true };
    }),
    sectionsOpen: vi.fn(async (): Promise<SectionsOpen> => ({ ...stored })),
    saveSectionsOpen: vi.fn(async (open: SectionsOpen) => {
      stored = { ...open };
    }),
    lookup: vi.fn(async (q: string, limit?: number) => fakeLookup(q, limit)),
    getEntity: vi.fn(async (id: string) => KB.find((e) => e.id === id) ?? null),
    scrollToEntity: vi.fn(async (_tab: number, id: string) => id !== 'missing'),
    toggleAnnotations: vi.fn(async (_tab: number, on: boolean) => ({ ok: true, show: on })),
    getSettings: vi.fn(async () => settings),
    watchSettings: vi.fn((cb: (s: Settings) => void) => {
      watchers.add(cb);
      return () => watchers.delete(cb);
    }),
    enable: vi.fn(async (_host: string | null) => {
      settings = { ...settings, enabled: true };
    }),
    disableSite: vi.fn(async (_host: string) => undefined),
    historyCounts: vi.fn(async (ids: readonly string[]) => {
      const m = new Map<string, number>();
      for (const id of ids) if (opts.history?.[id]?.length) m.set(id, opts.history[id]!.length);
      return m;
    }),
    otherArticles: vi.fn(async (id: string) => opts.history?.[id] ?? []),
    openInTab: vi.fn(async (_url: string) => undefined),
    openOptions: vi.fn(async () => undefined),
  } satisfies PopupBackend;
  return {
    backend,
    emitSettings(patch: Partial<Settings>) {
      settings = { ...settings, ...patch };
      watchers.forEach((w) => w(settings));
    },
  };
}
