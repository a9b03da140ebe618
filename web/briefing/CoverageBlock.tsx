// Rehab coverage under the latest saved plan: served and unserved clients a month, the puskesmas serving the area
// with capacity and load, and the designations the plan proposes — or why there is nothing to show.
import type { AreaBriefing } from './briefing-api';
import type { BriefingI18n } from './briefing-strings';

/** The radius the server uses for `spare` (server/briefing/briefing-data.ts SPARE_RADIUS_KM; not in the response). */
export const SPARE_RADIUS_KM = 3;

type Coverage = NonNullable<AreaBriefing['coverage']>;
export type CoverageFacility = Coverage['facilities'][number];

/** Serving puskesmas, most clients from this area first; their position is the number on the map. */
export function servingOrder(c: Coverage | null): CoverageFacility[] {
  if (c === null) return [];
  return [...c.facilities].sort((a, b) => (b.fromArea ?? 0) - (a.fromArea ?? 0) || a.name.localeCompare(b.name));
}

interface Props {
  b: AreaBriefing;
  i18n: BriefingI18n;
  maxRows: number;
  compact?: boolean;
}

export function CoverageBlock({ b, i18n, maxRows, compact = false }: Props) {
  const { t } = i18n;
  const c = b.coverage;
  const k = b.suppression?.k ?? 0;
  const spare = b.spare.length;
  const heading = <h3>{t(compact ? 'section.coverageShort' : 'section.coverage')}</h3>;
  if (c === null)
    return (
      <section className="coverage" data-testid="coverage" data-plan="none">
        {heading}
        <p className="coverage-none" data-testid="coverage-none">
          {t(compact ? 'coverage.noneShort' : 'coverage.none')}
        </p>
        {spare > 0 && !compact && <p className="coverage-foot">{t('coverage.spare', { km: SPARE_RADIUS_KM, n: spare })}</p>}
      </section>
    );
  const rows = servingOrder(c);
  const shown = rows.slice(0, maxRows);
  const proposed = rows.filter((f) => f.proposed).length;
  const clients = (n: number | null) => (n === null ? t('suppressed', { k }) : i18n.num(n, 1));
  const status = (f: CoverageFacility) => (f.proposed ? t('coverage.status.proposed') : f.rehab ? t('coverage.status.rehab') : t('coverage.status.other'));
  const statusClass = (f: CoverageFacility) => (f.proposed ? 'status proposed' : f.rehab ? 'status rehab' : 'status');
  const more = rows.length > shown.length ? t('coverage.more', { n: rows.length - shown.length }) : null;
  const kpis = c.withheld ? (
    <p className="coverage-none">{t('coverage.withheld', { k })}</p>
  ) : (
    <div className="coverage-kpis" data-testid="coverage-kpis">
      <span>
        {t('coverage.served')} <strong data-testid="coverage-served">{clients(c.served)}</strong>
      </span>
      <span className={c.unmet !== null && c.unmet > 0.05 ? 'unmet' : ''}>
        {t('coverage.unmet')} <strong data-testid="coverage-unmet">{clients(c.unmet)}</strong>
      </span>
      <span className="muted">{t('coverage.perMonth')}</span>
    </div>
  );
  const plan = t('coverage.plan', { name: c.plan.name, version: c.plan.version, date: i18n.date(c.plan.createdAt) });

  if (compact)
    return (
      <section className="coverage compact" data-testid="coverage" data-plan={c.plan.id}>
        {heading}
        <p className="coverage-plan">{plan}</p>
        {kpis}
        {rows.length === 0 ? (
          <p className="coverage-none">{t('coverage.noFacilities')}</p>
        ) : (
          <ul className="coverage-list" data-testid="coverage-table">
            {shown.map((f, i) => (
              <li key={f.id} data-facility={f.id}>
                <span className="badge">{i + 1}</span> {f.name.replace(/^Puskesmas /, '')}:{' '}
                {t('coverage.capacityLoad', { capacity: i18n.num(f.capacity, 1), load: clients(f.load) })} · <span className={statusClass(f)}>{status(f)}</span>
              </li>
            ))}
            {more !== null && <li className="muted">{more}</li>}
          </ul>
        )}
      </section>
    );

  return (
    <section className="coverage" data-testid="coverage" data-plan={c.plan.id}>
      {heading}
      <p className="coverage-plan">
        {plan}
        <span className="muted"> · {t(c.plan.basis === 'estimated' ? 'coverage.basis.estimated' : 'coverage.basis.observed')}</span>
      </p>
      {kpis}
      {rows.length === 0 ? (
        <p className="coverage-none">{t('coverage.noFacilities')}</p>
      ) : (
        <table className="coverage-table" data-testid="coverage-table">
          <thead>
            <tr>
              <th scope="col">{t('coverage.col.name')}</th>
              <th scope="col" className="num">
                {t('coverage.col.capacity')}
              </th>
              <th scope="col" className="num">
                {t('coverage.col.load')}
              </th>
              <th scope="col" className="num">
                {t('coverage.col.fromArea')}
              </th>
              <th scope="col">{t('coverage.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((f, i) => (
              <tr key={f.id} data-facility={f.id}>
                <td>
                  <span className="badge">{i + 1}</span> {f.name.replace(/^Puskesmas /, '')}
                </td>
                <td className="num">{i18n.num(f.capacity, 1)}</td>
                <td className="num">{clients(f.load)}</td>
                <td className="num">{clients(f.fromArea)}</td>
                <td className={statusClass(f)}>{status(f)}</td>
              </tr>
            ))}
          </tbody>
          {more !== null && (
            <tfoot>
              <tr>
                <td colSpan={5} className="muted">
                  {more}
                </td>
              </tr>
            </tfoot>
          )}
        </table>
      )}
      {(proposed > 0 || spare > 0) && (
        <p className="coverage-foot">
          {proposed > 0 && <span data-testid="coverage-proposed">{t('coverage.proposedCount', { n: proposed })} </span>}
          {spare > 0 && <span>{t('coverage.spare', { km: SPARE_RADIUS_KM, n: spare })}</span>}
        </p>
      )}
    </section>
  );
}
