// Key figures: the headline tiles (events, change, rate per 10,000, rank) and the table of the four approaches,
// this period against the previous one, each with its monthly trend.
import { APPROACH_IDS, TYPE_COLORS, type Approach } from '../event-types';
import type { AreaBriefing } from './briefing-api';
import { changePct, trendOf, type Shown } from './briefing-figures';
import type { BriefingI18n } from './briefing-strings';
import { TrendBars } from './TrendBars';

export const APPROACH_COLORS: Record<Approach, string> = {
  preventive: TYPE_COLORS.prevention,
  early_detection: TYPE_COLORS.early_detection,
  curative: TYPE_COLORS.rehab_intake,
  enforcement: TYPE_COLORS.dealer_arrest,
};

interface Props {
  b: AreaBriefing;
  i18n: BriefingI18n;
  /** Narrow column of the all-Jakarta page: no approach notes, smaller trend charts. */
  compact?: boolean;
}

/** A count in the DOM, marked so tests can check it against the API and against the small-cell rule. */
export function Count({ n, k, i18n, testId }: { n: Shown; k: number; i18n: BriefingI18n; testId?: string }) {
  return (
    <span className={n === null ? 'count withheld' : 'count'} data-count={n === null ? 'withheld' : String(n)} data-testid={testId}>
      {i18n.count(n, k)}
    </span>
  );
}

export function Change({ pct, i18n, testId }: { pct: number | null; i18n: BriefingI18n; testId?: string }) {
  if (pct === null)
    return (
      <span className="change none" data-testid={testId}>
        —
      </span>
    );
  const dir = Math.round(pct) > 0 ? 'up' : Math.round(pct) < 0 ? 'down' : 'flat';
  const arrow = dir === 'up' ? '▲' : dir === 'down' ? '▼' : '■';
  return (
    <span className={`change ${dir}`} data-testid={testId}>
      <span aria-hidden="true">{arrow}</span> {i18n.pct(pct)}
    </span>
  );
}

export function FiguresBlock({ b, i18n, compact = false }: Props) {
  const k = b.suppression?.k ?? 0;
  const f = b.figures;
  const { t } = i18n;
  const prevSpan = `${i18n.date(b.previousPeriod.from)} – ${i18n.date(b.previousPeriod.to)}`;
  return (
    <section className="figures" aria-label={t('section.figures')}>
      <div className="tiles">
        <div className="tile">
          <div className="tile-label">{t(compact ? 'fig.totalShort' : 'fig.total')}</div>
          <div className="tile-value">
            <Count n={f.total} k={k} i18n={i18n} testId="fig-total" />
          </div>
          <div className="tile-note">
            {t('col.previous')}: <Count n={f.previousTotal} k={k} i18n={i18n} testId="fig-previous-total" />
          </div>
        </div>
        <div className="tile">
          <div className="tile-label">{t('fig.change')}</div>
          <div className="tile-value">
            <Change pct={f.changePct} i18n={i18n} testId="fig-change" />
          </div>
          <div className="tile-note">{t('fig.changeNote', { prev: prevSpan })}</div>
        </div>
        <div className="tile">
          <div className="tile-label">{t(compact ? 'fig.rateShort' : 'fig.rate')}</div>
          <div className="tile-value" data-testid="fig-rate">
            {f.ratePer10k === null ? <span className="unknown">{compact ? '—' : t('fig.rateUnknown')}</span> : i18n.num(f.ratePer10k, 1)}
          </div>
          <div className="tile-note">
            {f.ratePer10k === null || f.population === null ? t('fig.rateUnknownNote') : t('fig.rateNote', { pop: i18n.num(f.population) })}
          </div>
        </div>
        <div className="tile">
          <div className="tile-label">{t('fig.rank')}</div>
          <div className="tile-value" data-testid="fig-rank">
            {f.rank === null ? t('fig.rankNone') : t('fig.rankValue', { rank: f.rank.rank, of: f.rank.of })}
          </div>
          <div className="tile-note">{f.rank === null ? t('fig.rankNoneNote') : t(`among.${f.rank.among}`)}</div>
        </div>
      </div>
      <table className="approach-table">
        <thead>
          <tr>
            <th scope="col">{t('col.approach')}</th>
            <th scope="col" className="num">
              {t('col.current')}
            </th>
            <th scope="col" className="num">
              {t('col.previous')}
            </th>
            <th scope="col" className="num">
              {t('col.change')}
            </th>
            <th scope="col" className="trend-col">
              {t(compact ? 'col.trendShort' : 'col.trend')}
            </th>
          </tr>
        </thead>
        <tbody>
          {APPROACH_IDS.map((a, idx) => {
            const row = f.byApproach.find((r) => r.approach === a);
            const current = row?.current ?? null;
            const previous = row?.previous ?? null;
            return (
              <tr key={a} data-approach={a}>
                <th scope="row">
                  <span className="swatch" style={{ background: APPROACH_COLORS[a] }} aria-hidden="true" />
                  <span className="approach-name">{i18n.approach(a)}</span>
                  {!compact && <span className="approach-note"> · {t(`approachNote.${a}`)}</span>}
                </th>
                <td className="num strong">
                  <Count n={current} k={k} i18n={i18n} testId={`fig-${a}-current`} />
                </td>
                <td className="num">
                  <Count n={previous} k={k} i18n={i18n} testId={`fig-${a}-previous`} />
                </td>
                <td className="num">
                  <Change pct={changePct(current, previous)} i18n={i18n} />
                </td>
                <td className="trend-col">
                  <TrendBars
                    points={trendOf(b.trend, a)}
                    k={k}
                    color={APPROACH_COLORS[a]}
                    i18n={i18n}
                    axis={idx === APPROACH_IDS.length - 1}
                    compact={compact}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {b.suppression !== null && <p className="suppressed-note">{t('suppressedNote', { k, k1: k - 1 })}</p>}
    </section>
  );
}
