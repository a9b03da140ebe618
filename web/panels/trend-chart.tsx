// Monthly events as stacked bars by type (SVG), with the same numbers in a table for screen readers; loaded lazily.
import type { TrendResponse } from '../api';
import { TYPE_COLORS, type EventType } from '../event-types';
import { useT } from '../i18n/use-t';

const W = 320;
const H = 130;
const PAD = { left: 30, right: 6, top: 8, bottom: 20 };

/** A "nice" axis maximum: 1, 2 or 5 times a power of ten, at least the data maximum. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  return ([1, 2, 5, 10].find((m) => m * p >= max) ?? 10) * p;
}

export default function TrendChart({ trend }: { trend: TrendResponse }) {
  const { t, num, month } = useT();
  const months = trend.months;
  const types: readonly EventType[] = trend.types;
  const top = niceMax(Math.max(0, ...months.map((m) => m.total ?? 0)));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const slot = innerW / Math.max(1, months.length);
  const barW = Math.max(1, slot * 0.72);
  const y = (v: number) => PAD.top + innerH - (v / top) * innerH;
  const labelEvery = Math.max(1, Math.ceil(months.length / 6));
  return (
    <figure className="trend-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${t('chart.label')}: ${trend.name}`}>
        {[0, top / 2, top].map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} className="grid" />
            <text x={PAD.left - 4} y={y(v) + 3} textAnchor="end" className="axis">
              {num(v)}
            </text>
          </g>
        ))}
        {months.map((m, i) => {
          let acc = 0;
          const x = PAD.left + i * slot + (slot - barW) / 2;
          return (
            <g key={m.month}>
              {types.map((ty) => {
                const v = m.counts[ty] ?? 0;
                const y0 = y(acc);
                acc += v;
                return v > 0 ? <rect key={ty} x={x} width={barW} y={y(acc)} height={y0 - y(acc)} fill={TYPE_COLORS[ty]} /> : null;
              })}
              {i % labelEvery === 0 ? (
                <text x={x + barW / 2} y={H - 6} textAnchor="middle" className="axis">
                  {month(m.month, 'short')}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <table className="visually-hidden">
        <caption>{t('chart.label')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('chart.month')}</th>
            <th scope="col">{t('chart.total')}</th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.month}>
              <th scope="row">{month(m.month)}</th>
              <td>{m.total === null ? '—' : num(m.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
