// Selectors over the store: the data a view needs, looked up by the keys its queries produce.
import type { HealthResponse, IndicatorsResponse } from '../api';
import { adminAreas, facilities, focusAreas, type AdminArea, type Facility, type FocusArea } from '../map/features';
import { emergingQueryOf, hotspotQueryOf, periodQueryOf } from '../queries';
import { emergingKey, extentOf, FACILITIES_KEY, HEALTH_KEY, hotspotsKey, indicatorsKey, type AreaKind, type DataExtent } from './data-slice';
import type { RawanState } from './rawan-state';
import { dataOf, type Resource } from './resource';

export function areasOf(s: RawanState, level: Exclude<AreaKind, 'focus'>): AdminArea[] | null {
  const fc = dataOf(s.resources.areas[level]);
  return fc ? adminAreas(fc) : null;
}

export function focusOf(s: RawanState): FocusArea[] | null {
  const fc = dataOf(s.resources.areas.focus);
  return fc ? focusAreas(fc) : null;
}

export function facilitiesOf(s: RawanState): Facility[] | null {
  const fc = dataOf(s.resources.facilities[FACILITIES_KEY]);
  return fc ? facilities(fc) : null;
}

export function healthOf(s: RawanState): HealthResponse | null {
  return dataOf(s.resources.health[HEALTH_KEY]);
}

const extentCache = new WeakMap<HealthResponse, DataExtent>();

/** The data's months, memoised per health answer so subscribers see a stable object. */
export function extentOfState(s: RawanState): DataExtent | null {
  const health = healthOf(s);
  if (!health) return null;
  let extent = extentCache.get(health);
  if (!extent) {
    extent = extentOf(health, new Date().toISOString().slice(0, 10));
    extentCache.set(health, extent);
  }
  return extent;
}

export function indicatorsResource(s: RawanState, level: AreaKind): Resource<IndicatorsResponse> | undefined {
  const q = periodQueryOf(s.view);
  return q ? s.resources.indicators[indicatorsKey(level, q)] : undefined;
}

/** The indicators for the view's level: the current answer, or the last ready one at that level while a new one loads. */
export function currentIndicators(s: RawanState): IndicatorsResponse | null {
  return dataOf(indicatorsResource(s, s.view.level));
}

export function hotspotsResource(s: RawanState) {
  const q = hotspotQueryOf(s.view);
  return q ? s.resources.hotspots[hotspotsKey(q)] : undefined;
}

export function emergingResource(s: RawanState) {
  const q = emergingQueryOf(s.view);
  return q ? s.resources.emerging[emergingKey(q)] : undefined;
}

/** Whichever hot spot answer the view shows: Gi* or LISA cells, or emerging categories. */
export function hotspotLayerResource(s: RawanState) {
  return s.view.hotspotMethod === 'emerging' ? emergingResource(s) : hotspotsResource(s);
}
