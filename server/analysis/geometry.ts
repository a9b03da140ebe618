// GeoJSON-shaped geometry types the analysis accepts ([lng, lat] WGS84 positions, RFC 7946) and the checks that reject malformed ones.
import { AnalysisInputError } from './errors.js';

/** A position as GeoJSON gives it: [lng, lat], possibly with extra members that are ignored. */
export type Position = readonly number[];
export type LngLat = readonly [lng: number, lat: number];

export interface PointGeometry {
  readonly type: 'Point';
  readonly coordinates: Position;
}
export interface PolygonGeometry {
  readonly type: 'Polygon';
  readonly coordinates: ReadonlyArray<ReadonlyArray<Position>>;
}
export interface MultiPolygonGeometry {
  readonly type: 'MultiPolygon';
  readonly coordinates: ReadonlyArray<ReadonlyArray<ReadonlyArray<Position>>>;
}
export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;
export type SiteGeometry = PointGeometry | AreaGeometry;

/** One location to relate to others: its id and its geometry. */
export interface Site<G extends SiteGeometry = SiteGeometry> {
  readonly id: string;
  readonly geometry: G;
}

function isPosition(p: Position): boolean {
  return p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]) && Math.abs(p[1]) <= 90;
}

function invalid(id: string, why: string): AnalysisInputError {
  return new AnalysisInputError('invalid_geometry', `Feature "${id}" ${why}; expected [lng, lat] positions with finite numbers and |lat| <= 90.`, [
    { id },
  ]);
}

/** The polygons of an area geometry as a list of ring lists, whatever its type. */
export function polygonsOf(geometry: AreaGeometry): ReadonlyArray<ReadonlyArray<ReadonlyArray<Position>>> {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Throws `invalid_geometry` unless the geometry is a Polygon or MultiPolygon of closed-or-open rings with at least 3 positions. */
export function assertAreaGeometry(id: string, geometry: SiteGeometry): asserts geometry is AreaGeometry {
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') throw invalid(id, `is a ${String(geometry.type)}, not a Polygon or MultiPolygon`);
  const polygons = polygonsOf(geometry);
  if (polygons.length === 0) throw invalid(id, 'has no polygons');
  for (const rings of polygons) {
    if (rings.length === 0) throw invalid(id, 'has a polygon without rings');
    for (const ring of rings) {
      if (ring.length < 3) throw invalid(id, 'has a ring with fewer than 3 positions');
      for (const p of ring) if (!isPosition(p)) throw invalid(id, 'has an invalid position');
    }
  }
}

/** Throws `invalid_geometry` unless the geometry is a Point, Polygon or MultiPolygon with valid positions. */
export function assertSiteGeometry(id: string, geometry: SiteGeometry): void {
  if (geometry.type === 'Point') {
    if (!isPosition(geometry.coordinates)) throw invalid(id, 'has an invalid position');
    return;
  }
  assertAreaGeometry(id, geometry);
}
