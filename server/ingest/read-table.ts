// Reads an uploaded or local file into rows of properties (+ geometry): GeoJSON, CSV (comma or semicolon, UTF-8
// with or without BOM, quoted fields, an optional WKT geometry column), zipped Shapefile and KML.
import { wktToGeoJSON } from '@terraformer/wkt';
import type { Geometry } from 'geojson';
import Papa from 'papaparse';
import { msg, MsgError, type Msg } from './messages.js';

export interface TableRow {
  /** 1-based number a person can find: CSV line (header is line 1) or feature number. */
  row: number;
  props: Record<string, unknown>;
  geometry: Geometry | null;
  /** Why a geometry given in the row (WKT) could not be read. */
  geometryError?: Msg;
}

export type TableFormat = 'geojson' | 'csv' | 'shapefile' | 'kml';

export interface Table {
  format: TableFormat;
  columns: string[];
  rows: TableRow[];
  notes: Msg[];
  /** Whether rows carry geometry (GeoJSON, Shapefile, KML, or a CSV WKT column). */
  hasGeometry: boolean;
}

/** The file as a whole cannot be read; `msg` says why in both languages. */
export class UnreadableFileError extends MsgError {}

export const EMPTY_FILE = msg('The file is empty.', 'Berkasnya kosong.');
export const NO_HEADER = msg('The CSV file has no header row.', 'Berkas CSV tidak punya baris judul kolom.');
/** A quote that never closes, found by papaparse at a CSV line. */
export const unclosedQuote = (line: number, why: string): Msg =>
  msg(`CSV line ${line}: ${why}. Check for an unclosed quote.`, `Baris CSV ${line}: ${why}. Periksa tanda kutip yang tidak ditutup.`);

export const wktNote = (column: string): Msg => msg(`Geometry read from the WKT column "${column}".`, `Geometri dibaca dari kolom WKT "${column}".`);

export const WKT_COLUMNS = /^(wkt|geom|geometry|the_geom|shape|geometri)$/i;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fromFeatures(format: TableFormat, features: readonly unknown[], notes: Msg[] = []): Table {
  const columns = new Set<string>();
  const rows: TableRow[] = features.map((f: unknown, i: number) => {
    const props = isRecord(f) && isRecord(f.properties) ? f.properties : {};
    for (const k of Object.keys(props)) columns.add(k);
    const g = isRecord(f) && isRecord(f.geometry) && typeof f.geometry.type === 'string' ? (f.geometry as unknown as Geometry) : null;
    const id = isRecord(f) && (typeof f.id === 'string' || typeof f.id === 'number') ? { __featureId: f.id } : {};
    return { row: i + 1, props: { ...id, ...props }, geometry: g };
  });
  return { format, columns: [...columns], rows, notes, hasGeometry: true };
}

function readGeoJson(text: string): Table {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new UnreadableFileError(msg(`The file is not valid JSON (${why}). Export it again as GeoJSON.`, `Berkas ini bukan JSON yang benar (${why}). Ekspor lagi sebagai GeoJSON.`));
  }
  if (!isRecord(doc) || doc.type !== 'FeatureCollection' || !Array.isArray(doc.features)) {
    throw new UnreadableFileError(
      msg(
        'The file is JSON but not a GeoJSON FeatureCollection (expected {"type":"FeatureCollection","features":[…]}).',
        'Berkas ini JSON tetapi bukan GeoJSON FeatureCollection (seharusnya {"type":"FeatureCollection","features":[…]}).',
      ),
    );
  }
  return fromFeatures('geojson', doc.features);
}

export function parseWkt(text: string): { geometry: Geometry | null; error?: Msg } {
  if (text.trim() === '') return { geometry: null };
  try {
    return { geometry: wktToGeoJSON(text) };
  } catch (e) {
    const why = e instanceof Error ? e.message : 'unreadable';
    return { geometry: null, error: msg(`geometry "${text.slice(0, 40)}…" is not valid WKT (${why})`, `geometri "${text.slice(0, 40)}…" bukan WKT yang benar (${why})`) };
  }
}

