// In an area's detail panel, while a coverage plan is on screen: its demand, the puskesmas serving it (clients, distance) and the planner's lock to one puskesmas.
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n/use-t';
import { shownCoverageResource } from '../../state/coverage-selectors';
import { dataOf } from '../../state/resource';
import { facilitiesOf } from '../../state/selectors';
import { rawanStore, useRawan } from '../../store';
import { AssignmentLink } from './assignment-link';
import { useCoverageFormat } from './coverage-format';

export default function AreaPlanSection({ demandId }: { demandId: string }) {
  const { t } = useT();
  const f = useCoverageFormat();
  const { run, lock, picking, registry } = useRawan(
    useShallow((s) => ({
      run: dataOf(shownCoverageResource(s) ?? undefined),
      lock: s.coverage.form.locks.find((l) => l.demandId === demandId) ?? null,
      picking: s.coverage.pickLockFor === demandId,
      registry: facilitiesOf(s),
    })),
  );
  const area = run?.demand.find((d) => d.id === demandId);
  if (!run || !area) return null;
  const unmet = run.result.unmet.find((u) => u.demandId === demandId)?.amount ?? 0;
  const nameOf = (id: string) => run.facilities.find((x) => x.id === id)?.name ?? registry?.find((x) => x.id === id)?.name ?? id;
  const serving = run.result.assignments.filter((a) => a.demandId === demandId && a.amount > 0).sort((a, b) => b.amount - a.amount);
  const actions = rawanStore().getState();
  return (
    <section className="detail-section plan-section" data-testid="area-plan">
      <h3>{t('coverage.inPlan')}</h3>
      <p className="small">
        {t('coverage.demandPerMonth', { n: f.clients(area.demand) })}
        {unmet > 1e-9 ? <span className="badge unmet">{t('coverage.unmetPerMonth', { n: f.clients(unmet) })}</span> : null}
      </p>
      {serving.length > 0 ? (
        <ul className="served-list">
          {serving.map((a) => {
            const locked = lock?.facilityId === a.facilityId;
            return (
              <li key={a.facilityId} className="plan-row">
                <AssignmentLink
                  label={nameOf(a.facilityId)}
                  locked={locked}
                  amount={a.amount}
                  distanceKm={a.distanceKm}
                  onClick={() => actions.select({ kind: 'facility', id: a.facilityId })}
                />
                {locked ? null : (
                  <button
                    type="button"
                    className="ghost-button"
                    title={t('coverage.lockHere', { area: area.name })}
                    onClick={() => actions.toggleCoverageLock({ demandId, facilityId: a.facilityId })}
                  >
                    {t('coverage.lockShort')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
      {lock ? (
        <p className="small plan-lock">
          {t('coverage.lockedTo', { name: nameOf(lock.facilityId) })}{' '}
          <button type="button" className="link-button" onClick={() => actions.toggleCoverageLock(lock)}>
            {t('coverage.remove')}
          </button>
        </p>
      ) : null}
      {picking ? (
        <p className="hint" role="status">
          {t('coverage.pickHint', { area: area.name })}{' '}
          <button type="button" className="link-button" onClick={() => actions.setPickLockFor(null)}>
            {t('coverage.pickCancel')}
          </button>
        </p>
      ) : (
        <div className="button-row">
          <button type="button" data-testid="lock-pick" onClick={() => actions.setPickLockFor(demandId)}>
            {t('coverage.lockPick')}
          </button>
        </div>
      )}
    </section>
  );
}
