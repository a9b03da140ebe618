// The planner's overrides in the coverage panel: areas locked to a puskesmas and puskesmas excluded, each removable, and the area waiting for a puskesmas to be picked.
import { useShallow } from 'zustand/react/shallow';
import type { CoverageRun } from '../../api';
import { useT } from '../../i18n/use-t';
import { shownCoverageResource } from '../../state/coverage-selectors';
import { dataOf } from '../../state/resource';
import { areasOf, facilitiesOf, focusOf } from '../../state/selectors';
import { rawanStore, useRawan } from '../../store';

/** Looks up display names for area and puskesmas ids: the run on screen first, then the loaded registries. */
function useNames(run: CoverageRun | null) {
  const { facilities, focus, kelurahan } = useRawan(
    useShallow((s) => ({ facilities: facilitiesOf(s), focus: focusOf(s), kelurahan: areasOf(s, 'kelurahan') })),
  );
  const area = (id: string) => run?.demand.find((d) => d.id === id)?.name ?? focus?.find((f) => f.id === id)?.name ?? kelurahan?.find((k) => k.code === id)?.name ?? id;
  const facility = (id: string) => run?.facilities.find((f) => f.id === id)?.name ?? facilities?.find((f) => f.id === id)?.name ?? id;
  return { area, facility };
}

export function OverridesList() {
  const { t } = useT();
  const { locks, exclude, pickLockFor, run } = useRawan(
    useShallow((s) => ({
      locks: s.coverage.form.locks,
      exclude: s.coverage.form.exclude,
      pickLockFor: s.coverage.pickLockFor,
      run: dataOf(shownCoverageResource(s) ?? undefined),
    })),
  );
  const names = useNames(run);
  const actions = rawanStore().getState();
  const empty = locks.length === 0 && exclude.length === 0;
  return (
    <section className="group" aria-labelledby="coverage-overrides">
      <h3 id="coverage-overrides" className="group-title">
        {t('coverage.overrides')}
      </h3>
      {pickLockFor !== null ? (
        <div className="hint pick-hint" role="status">
          <span>{t('coverage.pickHint', { area: names.area(pickLockFor) })}</span>{' '}
          <button type="button" className="link-button" onClick={() => actions.setPickLockFor(null)}>
            {t('coverage.pickCancel')}
          </button>
        </div>
      ) : empty ? (
        <p className="muted small">{run ? t('coverage.overridesHint') : t('coverage.overridesBefore')}</p>
      ) : null}
      {empty ? null : (
        <ul className="override-list" data-testid="coverage-overrides">
          {locks.map((l) => (
            <li key={`lock:${l.demandId}`}>
              <span className="override-kind lock">{t('coverage.lockShort')}</span>
              <span>
                {names.area(l.demandId)} → {names.facility(l.facilityId)}
              </span>
              <button type="button" className="remove" aria-label={`${t('coverage.remove')}: ${names.area(l.demandId)}`} title={t('coverage.remove')} onClick={() => actions.toggleCoverageLock(l)}>
                ×
              </button>
            </li>
          ))}
          {exclude.map((id) => (
            <li key={`exclude:${id}`}>
              <span className="override-kind exclude">{t('coverage.excludeShort')}</span>
              <span>{names.facility(id)}</span>
              <button type="button" className="remove" aria-label={`${t('coverage.remove')}: ${names.facility(id)}`} title={t('coverage.remove')} onClick={() => actions.toggleCoverageExclude(id)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
