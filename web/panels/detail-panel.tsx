// The right panel: details of the selected area, focus area or puskesmas, or the Jakarta overview when nothing is selected.
import { useT } from '../i18n/use-t';
import { rawanStore, useRawan } from '../store';
import { AreaDetail } from './area-detail';
import { FacilityDetail } from './facility-detail';
import { JakartaOverview } from './jakarta-overview';

export function DetailPanel() {
  const { t } = useT();
  const selection = useRawan((s) => s.view.selection);
  return (
    <aside className="panel details" aria-label={t('detail.overview')} data-testid="detail-panel">
      {selection ? (
        <button type="button" className="close" aria-label={t('detail.close')} title={t('detail.close')} onClick={() => rawanStore().getState().select(null)}>
          ×
        </button>
      ) : null}
      {selection === null ? <JakartaOverview /> : selection.kind === 'facility' ? <FacilityDetail id={selection.id} /> : <AreaDetail key={selection.kind === 'area' ? selection.code : selection.id} selection={selection} />}
    </aside>
  );
}
