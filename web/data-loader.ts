// Asks the store to load whatever the current view needs; components call this hook, the store's actions do the fetching.
import { useEffect } from 'react';
import { presetPeriod } from './date-range';
import { emergingQueryOf, hotspotQueryOf, levelOfCode, periodQueryOf } from './queries';
import { emergingKey, hotspotsKey, periodKey, type AreaKind } from './state/data-slice';
import { extentOfState, facilitiesOf } from './state/selectors';
import { rawanStore, useRawan } from './store';
import { isLayerOn, JAKARTA_BOUNDS, type ViewState } from './view-state';

const EVENT_POINT_LIMIT = 20_000;

/** The indicator level the detail panel needs: the selected area's own level, focus areas, or the map's level. */
export function detailLevelOf(view: Pick<ViewState, 'selection' | 'level'>): AreaKind {
  const s = view.selection;
  if (!s) return view.level;
  if (s.kind === 'focus') return 'focus';
  if (s.kind === 'facility') return 'kelurahan';
  return levelOfCode(s.code) ?? view.level;
}

export function useDataLoaders(): void {
  const view = useRawan((s) => s.view);
  const extent = useRawan(extentOfState);
  const role = useRawan((s) => s.role);
  const facilityArea = useRawan((s) => {
    const sel = s.view.selection;
    return sel?.kind === 'facility' ? (facilitiesOf(s)?.find((f) => f.id === sel.id)?.areaCode ?? null) : null;
  });
  const actions = rawanStore().getState();

  useEffect(() => {
    actions.loadAreas('kota');
    actions.loadAreas('kelurahan');
    actions.loadAreas('focus');
    actions.loadFacilities();
    actions.loadHealth();
  }, [actions]);

  useEffect(() => {
    actions.loadAreas(view.level);
  }, [actions, view.level]);

  // A link without a period gets the last 12 months of data, written back into the URL without a new history entry.
  useEffect(() => {
    if (extent && (view.from === null || view.to === null)) actions.setView(presetPeriod('12m', extent.latest), 'replace');
  }, [actions, extent, view.from, view.to]);

  const q = periodQueryOf(view);
  const qKey = q ? periodKey(q) : null;
  const detailLevel = detailLevelOf(view);
  const sel = view.selection;
  const trendArea = !sel ? 'jakarta' : sel.kind === 'area' ? sel.code : sel.kind === 'focus' ? sel.id : facilityArea;
  useEffect(() => {
    if (!q) return;
    actions.loadIndicators(view.level, q);
    actions.loadIndicators(detailLevel, q);
    if (trendArea) actions.loadTrend(trendArea, q);
    // q is rebuilt every render; qKey says when it really changed.
  }, [actions, qKey, view.level, detailLevel, trendArea]);

  const hq = isLayerOn(view, 'hotspots') ? hotspotQueryOf(view) : null;
  const hKey = hq ? hotspotsKey(hq) : null;
  useEffect(() => {
    if (hq) actions.loadHotspots(hq);
  }, [actions, hKey]);

  const eq = isLayerOn(view, 'hotspots') ? emergingQueryOf(view) : null;
  const eKey = eq ? emergingKey(eq) : null;
  useEffect(() => {
    if (eq) actions.loadEmerging(eq);
  }, [actions, eKey]);

  // The coverage panel's saved plan (from the URL or the plan list) and the plan list itself, for analysts only.
  const canPlan = role === 'analyst' || role === 'admin';
  useEffect(() => {
    if (!canPlan || view.panel !== 'coverage') return;
    actions.loadPlans();
    if (view.plan) actions.loadPlan(view.plan);
  }, [actions, canPlan, view.panel, view.plan]);

  const wantEvents = isLayerOn(view, 'heatmap') && role !== 'viewer';
  useEffect(() => {
    if (wantEvents && q) actions.loadEvents([JAKARTA_BOUNDS[0][0], JAKARTA_BOUNDS[0][1], JAKARTA_BOUNDS[1][0], JAKARTA_BOUNDS[1][1]], q, EVENT_POINT_LIMIT);
  }, [actions, wantEvents, qKey]);
}
