/** Indicators as JSON: the article, when it was exported, the knowledge base's date, every indicator. */
import type { Analysis, Indicator } from '../shared/contract';

export interface IndicatorsJson {
  article: { title: string | null; url: string | null };
  exportedAt: string;
  kb: { version: string; asOf: string; addressesAsOf?: string } | null;
  indicators: Indicator[];
}

export function indicatorsJson(a: Pick<Analysis, 'title' | 'url' | 'kb' | 'indicators'>, now: Date = new Date()): IndicatorsJson {
  return {
    article: { title: a.title ?? null, url: a.url ?? null },
    exportedAt: now.toISOString(),
    kb: a.kb ?? null,
    indicators: a.indicators ?? [],
  };
}
