// One assignment of a coverage plan as a link row: the other end's name (with a lock badge when the planner locked
// it), then clients a month and distance. Shared by the area and the puskesmas detail panels.
import { useT } from '../../i18n/use-t';
import { useCoverageFormat } from './coverage-format';

export function AssignmentLink({ label, locked, amount, distanceKm, onClick }: { label: string; locked: boolean; amount: number; distanceKm: number; onClick: () => void }) {
  const { t } = useT();
  const f = useCoverageFormat();
  return (
    <button type="button" className="link-row" onClick={onClick}>
      <span>
        {label}
        {locked ? (
          <span className="override-kind lock" title={t('coverage.locked')}>
            {t('coverage.lockShort')}
          </span>
        ) : null}
      </span>
      <span className="muted">
        {t('coverage.clients', { n: f.clients(amount) })} · {f.km(distanceKm)}
      </span>
    </button>
  );
}
