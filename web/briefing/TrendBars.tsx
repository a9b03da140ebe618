// A small monthly bar chart in SVG for one approach: a bar per month, a hatched stub where the count is withheld.
import type { BriefingI18n } from './briefing-strings';
import { trendMax, type TrendPoint } from './briefing-figures';
import { formatMonth } from '../i18n/format';

interface Props {
  points: readonly TrendPoint[];
  k: number;
  color: string;
  i18n: BriefingI18n;
  /** Month labels under the first and last bar (only the first row of a table needs them). */
  axis?: boolean;
  /** A sparkline for a narrow column: no scale label, shorter. */
  compact?: boolean;
}

export function TrendBars({ points, k, color, i18n, axis = false, compact = false }: Props) {
  const width = compact ? 120 : 200;
  const PAD_TOP = compact ? 1 : 8;
  const axisH = axis ? 9 : 0;
  const height = (compact ? 16 : 28) + axisH;
  const n = Math.max(points.length, 1);
  const plotH = height - PAD_TOP - axisH - 1;
  const max = trendMax(points, k);
  const slot = width / n;
  const barW = Math.max(1.5, slot * 0.72);
  const y = (v: number) => PAD_TOP + plotH - (v / max) * plotH;
  const hatchId = `hatch-${color.replace(/[^a-z0-9]/gi, '')}`;
  const month = (m: string) => formatMonth(i18n.lang, m, 'short');
  return (
    <svg
      className="trend-bars"
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role="img"
      aria-label={points.map((p) => `${month(p.month)}: ${i18n.count(p.value, k)}`).join('; ')}
    >
      <defs>
        <pattern id={hatchId} width="3" height="3" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="3" height="3" fill="#ffffff" />
          <line x1="0" y1="0" x2="0" y2="3" stroke={color} strokeWidth="1.4" />
        </pattern>
      </defs>
      {!compact && (
        <text x={width} y={6.5} textAnchor="end" className="trend-max">
          {i18n.t('trend.max', { n: i18n.num(max) })}
        </text>
      )}
      <line x1={0} x2={width} y1={PAD_TOP} y2={PAD_TOP} className="trend-grid" />
      {points.map((p, i) => {
        const x = i * slot + (slot - barW) / 2;
        const withheld = p.value === null;
        const v = p.value ?? k;
        const top = withheld ? y(k) : y(v);
        const h = Math.max(PAD_TOP + plotH - top, p.value === 0 ? 0 : 0.8);
        return (
          <rect
            key={p.month}
            x={x}
            y={top}
            width={barW}
            height={h}
            fill={withheld ? `url(#${hatchId})` : color}
            stroke={withheld ? color : 'none'}
            strokeWidth={withheld ? 0.5 : 0}
            data-count={p.value === null ? 'withheld' : String(p.value)}
          >
            <title>{`${month(p.month)}: ${i18n.count(p.value, k)}`}</title>
          </rect>
        );
      })}
      <line x1={0} x2={width} y1={PAD_TOP + plotH + 0.5} y2={PAD_TOP + plotH + 0.5} className="trend-base" />
      {axis && points.length > 0 && (
        <>
          <text x={0} y={height - 1} className="trend-axis">
            {month(points[0].month)}
          </text>
          <text x={width} y={height - 1} textAnchor="end" className="trend-axis">
            {month(points[points.length - 1].month)}
          </text>
        </>
      )}
    </svg>
  );
}
