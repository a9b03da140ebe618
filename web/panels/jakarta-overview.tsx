// The detail panel with nothing selected: Jakarta-wide totals, change, counts by type, trend and the highest areas.
import { useT } from '../i18n/use-t';
import { choropleth } from '../map/choropleth';
import { currentIndicators, indicatorsResource } from '../state/selectors';
import { rawanStore, useRawan } from '../store';
import { ChangeValue, KeyFigure, TypeBreakdown, useCount } from './figures';
import { TrendSection } from './trend-section';

export function JakartaOverview() {
  const { t, num, date } = useT();
  const count = useCount();
  const data = useRawan(currentIndicators);
  const resource = useRawan((s) => indicatorsResource(s, s.view.level));
  const indicator = useRawan((s) => s.view.indicator);
  const classification = useRawan((s) => s.view.classification);
  const level = useRawan((s) => s.view.level);
  const top = data
    ? [...data.areas]
        .map((a) => ({ a, v: choropleth(data, indicator, classification).values.get(a.code) ?? null }))
        .filter((x): x is { a: (typeof data.areas)[number]; v: number } => x.v !== null && x.v > 0)
        .sort((x, y) => y.v - x.v)
        .slice(0, 5)
    : [];
  // Either total may be withheld (null) for viewers; then so is the change.
  const now = data?.totals.events ?? null;
  const before = data?.totals.previousEvents ?? null;
  const change = now !== null && before !== null ? now - before : null;
  const changePct = change !== null && before !== null && before > 0 ? (change / before) * 100 : null;
  return (
    <article className="detail" aria-labelledby="detail-title">
      <header className="detail-head">
        <p className="eyebrow">{t('detail.overview')}</p>
        <h2 id="detail-title" data-testid="detail-title">
          DKI Jakarta
        </h2>
        {data ? <p className="muted small">{t('detail.period', { from: date(data.period.from), to: date(data.period.to) })}</p> : null}
        <p className="muted small">{t('detail.selectHint')}</p>
      </header>
      {resource?.status === 'error' ? <p className="error-text">{t('error.indicators')}: {resource.error.message}</p> : null}
      {data ? (
        <>
          <dl className="key-figures">
            <KeyFigure testId="detail-total" label={t('detail.total')} value={count(data.totals.events)} />
            <KeyFigure
              label={t('detail.change')}
              value={<ChangeValue change={change} changePct={changePct} />}
              sub={t('detail.previous', { from: date(data.previousPeriod.from), to: date(data.previousPeriod.to) })}
            />
          </dl>
          <section className="detail-section">
            <h3>{t('detail.byType')}</h3>
            <TypeBreakdown counts={data.totals.byType} types={data.types} />
          </section>
        </>
      ) : resource?.status !== 'error' ? (
        <p className="muted" aria-busy="true">{t('status.loading')}</p>
      ) : null}
      <TrendSection area="jakarta" />
      {top.length > 0 ? (
        <section className="detail-section">
          <h3>
            {t('detail.topAreas')} · {t(`level.${level}`)}
          </h3>
          <ol className="top-list">
            {top.map(({ a, v }) => (
              <li key={a.code}>
                <button type="button" className="link-row" onClick={() => rawanStore().getState().select({ kind: 'area', code: a.code })}>
                  <span>{a.name}</span>
                  <span className="num">{num(v, indicator === 'rate' ? 1 : 0)}</span>
                </button>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </article>
  );
}
