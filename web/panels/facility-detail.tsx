// The detail panel for a puskesmas: level, rehab designation, capacity, where it is, and the kelurahan nearest to it.
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { nearestIdByPoint } from '../geo/nearest';
import { useT } from '../i18n/use-t';
import { dataOf } from '../state/resource';
import { areasOf, facilitiesOf, indicatorsResource } from '../state/selectors';
import { rawanStore, useRawan } from '../store';
import { CapacityEditor } from './capacity-editor';
import { FacilityPlanSlot } from './coverage/lazy-sections';
import { KeyFigure, useCount } from './figures';
import { canPlan } from '../state/coverage-selectors';
import { TrendSection } from './trend-section';

export function FacilityDetail({ id }: { id: string }) {
  const { t, num } = useT();
  const count = useCount();
  const { facilities, kelurahan, indicators } = useRawan(
    useShallow((s) => ({ facilities: facilitiesOf(s), kelurahan: areasOf(s, 'kelurahan'), indicators: dataOf(indicatorsResource(s, 'kelurahan')) })),
  );
  const planner = useRawan(canPlan);
  const facility = facilities?.find((f) => f.id === id);
  const served = useMemo(() => {
    if (!facilities || !kelurahan) return [];
    const nearest = nearestIdByPoint(
      kelurahan.map((k) => ({ id: k.code, location: k.centroid })),
      facilities,
    );
    return kelurahan.filter((k) => nearest.get(k.code) === id);
  }, [facilities, kelurahan, id]);
  if (!facilities) return <p className="muted">{t('status.loading')}</p>;
  if (!facility) return <p className="muted">{t('detail.notFound')}</p>;
  const home = kelurahan?.find((k) => k.code === facility.areaCode);
  const totals = new Map(indicators?.areas.map((a) => [a.code, a.total]) ?? []);

  return (
    <article className="detail" aria-labelledby="detail-title">
      <header className="detail-head">
        <p className="eyebrow">{t('level.facility')}</p>
        <h2 id="detail-title" data-testid="detail-title">
          {facility.name}
        </h2>
        {facility.rehab ? <span className="badge rehab">{t('legend.rehab')}</span> : <span className="badge">{t('legend.noRehab')}</span>}
      </header>
      <dl className="key-figures">
        <KeyFigure label={t('detail.facilityLevel')} value={t(`level.${facility.level}`)} />
        <KeyFigure
          testId="facility-capacity"
          label={t('detail.capacityLabel')}
          value={facility.capacityPerMonth === null ? '—' : num(facility.capacityPerMonth)}
          sub={
            planner ? (
              <CapacityEditor key={`${id}:${facility.capacityPerMonth}`} id={id} capacity={facility.capacityPerMonth} />
            ) : facility.approximate ? (
              t('detail.approximateValue')
            ) : undefined
          }
        />
        <KeyFigure label={t('detail.built')} value={facility.builtYear === null ? '—' : String(facility.builtYear)} />
        <KeyFigure label={t('detail.located')} value={home?.name ?? '—'} />
      </dl>
      <FacilityPlanSlot id={id} />
      <section className="detail-section">
        <h3>{t('detail.serves')}</h3>
        <p className="muted small">{t('detail.servesNote')}</p>
        {served.length === 0 ? <p className="muted">{t('detail.servesNone')}</p> : null}
        <ul className="served-list">
          {served.map((k) => (
            <li key={k.code}>
              <button type="button" className="link-row" onClick={() => rawanStore().getState().select({ kind: 'area', code: k.code })}>
                <span>{k.name}</span>
                <span className="muted">{totals.has(k.code) ? t('tooltip.events', { n: count(totals.get(k.code)) }) : ''}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      {facility.areaCode ? <TrendSection area={facility.areaCode} title={`${t('detail.trend')} · ${home?.name ?? facility.areaCode}`} /> : null}
      <section className="detail-section provenance">
        <p className="muted small">
          {t('detail.source')}: {facility.source}
        </p>
      </section>
    </article>
  );
}
