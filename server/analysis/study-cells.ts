// The H3 cells covering the study area at a resolution (every cell whose centre lies in a kelurahan), so hot spot
// statistics see the zeros too.
import { polygonToCells } from 'h3-js';
import type { AreaGeometry } from '../domain/types.js';

export function studyCells(geometries: readonly AreaGeometry[], resolution: number): string[] {
  const cells = new Set<string>();
  for (const g of geometries) {
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const rings of polygons) for (const c of polygonToCells(rings, resolution, true)) cells.add(c);
  }
  return [...cells].sort();
}

