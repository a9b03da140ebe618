// Capacity used per puskesmas in a coverage result, busiest first; full ones in red, proposed new designations in orange.
import type { UtilisationBar } from '../../coverage/plan-figures';
import { useT } from '../../i18n/use-t';
import { rawanStore } from '../../store';
import { shortFacilityName, useCoverageFormat } from './coverage-format';

export function UtilisationBars({ bars }: { bars: readonly UtilisationBar[] }) {
  const { t } = useT();
  const f = useCoverageFormat();
  return (
    <ul className="util-bars" data-testid="coverage-utilisation">
      {bars.map((b) => {
        const cls = b.share >= 0.999 ? 'full' : b.proposed ? 'proposed' : '';
        return (
          <li key={b.id} title={`${b.name}: ${t('coverage.load', { load: f.clients(b.load), cap: f.clients(b.capacity) })} (${f.share(b.share)})`}>
            <button type="button" className="link-button util-name" onClick={() => rawanStore().getState().select({ kind: 'facility', id: b.id })}>
              {b.proposed ? <span className="proposed-mark" aria-label={t('coverage.proposed')} /> : null} {shortFacilityName(b.name)}
            </button>
            <span className="bar-track" aria-hidden="true">
              <span className={`bar ${cls}`} style={{ width: `${Math.min(1, b.share) * 100}%` }} />
            </span>
            <span className="util-value">
              {f.clients(b.load)}/{f.clients(b.capacity)}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
