// The left panel: search, focus-area shortcuts, period, event types and map layers.
import { useT } from '../i18n/use-t';
import { AreaSearch } from './area-search';
import { FocusButtons } from './focus-buttons';
import { LayerControl } from './layer-control';
import { PeriodControl } from './period-control';
import { TypeControl } from './type-control';

export function FilterPanel() {
  const { t } = useT();
  return (
    <aside className="panel filters" aria-label={t('filters.title')}>
      <AreaSearch />
      <FocusButtons />
      <PeriodControl />
      <TypeControl />
      <LayerControl />
    </aside>
  );
}
