// Reads an uploaded or local file into rows of properties (+ geometry): GeoJSON FeatureCollections and CSV
// (comma or semicolon, UTF-8 with or without BOM, quoted fields).
import Papa from 'papaparse';
import type { Geometry } from 'geojson';
import { IssueList } from './report.js';

export interface TableRow {
  /** 1-based number a person can find: CSV line (header is line 1) or GeoJSON feature number. */
  row: number;
  props: Record<string, unknown>;
  geometry: Geometry | null;
}

export interface Table {
  format: 'geojson' | 'csv';
  columns: string[];
  rows: TableRow[];
}

export class UnreadableFileError extends Error {}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function readGeoJson(text: string): Table {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new UnreadableFileError(`The file is not valid JSON (${e instanceof Error ? e.message : String(e)}). Export it again as GeoJSON.`);
  }
  if (!isRecord(doc) || doc.type !== 'FeatureCollection' || !Array.isArray(doc.features)) {
    throw new UnreadableFileError('The file is JSON but not a GeoJSON FeatureCollection (expected {"type":"FeatureCollection","features":[…]}).');
  }
  const columns = new Set<string>();
  const rows: TableRow[] = doc.features.map((f: unknown, i: number) => {
    const props = isRecord(f) && isRecord(f.properties) ? f.properties : {};
    for (const k of Object.keys(props)) columns.add(k);
    const g = isRecord(f) && isRecord(f.geometry) && typeof f.geometry.type === 'string' ? (f.geometry as unknown as Geometry) : null;
    const id = isRecord(f) && (typeof f.id === 'string' || typeof f.id === 'number') ? { __featureId: f.id } : {};
    return { row: i + 1, props: { ...id, ...props }, geometry: g };
  });
  return { format: 'geojson', columns: [...columns], rows };
}

function readCsv(text: string): Table {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = clean.slice(0, clean.indexOf('\n') === -1 ? undefined : clean.indexOf('\n'));
  const delimiter = (firstLine.match(/;/g) ?? []).length > (firstLine.match(/,/g) ?? []).length ? ';' : ',';
  const parsed = Papa.parse<Record<string, string>>(clean, { header: true, delimiter, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim() });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) throw new UnreadableFileError(`CSV line ${(fatal.row ?? 0) + 2}: ${fatal.message}. Check for an unclosed quote.`);
  const columns = (parsed.meta.fields ?? []).filter((c) => c !== '');
  if (columns.length === 0) throw new UnreadableFileError('The CSV file has no header row.');
  return { format: 'csv', columns, rows: parsed.data.map((props, i) => ({ row: i + 2, props, geometry: null })) };
}

export function readTable(fileName: string, bytes: Buffer | Uint8Array): Table {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.geojson') || lower.endsWith('.json')) return readGeoJson(text);
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return readCsv(text);
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) return readGeoJson(text);
  if (trimmed.length > 0) return readCsv(text);
  throw new UnreadableFileError('The file is empty.');
}

export { IssueList };
