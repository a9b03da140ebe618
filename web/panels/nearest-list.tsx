// The puskesmas nearest to an area, with distance, capacity and rehab designation; each selects that puskesmas.
import { useMemo } from 'react';
import { nearestTo } from '../geo/nearest';
import { useT } from '../i18n/use-t';
import type { Facility } from '../map/features';
import { rawanStore } from '../store';

export function NearestList({ point, facilities, n = 3 }: { point: [number, number]; facilities: readonly Facility[]; n?: number }) {
  const { t, num } = useT();
  const nearest = useMemo(() => nearestTo(point, facilities, n), [point, facilities, n]);
  return (
    <section className="detail-section">
      <h3>{t('detail.nearest')}</h3>
      <ul className="facility-list">
        {nearest.map(({ item, km }) => (
          <li key={item.id}>
            <button type="button" className="link-row" onClick={() => rawanStore().getState().select({ kind: 'facility', id: item.id })}>
              <span className="facility-name">
                <span className={`facility-mark ${item.level} ${item.rehab ? 'rehab' : ''}`} aria-hidden="true" />
                {item.name}
              </span>
              <span className="facility-meta muted">
                {t('detail.distance', { km: num(km, 1) })} ·{' '}
                {item.capacityPerMonth === null ? t('detail.capacityUnknown') : t('detail.capacity', { n: num(item.capacityPerMonth) })}
                {item.rehab ? <span className="badge rehab">{t('detail.rehab')}</span> : null}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
