// Where the map should fly for a selection: an area's or focus area's bounds, a puskesmas's point.
import { facilitiesOf, focusOf, areasOf } from '../state/selectors';
import type { RawanState } from '../state/rawan-state';
import type { CameraRequest } from '../state/ui-slice';
import type { Selection } from '../view-state';
import { levelOfCode } from '../queries';

type Target = Parameters<RawanState['flyTo']>[0];

export function focusTarget(s: RawanState, sel: Selection): Target | null {
  if (sel.kind === 'focus') {
    const f = focusOf(s)?.find((x) => x.id === sel.id);
    return f ? { kind: 'bounds', bounds: f.bounds } : null;
  }
  if (sel.kind === 'facility') {
    const f = facilitiesOf(s)?.find((x) => x.id === sel.id);
    return f ? { kind: 'point', center: f.location, zoom: 14.5 } : null;
  }
  const level = levelOfCode(sel.code);
  const a = level ? areasOf(s, level)?.find((x) => x.code === sel.code) : undefined;
  return a ? { kind: 'bounds', bounds: a.bounds } : null;
}

export type { CameraRequest };
