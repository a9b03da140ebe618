// Admin and focus areas as GeoJSON features tagged with what they are, memoised so deck.gl sees the same data across renders.
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { AdminArea, FocusArea } from './features';

export interface AreaProps {
  kind: 'area' | 'focus';
  key: string;
  name: string;
}

export type AreaShape = Feature<Polygon | MultiPolygon, AreaProps>;

const shapeCache = new WeakMap<readonly (AdminArea | FocusArea)[], AreaShape[]>();

/** Tagged features of the given areas, the same array for the same input so deck.gl does not re-tessellate. */
export function shapesOf(items: readonly AdminArea[] | readonly FocusArea[]): AreaShape[] {
  const hit = shapeCache.get(items);
  if (hit) return hit;
  const out = items.map((a): AreaShape => {
    const properties: AreaProps = 'code' in a ? { kind: 'area', key: a.code, name: a.name } : { kind: 'focus', key: a.id, name: a.name };
    return { type: 'Feature', geometry: a.geometry, properties };
  });
  shapeCache.set(items, out);
  return out;
}
