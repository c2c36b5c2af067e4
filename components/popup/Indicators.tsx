/**
 * The article's indicators of compromise (issue 18), grouped by kind: each with a copy button; "Copy all"
 * as plain text, defanged or not; exports as CSV, JSON and a STIX 2.1 bundle, made here in the popup and
 * saved with a download link (a Blob: no permission, nothing fetched or sent). Values are shown as text.
 */
import { useState } from 'preact/hooks';
import type { Analysis, Indicator } from '../../lib/shared/contract';
import type { CardEntity } from '../../lib/shared/messages';
import { screeningText } from '../../lib/shared/screening';
import { t } from '../../lib/shared/i18n';
import { defang, groupByKind, indicatorsCsv, indicatorsJson, indicatorsText, stixBundle, stixEntityIds, stixParentIds, type ExportEntity } from '../../lib/export';
import { whyOf } from './Related';

/** Saves `text` as a file with a temporary link to a Blob: the browser's own download, nothing sent. */
function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file name from the article's host and the date: "indicators-example.com-2026-01-02.csv". */
function fileName(a: Analysis, ext: string): string {
  let host = 'article';
  try {
    if (a.url) host = new URL(a.url).hostname || host;
  } catch {
    // keep "article"
  }
  return `indicators-${host.replace(/[^a-z0-9.-]/gi, '_')}-${new Date().toISOString().slice(0, 10)}.${ext}`;
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function AddressDetails({ i }: { i: Indicator }) {
  return (
    <span class="indicator-meta muted small">
      {i.chain ?? t('popIocUnknownChain')}
      {i.valid === false ? ` · ${t('popIocChecksumFailed')}` : i.valid ? ` · ${t('popIocValid')}` : ''}
      {i.screening ? <span class={i.screening.listed ? 'indicator-sanctioned' : undefined}> · {screeningText(i.screening)}</span> : null}
    </span>
  );
}

export function Indicators(props: { analysis: Analysis; getEntity: (id: string) => Promise<CardEntity | null> }) {
  const a = props.analysis;
  const [defanged, setDefanged] = useState(true);
  const [status, setStatus] = useState('');
  const groups = groupByKind(a.indicators ?? []);
  if (!groups.length) return null;
  const count = groups.reduce((n, g) => n + g.items.length, 0);
  const shown = (i: Indicator): string => (defanged ? defang(i.kind, i.refanged) : i.refanged);

  const copyOne = async (i: Indicator) => setStatus((await copy(shown(i))) ? t('popIocCopied', shown(i)) : t('popIocCopyFailed'));
  const copyAll = async () =>
    setStatus((await copy(indicatorsText(a.indicators ?? [], { defanged }))) ? t(defanged ? 'popIocCopiedAllDefanged' : 'popIocCopiedAll', count.toLocaleString()) : t('popIocCopyFailed'));
  const exportStix = async () => {
    // the knowledge-base entries of the article's groups and malware, and the bodies the groups belong to
    const entries = new Map<string, ExportEntity>();
    const fetchAll = async (ids: string[]) => {
      const got = await Promise.all(ids.filter((id) => !entries.has(id)).map((id) => props.getEntity(id).catch(() => null)));
      for (const e of got) if (e) entries.set(e.id, e);
    };
    await fetchAll(stixEntityIds(a));
    await fetchAll(stixParentIds([...entries.values()]));
    // the related sources' descriptions are worded here, as the popup shows them (the analysis keeps codes)
    const worded = { ...a, related: (a.related ?? []).map((r) => (r.why ? r : { ...r, why: whyOf(r) })) };
    download(fileName(a, 'stix.json'), 'application/json', `${JSON.stringify(stixBundle(worded, { entity: (id) => entries.get(id) }), null, 2)}\n`);
    setStatus(t('popIocSavedStix'));
  };

  return (
    <section aria-labelledby="sec-indicators" class="indicators">
      <h3 id="sec-indicators" class="section-title">
        {t('popIocTitle', count.toLocaleString())}
      </h3>
      <p class="muted small">{t('popIocHelp')}</p>
      <div class="indicator-tools">
        <label class="switch">
          <input type="checkbox" checked={defanged} onChange={(e) => setDefanged((e.currentTarget as HTMLInputElement).checked)} />
          {t('popIocDefanged')}
        </label>
        <button type="button" onClick={() => void copyAll()}>
          {t('popIocCopyAll')}
        </button>
        <span role="group" aria-label={t('popIocExport')}>
          <button type="button" onClick={() => { download(fileName(a, 'csv'), 'text/csv', indicatorsCsv([{ input: a.url ?? a.title ?? 'article', indicators: a.indicators ?? [] }])); setStatus(t('popIocSavedCsv')); }}>
            {t('popIocCsv')}
          </button>
          <button type="button" onClick={() => { download(fileName(a, 'json'), 'application/json', `${JSON.stringify(indicatorsJson(a), null, 2)}\n`); setStatus(t('popIocSavedJson')); }}>
            {t('popIocJson')}
          </button>
          <button type="button" onClick={() => void exportStix()}>
            {t('popIocStix')}
          </button>
        </span>
      </div>
      <p class="status-line small" role="status" aria-live="polite">
        {status}
      </p>
      {groups.map((g) => (
        <div class="indicator-group" key={g.kind} data-kind={g.kind}>
          <h4 class="indicator-kind">
            {t(`popIocKind_${g.kind}`)} ({g.items.length.toLocaleString()})
          </h4>
          <ul class="indicator-list">
            {g.items.map((i) => (
              <li key={`${i.kind}:${i.refanged}`}>
                <code class="wrap-anywhere">{shown(i)}</code>{' '}
                <button type="button" class="link" aria-label={t('popIocCopyOne', [t(`popIocOne_${g.kind}`), shown(i)])} onClick={() => void copyOne(i)}>
                  {t('popIocCopy')}
                </button>
                {i.kind === 'address' ? <AddressDetails i={i} /> : null}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
