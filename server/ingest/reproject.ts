// Reprojects GeoJSON geometries to WGS84 longitude/latitude with proj4, from the CRS a shapefile's .prj names
// (Jakarta data often comes in UTM zone 48S, EPSG:32748).
import type { Geometry, Position } from 'geojson';
import proj4 from 'proj4';

export type PositionTransform = (p: Position) => Position;

/** A transform from the given WKT (or proj4 string) to WGS84; throws when proj4 cannot read the definition. */
export function toWgs84(definition: string): PositionTransform {
  const converter = proj4(definition, 'WGS84');
  return (p) => {
    const [x, y] = converter.forward([p[0], p[1]]);
    return [Math.round(x * 1e7) / 1e7, Math.round(y * 1e7) / 1e7];
  };
}

export function transformGeometry(g: Geometry, f: PositionTransform): Geometry {
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: f(g.coordinates) };
    case 'MultiPoint':
      return { type: 'MultiPoint', coordinates: g.coordinates.map(f) };
    case 'LineString':
      return { type: 'LineString', coordinates: g.coordinates.map(f) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: g.coordinates.map((l) => l.map(f)) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(f)) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(f))) };
    case 'GeometryCollection':
      return { type: 'GeometryCollection', geometries: g.geometries.map((x) => transformGeometry(x, f)) };
  }
}