function readCsv(text: string): Table {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = clean.slice(0, clean.indexOf('\n') === -1 ? undefined : clean.indexOf('\n'));
  const delimiter = (firstLine.match(/;/g) ?? []).length > (firstLine.match(/,/g) ?? []).length ? ';' : ',';
  const parsed = Papa.parse<Record<string, string>>(clean, { header: true, delimiter, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim() });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) throw new UnreadableFileError(unclosedQuote((fatal.row ?? 0) + 2, fatal.message));
  const columns = (parsed.meta.fields ?? []).filter((c) => c !== '');
  if (columns.length === 0) throw new UnreadableFileError(NO_HEADER);
  const wktColumn = columns.find((c) => WKT_COLUMNS.test(c));
  const rows = parsed.data.map((props, i): TableRow => {
    if (wktColumn === undefined) return { row: i + 2, props, geometry: null };
    const { geometry, error } = parseWkt(props[wktColumn] ?? '');
    return { row: i + 2, props, geometry, ...(error === undefined ? {} : { geometryError: error }) };
  });
  return {
    format: 'csv',
    columns: columns.filter((c) => c !== wktColumn),
    rows,
    notes: wktColumn ? [wktNote(wktColumn)] : [],
    hasGeometry: wktColumn !== undefined,
  };
}

const isZip = (b: Uint8Array) => b.length > 3 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** How readTable will read a file, from its name and its first bytes (a few kilobytes are enough). */
export function sniffFormat(fileName: string, head: Uint8Array): TableFormat | 'shp' | 'empty' {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.zip') || lower.endsWith('.shz') || isZip(head)) return 'shapefile';
  if (lower.endsWith('.shp')) return 'shp';
  // The first character that is not white space or a byte order mark, without decoding a whole large file.
  let i = 0;
  while (i < head.length && (head[i] === 0x20 || (head[i] >= 0x09 && head[i] <= 0x0d) || head[i] === 0xef || head[i] === 0xbb || head[i] === 0xbf)) i++;
  const trimmed = new TextDecoder('utf-8', { fatal: false }).decode(head.subarray(i, i + 64)).trimStart();
  if (lower.endsWith('.kml') || trimmed.startsWith('<')) return 'kml';
  if (lower.endsWith('.geojson') || lower.endsWith('.json') || trimmed.startsWith('{')) return 'geojson';
  return trimmed.length > 0 ? 'csv' : 'empty';
}

export async function readTable(fileName: string, bytes: Uint8Array): Promise<Table> {
  const format = sniffFormat(fileName, bytes);
  if (format === 'shapefile') {
    // Loaded when needed: the import thread reads only CSV and should not load the shapefile and KML libraries.
    const { readShapefileZip, ShapefileError } = await import('./read-shapefile.js');
    try {
      const { features, notes } = await readShapefileZip(bytes);
      return fromFeatures('shapefile', features, notes);
    } catch (e) {
      if (e instanceof ShapefileError) throw new UnreadableFileError(e.msg);
      throw e;
    }
  }
  if (format === 'shp')
    throw new UnreadableFileError(
      msg(
        'A .shp file alone has no attributes or projection: zip it with its .dbf, .shx and .prj and upload the .zip.',
        'Berkas .shp saja tidak punya atribut maupun proyeksi: satukan dengan .dbf, .shx dan .prj dalam ZIP lalu unggah berkas .zip itu.',
      ),
    );
  if (format === 'empty') throw new UnreadableFileError(EMPTY_FILE);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (format === 'kml') {
    const { KmlError, readKml } = await import('./read-kml.js');
    try {
      const features = readKml(text);
      return fromFeatures('kml', features);
    } catch (e) {
      if (e instanceof KmlError) throw new UnreadableFileError(e.msg);
      throw e;
    }
  }
  if (format === 'geojson') return readGeoJson(text);
  return readCsv(text);
}
