// Pure helpers both stores use inside a focus-area edit: which fields changed, the boxes whose events need their
// focus area derived again, and that derivation itself, the same rule the import's event placer applies.
import { buildAreaIndex } from '../analysis/area-index.js';
import type { AreaGeometry, FocusArea } from '../domain/types.js';
import type { FocusAreaField, FocusAreaRecord, FocusAreaSnapshot } from './focus-area-store.js';
import type { BBox } from './store.js';

export function snapshotOf(f: FocusArea): FocusAreaSnapshot {
  return {
    name: f.name,
    aliases: f.aliases,
    notes: f.notes,
    kelurahanCode: f.kelurahanCode,
    geometry: f.geometry,
    source: f.source,
    approximate: f.approximate,
  };
}

export function changedFields(before: FocusArea | null, after: FocusArea | null): FocusAreaField[] {
  if (before === null || after === null) return ['name', 'aliases', 'notes', 'geometry', 'kelurahanCode'];
  const out: FocusAreaField[] = [];
  if (before.name !== after.name) out.push('name');
  if (JSON.stringify(before.aliases) !== JSON.stringify(after.aliases)) out.push('aliases');
  if (before.notes !== after.notes) out.push('notes');
  if (JSON.stringify(before.geometry) !== JSON.stringify(after.geometry)) out.push('geometry');
  if (before.kelurahanCode !== after.kelurahanCode) out.push('kelurahanCode');
  return out;
}

export function bboxOf(g: AreaGeometry): BBox {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const rings of polygons) {
    for (const ring of rings) {
      for (const [x, y] of ring) {
        w = Math.min(w, x);
        s = Math.min(s, y);
        e = Math.max(e, x);
        n = Math.max(n, y);
      }
    }
  }
  return [w, s, e, n];
}

/**
 * The boxes holding every event whose focus area an edit can change: an event's focus area only depends on the
 * outlines containing it, so only points inside the old or the new outline can move (none when the outline stayed).
 */
export function affectedBoxes(before: FocusArea | null, after: FocusArea | null): BBox[] {
  if (before && after && JSON.stringify(before.geometry) === JSON.stringify(after.geometry)) return [];
  return [before, after].filter((f): f is FocusArea => f !== null).map((f) => bboxOf(f.geometry));
}

export interface LocatedEvent {
  id: string;
  lng: number;
  lat: number;
  focusAreaId: string | null;
}

export interface FocusMove {
  id: string;
  from: string | null;
  to: string | null;
}

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The events whose focus area differs from the one the current outlines give: the first focus area by id (bytewise,
 * as both stores list them) containing the point, as createEventPlacer does on import.
 */
export function focusMoves(events: readonly LocatedEvent[], focusAreas: readonly Pick<FocusAreaRecord, 'id' | 'geometry'>[]): FocusMove[] {
  const sorted = [...focusAreas].sort((a, b) => byteOrder(a.id, b.id));
  const index = buildAreaIndex(sorted.map((f) => ({ key: f.id, geometry: f.geometry })));
  const seen = new Set<string>();
  const moves: FocusMove[] = [];
  for (const e of events) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    const to = index.containing([e.lng, e.lat]);
    if (to !== e.focusAreaId) moves.push({ id: e.id, from: e.focusAreaId, to });
  }
  return moves;
}
