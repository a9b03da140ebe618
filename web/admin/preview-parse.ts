// Reads the chosen file in the browser for the dry-run map preview (GeoJSON; CSV with lat/lon or a WKT column), numbering
// rows as the server's report does so rows with errors can be told apart from valid ones.
import { wktToGeoJSON } from '@terraformer/wkt';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import Papa from 'papaparse';

export interface PreviewProps {
  row: number;
  valid: boolean;
}

export type Preview =
  | { kind: 'features'; collection: FeatureCollection<Geometry, PreviewProps>; valid: number; invalid: number }
  /** Zipped Shapefile or KML: read only on the server. */
  | { kind: 'server-only' }
  | { kind: 'no-geometry' }
  | { kind: 'unreadable' };

export type PreviewFormat = 'geojson' | 'csv' | 'server-only';

const WKT_COLUMNS = /^(wkt|geom|geometry|the_geom|shape|geometri)$/i;

/** Which reader the preview needs, from the name and first bytes (as the server decides). */
export function previewFormat(fileName: string, head: string): PreviewFormat {
  const lower = fileName.toLowerCase();
  const trimmed = head.replace(/^\uFEFF/, '').trimStart();
  if (/\.(zip|shz|shp|kml|kmz)$/.test(lower) || head.startsWith('PK') || trimmed.startsWith('<')) return 'server-only';
  if (lower.endsWith('.geojson') || lower.endsWith('.json') || trimmed.startsWith('{')) return 'geojson';
  return 'csv';
}

/** A number as spreadsheets write it: `-6,2` and `106.8` both read; thousands separators dropped. */
export function readNumber(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string') return null;
  let s = raw.replace(/\s/g, '');
  if (s === '') return null;
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  if (lastComma > lastDot) s = s.replace(/\./g, '').replace(',', '.');
  else if (lastComma !== -1) s = s.replace(/,/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return null;
  return Number(s);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const DRAWABLE = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon']);

/** Keeps geometries MapLibre can draw whose first coordinate is a real longitude/latitude. */
function drawable(g: unknown): g is Geometry {
  if (!isRecord(g) || typeof g.type !== 'string' || !DRAWABLE.has(g.type) || !Array.isArray(g.coordinates)) return false;
  let first: unknown = g.coordinates;
  while (Array.isArray(first) && Array.isArray(first[0])) first = first[0];
  if (!Array.isArray(first) || typeof first[0] !== 'number' || typeof first[1] !== 'number') return false;
  return Math.abs(first[0]) <= 180 && Math.abs(first[1]) <= 90;
}

function collect(items: { row: number; geometry: Geometry | null }[], errorRows: ReadonlySet<number>): Preview {
  const features: Feature<Geometry, PreviewProps>[] = [];
  for (const { row, geometry } of items)
    if (geometry !== null && drawable(geometry)) features.push({ type: 'Feature', geometry, properties: { row, valid: !errorRows.has(row) } });
  if (features.length === 0) return { kind: 'no-geometry' };
  const valid = features.filter((f) => f.properties.valid).length;
  return { kind: 'features', collection: { type: 'FeatureCollection', features }, valid, invalid: features.length - valid };
}

function fromGeoJson(text: string, errorRows: ReadonlySet<number>): Preview {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { kind: 'unreadable' };
  }
  if (!isRecord(doc) || !Array.isArray(doc.features)) return { kind: 'unreadable' };
  return collect(
    doc.features.map((f: unknown, i: number) => ({ row: i + 1, geometry: isRecord(f) && drawable(f.geometry) ? f.geometry : null })),
    errorRows,
  );
}

function wkt(text: string | undefined): Geometry | null {
  if (text === undefined || text.trim() === '') return null;
  try {
    return wktToGeoJSON(text);
  } catch {
    return null;
  }
}

function fromCsv(text: string, used: Readonly<Record<string, string>>, errorRows: ReadonlySet<number>): Preview {
  const clean = text.replace(/^\uFEFF/, '');
  const newline = clean.indexOf('\n');
  const firstLine = newline === -1 ? clean : clean.slice(0, newline);
  const delimiter = (firstLine.match(/;/g) ?? []).length > (firstLine.match(/,/g) ?? []).length ? ';' : ',';
  const parsed = Papa.parse<Record<string, string>>(clean, { header: true, delimiter, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim() });
  const columns = parsed.meta.fields ?? [];
  if (columns.length === 0) return { kind: 'unreadable' };
  const wktColumn = columns.find((c) => WKT_COLUMNS.test(c));
  const lat = used.lat;
  const lng = used.lng;
  if (wktColumn === undefined && (lat === undefined || lng === undefined)) return { kind: 'no-geometry' };
  return collect(
    parsed.data.map((props, i) => {
      const row = i + 2;
      if (wktColumn !== undefined) return { row, geometry: wkt(props[wktColumn]) };
      const y = readNumber(props[lat ?? '']);
      const x = readNumber(props[lng ?? '']);
      return { row, geometry: x === null || y === null ? null : { type: 'Point', coordinates: [x, y] } };
    }),
    errorRows,
  );
}

/**
 * The records of the chosen file as map features, each marked valid unless the report names an error on its row.
 * `used` is the report's field → column map, so lat/lon columns are the ones the server read.
 */
export function buildPreview(fileName: string, text: string, used: Readonly<Record<string, string>>, errorRows: ReadonlySet<number>): Preview {
  const format = previewFormat(fileName, text.slice(0, 64));
  if (format === 'server-only') return { kind: 'server-only' };
  return format === 'geojson' ? fromGeoJson(text, errorRows) : fromCsv(text, used, errorRows);
}

/** [west, south, east, north] around every coordinate of the features, or null when there are none. */
export function boundsOf(collection: FeatureCollection): [number, number, number, number] | null {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      w = Math.min(w, c[0]);
      e = Math.max(e, c[0]);
      s = Math.min(s, c[1]);
      n = Math.max(n, c[1]);
      return;
    }
    for (const x of c) visit(x);
  };
  for (const f of collection.features) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  return Number.isFinite(w) ? [w, s, e, n] : null;
}
