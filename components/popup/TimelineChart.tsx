/**
 * A small timeline of related incidents: amount stolen (USD at the time) by date, as inline SVG
 * with a <title>/<desc>, labelled axes and a visually-hidden table carrying the same data.
 */
import { useId } from 'preact/hooks';
import { dateValue, formatDate, formatUsd } from '../shared/format';
import { t } from '../../lib/shared/i18n';

export interface TimelinePoint {
  label: string;
  date: string;
  amountUsd: number;
  /** the incident is the one this article is about */
  current?: boolean;
}

/** Plot area inside the SVG's viewBox: room on the left for amounts and below for years. */
const WIDTH = 360;
const HEIGHT = 170;
const PAD = { left: 52, right: 14, top: 12, bottom: 38 };

export interface TimelineLayout {
  points: (TimelinePoint & { x: number; y: number })[];
  yTicks: { value: number; y: number; label: string }[];
  xTicks: { year: number; x: number }[];
  plot: { x0: number; x1: number; y0: number; y1: number };
}

/** A "nice" top for the amount axis: 1, 2 or 5 times a power of ten, at or above max. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 5, 10]) if (m * p >= max) return m * p;
  return 10 * p;
}

/** Pure layout: positions, ticks. Points without a usable date or amount are dropped. */
export function layoutTimeline(input: readonly TimelinePoint[]): TimelineLayout {
  const plot = { x0: PAD.left, x1: WIDTH - PAD.right, y0: HEIGHT - PAD.bottom, y1: PAD.top };
  const usable = input
    .filter((p) => Number.isFinite(dateValue(p.date)) && Number.isFinite(p.amountUsd) && p.amountUsd >= 0)
    .sort((a, b) => dateValue(a.date) - dateValue(b.date));
  if (!usable.length) return { points: [], yTicks: [], xTicks: [], plot };

  const first = new Date(dateValue(usable[0]!.date)).getUTCFullYear();
  const last = new Date(dateValue(usable[usable.length - 1]!.date)).getUTCFullYear();
  // whole years on the axis, with one year of room on each side when everything is in one year
  const t0 = Date.UTC(first === last ? first - 1 : first, 0, 1);
  const t1 = Date.UTC(first === last ? last + 2 : last + 1, 0, 1);
  const top = niceMax(Math.max(...usable.map((p) => p.amountUsd)));
  const x = (t: number) => plot.x0 + ((t - t0) / (t1 - t0)) * (plot.x1 - plot.x0);
  const y = (v: number) => plot.y0 - (v / top) * (plot.y0 - plot.y1);

  const yTicks = [0, top / 2, top].map((value) => ({ value, y: y(value), label: formatUsd(value, 2) }));
  const y0 = new Date(t0).getUTCFullYear();
  const y1 = new Date(t1).getUTCFullYear();
  const span = y1 - y0;
  const step = span <= 6 ? 1 : span <= 12 ? 2 : Math.ceil(span / 6);
  const xTicks: { year: number; x: number }[] = [];
  for (let yr = y0; yr <= y1; yr += step) xTicks.push({ year: yr, x: x(Date.UTC(yr, 0, 1)) });

  return {
    points: usable.map((p) => ({ ...p, x: x(dateValue(p.date)), y: y(p.amountUsd) })),
    yTicks,
    xTicks,
    plot,
  };
}

export function TimelineChart(props: { points: readonly TimelinePoint[]; heading?: string }) {
  const uid = useId();
  const layout = layoutTimeline(props.points);
  if (layout.points.length < 2) return null;
  const { plot } = layout;
  const titleId = `${uid}-title`;
  const descId = `${uid}-desc`;
  const largest = layout.points.reduce((a, b) => (b.amountUsd > a.amountUsd ? b : a));
  const firstP = layout.points[0]!;
  const lastP = layout.points[layout.points.length - 1]!;
  const desc = t('popChartDesc', [
    layout.points.length.toLocaleString(),
    formatDate(firstP.date),
    formatDate(lastP.date),
    largest.label,
    formatUsd(largest.amountUsd),
    formatDate(largest.date),
  ]);
  const heading = props.heading ?? t('popChartTitle');

  return (
    <figure class="timeline">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        focusable="false"
        class="timeline-svg"
      >
        <title id={titleId}>{heading}</title>
        <desc id={descId}>{desc}</desc>
        <g class="timeline-grid">
          {layout.yTicks.map((tick) => (
            <line key={`gy${tick.value}`} x1={plot.x0} x2={plot.x1} y1={tick.y} y2={tick.y} />
          ))}
        </g>
        <g class="timeline-axis">
          <line x1={plot.x0} x2={plot.x1} y1={plot.y0} y2={plot.y0} />
          <line x1={plot.x0} x2={plot.x0} y1={plot.y0} y2={plot.y1} />
          {layout.yTicks.map((tick) => (
            <text key={`ty${tick.value}`} x={plot.x0 - 6} y={tick.y} text-anchor="end" dominant-baseline="middle">
              {tick.label}
            </text>
          ))}
          {layout.xTicks.map((tick) => (
            <g key={`tx${tick.year}`}>
              <line x1={tick.x} x2={tick.x} y1={plot.y0} y2={plot.y0 + 4} />
              <text x={tick.x} y={plot.y0 + 15} text-anchor="middle">
                {tick.year}
              </text>
            </g>
          ))}
          <text class="timeline-axis-label" x={(plot.x0 + plot.x1) / 2} y={HEIGHT - 4} text-anchor="middle">
            {t('popChartX')}
          </text>
          <text
            class="timeline-axis-label"
            x={12}
            y={(plot.y0 + plot.y1) / 2}
            text-anchor="middle"
            transform={`rotate(-90 12 ${(plot.y0 + plot.y1) / 2})`}
          >
            {t('popChartY')}
          </text>
        </g>
        <g class="timeline-points">
          {layout.points.map((p, i) => (
            <g key={`p${i}`} class={p.current ? 'current' : undefined}>
              <line x1={p.x} x2={p.x} y1={plot.y0} y2={p.y} />
              <circle cx={p.x} cy={p.y} r={p.current ? 5.5 : 4} />
            </g>
          ))}
        </g>
      </svg>
      {/* the wrapper hides it: a table ignores width: 1px and would stick out of the popup */}
      <div class="visually-hidden">
        <table>
          <caption>{heading}</caption>
          <thead>
            <tr>
              <th scope="col">{t('popChartDate')}</th>
              <th scope="col">{t('popChartIncident')}</th>
              <th scope="col">{t('popChartY')}</th>
            </tr>
          </thead>
          <tbody>
            {layout.points.map((p, i) => (
              <tr key={`r${i}`}>
                <td>{formatDate(p.date)}</td>
                <th scope="row">{p.label}</th>
                <td>{formatUsd(p.amountUsd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
