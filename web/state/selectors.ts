// Selectors over the store: the data a view needs, looked up by the keys its queries produce.
import type { IndicatorsResponse } from '../api';
import { adminAreas, facilities, focusAreas, type AdminArea, type Facility, type FocusArea } from '../map/features';
import { hotspotQueryOf, periodQueryOf } from '../queries';
import { EXTENT_KEY, FACILITIES_KEY, hotspotsKey, indicatorsKey, type AreaKind, type DataExtent } from './data-slice';
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

export function extentOfState(s: RawanState): DataExtent | null {
  return dataOf(s.resources.extent[EXTENT_KEY]);
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
