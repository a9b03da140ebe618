// The detail panel for an admin area or a focus area: key figures, counts by type, trend, nearest puskesmas, provenance.
import { useShallow } from 'zustand/react/shallow';
import { detailLevelOf } from '../data-loader';
import { useT } from '../i18n/use-t';
import type { AdminArea, FocusArea } from '../map/features';
import { levelOfCode } from '../queries';
import { dataOf } from '../state/resource';
import { areasOf, facilitiesOf, focusOf, indicatorsResource } from '../state/selectors';
import { useRawan } from '../store';
import type { Selection } from '../view-state';
import { ChangeValue, KeyFigure, TypeBreakdown, useCount } from './figures';
import { AreaPlanSlot } from './coverage/lazy-sections';
import { NearestList } from './nearest-list';
import { TrendSection } from './trend-section';

type AreaSelection = Extract<Selection, { kind: 'area' | 'focus' }>;

export function AreaDetail({ selection }: { selection: AreaSelection }) {
  const { t, num, date } = useT();
  const count = useCount();
  const key = selection.kind === 'area' ? selection.code : selection.id;
  const level = detailLevelOf({ selection, level: 'kelurahan' });
  const { area, indicators, facilities, kota, kelurahan } = useRawan(
    useShallow((s) => {
      const adminLevel = selection.kind === 'area' ? levelOfCode(selection.code) : null;
      const found: AdminArea | FocusArea | undefined =
        selection.kind === 'focus'
          ? focusOf(s)?.find((f) => f.id === selection.id)
          : adminLevel
            ? areasOf(s, adminLevel)?.find((a) => a.code === selection.code)
            : undefined;
      return {
        area: found,
        indicators: indicatorsResource(s, level),
        facilities: facilitiesOf(s),
        kota: areasOf(s, 'kota'),
        kelurahan: areasOf(s, 'kelurahan'),
      };
    }),
  );
  const data = dataOf(indicators);
  const row = data?.areas.find((a) => a.code === key);
  const levelName = selection.kind === 'focus' ? t('level.focus') : t(`level.${level === 'focus' ? 'kelurahan' : level}`);
  const kotaName = kota?.find((k) => key.startsWith(`${k.code}.`))?.name;
  const focusKelurahan = area && 'kelurahanCode' in area ? kelurahan?.find((k) => k.code === area.kelurahanCode) : undefined;

  if (!area && (indicators?.status === 'ready' || indicators?.status === 'error')) {
    return <p className="muted">{t('detail.notFound')}</p>;
  }

  return (
    <article className="detail" aria-labelledby="detail-title">
      <header className="detail-head">
        <p className="eyebrow">
          {levelName}
          {kotaName ? ` · ${kotaName.replace(/^(Kota|Kabupaten) Administrasi /, '')}` : ''}
        </p>
        <h2 id="detail-title" data-testid="detail-title">
          {area?.name ?? row?.name ?? key}
        </h2>
        {area && 'aliases' in area && area.aliases.length > 0 ? (
          <p className="muted">
            {t('detail.aliases')}: {area.aliases.join(', ')}
          </p>
        ) : null}
        {data ? <p className="muted small">{t('detail.period', { from: date(data.period.from), to: date(data.period.to) })}</p> : null}
      </header>

      {indicators?.status === 'error' ? (
        <p className="error-text">
          {t('error.indicators')}: {indicators.error.message}
        </p>
      ) : null}
      {!row && indicators?.status !== 'error' ? (
        <p className="muted" aria-busy="true">
          {t('status.loading')}
        </p>
      ) : null}
      {row && data ? (
        <>
          <dl className="key-figures">
            <KeyFigure testId="detail-total" label={t('detail.total')} value={count(row.total)} />
            <KeyFigure label={t('detail.rate')} value={typeof row.ratePer10k === 'number' ? num(row.ratePer10k, 1) : '—'} />
            <KeyFigure label={t('detail.rank')} value={num(row.rank)} sub={t('detail.rankOf', { n: num(data.areas.length), level: levelName.toLowerCase() })} />
            <KeyFigure
              label={t('detail.change')}
              value={<ChangeValue change={row.change} changePct={row.changePct} />}
              sub={t('detail.previous', { from: date(data.previousPeriod.from), to: date(data.previousPeriod.to) })}
            />
          </dl>
          <section className="detail-section">
            <h3>{t('detail.byType')}</h3>
            <TypeBreakdown counts={row.counts} types={data.types} />
          </section>
        </>
      ) : null}

      <AreaPlanSlot demandId={key} />

      <TrendSection area={key} />

      {area && facilities ? <NearestList point={area.centroid} facilities={facilities} /> : null}

      <section className="detail-section provenance">
        {area && 'population' in area ? (
          <p>
            {t('detail.population')}: {area.population === null ? t('detail.noPopulation') : num(area.population)}
            {area.populationApproximate ? ` (${t('detail.populationApprox')})` : ''}
          </p>
        ) : null}
        {focusKelurahan ? (
          <p>
            {t('detail.inKelurahan')}: {focusKelurahan.name}
          </p>
        ) : null}
        {area && 'notes' in area && area.notes ? (
          <p>
            {t('detail.notes')}: {area.notes}
          </p>
        ) : null}
        {area ? (
          <p className="muted small">
            {t('detail.source')}: {area.source}
            {area.approximate ? ` · ${t('detail.approximate')}` : ''}
          </p>
        ) : null}
      </section>
    </article>
  );
}
