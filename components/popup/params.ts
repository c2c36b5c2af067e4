/** The popup's URL parameters: `?tab=<id>` (which tab), `?q=<text>` (prefilled look-up), `?full=1` (opened in a tab). */
export interface PopupParams {
  tab: number | null;
  query: string;
  full: boolean;
}

/** Same cap as the look-up message: a selection is a name, not a page. */
const MAX_QUERY = 200;

export function parsePopupParams(search: string): PopupParams {
  const p = new URLSearchParams(search);
  const rawTab = p.get('tab');
  const tab = rawTab !== null && /^\d{1,10}$/.test(rawTab) ? Number(rawTab) : null;
  return {
    tab: tab !== null && Number.isSafeInteger(tab) ? tab : null,
    query: (p.get('q') ?? '').trim().slice(0, MAX_QUERY),
    full: p.get('full') === '1',
  };
}

export function popupPageUrl(base: string, params: Partial<PopupParams>): string {
  const p = new URLSearchParams();
  if (params.tab !== undefined && params.tab !== null) p.set('tab', String(params.tab));
  if (params.query) p.set('q', params.query);
  if (params.full) p.set('full', '1');
  const qs = p.toString();
  return qs ? `${base}?${qs}` : base;
}
