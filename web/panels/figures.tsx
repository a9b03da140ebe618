// Small building blocks of the detail panel: key figures, change against the previous period, counts by type.
import type { ReactNode } from 'react';
import { TYPE_COLORS, type EventType } from '../event-types';
import { useT } from '../i18n/use-t';
import { useRawan } from '../store';

/** A count the server may have withheld (null) for viewers; shown as "< k". */
export function useCount(): (n: number | null | undefined, digits?: number) => string {
  const { t, num } = useT();
  const minCell = useRawan((s) => s.minCell);
  return (n, digits = 0) => (n === null ? t('detail.suppressed', { k: minCell }) : n === undefined ? '—' : num(n, digits));
}

export function KeyFigure({ label, value, sub, testId }: { label: string; value: ReactNode; sub?: ReactNode; testId?: string }) {
  return (
    <div className="key-figure" data-testid={testId}>
      <dt>{label}</dt>
      <dd>
        <span className="value">{value}</span>
        {sub ? <span className="sub">{sub}</span> : null}
      </dd>
    </div>
  );
}

export function ChangeValue({ change, changePct }: { change: number | null; changePct: number | null }) {
  const { t, pct } = useT();
  const count = useCount();
  if (change === null) return <span>{count(null)}</span>;
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  const n = count(Math.abs(change));
  const cls = change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
  return (
    <span className={`change ${cls}`}>
      <span aria-hidden="true">{change > 0 ? '▲ ' : change < 0 ? '▼ ' : ''}</span>
      {changePct === null && change !== 0 ? t('detail.changeNoPct', { sign, n }) : t('detail.changeValue', { sign, n, pct: pct(changePct ?? 0) })}
    </span>
  );
}

export function TypeBreakdown({ counts, types }: { counts: Partial<Record<EventType, number | null>>; types: readonly EventType[] }) {
  const { t } = useT();
  const count = useCount();
  const max = Math.max(1, ...types.map((ty) => counts[ty] ?? 0));
  return (
    <ul className="type-bars">
      {types.map((ty) => {
        const v = counts[ty];
        return (
          <li key={ty}>
            <span className="type-name">{t(`type.${ty}`)}</span>
            <span className="bar-track" aria-hidden="true">
              <span className="bar" style={{ width: `${((v ?? 0) / max) * 100}%`, background: TYPE_COLORS[ty] }} />
            </span>
            <span className="type-value">{count(v)}</span>
          </li>
        );
      })}
    </ul>
  );
}
