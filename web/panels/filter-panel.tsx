// The left panel: search, focus-area shortcuts, period, event types, map layers and exports; analysts also get coverage planning and focus-area editing tabs.
import { lazy, Suspense } from 'react';
import { useT } from '../i18n/use-t';
import { canPlan } from '../state/coverage-selectors';
import { rawanStore, useRawan } from '../store';
import type { PanelMode } from '../view-state';
import { AreaSearch } from './area-search';
import { ExportSection } from './export-section';
import { FocusButtons } from './focus-buttons';
import { LayerControl } from './layer-control';
import { PeriodControl } from './period-control';
import { TypeControl } from './type-control';

// Planning is for analysts only and not part of the first view, so its code loads when the tab is first opened.
const CoveragePanel = lazy(() => import('./coverage/coverage-panel'));
// Focus-area editing (analysts) likewise loads with its tab.
const FocusEditPanel = lazy(() => import('../focus-edit/focus-edit-panel'));

const TAB_LABEL = { filters: 'panel.filters', coverage: 'panel.coverage', focus: 'panel.focusEdit' } as const;

/** The panel a view shows: coverage only for those allowed to plan (viewers following a planner's link see the filters). */
export function usePanelMode(): PanelMode {
  const panel = useRawan((s) => s.view.panel);
  const planner = useRawan(canPlan);
  return planner ? panel : 'filters';
}

export function FilterPanel() {
  const { t } = useT();
  const planner = useRawan(canPlan);
  const mode = usePanelMode();
  const tab = (m: PanelMode) => (
    <button
      type="button"
      role="tab"
      id={`tab-${m}`}
      aria-selected={mode === m}
      aria-controls="left-panel"
      data-testid={`tab-${m}`}
      onClick={() => rawanStore().getState().setView({ panel: m })}
    >
      {t(TAB_LABEL[m])}
    </button>
  );
  return (
    <aside className="panel filters" aria-label={mode === 'filters' ? t('filters.title') : t(TAB_LABEL[mode])}>
      {planner ? (
        <div className="tabs" role="tablist" aria-label={t('panel.tabs')}>
          {tab('filters')}
          {tab('coverage')}
          {tab('focus')}
        </div>
      ) : null}
      <div id="left-panel" role={planner ? 'tabpanel' : undefined} aria-labelledby={planner ? `tab-${mode}` : undefined} className="panel-body">
        {mode === 'coverage' ? (
          <Suspense fallback={<p className="muted">{t('status.loading')}</p>}>
            <CoveragePanel />
          </Suspense>
        ) : mode === 'focus' ? (
          <Suspense fallback={<p className="muted">{t('status.loading')}</p>}>
            <FocusEditPanel />
          </Suspense>
        ) : (
          <>
            <AreaSearch />
            <FocusButtons />
            <PeriodControl />
            <TypeControl />
            <LayerControl />
            <ExportSection />
          </>
        )}
      </div>
    </aside>
  );
}
