// In a puskesmas's detail panel, while a coverage plan is on screen: its load against capacity, the areas it serves, and Exclude/Include or "lock the waiting area here".
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n/use-t';
import { shownCoverageResource } from '../../state/coverage-selectors';
import { dataOf } from '../../state/resource';
import { rawanStore, useRawan } from '../../store';
import { AssignmentLink } from './assignment-link';
import { useCoverageFormat } from './coverage-format';

export default function FacilityPlanSection({ id }: { id: string }) {
  const { t } = useT();
  const f = useCoverageFormat();
  const { run, excluded, locks, pickLockFor } = useRawan(
    useShallow((s) => ({
      run: dataOf(shownCoverageResource(s) ?? undefined),
      excluded: s.coverage.form.exclude.includes(id),
      locks: s.coverage.form.locks,
      pickLockFor: s.coverage.pickLockFor,
    })),
  );
  if (!run) return null;
  const usage = run.result.facilities.find((x) => x.id === id);
  const proposed = run.proposedDesignations.includes(id);
  const served = run.result.assignments.filter((a) => a.facilityId === id && a.amount > 0).sort((a, b) => b.amount - a.amount);
  const areaOf = (demandId: string) => run.demand.find((d) => d.id === demandId);
  const pickArea = pickLockFor === null ? undefined : areaOf(pickLockFor);
  const share = usage && usage.capacity > 0 ? usage.load / usage.capacity : usage && usage.load > 0 ? 1 : 0;
  const actions = rawanStore().getState();
  return (
    <section className="detail-section plan-section" data-testid="facility-plan">
      <h3>{t('coverage.inPlan')}</h3>
      {excluded ? <p className="small">{t('coverage.excluded')}</p> : null}
      {!excluded && usage && usage.load > 0 ? (
        <>
          <p className="small">
            {t('coverage.load', { load: f.clients(usage.load), cap: f.clients(usage.capacity) })} ({f.share(share)})
            {proposed ? <span className="badge proposed">{t('coverage.proposed')}</span> : null}
          </p>
          <span className="bar-track plan-load" aria-hidden="true">
            <span className={`bar ${share >= 0.999 ? 'full' : proposed ? 'proposed' : ''}`} style={{ width: `${Math.min(1, share) * 100}%` }} />
          </span>
        </>
      ) : null}
      {!excluded && (!usage || usage.load <= 0) ? <p className="muted small">{t('coverage.notUsed')}</p> : null}
      {served.length > 0 ? (
        <ul className="served-list">
          {served.map((a) => {
            const area = areaOf(a.demandId);
            const locked = locks.some((l) => l.demandId === a.demandId && l.facilityId === id);
            return (
              <li key={a.demandId}>
                <AssignmentLink
                  label={area?.name ?? a.demandId}
                  locked={locked}
                  amount={a.amount}
                  distanceKm={a.distanceKm}
                  onClick={() => actions.select(area?.kind === 'focus' ? { kind: 'focus', id: a.demandId } : { kind: 'area', code: a.demandId })}
                />
              </li>
            );
          })}
        </ul>
      ) : null}
      <div className="button-row">
        {pickLockFor !== null && !excluded ? (
          <button type="button" className="primary" data-testid="lock-here" onClick={() => actions.toggleCoverageLock({ demandId: pickLockFor, facilityId: id })}>
            {t('coverage.lockHere', { area: pickArea?.name ?? pickLockFor })}
          </button>
        ) : null}
        <button type="button" data-testid="facility-exclude" aria-pressed={excluded} onClick={() => actions.toggleCoverageExclude(id)}>
          {excluded ? t('coverage.include') : t('coverage.exclude')}
        </button>
      </div>
    </section>
  );
}
